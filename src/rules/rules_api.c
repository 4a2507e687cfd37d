#include "opsready/rules.h"

#include <stdlib.h>
#include <string.h>

#include "rules/config.h"
#include "rules/ruleset.h"
#include "util/alloc.h"
#include "util/text.h"

struct or_rules {
	or_ruleset *set;
	char **params_json;  /* one per rule, compact JSON with sorted keys */
	const char **ids;    /* for "did you mean" */
};

int or_rules_load(or_rules **out, const char *config_path, const char *root, or_diag *diag)
{
	or_rules *rules = or_xcalloc(1, sizeof(or_rules));
	or_config *config = NULL;
	char *found = NULL;
	size_t i;
	int rc = -1;

	*out = NULL;
	if (!config_path)
		config_path = found = or_config_find(root);
	if (config_path) {
		if (or_config_load(&config, config_path, root ? root : ".", diag) != 0)
			goto cleanup;
	} else {
		config = or_config_default();
	}
	if (or_ruleset_build(&rules->set, config, NULL, 0, diag) != 0)
		goto cleanup;
	rules->params_json = or_xcalloc(rules->set->nrules ? rules->set->nrules : 1,
					sizeof(char *));
	rules->ids = or_xcalloc(rules->set->nrules ? rules->set->nrules : 1, sizeof(char *));
	for (i = 0; i < rules->set->nrules; i++) {
		rules->params_json[i] = json_dumps(rules->set->rules[i].params,
						   JSON_COMPACT | JSON_SORT_KEYS);
		if (!rules->params_json[i])
			rules->params_json[i] = or_xstrdup("{}");
		rules->ids[i] = rules->set->rules[i].id;
	}
	*out = rules;
	rules = NULL;
	rc = 0;
cleanup:
	free(found);
	or_config_free(config);
	or_rules_free(rules);
	return rc;
}

size_t or_rules_count(const or_rules *rules)
{
	return rules ? rules->set->nrules : 0;
}

void or_rules_get(const or_rules *rules, size_t i, or_rule_info *out)
{
	const or_rule *rule = &rules->set->rules[i];

	out->id = rule->id;
	out->check = rule->check;
	out->area = rule->area;
	out->severity = or_severity_name(rule->severity);
	out->enabled = rule->enabled;
	out->title = rule->title;
	out->description = rule->description;
	out->rationale = rule->rationale;
	out->remediation = rule->remediation;
	out->references = (const char *const *)rule->references;
	out->nreferences = rule->nreferences;
	out->pack = rule->pack;
	out->params_json = rules->params_json[i];
}

int or_rules_find(const or_rules *rules, const char *id, or_rule_info *out,
		  const char **suggestion)
{
	const or_rule *rule = or_ruleset_find(rules->set, id);

	if (suggestion)
		*suggestion = NULL;
	if (!rule) {
		if (suggestion)
			*suggestion = or_text_did_you_mean(id, rules->ids, rules->set->nrules);
		return -1;
	}
	or_rules_get(rules, (size_t)(rule - rules->set->rules), out);
	return 0;
}

void or_rules_free(or_rules *rules)
{
	size_t i;

	if (!rules)
		return;
	if (rules->set && rules->params_json)
		for (i = 0; i < rules->set->nrules; i++)
			free(rules->params_json[i]);
	free(rules->params_json);
	free(rules->ids);
	or_ruleset_free(rules->set);
	free(rules);
}
