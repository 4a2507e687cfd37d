/* opsready diff OLD.json NEW.json: new, fixed and unchanged findings and the
 * score change; exit 1 when there are new findings at or above --fail-on. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "opsready/compare.h"

static const char diff_usage[] =
	"Usage: opsready diff OLD.json NEW.json [--format text|json|markdown] [--fail-on LEVEL]\n"
	"\n"
	"Compare two JSON reports by finding fingerprint: new, fixed and unchanged\n"
	"findings, and the score change overall and per area. Exit 1 when NEW has\n"
	"new active findings at or above --fail-on (default error).\n";

static const struct option long_options[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "fail-on", required_argument, NULL, 'x' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

int or_cmd_diff(int argc, char **argv)
{
	const char *format = "text", *fail_on = "error";
	or_report *old_report = NULL, *new_report = NULL, *diff = NULL;
	or_diag diag = OR_DIAG_INIT;
	char *text = NULL;
	size_t len;
	int c, code = OR_EXIT_USAGE;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", long_options, NULL)) != -1) {
		switch (c) {
		case 'f':
			format = optarg;
			break;
		case 'x':
			fail_on = optarg;
			break;
		case 'h':
			fputs(diff_usage, stdout);
			return OR_EXIT_PASS;
		case ':':
			return or_cli_usage_error("diff", "option '%s' needs a value", argv[optind - 1]);
		default:
			return or_cli_usage_error("diff", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "markdown"))
		return or_cli_usage_error("diff", "--format: '%s' is not text, json or markdown",
					  format);
	if (!or_fail_on_known(fail_on))
		return or_cli_usage_error("diff",
					  "--fail-on: '%s' is not one of error, warning, notice, never",
					  fail_on);
	if (optind + 2 != argc)
		return or_cli_usage_error("diff", "give two reports: OLD.json NEW.json");
	if (or_report_load(&old_report, argv[optind], &diag) != 0 ||
	    or_report_load(&new_report, argv[optind + 1], &diag) != 0 ||
	    or_report_diff(&diff, old_report, new_report, &diag) != 0 ||
	    or_diff_render(&text, &len, diff, format, &diag) != 0) {
		code = or_cli_error(&diag);
		goto cleanup;
	}
	fwrite(text, 1, len, stdout);
	code = or_diff_new_at_or_above(diff, fail_on) ? OR_EXIT_FAIL : OR_EXIT_PASS;
cleanup:
	free(text);
	or_report_free(diff);
	or_report_free(old_report);
	or_report_free(new_report);
	return code;
}
