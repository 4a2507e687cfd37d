/* opsready rules [--config FILE]: every rule loaded, with its severity and title. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const struct option long_options[] = {
	{ "config", required_argument, NULL, 'c' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

int or_cmd_rules(int argc, char **argv)
{
	const char *config = NULL;
	or_rules *rules = NULL;
	or_diag diag = OR_DIAG_INIT;
	size_t i;
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", long_options, NULL)) != -1) {
		switch (c) {
		case 'c':
			config = optarg;
			break;
		case 'h':
			puts("Usage: opsready rules [--config FILE]\n\n"
			     "List every rule the config loads: id, severity, title. Rules that\n"
			     "the config switches off are listed as 'off'.");
			return OR_EXIT_PASS;
		case ':':
			return or_cli_usage_error("rules", "option '%s' needs a value", argv[optind - 1]);
		default:
			return or_cli_usage_error("rules", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return or_cli_usage_error("rules", "unexpected argument '%s'", argv[optind]);
	if (or_rules_load(&rules, config, ".", &diag) != 0)
		return or_cli_error(&diag);
	for (i = 0; i < or_rules_count(rules); i++) {
		or_rule_info info;
		or_rules_get(rules, i, &info);
		char *id = or_escape_for_terminal(info.id), *title = or_escape_for_terminal(info.title);

		printf("%-36s %-8s %s\n", id, info.enabled ? info.severity : "off", title);
		free(id);
		free(title);
	}
	or_rules_free(rules);
	return OR_EXIT_PASS;
}
