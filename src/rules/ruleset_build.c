/*
 * The ruleset of a scan: the packs the config extends (built-in, or pack
 * files relative to the config), then the config's rule overrides, then the
 * command line's --rule arguments, each change recorded where it was made.
 */
#include "rules/config.h"

#include <stdlib.h>
#include <string.h>

#include "input/yaml.h"
#include "rules/pack.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/text.h"

#define OR_DEFAULT_PACK "business-continuity"

static int load_pack(or_pack **out, const or_config *config, const char *name,
		     or_diag *diag)
{
	const char *config_path = config ? config->path : NULL;
	const char *source;
	char *path = NULL, *text = NULL;
	or_buf label = OR_BUF_INIT;
	size_t len = 0;
	int rc = -1;

	source = or_pack_builtin_source(name, &len);
	if (source) {
		or_buf_printf(&label, "rules/%s.yml", name);
		rc = or_pack_parse(out, source, len, or_buf_cstr(&label), diag);
		goto cleanup;
	}
	if (config && config->tree) {
		/* the merge base's (--since): from its tree, named "<base>:<path>" */
		char *file = NULL;

		if (or_config_check_pack(config, name, diag) == 0 &&
		    or_config_read_tree_pack(config, name, &text, &len, &file, diag) == 0)
			rc = or_pack_parse(out, text, len, file, diag);
		free(file);
		goto cleanup;
	}
	if (or_config_check_pack(config, name, diag) != 0)
		goto cleanup;
	path = or_config_pack_path(config_path, name);
	if (or_yaml_read_file(&text, &len, path, "rule pack", diag) != 0)
		goto cleanup;
	rc = or_pack_parse(out, text, len, path, diag);
cleanup:
	or_buf_dispose(&label);
	free(path);
	free(text);
	return rc;
}

static int compare_rules(const void *a, const void *b)
{
	return strcmp(((const or_rule *)a)->id, ((const or_rule *)b)->id);
}

static void add_pack(or_ruleset *set, size_t *cap, or_pack *pack)
{
	size_t i, j;

	for (i = 0; i < pack->nrules; i++) {
		for (j = 0; j < set->nrules; j++)
			if (strcmp(set->rules[j].id, pack->rules[i].id) == 0)
				break;
		if (j == set->nrules) {
			set->rules = or_xgrow(set->rules, cap, set->nrules + 1, sizeof(or_rule));
			set->nrules++;
		} else {
			or_rule_dispose(&set->rules[j]);
		}
		/* Move the rule out of the pack. */
		set->rules[j] = pack->rules[i];
		memset(&pack->rules[i], 0, sizeof(or_rule));
	}
	json_object_update(set->settings, pack->settings);
	set->packs = or_xrealloc(set->packs, (set->npacks + 1) * sizeof(char *));
	set->packs[set->npacks++] = or_xstrdup(pack->name);
}

static const char *suggest_id(const or_ruleset *set, const char *id)
{
	const char **ids = or_xcalloc(set->nrules ? set->nrules : 1, sizeof(char *));
	const char *suggestion;
	size_t i;

	for (i = 0; i < set->nrules; i++)
		ids[i] = set->rules[i].id;
	suggestion = or_text_did_you_mean(id, ids, set->nrules);
	free(ids);
	return suggestion;
}

/* "unknown rule 'x'" with a did-you-mean, into `out`. */
static void unknown_rule_message(or_buf *out, const or_ruleset *set, const char *id,
				 const char *context)
{
	const char *suggestion = suggest_id(set, id);

	or_buf_printf(out, "unknown rule '%s'%s", id, context);
	if (suggestion)
		or_buf_printf(out, " (did you mean '%s'?)", suggestion);
}

static const char *json_type_name(const json_t *value)
{
	switch (json_typeof(value)) {
	case JSON_OBJECT:
		return "a mapping";
	case JSON_ARRAY:
		return "a list";
	case JSON_STRING:
		return "a string";
	case JSON_INTEGER:
		return "an integer";
	case JSON_REAL:
		return "a number";
	case JSON_TRUE:
	case JSON_FALSE:
		return "true or false";
	default:
		return "null";
	}
}

