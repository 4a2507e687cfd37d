/*
 * libFuzzer harness: the config loader. Any bytes are a .opsready.yml;
 * or_config_parse must either load them or refuse them with a usage error
 * and a message, and what loads goes through or_ruleset_build (the built-in
 * packs, the overrides, waivers). The config's directory does not exist, so
 * pack files named in `extends:` are never read. The same bytes are also
 * parsed as a rule pack (or_pack_parse), the other YAML users write.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"
#include "rules/config.h"
#include "rules/pack.h"

#define FUZZ_CONFIG_PATH "/nonexistent/opsready-fuzz/.opsready.yml"

static void require_error(const or_diag *diag)
{
	require(diag->code == OR_EXIT_USAGE || diag->code == OR_EXIT_RUNTIME);
	require(diag->message[0] != '\0');
	require(diag->line >= 0 && diag->column >= 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const cli_rules[] = { "docs.placeholder=off", "review.stale=warning" };
	const char *text = (const char *)data;
	or_config *config = NULL;
	or_ruleset *rules = NULL;
	or_pack *pack = NULL;
	or_diag diag = OR_DIAG_INIT;
	size_t i;

	if (or_config_parse(&config, text, size, FUZZ_CONFIG_PATH, &diag) != 0) {
		require(config == NULL);
		require_error(&diag);
	} else {
		require(config != NULL && config->version == 1);
		for (i = 0; i < config->nwaivers; i++)
			require(config->waivers[i].rule && config->waivers[i].reason);
		diag = (or_diag)OR_DIAG_INIT;
		if (or_ruleset_build(&rules, config, cli_rules, 2, &diag) != 0) {
			require(rules == NULL);
			require_error(&diag);
		} else {
			for (i = 0; i < rules->nrules; i++)
				require(rules->rules[i].id && rules->rules[i].params);
		}
	}
	diag = (or_diag)OR_DIAG_INIT;
	if (or_pack_parse(&pack, text, size, "rules/fuzz.yml", &diag) != 0)
		require_error(&diag);
	or_pack_free(pack);
	or_ruleset_free(rules);
	or_config_free(config);
	return 0;
}
