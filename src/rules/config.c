/*
 * Loading the config (.opsready.yml): reading, validating every key with
 * its line and column, and where the packs it extends lie.
 */
#include "rules/config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "input/base_tree.h"
#include "input/site.h"
#include "input/yaml.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/glob.h"
#include "util/text.h"

#define OR_DEFAULT_MAX_FILE_BYTES ((size_t)4 * 1024 * 1024)

static const char *const top_keys[] = {
	"version", "extends", "now", "repo_url", "paths", "runbook_paths", "inputs",
	"required_documents", "rules", "gate", "waivers", "date_order", "max_file_bytes",
	"suppressions", "site", NULL
};
static const char *const paths_keys[] = { "include", "exclude", NULL };
static const char *const inputs_keys[] = { "training", "contacts", "drills", NULL };
static const char *const document_keys[] = { "title", "path", NULL };
static const char *const gate_keys[] = { "fail_on", "min_score", NULL };
static const char *const waiver_keys[] = {
	"rule", "subject", "path", "reason", "approved_by", "expires", NULL
};
static const char *const suppressions_keys[] = { "allow", "allowed_rules", "require_reason",
						  NULL };
static const char *const site_keys[] = { "generator", "root", "directory_urls", NULL };

/*
 * repo_url is printed into every report as a link: an http(s) address with
 * only the {commit}, {path} and {line} placeholders, and nothing that could
 * end a link or a line (blanks, control characters, double quotes, angle brackets,
 * backslashes, backticks, non-ASCII; percent-encode such characters).
 */
static int check_repo_url(const char *url, const or_yaml *yaml, const yaml_node_t *node,
			  or_diag *diag)
{
	static const char *const placeholders[] = { "{commit}", "{path}", "{line}" };
	const char *p;
	size_t i;

	if (strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0)
		return or_yaml_error(diag, yaml, node,
				     "repo_url: must be an http:// or https:// address");
	for (p = url; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '{') {
			for (i = 0; i < 3; i++)
				if (strncmp(p, placeholders[i], strlen(placeholders[i])) == 0)
					break;
			if (i == 3)
				return or_yaml_error(diag, yaml, node,
						     "repo_url: unknown placeholder at byte %zu (only {commit}, {path} and {line})",
						     (size_t)(p - url) + 1);
			p += strlen(placeholders[i]) - 1;
			continue;
		}
		if (c <= ' ' || c >= 0x7f || strchr("}\"<>\\^`|", c))
			return or_yaml_error(diag, yaml, node,
					     "repo_url: character 0x%02X at byte %zu is not allowed in the address (percent-encode it)",
					     c, (size_t)(p - url) + 1);
	}
	return 0;
}

or_config *or_config_default(void)
{
	or_config *config = or_xcalloc(1, sizeof(or_config));

	config->version = 1;
	config->fail_on = OR_SEV_ERROR;
	config->min_score = 0.0;
	config->date_order = OR_DATE_ORDER_NONE;
	config->max_file_bytes = OR_DEFAULT_MAX_FILE_BYTES;
	return config;
}

void or_config_free(or_config *config)
{
	size_t i;

	if (!config)
		return;
	free(config->path);
	free(config->tree_path);
	free(config->scan_path);
	or_yaml_strings_free(config->extends, config->nextends);
	free(config->repo_url);
	or_yaml_strings_free(config->include, config->ninclude);
	or_yaml_strings_free(config->exclude, config->nexclude);
	or_yaml_strings_free(config->runbook_paths, config->nrunbook_paths);
	free(config->repo_root);
	free(config->site_root);
	free(config->training_path);
	free(config->contacts_path);
	free(config->drills_path);
	for (i = 0; i < config->nrequired_documents; i++) {
		free(config->required_documents[i].title);
		free(config->required_documents[i].path);
	}
	free(config->required_documents);
	for (i = 0; i < config->noverrides; i++) {
		free(config->overrides[i].id);
		json_decref(config->overrides[i].params);
	}
	free(config->overrides);
	for (i = 0; i < config->nwaivers; i++) {
		free(config->waivers[i].rule);
		free(config->waivers[i].subject);
		free(config->waivers[i].path);
		free(config->waivers[i].reason);
		free(config->waivers[i].approved_by);
	}
	free(config->waivers);
	for (i = 0; i < config->nsuppressions_allowed_rules; i++)
		free(config->suppressions_allowed_rules[i].id);
	free(config->suppressions_allowed_rules);
	free(config);
}

char *or_config_find(const char *root)
{
	static const char *const names[] = { ".opsready.yml", ".opsready.yaml" };
	struct stat st;
	size_t i;

	if (!root || !root[0])
		root = ".";
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char *path = or_fs_join(root, names[i]);
		if (stat(path, &st) == 0)
			return path;
		free(path);
	}
	return NULL;
}

