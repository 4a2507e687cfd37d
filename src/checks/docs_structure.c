/*
 * The docs-structure family: is every document there and complete in its
 * structure? Required documents, required sections, empty sections and
 * required metadata.
 */
#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "checks/docs_common.h"
#include "util/buf.h"
#include "util/glob.h"
#include "util/text.h"

/* Line to point at for document-wide findings: the first heading, else 1. */
static int document_line(const or_document *doc)
{
	return doc->nsections ? doc->sections[0].line : 1;
}

/* ---- docs.required-document ------------------------------------------ */

/* The file that is `path` but for the case of its page extension
 * ("runbooks/dr-plan.MD" for "runbooks/dr-plan.md"), or NULL. */
static const or_file *find_folded(const or_file_list *files, const char *path)
{
	char *want = or_glob_fold_extension(path);
	const char *key = want ? want : path;
	const or_file *found = NULL;
	size_t i;

	for (i = 0; i < files->nfiles && !found; i++) {
		char *folded = or_glob_fold_extension(files->files[i].path);

		if (folded && strcmp(folded, key) == 0)
			found = &files->files[i];
		free(folded);
	}
	free(want);
	return found;
}

static void check_required_documents(or_check_ctx *ctx)
{
	const or_config *config = ctx->model->config;
	size_t i;

	for (i = 0; i < config->nrequired_documents; i++) {
		const or_required_document *req = &config->required_documents[i];
		const or_file *file = or_files_find(&ctx->model->files, req->path);

		if (!file)
			file = find_folded(&ctx->model->files, req->path);

		if (file)
			or_eval_pass(ctx, file->path, "required-document");
		else
			or_eval_fail(ctx, req->path, 0, 0, "required-document", req->title,
				     "required document '%s' is missing: no file at %s",
				     req->title ? req->title : req->path, req->path);
	}
}

/* ---- docs.required-section ------------------------------------------- */

static bool section_matches(const or_document *doc, const char *wanted)
{
	size_t i;

	for (i = 0; i < doc->nsections; i++)
		if (or_text_key_equal(doc->sections[i].name, wanted))
			return true;
	return false;
}

/* Evidence for a missing section: the sections the document does have (its
 * headings of levels 1 and 2, in order, up to about 300 bytes). */
static void sections_evidence(or_buf *out, const or_document *doc)
{
	size_t i, listed = 0;

	or_buf_clear(out);
	or_buf_puts(out, "its sections:");
	for (i = 0; i < doc->nsections; i++) {
		const or_section *s = &doc->sections[i];

		if (s->level > 2)
			continue;
		if (out->size > 300) {
			or_buf_puts(out, " \xe2\x80\xa6");
			return;
		}
		or_buf_printf(out, "%s %s", listed++ ? " \xc2\xb7" : "", s->title);
	}
	if (!listed)
		or_buf_puts(out, " none");
}

static void check_required_sections(or_check_ctx *ctx)
{
	const json_t *sections = or_rule_param_array(ctx->rule, "sections");
	or_buf subject = OR_BUF_INIT, evidence = OR_BUF_INIT;
	size_t d, s;

	for (d = 0; d < ctx->model->ndocs; d++) {
		const or_model_doc *md = &ctx->model->docs[d];
		bool listed = false;

		if (!or_model_rule_applies(md, ctx->rule, true))
			continue;
		for (s = 0; s < json_array_size(sections); s++) {
			const json_t *entry = json_array_get(sections, s);
			const char *name = json_string_value(entry);
			bool found = false;
			size_t a;

			/* An entry is a name, or a list of names any of which will do. */
			if (json_is_array(entry)) {
				name = json_string_value(json_array_get(entry, 0));
				for (a = 0; a < json_array_size(entry) && !found; a++) {
					const char *alt = json_string_value(json_array_get(entry, a));
					found = alt && section_matches(md->doc, alt);
				}
			} else if (name) {
				found = section_matches(md->doc, name);
			}
			if (!name)
				continue;
			or_buf_clear(&subject);
			or_buf_printf(&subject, "section:%s", name);
			if (found) {
				or_eval_pass(ctx, md->doc->path, subject.ptr);
				continue;
			}
			if (!listed)
				sections_evidence(&evidence, md->doc);
			listed = true;
			or_eval_fail(ctx, md->doc->path, document_line(md->doc), 1, subject.ptr,
				     evidence.ptr, "runbook has no '%s' section", name);
		}
	}
	or_buf_dispose(&subject);
	or_buf_dispose(&evidence);
}

