/*
 * Which files a scan reads (the config's include and exclude globs), which
 * documents are runbooks (their type, or the runbook paths of the config or
 * the pack), and which documents a rule applies to (its `applies_to`).
 */
#include "model/scope.h"

#include <string.h>

#include "util/glob.h"
#include "util/text.h"

static bool match_any(char *const *globs, size_t n, const char *path)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (or_glob_match_document(globs[i], path))
			return true;
	return false;
}

static bool match_any_json(const json_t *globs, const char *path)
{
	size_t i;

	for (i = 0; i < json_array_size(globs); i++) {
		const char *glob = json_string_value(json_array_get(globs, i));
		if (glob && or_glob_match_document(glob, path))
			return true;
	}
	return false;
}

/* The default include: every .md and .markdown file (renaming runbook.md
 * to runbook.markdown must not take it out of the scan), and the page files
 * of the site's generator (tech-docs .html.md.erb, Docusaurus .mdx).
 * Every glob here matches a page extension in any case (runbook.MD is a
 * runbook like runbook.md): renaming it must not take it out of the scan. */
static bool default_include(const or_model *model, const char *path)
{
	const char *const *globs = or_site_page_globs(model->site.generator);
	size_t i;

	if (or_glob_match_document("**/*.{md,markdown}", path))
		return true;
	for (i = 0; globs[i]; i++)
		if (or_glob_match_document(globs[i], path))
			return true;
	return false;
}

bool or_model_in_scope(const or_model *model, const char *path)
{
	const or_config *config = model->config;

	if (config->ninclude) {
		if (!match_any(config->include, config->ninclude, path))
			return false;
	} else if (!default_include(model, path)) {
		return false;
	}
	return !match_any(config->exclude, config->nexclude, path);
}

bool or_model_to_read(const or_model *model, const or_file *file)
{
	return (!model->since || file->in_change || file->mentions_removed) &&
	       or_model_in_scope(model, file->path);
}

bool or_model_is_runbook(const or_model *model, const or_document *doc)
{
	if (doc->type)
		return or_text_key_equal(doc->type, "runbook");
	if (model->config->has_runbook_paths)
		return match_any(model->config->runbook_paths, model->config->nrunbook_paths,
				 doc->path);
	return match_any_json(json_object_get(model->rules->settings, "runbook_paths"),
			      doc->path);
}

bool or_model_rule_applies(const or_model_doc *doc, const or_rule *rule,
			   bool default_runbooks_only)
{
	const json_t *applies = json_object_get(rule->params, "applies_to");

	if (json_is_string(applies)) {
		const char *s = json_string_value(applies);
		if (strcmp(s, "all") == 0)
			return true;
		if (strcmp(s, "runbooks") == 0)
			return doc->is_runbook;
		return or_glob_match_document(s, doc->doc->path);
	}
	if (json_is_array(applies))
		return match_any_json(applies, doc->doc->path);
	return default_runbooks_only ? doc->is_runbook : true;
}