/* The directory of a config file ("." when it has none); malloc'd. */
static char *config_dir(const char *config_path)
{
	const char *slash = config_path ? strrchr(config_path, '/') : NULL;

	if (!slash)
		return or_xstrdup(".");
	if (slash == config_path)
		return or_xstrdup("/");
	return or_xstrndup(config_path, (size_t)(slash - config_path));
}

static bool looks_like_path(const char *name)
{
	size_t len = strlen(name);

	return strchr(name, '/') != NULL ||
	       (len > 4 && strcmp(name + len - 4, ".yml") == 0) ||
	       (len > 5 && strcmp(name + len - 5, ".yaml") == 0);
}

/* The file of a pack named by a path, relative to the config's directory. */
char *or_config_pack_path(const char *config_path, const char *name)
{
	or_buf path = OR_BUF_INIT;
	char *dir;

	if (name[0] == '/')
		return or_xstrdup(name);
	dir = config_dir(config_path);
	if (strcmp(dir, ".") == 0)
		or_buf_puts(&path, name);
	else
		or_buf_printf(&path, "%s/%s", dir, name);
	free(dir);
	return or_buf_detach(&path);
}

static size_t builtin_count(void)
{
	const char *const *names = or_pack_builtin_names();
	size_t n = 0;

	while (names[n])
		n++;
	return n;
}

/* Whether `name` has a ".." component. */
static bool has_dot_dot(const char *name)
{
	const char *p = name;

	while (*p) {
		size_t n = strcspn(p, "/");
		if (n == 2 && p[0] == '.' && p[1] == '.')
			return true;
		p += n;
		while (*p == '/')
			p++;
	}
	return false;
}

/*
 * Why a pack file named in a repository's config may not be read (NULL
 * when it may): the path the pull request wrote must stay inside the
 * scanned repository, by its spelling and once resolved. Nothing of the
 * file is read to decide.
 */
static const char *pack_outside(const char *repo_root, const char *name, const char *path)
{
	if (!repo_root)
		return NULL;
	if (name[0] == '/')
		return "is an absolute path";
	if (has_dot_dot(name))
		return "goes up with '..'";
	if (or_fs_resolves_within(repo_root, path) == 0)
		return "resolves outside it (through a symbolic link)";
	return NULL;
}

/*
 * Check that an `extends` entry names a built-in pack or an existing file
 * (inside the scanned repository when the config is the repository's).
 * `node` (may be NULL) positions the error.
 */
static int check_extends(const char *config_path, const char *repo_root, const char *name,
			 or_yaml *yaml, const yaml_node_t *node, or_diag *diag)
{
	struct stat st;
	const char *suggestion, *why;
	char *path;
	int rc = 0;

	if (or_pack_builtin_source(name, NULL))
		return 0;
	if (looks_like_path(name)) {
		path = or_config_pack_path(config_path, name);
		why = pack_outside(repo_root, name, path);
		if (!why && (stat(path, &st) != 0 || !S_ISREG(st.st_mode)))
			rc = -1;
		free(path);
		if (why && yaml)
			return or_yaml_error(diag, yaml, node,
					     "rule pack file '%s' is outside the scanned repository: it %s; a repository's config extends only packs inside it",
					     name, why);
		if (why)
			return or_diag_set(diag, OR_EXIT_USAGE, config_path, 0, 0,
					   "rule pack file '%s' is outside the scanned repository: it %s; a repository's config extends only packs inside it",
					   name, why);
		if (rc == 0)
			return 0;
		if (yaml)
			return or_yaml_error(diag, yaml, node, "rule pack file '%s' not found", name);
		return or_diag_set(diag, OR_EXIT_USAGE, config_path, 0, 0,
				   "rule pack file '%s' not found", name);
	}
	suggestion = or_text_did_you_mean(name, or_pack_builtin_names(), builtin_count());
	if (yaml && suggestion)
		return or_yaml_error(diag, yaml, node,
				     "unknown rule pack '%s' (did you mean '%s'?)", name, suggestion);
	if (yaml)
		return or_yaml_error(diag, yaml, node, "unknown rule pack '%s'", name);
	if (suggestion)
		return or_diag_set(diag, OR_EXIT_USAGE, config_path, 0, 0,
				   "unknown rule pack '%s' (did you mean '%s'?)", name, suggestion);
	return or_diag_set(diag, OR_EXIT_USAGE, config_path, 0, 0, "unknown rule pack '%s'",
			   name);
}

static int check_tree_pack(const or_config *config, const char *name, or_yaml *yaml,
			   const yaml_node_t *node, or_diag *diag);

/* check_extends without a YAML node: errors name the config's file. */
int or_config_check_pack(const or_config *config, const char *name, or_diag *diag)
{
	if (config && config->tree)
		return check_tree_pack(config, name, NULL, NULL, diag);
	return check_extends(config ? config->path : NULL, config ? config->repo_root : NULL,
			     name, NULL, NULL, diag);
}

