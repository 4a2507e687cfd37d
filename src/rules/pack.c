#include "rules/pack.h"

#include <stdlib.h>
#include <string.h>

#include "input/yaml.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/glob.h"

static const char *const pack_keys[] = {
	"pack", "title", "description", "settings", "rules", NULL
};
static const char *const settings_keys[] = { "runbook_paths", "metadata_aliases",
					     "contact_headings", "contact_endpoints",
					     "contact_feeds", NULL };
static const char *const alias_keys[] = {
	"last_updated", "next_review", "owner", "version", "status", "approval",
	"review_period", NULL
};
static const char *const rule_keys[] = {
	"id", "check", "severity", "title", "description", "rationale", "remediation",
	"references", "params", "enabled", NULL
};

void or_rule_dispose(or_rule *rule)
{
	size_t i;

	if (!rule)
		return;
	free(rule->id);
	free(rule->check);
	free(rule->area);
	free(rule->title);
	free(rule->description);
	free(rule->rationale);
	free(rule->remediation);
	for (i = 0; i < rule->nreferences; i++)
		free(rule->references[i]);
	free(rule->references);
	json_decref(rule->params);
	free(rule->pack);
	memset(rule, 0, sizeof(*rule));
}

static char *dup_or_null(const char *s)
{
	return s ? or_xstrdup(s) : NULL;
}

void or_rule_copy(or_rule *dst, const or_rule *src)
{
	size_t i;

	dst->id = dup_or_null(src->id);
	dst->check = dup_or_null(src->check);
	dst->area = dup_or_null(src->area);
	dst->severity = src->severity;
	dst->enabled = src->enabled;
	dst->title = dup_or_null(src->title);
	dst->description = dup_or_null(src->description);
	dst->rationale = dup_or_null(src->rationale);
	dst->remediation = dup_or_null(src->remediation);
	dst->nreferences = src->nreferences;
	dst->references = or_xcalloc(src->nreferences ? src->nreferences : 1, sizeof(char *));
	for (i = 0; i < src->nreferences; i++)
		dst->references[i] = or_xstrdup(src->references[i]);
	dst->params = src->params ? json_deep_copy(src->params) : json_object();
	dst->pack = dup_or_null(src->pack);
}

void or_pack_free(or_pack *pack)
{
	size_t i;

	if (!pack)
		return;
	free(pack->name);
	free(pack->title);
	free(pack->description);
	for (i = 0; i < pack->nrules; i++)
		or_rule_dispose(&pack->rules[i]);
	free(pack->rules);
	json_decref(pack->settings);
	free(pack);
}

/* A required string field of a mapping. */
static int required_string(char **out, or_yaml *yaml, const yaml_node_t *mapping,
			   const char *key, const char *what, or_diag *diag)
{
	yaml_node_t *value = or_yaml_get(yaml, mapping, key);

	if (!value)
		return or_yaml_error(diag, yaml, mapping, "%s needs '%s'", what, key);
	return or_yaml_get_string(out, yaml, value, key, diag);
}