static bool all_strings(const json_t *array)
{
	size_t i;
	json_t *item;

	json_array_foreach(array, i, item)
		if (!json_is_string(item))
			return false;
	return true;
}

/* May `value` replace the pack's `current` value of param `name`? */
static bool param_compatible(const char *name, const json_t *current, const json_t *value)
{
	if (strcmp(name, "applies_to") == 0)
		return json_is_string(value) || (json_is_array(value) && all_strings(value));
	if (json_is_real(current))
		return json_is_number(value);
	if (json_is_boolean(current))
		return json_is_boolean(value);
	return json_typeof(current) == json_typeof(value);
}

/* The first number below zero in `value`, at any depth, or NULL. */
static const json_t *negative_number(const json_t *value)
{
	const json_t *item, *found;
	const char *key;
	size_t i;

	if (json_is_number(value))
		return json_number_value(value) < 0 ? value : NULL;
	if (json_is_array(value)) {
		json_array_foreach(value, i, item)
			if ((found = negative_number(item)) != NULL)
				return found;
	} else if (json_is_object(value)) {
		json_object_foreach((json_t *)value, key, item)
			if ((found = negative_number(item)) != NULL)
				return found;
	}
	return NULL;
}

/* Where a change was made: a --rule argument, or else a line of the config. */
typedef struct change_source {
	const char *cli;
	int line, column;
} change_source;