static int check_globs(or_yaml *yaml, const yaml_node_t *list, char **globs, size_t n,
		       const char *what, or_diag *diag)
{
	const char *why;
	size_t i;

	for (i = 0; i < n; i++) {
		if (or_glob_validate(globs[i], &why) != 0)
			return or_yaml_error(diag, yaml,
					     or_yaml_is_sequence(list) ? or_yaml_item(yaml, list, i) : list,
					     "invalid glob '%s' in %s: %s", globs[i], what,
					     why ? why : "malformed");
	}
	return 0;
}

static int parse_glob_list(char ***out, size_t *n, or_yaml *yaml, const yaml_node_t *node,
			   const char *what, or_diag *diag)
{
	if (or_yaml_get_strings(out, n, yaml, node, false, what, diag) != 0)
		return -1;
	return check_globs(yaml, node, *out, *n, what, diag);
}

static int parse_paths(or_config *config, or_yaml *yaml, const yaml_node_t *node,
		       or_diag *diag)
{
	yaml_node_t *value;

	if (or_yaml_check_keys(yaml, node, paths_keys, "paths", diag) != 0)
		return -1;
	value = or_yaml_get(yaml, node, "include");
	if (value && parse_glob_list(&config->include, &config->ninclude, yaml, value,
				     "paths.include", diag) != 0)
		return -1;
	value = or_yaml_get(yaml, node, "exclude");
	if (value && parse_glob_list(&config->exclude, &config->nexclude, yaml, value,
				     "paths.exclude", diag) != 0)
		return -1;
	return 0;
}

/* A path relative to the scanned root that stays inside it: not absolute,
 * and no ".." climbing above where it starts. */
static bool stays_inside(const char *path)
{
	long depth = 0;
	const char *segment = path;

	if (path[0] == '/')
		return false;
	while (*segment) {
		size_t len = strcspn(segment, "/");

		if (len == 2 && segment[0] == '.' && segment[1] == '.') {
			if (--depth < 0)
				return false;
		} else if (len > 0 && !(len == 1 && segment[0] == '.')) {
			depth++;
		}
		segment += len;
		if (*segment == '/')
			segment++;
	}
	return true;
}

/* inputs.KEY: a file of the repository (SPEC: paths that leave it are never read). */
static int parse_input_path(char **out, or_yaml *yaml, const yaml_node_t *node, const char *key,
			    or_diag *diag)
{
	yaml_node_t *value = or_yaml_get(yaml, node, key);
	char what[32];

	if (!value)
		return 0;
	snprintf(what, sizeof what, "inputs.%s", key);
	if (or_yaml_get_string(out, yaml, value, what, diag) != 0)
		return -1;
	if (!**out)
		return or_yaml_error(diag, yaml, value, "%s: give the path of a file", what);
	if (!stays_inside(*out))
		return or_yaml_error(diag, yaml, value,
				     "%s: '%s' is outside the scanned repository; give a path inside it",
				     what, *out);
	return 0;
}

static int parse_inputs(or_config *config, or_yaml *yaml, const yaml_node_t *node,
			or_diag *diag)
{
	if (or_yaml_check_keys(yaml, node, inputs_keys, "inputs", diag) != 0)
		return -1;
	if (parse_input_path(&config->training_path, yaml, node, "training", diag) != 0 ||
	    parse_input_path(&config->contacts_path, yaml, node, "contacts", diag) != 0 ||
	    parse_input_path(&config->drills_path, yaml, node, "drills", diag) != 0)
		return -1;
	return 0;
}

static int parse_required_documents(or_config *config, or_yaml *yaml,
				    const yaml_node_t *node, or_diag *diag)
{
	or_required_document *doc;
	yaml_node_t *item, *value;
	size_t i, n;

	if (!or_yaml_is_sequence(node))
		return or_yaml_error(diag, yaml, node,
				     "expected a list of {title, path} for required_documents");
	n = or_yaml_sequence_size(node);
	config->required_documents = or_xcalloc(n ? n : 1, sizeof(or_required_document));
	for (i = 0; i < n; i++) {
		item = or_yaml_item(yaml, node, i);
		if (or_yaml_check_keys(yaml, item, document_keys, "a required document",
				       diag) != 0)
			return -1;
		doc = &config->required_documents[config->nrequired_documents++];
		doc->line = or_yaml_line(item);
		doc->column = or_yaml_column(item);
		value = or_yaml_get(yaml, item, "path");
		if (!value)
			return or_yaml_error(diag, yaml, item, "a required document needs 'path'");
		if (or_yaml_get_string(&doc->path, yaml, value, "required_documents path",
				       diag) != 0)
			return -1;
		value = or_yaml_get(yaml, item, "title");
		if (value) {
			if (or_yaml_get_string(&doc->title, yaml, value,
					       "required_documents title", diag) != 0)
				return -1;
		} else {
			doc->title = or_xstrdup(doc->path);
		}
	}
	return 0;
}

