#include "rules/ruleset.h"

#include <stdlib.h>
#include <string.h>

#include "rules/pack.h"
#include "util/embed.h"

/*
 * The packs compiled in (OPSREADY_PACKS in CMakeLists.txt); the unit tests
 * check that this list and the embedded table agree.
 */
static const char *const builtin_pack_names[] = { "business-continuity", "standards",
						  "alert-runbook", "incident-response", NULL };

const or_rule *or_ruleset_find(const or_ruleset *set, const char *id)
{
	size_t lo = 0, hi, mid;
	int cmp;

	if (!set || !id)
		return NULL;
	hi = set->nrules;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		cmp = strcmp(id, set->rules[mid].id);
		if (cmp == 0)
			return &set->rules[mid];
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

void or_ruleset_free(or_ruleset *set)
{
	size_t i;

	if (!set)
		return;
	for (i = 0; i < set->nrules; i++)
		or_rule_dispose(&set->rules[i]);
	free(set->rules);
	for (i = 0; i < set->npacks; i++)
		free(set->packs[i]);
	free(set->packs);
	json_decref(set->settings);
	for (i = 0; i < set->nchanges; i++) {
		free(set->changes[i].rule);
		free(set->changes[i].change);
		free(set->changes[i].cli);
	}
	free(set->changes);
	free(set);
}

static const json_t *param(const or_rule *rule, const char *name)
{
	if (!rule || !rule->params || !name)
		return NULL;
	return json_object_get(rule->params, name);
}

json_int_t or_rule_param_int(const or_rule *rule, const char *name, json_int_t fallback)
{
	const json_t *v = param(rule, name);

	return json_is_integer(v) ? json_integer_value(v) : fallback;
}

double or_rule_param_number(const or_rule *rule, const char *name, double fallback)
{
	const json_t *v = param(rule, name);

	return json_is_number(v) ? json_number_value(v) : fallback;
}

bool or_rule_param_bool(const or_rule *rule, const char *name, bool fallback)
{
	const json_t *v = param(rule, name);

	return json_is_boolean(v) ? json_is_true(v) : fallback;
}

const char *or_rule_param_string(const or_rule *rule, const char *name, const char *fallback)
{
	const json_t *v = param(rule, name);

	return json_is_string(v) ? json_string_value(v) : fallback;
}

const json_t *or_rule_param_array(const or_rule *rule, const char *name)
{
	const json_t *v = param(rule, name);

	return json_is_array(v) ? v : NULL;
}

const json_t *or_ruleset_param(const or_ruleset *set, const char *id, const char *name)
{
	return param(or_ruleset_find(set, id), name);
}

const char *or_pack_builtin_source(const char *name, size_t *len)
{
	const or_embedded_file *file;

	if (!name)
		return NULL;
	file = or_embedded_find(or_packs_files, name);
	if (!file)
		return NULL;
	if (len)
		*len = file->size;
	return (const char *)file->data;
}

const char *const *or_pack_builtin_names(void)
{
	return builtin_pack_names;
}