/* ---- docs.empty-section ---------------------------------------------- */

static bool level_ignored(const or_rule *rule, int level)
{
	const json_t *levels = or_rule_param_array(rule, "ignore_levels");
	size_t i;

	for (i = 0; i < json_array_size(levels); i++)
		if (json_integer_value(json_array_get(levels, i)) == level)
			return true;
	return false;
}

/* Does `a` hold `b`, ASCII letters compared without case? */
static bool holds_ignoring_case(const char *a, const char *b)
{
	return b[0] && or_text_find_ci(a, strlen(a), b) != NULL;
}

/*
 * The document's first heading names the page when it says what the front
 * matter's title says ("## Social Media Guide" under `title: Social media
 * guide`): a site's title heading, whatever its level.
 */
static bool heading_is_front_matter_title(const or_document *doc, const or_section *sec)
{
	size_t i;

	for (i = 0; i < doc->nkvs; i++) {
		const or_kv *kv = &doc->kvs[i];

		if (kv->source != OR_KV_FRONT_MATTER || !kv->value || !kv->value[0] ||
		    !or_text_key_equal(kv->key, "title"))
			continue;
		/* the heading holds the title, or is most of it ("## IBM Cloud
		 * Docs Build" under "IBM Cloud docs build overview"; not "##
		 * Outage" under "Payments API outage") */
		if (holds_ignoring_case(sec->title, kv->value) ||
		    (holds_ignoring_case(kv->value, sec->title) &&
		     2 * strlen(sec->title) > strlen(kv->value)))
			return true;
	}
	return false;
}

/*
 * "### No incidents declared", "None": a heading that says there is
 * nothing, as a record does ("No <things> <declared|reported|...>", "None",
 * "N/A"), is the whole of its section. "No targets scraped" on an alert
 * page names a condition, and an empty section under it is still empty.
 */
static bool heading_says_none(const char *title)
{
	static const char *const closing[] = { "declared", "reported", "recorded", "found",
					       "planned", "scheduled", "known", "yet", "so far",
					       NULL };
	size_t i, n = strlen(title), k;

	if (or_text_key_equal(title, "none") || or_text_key_equal(title, "n/a"))
		return true;
	if (n < 4 || (title[0] != 'N' && title[0] != 'n') || (title[1] != 'o' && title[1] != 'O') ||
	    title[2] != ' ')
		return false;
	while (n > 0 && (title[n - 1] == '.' || title[n - 1] == ' '))
		n--;
	for (i = 0; closing[i]; i++) {
		k = strlen(closing[i]);
		if (n > k && title[n - k - 1] == ' ' &&
		    or_text_find_ci(title + n - k, k, closing[i]) == title + n - k)
			return true;
	}
	return false;
}

/* "# [Demo](https://demo.example.net)": a heading that is a link is the
 * pointer to its content, not a section left empty. */
static bool heading_is_link(const or_document *doc, const or_section *sec)
{
	size_t len, i = 0;
	const char *line = or_document_line(doc, sec->line, &len);

	if (!line)
		return false;
	while (i < len && (line[i] == '#' || line[i] == ' ' || line[i] == '\t'))
		i++;
	while (len > i && (line[len - 1] == ' ' || line[len - 1] == '\t' || line[len - 1] == '\r' ||
			   line[len - 1] == '#'))
		len--;
	{
		/* "[text](url)": the "](" that opens the last parenthesis */
		const char *open = NULL, *p;

		if (len - i <= 4 || line[i] != '[' || line[len - 1] != ')')
			return false;
		for (p = line + i; p + 1 < line + len; p++)
			if (p[0] == ']' && p[1] == '(')
				open = p;
		return open && memchr(open + 2, '(', (size_t)(line + len - 1 - (open + 2))) == NULL;
	}
}

/*
 * A section with no block of its own is still not empty when its heading
 * carries its value ("Date: 2021-02-09"), is a link to it, says there is
 * none ("No incidents declared") or is a warning callout ("⚠️
 * Deprecated"); when it is the page's title (the document's
 * first level-1 heading, or its first heading when that says the front
 * matter's title, followed by the page's first section); when the next
 * heading is numbered as its sub-section ("4. Recovery", then "4.1
 * Restore" at the same level); or when it is a step whose heading is the
 * whole instruction, followed by the next step ("6. Push the branch", then
 * "7. Merge it").
 */