static int parse_override(or_rule_override *ov, or_yaml *yaml, const yaml_node_t *value,
			  or_diag *diag)
{
	static const char *const expected =
		"expected off, on, error, warning, notice or a mapping";
	const char *s, *key;
	yaml_node_t *k, *v;
	json_t *json = NULL;
	or_buf what = OR_BUF_INIT;
	size_t i, n;
	int rc = -1;

	if (or_yaml_is_scalar(value) && !or_yaml_is_null(value)) {
		s = or_yaml_scalar(value);
		if (strcmp(s, "off") == 0 || strcmp(s, "false") == 0) {
			ov->has_enabled = true;
			ov->enabled = false;
		} else if (strcmp(s, "on") == 0 || strcmp(s, "true") == 0) {
			ov->has_enabled = true;
			ov->enabled = true;
		} else if (or_severity_parse(&ov->severity, s) == 0 &&
			   ov->severity != OR_SEV_NEVER) {
			ov->has_severity = true;
		} else {
			or_yaml_error(diag, yaml, value, "invalid value '%s' for rule %s (%s)", s,
				      ov->id, expected);
			goto cleanup;
		}
		rc = 0;
		goto cleanup;
	}
	if (!or_yaml_is_mapping(value)) {
		or_yaml_error(diag, yaml, value, "invalid value for rule %s (%s)", ov->id,
			      expected);
		goto cleanup;
	}
	or_buf_printf(&what, "rules.%s", ov->id);
	if (or_yaml_check_keys(yaml, value, NULL, or_buf_cstr(&what), diag) != 0)
		goto cleanup;
	n = or_yaml_mapping_size(value);
	for (i = 0; i < n; i++) {
		k = or_yaml_pair_key(yaml, value, i);
		v = or_yaml_pair_value(yaml, value, i);
		key = or_yaml_scalar(k);
		if (strcmp(key, "severity") == 0) {
			s = or_yaml_scalar(v);
			if (!s || or_severity_parse(&ov->severity, s) != 0 ||
			    ov->severity == OR_SEV_NEVER) {
				or_yaml_error(diag, yaml, v,
					      "invalid severity '%s' for rule %s (expected error, warning or notice)",
					      s ? s : "", ov->id);
				goto cleanup;
			}
			ov->has_severity = true;
		} else if (strcmp(key, "enabled") == 0) {
			or_buf_clear(&what);
			or_buf_printf(&what, "rules.%s.enabled", ov->id);
			if (or_yaml_get_bool(&ov->enabled, yaml, v, or_buf_cstr(&what), diag) != 0)
				goto cleanup;
			ov->has_enabled = true;
		} else {
			if (or_yaml_to_json(&json, yaml, v, diag) != 0)
				goto cleanup;
			if (!ov->params)
				ov->params = json_object();
			json_object_set_new(ov->params, key, json);
			json = NULL;
		}
	}
	rc = 0;
cleanup:
	or_buf_dispose(&what);
	return rc;
}

static int parse_rules(or_config *config, or_yaml *yaml, const yaml_node_t *node,
		       or_diag *diag)
{
	or_rule_override *ov;
	yaml_node_t *key;
	size_t i, n;

	if (or_yaml_check_keys(yaml, node, NULL, "rules", diag) != 0)
		return -1;
	n = or_yaml_mapping_size(node);
	config->overrides = or_xcalloc(n ? n : 1, sizeof(or_rule_override));
	for (i = 0; i < n; i++) {
		key = or_yaml_pair_key(yaml, node, i);
		ov = &config->overrides[config->noverrides++];
		ov->id = or_xstrdup(or_yaml_scalar(key));
		ov->enabled = true;
		ov->line = or_yaml_line(key);
		ov->column = or_yaml_column(key);
		if (parse_override(ov, yaml, or_yaml_pair_value(yaml, node, i), diag) != 0)
			return -1;
	}
	return 0;
}

static int parse_gate(or_config *config, or_yaml *yaml, const yaml_node_t *node,
		      or_diag *diag)
{
	yaml_node_t *value;
	const char *s;

	if (or_yaml_check_keys(yaml, node, gate_keys, "gate", diag) != 0)
		return -1;
	value = or_yaml_get(yaml, node, "fail_on");
	if (value) {
		s = or_yaml_scalar(value);
		if (!s || or_severity_parse(&config->fail_on, s) != 0)
			return or_yaml_error(diag, yaml, value,
					     "invalid gate.fail_on '%s' (expected error, warning, notice or never)",
					     s ? s : "");
		config->has_fail_on = true;
	}
	value = or_yaml_get(yaml, node, "min_score");
	if (value) {
		if (or_yaml_get_number(&config->min_score, yaml, value, "gate.min_score",
				       diag) != 0)
			return -1;
		if (config->min_score < 0.0 || config->min_score > 100.0)
			return or_yaml_error(diag, yaml, value,
					     "gate.min_score must be between 0 and 100");
		config->has_min_score = true;
	}
	return 0;
}