static int parse_settings(json_t *settings, or_yaml *yaml, const yaml_node_t *node,
			  or_diag *diag)
{
	yaml_node_t *paths, *aliases, *value;
	char **strings = NULL;
	size_t n = 0, i;
	const char *why;
	or_buf what = OR_BUF_INIT;
	json_t *json = NULL;
	int rc = -1;

	if (or_yaml_check_keys(yaml, node, settings_keys, "settings", diag) != 0)
		goto cleanup;
	paths = or_yaml_get(yaml, node, "runbook_paths");
	if (paths) {
		if (or_yaml_get_strings(&strings, &n, yaml, paths, false,
					"settings.runbook_paths", diag) != 0)
			goto cleanup;
		for (i = 0; i < n; i++) {
			if (or_glob_validate(strings[i], &why) != 0) {
				or_yaml_error(diag, yaml, or_yaml_item(yaml, paths, i),
					      "invalid glob '%s' in settings.runbook_paths: %s",
					      strings[i], why);
				goto cleanup;
			}
		}
		if (or_yaml_to_json(&json, yaml, paths, diag) != 0)
			goto cleanup;
		json_object_set_new(settings, "runbook_paths", json);
		json = NULL;
	}
	for (i = 0; i < 3; i++) {
		static const char *const lists[] = { "contact_headings", "contact_endpoints",
						     "contact_feeds" };

		value = or_yaml_get(yaml, node, lists[i]);
		if (!value)
			continue;
		or_yaml_strings_free(strings, n);
		strings = NULL;
		or_buf_clear(&what);
		or_buf_printf(&what, "settings.%s", lists[i]);
		if (or_yaml_get_strings(&strings, &n, yaml, value, false, or_buf_cstr(&what),
					diag) != 0 ||
		    or_yaml_to_json(&json, yaml, value, diag) != 0)
			goto cleanup;
		json_object_set_new(settings, lists[i], json);
		json = NULL;
	}
	aliases = or_yaml_get(yaml, node, "metadata_aliases");
	if (aliases) {
		if (or_yaml_check_keys(yaml, aliases, alias_keys, "settings.metadata_aliases",
				       diag) != 0)
			goto cleanup;
		for (i = 0; i < or_yaml_mapping_size(aliases); i++) {
			value = or_yaml_pair_value(yaml, aliases, i);
			or_yaml_strings_free(strings, n);
			strings = NULL;
			or_buf_clear(&what);
			or_buf_printf(&what, "settings.metadata_aliases.%s",
				      or_yaml_scalar(or_yaml_pair_key(yaml, aliases, i)));
			if (or_yaml_get_strings(&strings, &n, yaml, value, false,
						or_buf_cstr(&what), diag) != 0)
				goto cleanup;
		}
		if (or_yaml_to_json(&json, yaml, aliases, diag) != 0)
			goto cleanup;
		json_object_set_new(settings, "metadata_aliases", json);
		json = NULL;
	}
	rc = 0;
cleanup:
	or_yaml_strings_free(strings, n);
	or_buf_dispose(&what);
	json_decref(json);
	return rc;
}

static bool valid_rule_id(const char *id)
{
	const char *p, *dot = strchr(id, '.');

	if (!dot || dot == id || dot[1] == '\0')
		return false;
	for (p = id; *p; p++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '.' ||
		      *p == '-' || *p == '_'))
			return false;
	}
	return true;
}

static int parse_rule(or_rule *rule, or_yaml *yaml, const yaml_node_t *node,
		      const char *pack_name, or_diag *diag)
{
	yaml_node_t *value;
	const char *sev;

	memset(rule, 0, sizeof(*rule));
	rule->enabled = true;
	if (or_yaml_check_keys(yaml, node, rule_keys, "a rule", diag) != 0)
		return -1;
	if (required_string(&rule->id, yaml, node, "id", "a rule", diag) != 0)
		return -1;
	if (!valid_rule_id(rule->id))
		return or_yaml_error(diag, yaml, or_yaml_get(yaml, node, "id"),
				     "invalid rule id '%s' (expected AREA.NAME in lower case)",
				     rule->id);
	rule->area = or_xstrndup(rule->id, (size_t)(strchr(rule->id, '.') - rule->id));
	if (required_string(&rule->check, yaml, node, "check", rule->id, diag) != 0 ||
	    required_string(&rule->title, yaml, node, "title", rule->id, diag) != 0 ||
	    required_string(&rule->description, yaml, node, "description", rule->id, diag) != 0 ||
	    required_string(&rule->remediation, yaml, node, "remediation", rule->id, diag) != 0)
		return -1;
	value = or_yaml_get(yaml, node, "severity");
	if (!value)
		return or_yaml_error(diag, yaml, node, "%s needs 'severity'", rule->id);
	sev = or_yaml_scalar(value);
	if (!sev || or_severity_parse(&rule->severity, sev) != 0 ||
	    rule->severity == OR_SEV_NEVER)
		return or_yaml_error(diag, yaml, value,
				     "invalid severity '%s' for %s (expected error, warning or notice)",
				     sev ? sev : "", rule->id);
	value = or_yaml_get(yaml, node, "rationale");
	if (value && or_yaml_get_string(&rule->rationale, yaml, value, "rationale", diag) != 0)
		return -1;
	value = or_yaml_get(yaml, node, "references");
	if (value && or_yaml_get_strings(&rule->references, &rule->nreferences, yaml, value,
					 false, "references", diag) != 0)
		return -1;
	if (!rule->references)
		rule->references = or_xcalloc(1, sizeof(char *));
	value = or_yaml_get(yaml, node, "enabled");
	if (value && or_yaml_get_bool(&rule->enabled, yaml, value, "enabled", diag) != 0)
		return -1;
	value = or_yaml_get(yaml, node, "params");
	if (value && !or_yaml_is_null(value)) {
		if (!or_yaml_is_mapping(value))
			return or_yaml_error(diag, yaml, value, "expected a mapping for params of %s",
					     rule->id);
		if (or_yaml_to_json(&rule->params, yaml, value, diag) != 0)
			return -1;
	} else {
		rule->params = json_object();
	}
	rule->pack = or_xstrdup(pack_name);
	return 0;
}