/* Note that `rule` was changed: `change` (a printf format) at `source`. */
static void record_change(or_ruleset *set, const or_rule *rule, const change_source *source,
			  const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void record_change(or_ruleset *set, const or_rule *rule, const change_source *source,
			  const char *fmt, ...)
{
	or_rule_change *c;
	or_buf change = OR_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	or_buf_vprintf(&change, fmt, ap);
	va_end(ap);
	set->changes = or_xgrow(set->changes, &set->cap_changes, set->nchanges + 1,
				sizeof(*set->changes));
	c = &set->changes[set->nchanges++];
	c->rule = or_xstrdup(rule->id);
	c->change = or_buf_detach(&change);
	c->cli = source->cli ? or_xstrdup(source->cli) : NULL;
	c->line = source->line;
	c->column = source->column;
}

/* A param's value in a change: compact JSON, strings without quotes. */
static char *param_text(const json_t *value)
{
	return json_is_string(value) ? or_xstrdup(json_string_value(value))
				     : json_dumps(value, JSON_COMPACT | JSON_ENCODE_ANY);
}

static int apply_params(or_ruleset *set, or_rule *rule, const or_rule_override *ov,
			const char *file, or_diag *diag)
{
	const char **names = NULL;
	const char *key, *suggestion;
	json_t *value, *current;
	size_t n = 0, i = 0;
	int rc = -1;

	json_object_foreach(rule->params, key, value)
		n++;
	names = or_xcalloc(n ? n : 1, sizeof(char *));
	json_object_foreach(rule->params, key, value)
		names[i++] = key;
	json_object_foreach(ov->params, key, value) {
		current = json_object_get(rule->params, key);
		if (!current) {
			suggestion = or_text_did_you_mean(key, names, n);
			if (suggestion)
				or_diag_set(diag, OR_EXIT_USAGE, file, ov->line, ov->column,
					    "rule %s has no param '%s' (did you mean '%s'?)",
					    rule->id, key, suggestion);
			else
				or_diag_set(diag, OR_EXIT_USAGE, file, ov->line, ov->column,
					    "rule %s has no param '%s'", rule->id, key);
			goto cleanup;
		}
		if (!param_compatible(key, current, value)) {
			or_diag_set(diag, OR_EXIT_USAGE, file, ov->line, ov->column,
				    "param '%s' of rule %s expects %s, not %s", key, rule->id,
				    json_type_name(current), json_type_name(value));
			goto cleanup;
		}
		/* days, minutes, percentages: counts the pack gives as zero or
		 * more stay so, at any depth ("due every -3 days" means nothing) */
		if (!negative_number(current) && negative_number(value)) {
			or_diag_set(diag, OR_EXIT_USAGE, file, ov->line, ov->column,
				    "param '%s' of rule %s must not be negative (got %g)", key,
				    rule->id, json_number_value(negative_number(value)));
			goto cleanup;
		}
	}
	/* Everything checked: now merge (names[] borrows keys, so not before). */
	free(names);
	names = NULL;
	json_object_foreach(ov->params, key, value) {
		current = json_object_get(rule->params, key);
		if (!json_equal(current, value) &&
		    !(json_is_number(current) && json_is_number(value) &&
		      json_number_value(current) == json_number_value(value))) {
			char *was = param_text(current), *now = param_text(value);
			change_source source = { NULL, ov->line, ov->column };

			record_change(set, rule, &source, "%s %s (was %s)", key, now ? now : "?",
				      was ? was : "?");
			free(was);
			free(now);
		}
		if (json_is_real(current) && json_is_integer(value))
			json_object_set_new(rule->params, key,
					    json_real((double)json_integer_value(value)));
		else
			json_object_set(rule->params, key, value);
	}
	rc = 0;
cleanup:
	free(names);
	return rc;
}

/* What an override or --rule did to a rule's state, if anything. */
static void record_state_change(or_ruleset *set, const or_rule *rule,
				const change_source *source, bool was_enabled,
				or_severity was_severity)
{
	if (rule->enabled != was_enabled)
		record_change(set, rule, source, "%s", rule->enabled ? "on" : "off");
	if (rule->severity != was_severity)
		record_change(set, rule, source, "severity %s (was %s)",
			      or_severity_name(rule->severity), or_severity_name(was_severity));
}

static int apply_overrides(or_ruleset *set, const or_config *config, or_diag *diag)
{
	const or_rule_override *ov;
	or_rule *rule;
	bool was_enabled;
	or_severity was_severity;
	change_source source = { NULL, 0, 0 };
	or_buf message = OR_BUF_INIT;
	size_t i;
	int rc = -1;

	for (i = 0; i < config->noverrides; i++) {
		ov = &config->overrides[i];
		rule = (or_rule *)or_ruleset_find(set, ov->id);
		if (!rule) {
			unknown_rule_message(&message, set, ov->id, "");
			or_diag_set(diag, OR_EXIT_USAGE, config->path, ov->line, ov->column, "%s",
				    or_buf_cstr(&message));
			goto cleanup;
		}
		if (ov->params && apply_params(set, rule, ov, config->path, diag) != 0)
			goto cleanup;
		was_enabled = rule->enabled;
		was_severity = rule->severity;
		if (ov->has_severity) {
			rule->severity = ov->severity;
			rule->enabled = true;
		}
		if (ov->has_enabled)
			rule->enabled = ov->enabled;
		source.line = ov->line;
		source.column = ov->column;
		record_state_change(set, rule, &source, was_enabled, was_severity);
	}
	for (i = 0; i < config->nwaivers; i++) {
		if (or_ruleset_find(set, config->waivers[i].rule))
			continue;
		unknown_rule_message(&message, set, config->waivers[i].rule, " in waiver");
		or_diag_set(diag, OR_EXIT_USAGE, config->path, config->waivers[i].line,
			    config->waivers[i].column, "%s", or_buf_cstr(&message));
		goto cleanup;
	}
	for (i = 0; i < config->nsuppressions_allowed_rules; i++) {
		const or_allowed_rule *allowed = &config->suppressions_allowed_rules[i];

		if (or_ruleset_find(set, allowed->id))
			continue;
		unknown_rule_message(&message, set, allowed->id, " in suppressions.allowed_rules");
		or_diag_set(diag, OR_EXIT_USAGE, config->path, allowed->line, allowed->column, "%s",
			    or_buf_cstr(&message));
		goto cleanup;
	}
	rc = 0;
cleanup:
	or_buf_dispose(&message);
	return rc;
}

static int apply_cli_rules(or_ruleset *set, const char *const *cli_rules, size_t n,
			   or_diag *diag)
{
	const char *arg, *eq, *value;
	char *id = NULL;
	or_rule *rule;
	or_severity severity, was_severity;
	or_buf message = OR_BUF_INIT;
	change_source source = { NULL, 0, 0 };
	bool was_enabled;
	size_t i;
	int rc = -1;

	for (i = 0; i < n; i++) {
		arg = cli_rules[i];
		eq = strchr(arg, '=');
		if (!eq || eq == arg || eq[1] == '\0') {
			or_diag_set(diag, OR_EXIT_USAGE, NULL, 0, 0,
				    "invalid --rule '%s' (expected ID=off|on|error|warning|notice)",
				    arg);
			goto cleanup;
		}
		free(id);
		id = or_xstrndup(arg, (size_t)(eq - arg));
		value = eq + 1;
		rule = (or_rule *)or_ruleset_find(set, id);
		if (!rule) {
			or_buf_clear(&message);
			unknown_rule_message(&message, set, id, " in --rule");
			or_diag_set(diag, OR_EXIT_USAGE, NULL, 0, 0, "%s", or_buf_cstr(&message));
			goto cleanup;
		}
		was_enabled = rule->enabled;
		was_severity = rule->severity;
		if (strcmp(value, "off") == 0) {
			rule->enabled = false;
		} else if (strcmp(value, "on") == 0) {
			rule->enabled = true;
		} else if (or_severity_parse(&severity, value) == 0 && severity != OR_SEV_NEVER) {
			rule->severity = severity;
			rule->enabled = true;
		} else {
			or_diag_set(diag, OR_EXIT_USAGE, NULL, 0, 0,
				    "invalid value '%s' in --rule %s (expected off, on, error, warning or notice)",
				    value, arg);
			goto cleanup;
		}
		source.cli = arg;
		record_state_change(set, rule, &source, was_enabled, was_severity);
	}
	rc = 0;
cleanup:
	free(id);
	or_buf_dispose(&message);
	return rc;
}

int or_ruleset_build(or_ruleset **out, const or_config *config,
		     const char *const *cli_rules, size_t ncli_rules, or_diag *diag)
{
	static const char *const default_extends[] = { OR_DEFAULT_PACK };
	or_ruleset *set = or_xcalloc(1, sizeof(or_ruleset));
	const char *const *names;
	or_pack *pack = NULL;
	json_t *paths;
	size_t i, n, cap = 0;
	int rc = -1;

	*out = NULL;
	set->settings = json_object();
	if (config && config->nextends) {
		names = (const char *const *)config->extends;
		n = config->nextends;
	} else {
		names = default_extends;
		n = 1;
	}
	for (i = 0; i < n; i++) {
		if (load_pack(&pack, config, names[i], diag) != 0)
			goto cleanup;
		add_pack(set, &cap, pack);
		or_pack_free(pack);
		pack = NULL;
	}
	if (set->nrules)
		qsort(set->rules, set->nrules, sizeof(or_rule), compare_rules);
	if (config && config->has_runbook_paths) {
		paths = json_array();
		for (i = 0; i < config->nrunbook_paths; i++)
			json_array_append_new(paths, json_string(config->runbook_paths[i]));
		json_object_set_new(set->settings, "runbook_paths", paths);
	}
	if (config && apply_overrides(set, config, diag) != 0)
		goto cleanup;
	if (apply_cli_rules(set, cli_rules, cli_rules ? ncli_rules : 0, diag) != 0)
		goto cleanup;
	*out = set;
	set = NULL;
	rc = 0;
cleanup:
	or_pack_free(pack);
	or_ruleset_free(set);
	return rc;
}