static int parse_waiver(or_waiver *waiver, or_yaml *yaml, const yaml_node_t *item,
			or_diag *diag)
{
	yaml_node_t *value;
	const char *why;

	if (or_yaml_check_keys(yaml, item, waiver_keys, "a waiver", diag) != 0)
		return -1;
	waiver->line = or_yaml_line(item);
	waiver->column = or_yaml_column(item);
	value = or_yaml_get(yaml, item, "rule");
	if (!value)
		return or_yaml_error(diag, yaml, item, "a waiver needs 'rule'");
	if (or_yaml_get_string(&waiver->rule, yaml, value, "waiver rule", diag) != 0)
		return -1;
	value = or_yaml_get(yaml, item, "subject");
	if (value && or_yaml_get_string(&waiver->subject, yaml, value, "waiver subject",
					diag) != 0)
		return -1;
	value = or_yaml_get(yaml, item, "path");
	if (value) {
		if (or_yaml_get_string(&waiver->path, yaml, value, "waiver path", diag) != 0)
			return -1;
		if (or_glob_validate(waiver->path, &why) != 0)
			return or_yaml_error(diag, yaml, value, "invalid glob '%s' in waiver path: %s",
					     waiver->path, why ? why : "malformed");
	}
	value = or_yaml_get(yaml, item, "reason");
	if (!value || or_yaml_is_null(value))
		return or_yaml_error(diag, yaml, value ? value : item,
				     "waiver for %s needs a 'reason'", waiver->rule);
	if (or_yaml_get_string(&waiver->reason, yaml, value, "waiver reason", diag) != 0)
		return -1;
	value = or_yaml_get(yaml, item, "approved_by");
	if (value && or_yaml_get_string(&waiver->approved_by, yaml, value,
					"waiver approved_by", diag) != 0)
		return -1;
	value = or_yaml_get(yaml, item, "expires");
	if (!value || or_yaml_is_null(value))
		return or_yaml_error(diag, yaml, value ? value : item,
				     "waiver for %s needs 'expires' (YYYY-MM-DD)", waiver->rule);
	return or_yaml_get_date(&waiver->expires, yaml, value, "waiver expires", diag);
}

static int parse_waivers(or_config *config, or_yaml *yaml, const yaml_node_t *node,
			 or_diag *diag)
{
	size_t i, n;

	if (!or_yaml_is_sequence(node))
		return or_yaml_error(diag, yaml, node, "expected a list of waivers for waivers");
	n = or_yaml_sequence_size(node);
	config->waivers = or_xcalloc(n ? n : 1, sizeof(or_waiver));
	for (i = 0; i < n; i++) {
		config->nwaivers++;
		if (parse_waiver(&config->waivers[i], yaml, or_yaml_item(yaml, node, i), diag) != 0)
			return -1;
	}
	return 0;
}

/* `site: { generator, root, directory_urls }`, each optional. */
static int parse_site(or_config *config, or_yaml *yaml, const yaml_node_t *node,
		      or_diag *diag)
{
	yaml_node_t *value;

	if (or_yaml_check_keys(yaml, node, site_keys, "site", diag) != 0)
		return -1;
	value = or_yaml_get(yaml, node, "generator");
	if (value) {
		const char *s = or_yaml_scalar(value);
		if (!s || or_yaml_is_null(value) ||
		    !or_site_generator_parse(s, &config->site_generator))
			return or_yaml_error(diag, yaml, value,
					     "invalid site.generator '%s' (expected none, tech-docs, mkdocs, hugo, jekyll or docusaurus)",
					     s ? s : "");
		config->has_site_generator = true;
	}
	value = or_yaml_get(yaml, node, "root");
	if (value) {
		const char *s;
		char norm[256];

		if (or_yaml_get_string(&config->site_root, yaml, value, "site.root", diag) != 0)
			return -1;
		s = config->site_root;
		/* a folder of the repository, written as the site reader reads
		 * one ("./docs/" is "docs"); "" or "." is the repository itself */
		if (strcmp(s, "") == 0 || strcmp(s, ".") == 0 || strcmp(s, "./") == 0) {
			norm[0] = '\0';
		} else if (!or_site_root_normalise(norm, sizeof(norm), s)) {
			return or_yaml_error(diag, yaml, value,
					     "site.root '%s' must be a folder inside the repository (relative, without '..' or control characters)",
					     s);
		}
		free(config->site_root);
		config->site_root = or_xstrdup(norm);
	}
	value = or_yaml_get(yaml, node, "directory_urls");
	if (value) {
		if (or_yaml_get_bool(&config->site_directory_urls, yaml, value,
				     "site.directory_urls", diag) != 0)
			return -1;
		config->has_site_directory_urls = true;
	}
	return 0;
}

/* `suppressions: { allow: true|false|blanket, allowed_rules: [ids], require_reason }`;
 * the rule ids are checked against the packs by or_ruleset_build. */
