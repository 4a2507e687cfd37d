/* opsready's command line: a table of subcommands over libopsready. */
#include <errno.h>
#include <stdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>

#include "cli.h"

typedef struct subcommand {
	const char *name;
	or_cmd_fn run;
	const char *usage;
} subcommand;

static const subcommand subcommands[] = {
	{ "check", or_cmd_check, "check [PATH] [options]     scan PATH (default .) and report" },
	{ "rules", or_cmd_rules, "rules [--config FILE]      list every rule loaded" },
	{ "explain", or_cmd_explain, "explain RULE               a rule's description, rationale, remediation" },
	{ "init", or_cmd_init, "init [--dry-run] [PATH]    write a .opsready.yml that fits the repository (never overwrites)" },
	{ "diff", or_cmd_diff, "diff OLD.json NEW.json     new, fixed and unchanged findings between two reports" },
	{ "merge", or_cmd_merge, "merge REPORT.json... [--report FMT=PATH]  one organisation-wide report from many" },
	{ "render", or_cmd_render, "render REPORT.json [--format FMT] [--report FMT=PATH]  any report again from a saved JSON report" },
	{ NULL, NULL, NULL },
};

static void usage(FILE *out)
{
	const subcommand *c;

	fputs("opsready: audit operational-readiness documents kept in git\n\nUsage:\n", out);
	for (c = subcommands; c->name; c++)
		fprintf(out, "  opsready %s\n", c->usage);
	fputs("  opsready --version | --help\n\n"
	      "Run 'opsready COMMAND --help' for a command's options.\n"
	      "Exit codes: 0 gate passed, 1 gate failed, 2 usage or configuration error,\n"
	      "3 runtime error.\n",
	      out);
}

/*
 * Whatever a command wrote to standard output must have reached it: a full
 * disk or a closed pipe is a runtime error (3), never a silent success.
 */
static int finish(int rc)
{
	if (rc == OR_EXIT_RUNTIME) /* the command said what failed */
		return rc;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "opsready: error: cannot write to standard output: %s\n",
			errno ? strerror(errno) : "write error");
		return OR_EXIT_RUNTIME;
	}
	return rc;
}

int main(int argc, char **argv)
{
	const subcommand *c;

#if defined(__GLIBC__) && defined(M_MXFAST)
	/*
	 * A scan makes millions of small allocations (the report value) between
	 * larger ones. With glibc's fastbins, each larger request first merges
	 * every small free chunk (malloc_consolidate: a tenth of a scan's time
	 * in profiles); without them the thread caches still serve small sizes.
	 */
	mallopt(M_MXFAST, 0);
#endif
	if (argc < 2) {
		usage(stderr);
		return OR_EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return finish(OR_EXIT_PASS);
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("opsready %s\n", OPSREADY_VERSION);
		return finish(OR_EXIT_PASS);
	}
	for (c = subcommands; c->name; c++)
		if (strcmp(argv[1], c->name) == 0)
			return finish(c->run(argc - 1, argv + 1));
	return or_cli_usage_error(NULL, "unknown command '%s'", argv[1]);
}