static bool section_empty(const or_document *doc, size_t s, size_t first_h1)
{
	const or_section *sec = &doc->sections[s];
	const or_section *next = s + 1 < doc->nsections ? &doc->sections[s + 1] : NULL;

	/* "### ⚠️ This API is deprecated": a warning set as a heading is a
	 * callout, the whole of what it says */
	if (sec->has_content || or_docs_heading_carries_value(sec->title) ||
	    heading_is_link(doc, sec) || strncmp(sec->title, "\xE2\x9A\xA0", 3) == 0 ||
	    heading_says_none(sec->title))
		return false;
	if (next && (s == first_h1 || (s == 0 && heading_is_front_matter_title(doc, sec))))
		return false;
	if (next && next->level == sec->level && or_docs_heading_next_step(sec->title, next->title))
		return false;
	return !(next && or_docs_heading_numbered_under(sec->title, next->title));
}

static void check_empty_sections(or_check_ctx *ctx)
{
	or_buf subject = OR_BUF_INIT;
	size_t d, s;

	for (d = 0; d < ctx->model->ndocs; d++) {
		const or_model_doc *md = &ctx->model->docs[d];
		size_t first_h1 = 0;

		if (!or_model_rule_applies(md, ctx->rule, false))
			continue;
		while (first_h1 < md->doc->nsections && md->doc->sections[first_h1].level != 1)
			first_h1++;
		for (s = 0; s < md->doc->nsections; s++) {
			const or_section *sec = &md->doc->sections[s];

			if (level_ignored(ctx->rule, sec->level))
				continue;
			or_buf_clear(&subject);
			or_buf_printf(&subject, "section:%s", sec->anchor);
			if (!section_empty(md->doc, s, first_h1)) {
				or_eval_pass(ctx, md->doc->path, subject.ptr);
			} else {
				char *evidence = or_docs_line_evidence(md->doc, sec->line);
				or_eval_fail(ctx, md->doc->path, sec->line, sec->column, subject.ptr,
					     evidence, "section '%s' is empty", sec->title);
				free(evidence);
			}
		}
	}
	or_buf_dispose(&subject);
}

/* ---- docs.required-metadata ------------------------------------------ */

static void check_required_metadata(or_check_ctx *ctx)
{
	const json_t *keys = or_rule_param_array(ctx->rule, "keys");
	or_buf subject = OR_BUF_INIT;
	size_t d, k;

	for (d = 0; d < ctx->model->ndocs; d++) {
		const or_model_doc *md = &ctx->model->docs[d];
		const or_document *doc = md->doc;

		if (!or_model_rule_applies(md, ctx->rule, true))
			continue;
		if (doc->front_matter_error) {
			or_eval_fail(ctx, doc->path, doc->front_matter_error_line,
				     doc->front_matter_error_column, "front-matter", NULL,
				     "front matter is not valid YAML (%s); its metadata was not read",
				     doc->front_matter_error);
		}
		for (k = 0; k < json_array_size(keys); k++) {
			const char *name = json_string_value(json_array_get(keys, k));
			or_meta_key key;
			const or_kv *kv;

			if (!name || or_meta_key_parse(&key, name) != 0)
				continue;
			kv = md->meta[key];
			or_buf_clear(&subject);
			or_buf_printf(&subject, "metadata:%s", name);
			if (kv && *kv->value) {
				or_eval_pass(ctx, doc->path, subject.ptr);
			} else if (kv) {
				char *evidence = or_docs_line_evidence(doc, kv->line);
				or_eval_fail(ctx, doc->path, kv->line, kv->column, subject.ptr,
					     evidence, "metadata '%s' is empty", kv->key);
				free(evidence);
			} else if (key == OR_META_NEXT_REVIEW && md->next_review.derived) {
				or_eval_pass(ctx, doc->path, subject.ptr);
			} else {
				or_eval_fail(ctx, doc->path, document_line(doc), 1, subject.ptr, NULL,
					     "missing metadata: %s", name);
			}
		}
	}
	or_buf_dispose(&subject);
}

static const or_check docs_structure_checks[] = {
	{ "required-documents", check_required_documents },
	{ "required-sections", check_required_sections },
	{ "empty-sections", check_empty_sections },
	{ "required-metadata", check_required_metadata },
	{ NULL, NULL },
};

const or_check_family or_docs_structure_family = {
	"docs-structure", docs_structure_checks, OR_PHASE_CHECKS
};