int or_pack_parse(or_pack **out, const char *text, size_t len, const char *file,
		  or_diag *diag)
{
	or_yaml yaml = OR_YAML_INIT;
	or_pack *pack = or_xcalloc(1, sizeof(or_pack));
	yaml_node_t *root, *value, *rules, *id;
	size_t i, j, n;
	int rc = -1;

	*out = NULL;
	pack->settings = json_object();
	if (or_yaml_load(&yaml, text, len, file, diag) != 0)
		goto cleanup;
	root = or_yaml_root(&yaml);
	if (!root) {
		or_diag_set(diag, OR_EXIT_USAGE, file, 0, 0, "the rule pack is empty");
		goto cleanup;
	}
	if (or_yaml_check_keys(&yaml, root, pack_keys, NULL, diag) != 0)
		goto cleanup;
	if (required_string(&pack->name, &yaml, root, "pack", "a rule pack", diag) != 0 ||
	    required_string(&pack->title, &yaml, root, "title", "a rule pack", diag) != 0)
		goto cleanup;
	value = or_yaml_get(&yaml, root, "description");
	if (value && or_yaml_get_string(&pack->description, &yaml, value, "description",
					diag) != 0)
		goto cleanup;
	value = or_yaml_get(&yaml, root, "settings");
	if (value && !or_yaml_is_null(value) &&
	    parse_settings(pack->settings, &yaml, value, diag) != 0)
		goto cleanup;
	rules = or_yaml_get(&yaml, root, "rules");
	if (!rules) {
		or_yaml_error(diag, &yaml, root, "a rule pack needs 'rules'");
		goto cleanup;
	}
	if (!or_yaml_is_sequence(rules)) {
		or_yaml_error(diag, &yaml, rules, "expected a list of rules for rules");
		goto cleanup;
	}
	n = or_yaml_sequence_size(rules);
	pack->rules = or_xcalloc(n ? n : 1, sizeof(or_rule));
	for (i = 0; i < n; i++) {
		value = or_yaml_item(&yaml, rules, i);
		pack->nrules++;
		if (parse_rule(&pack->rules[i], &yaml, value, pack->name, diag) != 0)
			goto cleanup;
		for (j = 0; j < i; j++) {
			if (strcmp(pack->rules[j].id, pack->rules[i].id) == 0) {
				id = or_yaml_get(&yaml, value, "id");
				or_yaml_error(diag, &yaml, id, "duplicate rule id '%s'",
					      pack->rules[i].id);
				goto cleanup;
			}
		}
	}
	*out = pack;
	pack = NULL;
	rc = 0;
cleanup:
	or_yaml_dispose(&yaml);
	or_pack_free(pack);
	return rc;
}