static int parse_suppressions(or_config *config, or_yaml *yaml, const yaml_node_t *node,
			      or_diag *diag)
{
	yaml_node_t *value, *item;
	const char *s;
	size_t i, n;

	if (or_yaml_check_keys(yaml, node, suppressions_keys, "suppressions", diag) != 0)
		return -1;
	value = or_yaml_get(yaml, node, "require_reason");
	if (value && or_yaml_get_bool(&config->suppressions_require_reason, yaml, value,
				      "suppressions.require_reason", diag) != 0)
		return -1;
	value = or_yaml_get(yaml, node, "allow");
	if (value) {
		s = or_yaml_is_scalar(value) ? or_yaml_scalar(value) : NULL;
		if (s && strcmp(s, "true") == 0)
			config->suppressions_allow = OR_SUPPRESSIONS_RULES;
		else if (s && strcmp(s, "false") == 0)
			config->suppressions_allow = OR_SUPPRESSIONS_NONE;
		else if (s && strcmp(s, "blanket") == 0)
			config->suppressions_allow = OR_SUPPRESSIONS_BLANKET;
		else
			return or_yaml_error(diag, yaml, value,
					     "invalid suppressions.allow (expected true, false or blanket)");
	}
	value = or_yaml_get(yaml, node, "allowed_rules");
	if (value) {
		if (!or_yaml_is_sequence(value))
			return or_yaml_error(diag, yaml, value,
					     "expected a list of rule ids for suppressions.allowed_rules");
		n = or_yaml_sequence_size(value);
		config->suppressions_allowed_rules = or_xcalloc(n ? n : 1, sizeof(or_allowed_rule));
		config->has_suppressions_allowed_rules = true;
		for (i = 0; i < n; i++) {
			or_allowed_rule *rule;

			item = or_yaml_item(yaml, value, i);
			s = item && or_yaml_is_scalar(item) ? or_yaml_scalar(item) : NULL;
			if (!s || !*s)
				return or_yaml_error(diag, yaml, item ? item : value,
						     "expected a rule id in suppressions.allowed_rules");
			rule = &config->suppressions_allowed_rules[config->nsuppressions_allowed_rules++];
			rule->id = or_xstrdup(s);
			rule->line = or_yaml_line(item);
			rule->column = or_yaml_column(item);
		}
	}
	return 0;
}

static int parse_top(or_config *config, or_yaml *yaml, const yaml_node_t *root,
		     or_diag *diag)
{
	yaml_node_t *value;
	long long number;
	const char *s;
	size_t i;

	if (or_yaml_check_keys(yaml, root, top_keys, NULL, diag) != 0)
		return -1;
	value = or_yaml_get(yaml, root, "version");
	if (value) {
		if (or_yaml_get_int(&number, yaml, value, "version", diag) != 0)
			return -1;
		if (number != 1)
			return or_yaml_error(diag, yaml, value,
					     "unsupported config version %lld (expected 1)", number);
	}
	value = or_yaml_get(yaml, root, "extends");
	if (value) {
		if (or_yaml_get_strings(&config->extends, &config->nextends, yaml, value, true,
					"extends", diag) != 0)
			return -1;
		for (i = 0; i < config->nextends; i++) {
			yaml_node_t *item = or_yaml_is_sequence(value) ? or_yaml_item(yaml, value, i)
								       : value;
			if ((config->tree ? check_tree_pack(config, config->extends[i], yaml, item,
							    diag)
					  : check_extends(config->path, config->repo_root,
							  config->extends[i], yaml, item, diag)) != 0)
				return -1;
		}
	}
	value = or_yaml_get(yaml, root, "now");
	if (value) {
		if (or_yaml_get_date(&config->now, yaml, value, "now", diag) != 0)
			return -1;
		config->has_now = true;
	}
	value = or_yaml_get(yaml, root, "repo_url");
	if (value && or_yaml_get_string(&config->repo_url, yaml, value, "repo_url", diag) != 0)
		return -1;
	if (value && config->repo_url && check_repo_url(config->repo_url, yaml, value, diag) != 0)
		return -1;
	value = or_yaml_get(yaml, root, "paths");
	if (value && !or_yaml_is_null(value) && parse_paths(config, yaml, value, diag) != 0)
		return -1;
	value = or_yaml_get(yaml, root, "runbook_paths");
	if (value) {
		if (parse_glob_list(&config->runbook_paths, &config->nrunbook_paths, yaml, value,
				    "runbook_paths", diag) != 0)
			return -1;
		config->has_runbook_paths = true;
	}
	value = or_yaml_get(yaml, root, "inputs");
	if (value && !or_yaml_is_null(value) && parse_inputs(config, yaml, value, diag) != 0)
		return -1;
	value = or_yaml_get(yaml, root, "required_documents");
	if (value && !or_yaml_is_null(value) &&
	    parse_required_documents(config, yaml, value, diag) != 0)
		return -1;
	value = or_yaml_get(yaml, root, "rules");
	if (value && !or_yaml_is_null(value) && parse_rules(config, yaml, value, diag) != 0)
		return -1;
	value = or_yaml_get(yaml, root, "gate");
	if (value && !or_yaml_is_null(value) && parse_gate(config, yaml, value, diag) != 0)
		return -1;
	value = or_yaml_get(yaml, root, "waivers");
	if (value && !or_yaml_is_null(value) && parse_waivers(config, yaml, value, diag) != 0)
		return -1;
	value = or_yaml_get(yaml, root, "date_order");
	if (value) {
		s = or_yaml_scalar(value);
		if (s && strcmp(s, "dmy") == 0)
			config->date_order = OR_DATE_ORDER_DMY;
		else if (s && strcmp(s, "mdy") == 0)
			config->date_order = OR_DATE_ORDER_MDY;
		else
			return or_yaml_error(diag, yaml, value,
					     "invalid date_order '%s' (expected dmy or mdy)",
					     s ? s : "");
	}
	value = or_yaml_get(yaml, root, "max_file_bytes");
	if (value) {
		if (or_yaml_get_int(&number, yaml, value, "max_file_bytes", diag) != 0)
			return -1;
		if (number <= 0)
			return or_yaml_error(diag, yaml, value,
					     "max_file_bytes must be a positive integer");
		config->max_file_bytes = (size_t)number;
	}
	value = or_yaml_get(yaml, root, "site");
	if (value && !or_yaml_is_null(value) && parse_site(config, yaml, value, diag) != 0)
		return -1;
	value = or_yaml_get(yaml, root, "suppressions");
	if (value && !or_yaml_is_null(value) && parse_suppressions(config, yaml, value, diag) != 0)
		return -1;
	return 0;
}

