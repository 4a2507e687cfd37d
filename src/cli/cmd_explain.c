/* opsready explain RULE: what a rule checks, why, how to fix it, and the
 * standards it serves. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

int or_cmd_explain(int argc, char **argv)
{
	or_rules *rules = NULL;
	or_rule_info info;
	or_diag diag = OR_DIAG_INIT;
	const char *suggestion = NULL;
	size_t i;
	int code = OR_EXIT_PASS;

	if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		puts("Usage: opsready explain RULE\n\n"
		     "A rule's description, rationale, remediation and references.");
		return OR_EXIT_PASS;
	}
	if (argc != 2)
		return or_cli_usage_error("explain", "give exactly one rule id");
	if (or_rules_load(&rules, NULL, ".", &diag) != 0)
		return or_cli_error(&diag);
	if (or_rules_find(rules, argv[1], &info, &suggestion) != 0) {
		if (suggestion)
			or_diag_set(&diag, OR_EXIT_USAGE, NULL, 0, 0,
				    "unknown rule '%s' (did you mean '%s'?)", argv[1], suggestion);
		else
			or_diag_set(&diag, OR_EXIT_USAGE, NULL, 0, 0,
				    "unknown rule '%s' (see 'opsready rules')", argv[1]);
		or_cli_error(&diag);
		code = OR_EXIT_USAGE;
		goto cleanup;
	}
	/* a pack in the repository wrote these: printed as the text report
	 * prints repository values */
	or_cli_print("", info.id, " — ");
	or_cli_print("", info.title, "\n\n");
	or_cli_print("Severity:    ", info.severity, info.enabled ? "\n" : " (switched off)\n");
	or_cli_print("Area:        ", info.area, "\n");
	or_cli_print("Check:       ", info.check, "\n");
	or_cli_print("Pack:        ", info.pack, "\n\n");
	or_cli_print("", info.description, "\n\n");
	if (info.rationale)
		or_cli_print("Why it matters:\n  ", info.rationale, "\n\n");
	or_cli_print("How to fix it:\n  ", info.remediation, "\n\n");
	if (info.nreferences) {
		puts("References:");
		for (i = 0; i < info.nreferences; i++)
			or_cli_print("  - ", info.references[i], "\n");
		putchar('\n');
	}
	or_cli_print("Params: ", info.params_json, "\n");
cleanup:
	or_rules_free(rules);
	return code;
}
