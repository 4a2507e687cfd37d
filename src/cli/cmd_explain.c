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
			fprintf(stderr, "opsready: error: unknown rule '%s' (did you mean '%s'?)\n",
				argv[1], suggestion);
		else
			fprintf(stderr, "opsready: error: unknown rule '%s' (see 'opsready rules')\n",
				argv[1]);
		code = OR_EXIT_USAGE;
		goto cleanup;
	}
	printf("%s — %s\n\n", info.id, info.title);
	printf("Severity:    %s%s\n", info.severity, info.enabled ? "" : " (switched off)");
	printf("Area:        %s\n", info.area);
	printf("Check:       %s\n", info.check);
	printf("Pack:        %s\n\n", info.pack);
	printf("%s\n\n", info.description);
	if (info.rationale)
		printf("Why it matters:\n  %s\n\n", info.rationale);
	printf("How to fix it:\n  %s\n\n", info.remediation);
	if (info.nreferences) {
		puts("References:");
		for (i = 0; i < info.nreferences; i++)
			printf("  - %s\n", info.references[i]);
		putchar('\n');
	}
	printf("Params: %s\n", info.params_json);
cleanup:
	or_rules_free(rules);
	return code;
}