static int parse_config(or_config **out, const char *text, size_t len, const char *name,
			const char *repo_root, or_config *preset, or_diag *diag)
{
	or_config *config = preset ? preset : or_config_default();
	or_yaml yaml = OR_YAML_INIT;
	yaml_node_t *root;
	int rc = -1;

	*out = NULL;
	config->path = or_xstrdup(name);
	config->repo_root = repo_root ? or_xstrdup(repo_root) : NULL;
	if (or_yaml_load(&yaml, text, len, name, diag) != 0)
		goto cleanup;
	root = or_yaml_root(&yaml);
	if (root && parse_top(config, &yaml, root, diag) != 0)
		goto cleanup;
	*out = config;
	config = NULL;
	rc = 0;
cleanup:
	or_yaml_dispose(&yaml);
	or_config_free(config);
	return rc;
}

int or_config_parse(or_config **out, const char *text, size_t len, const char *name,
		    or_diag *diag)
{
	return parse_config(out, text, len, name, NULL, NULL, diag);
}

bool or_config_may_suppress(const or_config *config, const char *rule_id)
{
	size_t i;

	if (config->suppressions_allow == OR_SUPPRESSIONS_NONE)
		return false;
	if (!config->has_suppressions_allowed_rules)
		return true;
	for (i = 0; i < config->nsuppressions_allowed_rules; i++)
		if (strcmp(config->suppressions_allowed_rules[i].id, rule_id) == 0)
			return true;
	return false;
}

/* Whether the config file is the repository's: written inside it (as the
 * user gave both paths), or in a folder that resolves inside it. */
static bool config_in_repo(const char *root, const char *path)
{
	char *dir;
	bool inside;

	if (or_fs_inside(root, path))
		return true;
	dir = config_dir(path);
	inside = or_fs_resolves_within(root, dir) == 1;
	free(dir);
	return inside;
}

int or_config_load(or_config **out, const char *path, const char *root, or_diag *diag)
{
	const char *repo_root = NULL;
	char *text = NULL;
	size_t len = 0;
	int rc;

	*out = NULL;
	if (root && config_in_repo(root, path)) {
		/* the repository's bytes: a link (the file's or a folder's on
		 * the way) may not lead out of it, and the packs it extends
		 * must stay inside it */
		repo_root = root;
		if (or_fs_resolves_within(root, path) == 0)
			return or_diag_set(diag, OR_EXIT_USAGE, path, 0, 0,
					   "cannot read config file: it is in the scanned repository but leads outside it (through a symbolic link)");
	}
	if (or_yaml_read_file(&text, &len, path, "config file", diag) != 0)
		return -1;
	rc = parse_config(out, text, len, path, repo_root, NULL, diag);
	free(text);
	return rc;
}

/* ---- a config read from the merge base's tree (--since) ---- */

/* "<merge base>:<path>", as diagnostics name a file of the tree. */
static char *tree_label(const or_base_tree *tree, const char *path)
{
	or_buf label = OR_BUF_INIT;

	or_buf_printf(&label, "%s:%s", tree->label, path);
	return or_buf_detach(&label);
}

/* The tree path of the pack file `name` (relative to the config's folder,
 * checked to be neither absolute nor going up): "." and empty segments
 * dropped, as the file system would. */
static char *tree_pack_path(const or_config *config, const char *name)
{
	const char *slash = strrchr(config->tree_path, '/');
	const char *p = name;
	or_buf path = OR_BUF_INIT;

	if (slash)
		or_buf_put(&path, config->tree_path, (size_t)(slash - config->tree_path));
	while (*p) {
		size_t n = strcspn(p, "/");

		if (n > 0 && !(n == 1 && p[0] == '.')) {
			if (path.size)
				or_buf_putc(&path, '/');
			or_buf_put(&path, p, n);
		}
		p += n;
		while (*p == '/')
			p++;
	}
	return or_buf_detach(&path);
}

static int tree_pack_error(const or_config *config, or_yaml *yaml, const yaml_node_t *node,
			   or_diag *diag, const char *fmt, const char *name, const char *why)
{
	if (yaml)
		return or_yaml_error(diag, yaml, node, fmt, name, why);
	return or_diag_set(diag, OR_EXIT_USAGE, config->path, 0, 0, fmt, name, why);
}

/* Read the pack file `name` of a config from a tree, or say why not. */
static int read_tree_pack(const or_config *config, const char *name, char **text, size_t *len,
			  char **label, or_yaml *yaml, const yaml_node_t *node, or_diag *diag)
{
	static const char *const outside =
		"rule pack file '%s' is outside the scanned repository: it %s; a repository's config extends only packs inside it";
	char *path;
	or_base_read result;

	*text = NULL;
	if (label)
		*label = NULL;
	if (name[0] == '/')
		return tree_pack_error(config, yaml, node, diag, outside, name,
				       "is an absolute path");
	if (has_dot_dot(name))
		return tree_pack_error(config, yaml, node, diag, outside, name,
				       "goes up with '..'");
	path = tree_pack_path(config, name);
	result = or_base_tree_read(config->tree, path, OR_YAML_MAX_BYTES, text, len);
	if (result == OR_BASE_READ_OK) {
		if (label)
			*label = tree_label(config->tree, path);
		free(path);
		return 0;
	}
	free(path);
	switch (result) {
	case OR_BASE_READ_NOT_FILE:
		return tree_pack_error(config, yaml, node, diag,
				       "rule pack file '%s' is not a regular file in the merge base%s (a folder, a symbolic link or a submodule)",
				       name, "");
	case OR_BASE_READ_TOO_LARGE:
		return tree_pack_error(config, yaml, node, diag,
				       "rule pack file '%s' is larger than 1 MiB in the merge base%s",
				       name, "");
	case OR_BASE_READ_ERROR:
		return tree_pack_error(config, yaml, node, diag,
				       "rule pack file '%s' cannot be read from the merge base: %s", name,
				       git_error_last() ? git_error_last()->message : "unknown error");
	default:
		return tree_pack_error(config, yaml, node, diag,
				       "rule pack file '%s' not found in the merge base%s", name, "");
	}
}

/* check_extends for a config read from a tree: built-in names as there,
 * pack files looked up in the tree. */
static int check_tree_pack(const or_config *config, const char *name, or_yaml *yaml,
			   const yaml_node_t *node, or_diag *diag)
{
	char *text;
	size_t len;
	int rc;

	if (or_pack_builtin_source(name, NULL) || !looks_like_path(name))
		return check_extends(config->path, NULL, name, yaml, node, diag);
	rc = read_tree_pack(config, name, &text, &len, NULL, yaml, node, diag);
	free(text);
	return rc;
}

int or_config_read_tree_pack(const or_config *config, const char *name, char **text,
			     size_t *len, char **label, or_diag *diag)
{
	return read_tree_pack(config, name, text, len, label, NULL, NULL, diag);
}

int or_config_load_tree(or_config **out, const or_base_tree *tree, const char *tree_path,
			const char *scan_path, const char *root, or_diag *diag)
{
	or_config *config;
	char *text = NULL, *label;
	size_t len = 0;
	int rc;

	*out = NULL;
	switch (or_base_tree_read(tree, tree_path, OR_YAML_MAX_BYTES, &text, &len)) {
	case OR_BASE_READ_OK:
		break;
	case OR_BASE_READ_MISSING:
		return 1;
	case OR_BASE_READ_NOT_FILE:
		return or_diag_set(diag, OR_EXIT_USAGE, NULL, 0, 0,
				   "cannot read config file %s:%s: not a regular file in the merge base (a folder, a symbolic link or a submodule)",
				   tree->label, tree_path);
	case OR_BASE_READ_TOO_LARGE:
		return or_diag_set(diag, OR_EXIT_USAGE, NULL, 0, 0,
				   "cannot read config file %s:%s: larger than 1 MiB", tree->label,
				   tree_path);
	default:
		return or_diag_set(diag, OR_EXIT_RUNTIME, NULL, 0, 0,
				   "cannot read config file %s:%s: %s", tree->label, tree_path,
				   git_error_last() ? git_error_last()->message : "unknown error");
	}
	config = or_config_default();
	config->tree = tree;
	config->tree_path = or_xstrdup(tree_path);
	config->scan_path = or_xstrdup(scan_path);
	label = tree_label(tree, tree_path);
	rc = parse_config(out, text, len, label, root, config, diag);
	free(label);
	free(text);
	return rc;
}
