/*
 * The docs family: is every document complete, consistent and readable?
 * Required documents, sections and metadata; empty sections; checklists and
 * their status markers; placeholders; references to files, scripts and
 * anchors; encoding.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/text.h"
#include "util/utf8.h"

/* Evidence is quoted, not pasted: long lines are cut. */
#define EVIDENCE_MAX 200

static char *line_evidence(const or_document *doc, int line)
{
	size_t len;
	const char *text = or_document_line(doc, line, &len);
	or_buf out = OR_BUF_INIT;

	if (!text)
		return or_xstrdup("");
	text = or_text_trim(text, &len);
	if (len > EVIDENCE_MAX) {
		/* cut on a character boundary */
		size_t cut = EVIDENCE_MAX;
		while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80)
			cut--;
		or_buf_put(&out, text, cut);
		or_buf_puts(&out, "…");
	} else {
		or_buf_put(&out, text, len);
	}
	return or_buf_detach(&out);
}

/* The line (1-based) holding byte `offset` of the document. */
static int line_of_offset(const or_document *doc, size_t offset, int *column)
{
	size_t lo = 0, hi = doc->nlines;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc->line_starts[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	if (column)
		*column = (int)(offset - doc->line_starts[lo]) + 1;
	return (int)lo + 1;
}

/* Line to point at for document-wide findings: the first heading, else 1. */
static int document_line(const or_document *doc)
{
	return doc->nsections ? doc->sections[0].line : 1;
}

/* ---- docs.required-document ------------------------------------------ */

static void check_required_documents(or_check_ctx *ctx)
{
	const or_config *config = ctx->model->config;
	size_t i;

	for (i = 0; i < config->nrequired_documents; i++) {
		const or_required_document *req = &config->required_documents[i];
		const or_file *file = or_files_find(&ctx->model->files, req->path);

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

static void check_empty_sections(or_check_ctx *ctx)
{
	or_buf subject = OR_BUF_INIT;
	size_t d, s;

	for (d = 0; d < ctx->model->ndocs; d++) {
		const or_model_doc *md = &ctx->model->docs[d];

		if (!or_model_rule_applies(md, ctx->rule, false))
			continue;
		for (s = 0; s < md->doc->nsections; s++) {
			const or_section *sec = &md->doc->sections[s];

			if (level_ignored(ctx->rule, sec->level))
				continue;
			or_buf_clear(&subject);
			or_buf_printf(&subject, "section:%s", sec->anchor);
			if (sec->has_content) {
				or_eval_pass(ctx, md->doc->path, subject.ptr);
			} else {
				char *evidence = line_evidence(md->doc, sec->line);
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
				char *evidence = line_evidence(doc, kv->line);
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

/* ---- checklists ------------------------------------------------------- */

static bool section_requires_completion(const or_document *doc, int section,
					const or_rule *rule, const char **heading)
{
	const json_t *words = or_rule_param_array(rule, "completion_headings");
	size_t w;

	while (section >= 0) {
		const or_section *sec = &doc->sections[section];
		for (w = 0; w < json_array_size(words); w++) {
			const char *word = json_string_value(json_array_get(words, w));
			if (word && or_text_find_ci(sec->name, strlen(sec->name), word)) {
				*heading = sec->name;
				return true;
			}
		}
		section = sec->parent;
	}
	return false;
}

static void task_subject(or_buf *out, const char *kind, const or_document *doc,
			 const or_task *task)
{
	or_buf_clear(out);
	or_buf_printf(out, "%s:%s:", kind,
		      task->section >= 0 ? doc->sections[task->section].anchor : "");
	or_text_key(out, task->text, strlen(task->text));
}

static void check_checklist_complete(or_check_ctx *ctx)
{
	or_buf subject = OR_BUF_INIT;
	size_t d, t;

	for (d = 0; d < ctx->model->ndocs; d++) {
		const or_model_doc *md = &ctx->model->docs[d];
		const or_document *doc = md->doc;

		if (!or_model_rule_applies(md, ctx->rule, true))
			continue;
		for (t = 0; t < doc->ntasks; t++) {
			const or_task *task = &doc->tasks[t];
			const char *heading = NULL;

			/* Items with a status marker are judged by their marker
			 * (docs.status-incomplete, docs.status-conflict). */
			if (!task->is_task || task->status != OR_ITEM_NONE)
				continue;
			if (!section_requires_completion(doc, task->section, ctx->rule, &heading))
				continue;
			task_subject(&subject, "item", doc, task);
			if (task->checked)
				or_eval_pass(ctx, doc->path, subject.ptr);
			else
				or_eval_fail(ctx, doc->path, task->line, task->column, subject.ptr,
					     task->text,
					     "unchecked item in '%s', which requires completion: %s",
					     heading, task->text);
		}
	}
	or_buf_dispose(&subject);
}

static void check_status_incomplete(or_check_ctx *ctx)
{
	or_buf subject = OR_BUF_INIT;
	size_t d, t;

	for (d = 0; d < ctx->model->ndocs; d++) {
		const or_model_doc *md = &ctx->model->docs[d];
		const or_document *doc = md->doc;

		if (!or_model_rule_applies(md, ctx->rule, false))
			continue;
		for (t = 0; t < doc->ntasks; t++) {
			const or_task *task = &doc->tasks[t];

			if (task->status == OR_ITEM_NONE)
				continue;
			task_subject(&subject, "item", doc, task);
			if (task->status == OR_ITEM_COMPLETE)
				or_eval_pass(ctx, doc->path, subject.ptr);
			else
				or_eval_fail(ctx, doc->path, task->line,
					     task->marker_column ? task->marker_column : task->column,
					     subject.ptr, task->text, "item is marked %s (%s): %s",
					     task->status == OR_ITEM_MISSING ? "missing" : "in progress",
					     task->marker, task->text);
		}
	}
	or_buf_dispose(&subject);
}

static bool task_done(const or_task *task)
{
	if (task->status == OR_ITEM_IN_PROGRESS || task->status == OR_ITEM_MISSING)
		return false;
	return task->is_task ? task->checked : task->status == OR_ITEM_COMPLETE;
}

static void check_status_conflict(or_check_ctx *ctx)
{
	or_buf subject = OR_BUF_INIT;
	size_t d, t;

	for (d = 0; d < ctx->model->ndocs; d++) {
		const or_model_doc *md = &ctx->model->docs[d];
		const or_document *doc = md->doc;
		const or_kv *status = md->meta[OR_META_STATUS];
		size_t open_items = 0, items = 0;

		if (!or_model_rule_applies(md, ctx->rule, false))
			continue;
		for (t = 0; t < doc->ntasks; t++) {
			const or_task *task = &doc->tasks[t];

			items++;
			if (!task_done(task))
				open_items++;
			if (!task->is_task || task->status == OR_ITEM_NONE)
				continue;
			task_subject(&subject, "item", doc, task);
			if (!task->checked && task->status == OR_ITEM_COMPLETE)
				or_eval_fail(ctx, doc->path, task->line, task->column, subject.ptr,
					     task->text,
					     "checkbox is unchecked but the item is marked complete (%s): %s",
					     task->marker, task->text);
			else if (task->checked && task->status != OR_ITEM_COMPLETE)
				or_eval_fail(ctx, doc->path, task->line, task->column, subject.ptr,
					     task->text,
					     "checkbox is checked but the item is marked %s (%s): %s",
					     task->status == OR_ITEM_MISSING ? "missing" : "in progress",
					     task->marker, task->text);
			else
				or_eval_pass(ctx, doc->path, subject.ptr);
		}
		if (status && or_status_parse(status->value, strlen(status->value), NULL, NULL) ==
				      OR_ITEM_COMPLETE) {
			if (open_items) {
				char *evidence = line_evidence(doc, status->line);
				or_eval_fail(ctx, doc->path, status->line, status->column,
					     "document-status", evidence,
					     "the document status says complete while %zu of %zu checklist items are not done",
					     open_items, items);
				free(evidence);
			} else {
				or_eval_pass(ctx, doc->path, "document-status");
			}
		}
	}
	or_buf_dispose(&subject);
}

/* ---- docs.placeholder ------------------------------------------------- */

static bool all_upper(const char *s)
{
	bool letter = false;

	for (; *s; s++) {
		if (*s >= 'a' && *s <= 'z')
			return false;
		if (*s >= 'A' && *s <= 'Z')
			letter = true;
	}
	return letter;
}

/* The placeholder words of the rule: all-capital words (TODO, TBD) match
 * in capitals only, phrases in any case. */
static or_text_word *placeholder_words(const json_t *words, size_t *count)
{
	or_text_word *out = or_xcalloc(json_array_size(words) + 1, sizeof(*out));
	size_t w;

	for (w = 0; w < json_array_size(words); w++) {
		const char *word = json_string_value(json_array_get(words, w));

		out[w].word = word ? word : "";
		out[w].len = strlen(out[w].word);
		out[w].exact = all_upper(out[w].word);
	}
	*count = w;
	return out;
}

static bool host_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '.';
}

static bool ends_with_ci(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix), i;

	if (n > len)
		return false;
	for (i = 0; i < n; i++) {
		char a = s[len - n + i], b = suffix[i];
		if (a >= 'A' && a <= 'Z')
			a = (char)(a - 'A' + 'a');
		if (b >= 'A' && b <= 'Z')
			b = (char)(b - 'A' + 'a');
		if (a != b)
			return false;
	}
	return true;
}

/* A reserved domain in a host name: "example.com" matches example.com and
 * api.example.com; ".test" matches any name under that top-level domain. */
static bool reserved_host(const char *host, size_t len, const json_t *domains)
{
	size_t i;

	while (len && host[len - 1] == '.')
		len--;
	for (i = 0; i < json_array_size(domains); i++) {
		const char *domain = json_string_value(json_array_get(domains, i));
		size_t dlen;

		if (!domain || !*domain)
			continue;
		dlen = strlen(domain);
		if (domain[0] == '.') {
			if (len > dlen && ends_with_ci(host, len, domain))
				return true;
		} else if (ends_with_ci(host, len, domain) &&
			   (len == dlen || host[len - dlen - 1] == '.')) {
			return true;
		}
	}
	return false;
}

/* The first reserved host name on a line: offset and length. */
static bool find_reserved_host(const char *line, size_t len, const json_t *domains,
			       size_t *at, size_t *hlen)
{
	size_t i = 0;

	while (i < len) {
		size_t start, end;
		bool dot = false;

		while (i < len && !host_char(line[i]))
			i++;
		start = i;
		while (i < len && host_char(line[i])) {
			dot |= line[i] == '.';
			i++;
		}
		end = i;
		/* "user@example.com" splits at '@': the host is what follows. */
		if (dot && end > start && reserved_host(line + start, end - start, domains)) {
			*at = start;
			*hlen = end - start;
			return true;
		}
	}
	return false;
}

static bool line_is_status_marker_of(const or_document *doc, int line, const char *word)
{
	size_t t;

	/* tasks are in line order; a linear scan is fine for the rare line with a word */
	for (t = 0; t < doc->ntasks; t++) {
		const or_task *task = &doc->tasks[t];
		if (task->line == line && task->marker && or_text_find_word(task->marker,
				strlen(task->marker), word))
			return true;
		if (task->line > line)
			break;
	}
	return false;
}

static void check_placeholders(or_check_ctx *ctx)
{
	const json_t *words = or_rule_param_array(ctx->rule, "words");
	const json_t *domains = or_rule_param_array(ctx->rule, "reserved_domains");
	or_buf subject = OR_BUF_INIT, evidence = OR_BUF_INIT;
	size_t nwords, d, w;
	or_text_word *placeholders = placeholder_words(words, &nwords);
	const char **hits = or_xcalloc(nwords + 1, sizeof(*hits));
	int line;

	for (d = 0; d < ctx->model->ndocs; d++) {
		const or_model_doc *md = &ctx->model->docs[d];
		const or_document *doc = md->doc;
		size_t found = 0;

		if (!or_model_rule_applies(md, ctx->rule, false))
			continue;
		for (line = doc->front_matter_end_line + 1; line <= (int)doc->nlines; line++) {
			size_t len, at, hlen;
			const char *text = or_document_line(doc, line, &len);
			bool in_code = or_document_line_in_code(doc, line);

			or_text_find_words(text, len, placeholders, nwords, hits);
			for (w = 0; w < nwords; w++) {
				const char *word = placeholders[w].word;
				const char *hit = hits[w];

				if (!hit || line_is_status_marker_of(doc, line, word))
					continue;
				or_buf_clear(&subject);
				or_buf_printf(&subject, "placeholder:%s:", word);
				or_text_key(&subject, text, len);
				or_buf_clear(&evidence);
				{
					char *e = line_evidence(doc, line);
					or_buf_puts(&evidence, e);
					free(e);
				}
				or_eval_fail(ctx, doc->path, line, (int)(hit - text) + 1, subject.ptr,
					     evidence.ptr, "placeholder text '%.*s'",
					     (int)strlen(word), hit);
				found++;
				break; /* one finding per line is enough */
			}
			if (in_code && find_reserved_host(text, len, domains, &at, &hlen)) {
				or_buf_clear(&subject);
				or_buf_printf(&subject, "reserved-domain:%.*s:", (int)hlen, text + at);
				or_text_key(&subject, text, len);
				{
					char *e = line_evidence(doc, line);
					or_buf_clear(&evidence);
					or_buf_puts(&evidence, e);
					free(e);
				}
				or_eval_fail(ctx, doc->path, line, (int)at + 1, subject.ptr,
					     evidence.ptr,
					     "command uses the reserved example domain '%.*s': it cannot work as written",
					     (int)hlen, text + at);
				found++;
			}
		}
		if (!found)
			or_eval_pass(ctx, doc->path, "placeholders");
	}
	free(placeholders);
	free(hits);
	or_buf_dispose(&subject);
	or_buf_dispose(&evidence);
}

/* ---- references -------------------------------------------------------- */

/*
 * Join `base` (a directory, "" for the root) and `rel`, resolving "." and
 * "..". Returns false when the result would leave the root.
 */
static bool resolve_path(or_buf *out, const char *base, const char *rel)
{
	or_buf joined = OR_BUF_INIT;
	const char *p;
	bool ok = true;

	or_buf_clear(out);
	if (rel[0] == '/') {
		rel++; /* relative to the repository root, as GitHub reads it */
	} else if (*base) {
		or_buf_puts(&joined, base);
		or_buf_putc(&joined, '/');
	}
	or_buf_puts(&joined, rel);
	p = or_buf_cstr(&joined);
	while (*p) {
		const char *end = strchr(p, '/');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (n == 0 || (n == 1 && p[0] == '.')) {
			/* skip */
		} else if (n == 2 && p[0] == '.' && p[1] == '.') {
			char *slash;
			if (out->size == 0) {
				ok = false;
				break;
			}
			slash = strrchr(out->ptr, '/');
			or_buf_truncate(out, slash ? (size_t)(slash - out->ptr) : 0);
		} else {
			if (out->size)
				or_buf_putc(out, '/');
			or_buf_put(out, p, n);
		}
		p += n;
		if (*p == '/')
			p++;
	}
	or_buf_dispose(&joined);
	return ok;
}

static void dir_of(or_buf *out, const char *path)
{
	const char *slash = strrchr(path, '/');

	or_buf_clear(out);
	if (slash)
		or_buf_put(out, path, (size_t)(slash - path));
}

static bool path_exists(const or_model *model, const char *path)
{
	return or_files_find(&model->files, path) || or_files_has_dir(&model->files, path);
}

/* The length of the URL scheme that `dest` starts with ("https" in
 * "https://..."), or 0 when it has none. */
static size_t scheme_length(const char *dest)
{
	const char *p = dest;

	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		return 0;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
	       *p == '+' || *p == '-' || *p == '.')
		p++;
	return *p == ':' ? (size_t)(p - dest) : 0;
}

/* "ttps://", "htps://", "htp://": a mistyped web scheme, which no browser opens. */
static bool mistyped_web_scheme(const char *dest, size_t len)
{
	char scheme[8];
	size_t i;

	if (len < 3 || len > 6 || strncmp(dest + len, "://", 3) != 0)
		return false;
	for (i = 0; i < len; i++)
		scheme[i] = (char)(dest[i] >= 'A' && dest[i] <= 'Z' ? dest[i] - 'A' + 'a' : dest[i]);
	scheme[len] = '\0';
	if (strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0)
		return false;
	return or_text_levenshtein(scheme, "http") <= 1 || or_text_levenshtein(scheme, "https") <= 1;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void percent_decode(or_buf *out, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == '%' && i + 2 < len && hex_value(s[i + 1]) >= 0 &&
		    hex_value(s[i + 2]) >= 0) {
			or_buf_putc(out, hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
			i += 2;
		} else {
			or_buf_putc(out, s[i]);
		}
	}
}

/* ", did you mean '#x'?" when the document has an anchor close to `anchor`. */
static void anchor_hint(or_buf *out, const or_document *doc, const char *anchor)
{
	const char **anchors = or_xmalloc((doc->nsections ? doc->nsections : 1) * sizeof(char *));
	const char *best;
	size_t i;

	or_buf_clear(out);
	for (i = 0; i < doc->nsections; i++)
		anchors[i] = doc->sections[i].anchor;
	best = or_text_did_you_mean(anchor, anchors, doc->nsections);
	if (best)
		or_buf_printf(out, " (did you mean '#%s'?)", best);
	free(anchors);
}

static void check_link(or_check_ctx *ctx, const or_model_doc *md, const or_link *link,
		       or_buf *subject, or_buf *target, or_buf *base)
{
	const or_document *doc = md->doc;
	const char *dest = link->dest, *hash, *query;
	or_buf path = OR_BUF_INIT;
	size_t path_len;

	size_t scheme = scheme_length(dest);

	if (!*dest || (dest[0] == '/' && dest[1] == '/'))
		return;
	if (scheme) {
		if (mistyped_web_scheme(dest, scheme)) {
			or_buf_clear(subject);
			or_buf_printf(subject, "link:%s", dest);
			or_eval_fail(ctx, doc->path, link->line, link->column, subject->ptr, dest,
				     "link to '%s': '%.*s:' is not a web address scheme (http or https?)",
				     dest, (int)scheme, dest);
		}
		return;
	}
	hash = strchr(dest, '#');
	query = strchr(dest, '?');
	path_len = strlen(dest);
	if (query && (!hash || query < hash))
		path_len = (size_t)(query - dest);
	else if (hash)
		path_len = (size_t)(hash - dest);
	or_buf_clear(subject);
	or_buf_printf(subject, "link:%s", dest);

	if (path_len == 0) {
		/* "#anchor" in this document */
		if (!hash || !hash[1] || or_document_find_anchor(doc, hash + 1) >= 0) {
			or_eval_pass(ctx, doc->path, subject->ptr);
		} else {
			anchor_hint(&path, doc, hash + 1);
			or_eval_fail(ctx, doc->path, link->line, link->column, subject->ptr, dest,
				     "link to '#%s': no heading in this document has that anchor%s",
				     hash + 1, or_buf_cstr(&path));
		}
		goto cleanup;
	}
	percent_decode(&path, dest, path_len);
	dir_of(base, doc->path);
	if (!resolve_path(target, base->ptr ? base->ptr : "", or_buf_cstr(&path))) {
		or_eval_fail(ctx, doc->path, link->line, link->column, subject->ptr, dest,
			     "link to '%s' leaves the repository", dest);
		goto cleanup;
	}
	if (!path_exists(ctx->model, or_buf_cstr(target))) {
		or_eval_fail(ctx, doc->path, link->line, link->column, subject->ptr, dest,
			     "link to '%s': no such file in the repository (looked for %s)", dest,
			     or_buf_cstr(target));
		goto cleanup;
	}
	if (hash && hash[1]) {
		const or_model_doc *other = or_model_find_doc(ctx->model, or_buf_cstr(target));
		if (other && or_document_find_anchor(other->doc, hash + 1) < 0) {
			anchor_hint(&path, other->doc, hash + 1);
			or_eval_fail(ctx, doc->path, link->line, link->column, subject->ptr, dest,
				     "link to '%s': %s has no heading with the anchor '%s'%s", dest,
				     or_buf_cstr(target), hash + 1, or_buf_cstr(&path));
			goto cleanup;
		}
	}
	or_eval_pass(ctx, doc->path, subject->ptr);
cleanup:
	or_buf_dispose(&path);
}

/*
 * Where a command's path points: tried against the repository root (where
 * runbook commands are run from) and then the document's own folder.
 * Returns 1 and the path in `found` when it exists, 0 when it does not,
 * -1 when every reading of it leaves the repository.
 */
static int locate_command_path(const or_model *model, const or_document *doc, const char *path,
			       or_buf *found, or_buf *base)
{
	bool inside = false;

	if (resolve_path(found, "", path)) {
		inside = true;
		if (path_exists(model, found->ptr))
			return 1;
	}
	dir_of(base, doc->path);
	if (base->size && resolve_path(found, base->ptr, path)) {
		inside = true;
		if (path_exists(model, found->ptr))
			return 1;
	}
	return inside ? 0 : -1;
}

static void check_references(or_check_ctx *ctx)
{
	or_buf subject = OR_BUF_INIT, target = OR_BUF_INIT, base = OR_BUF_INIT;
	size_t d, i;

	for (d = 0; d < ctx->model->ndocs; d++) {
		const or_model_doc *md = &ctx->model->docs[d];
		const or_document *doc = md->doc;

		if (!or_model_rule_applies(md, ctx->rule, false))
			continue;
		for (i = 0; i < doc->ncommands; i++) {
			const or_command_ref *ref = &doc->commands[i];
			int where = locate_command_path(ctx->model, doc, ref->path, &target, &base);

			or_buf_clear(&subject);
			or_buf_printf(&subject, "command:%s", ref->path);
			if (where == 1)
				or_eval_pass(ctx, doc->path, subject.ptr);
			else if (where < 0)
				or_eval_fail(ctx, doc->path, ref->line, ref->column, subject.ptr,
					     ref->command, "command refers to '%s', which leaves the repository",
					     ref->path);
			else
				or_eval_fail(ctx, doc->path, ref->line, ref->column, subject.ptr,
					     ref->command,
					     "command runs '%s', which does not exist in the repository",
					     ref->path);
		}
		for (i = 0; i < doc->nlinks; i++)
			check_link(ctx, md, &doc->links[i], &subject, &target, &base);
	}
	or_buf_dispose(&subject);
	or_buf_dispose(&target);
	or_buf_dispose(&base);
}

/* True when the command runs the path through an interpreter
 * ("bash x.sh"), so that it need not be executable itself. */
static bool run_by_interpreter(const or_command_ref *ref)
{
	static const char *const interpreters[] = {
		"bash", "sh", "zsh", "dash", "ksh", "source", ".", "python", "python3", "ruby",
		"perl", "node", "pwsh", "powershell", NULL,
	};
	const char *at = strstr(ref->command, ref->path);
	const char *end, *start;
	size_t i;

	if (!at)
		return false;
	if (at >= ref->command + 2 && at[-1] == '/' && at[-2] == '.')
		at -= 2;
	end = at;
	while (end > ref->command && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '"' ||
				      end[-1] == '\''))
		end--;
	start = end;
	while (start > ref->command && start[-1] != ' ' && start[-1] != '\t' && start[-1] != '/')
		start--;
	for (i = 0; interpreters[i]; i++)
		if ((size_t)(end - start) == strlen(interpreters[i]) &&
		    strncmp(start, interpreters[i], (size_t)(end - start)) == 0)
			return true;
	return false;
}

static void check_executable_scripts(or_check_ctx *ctx)
{
	or_buf subject = OR_BUF_INIT, target = OR_BUF_INIT, base = OR_BUF_INIT;
	size_t d, i;

	for (d = 0; d < ctx->model->ndocs; d++) {
		const or_model_doc *md = &ctx->model->docs[d];
		const or_document *doc = md->doc;

		if (!or_model_rule_applies(md, ctx->rule, false))
			continue;
		for (i = 0; i < doc->ncommands; i++) {
			const or_command_ref *ref = &doc->commands[i];
			const or_file *file;

			if (run_by_interpreter(ref))
				continue;
			if (locate_command_path(ctx->model, doc, ref->path, &target, &base) != 1)
				continue;
			file = or_files_find(&ctx->model->files, target.ptr);
			if (!file || file->symlink)
				continue; /* a directory, or a link we do not follow */
			or_buf_clear(&subject);
			or_buf_printf(&subject, "script:%s", file->path);
			if (file->executable)
				or_eval_pass(ctx, doc->path, subject.ptr);
			else
				or_eval_fail(ctx, doc->path, ref->line, ref->column, subject.ptr,
					     ref->command,
					     "script '%s' is run directly but is not executable%s",
					     file->path,
					     ctx->model->files.is_git ?
						     " in git (git update-index --chmod=+x)" :
						     " (chmod +x)");
		}
	}
	or_buf_dispose(&subject);
	or_buf_dispose(&target);
	or_buf_dispose(&base);
}

/* ---- docs.encoding ----------------------------------------------------- */

typedef struct garbled {
	char *text;
	char intended[64];
	const char *codepage;
	size_t count;
	size_t first_offset;
} garbled;

static void check_encoding_doc(or_check_ctx *ctx, const or_document *doc)
{
	garbled *runs = NULL;
	size_t nruns = 0, cap = 0, i, offset = 0;
	size_t bad = or_utf8_invalid_offset(doc->source, doc->source_len);
	or_mojibake m;
	bool clean = true;

	if (bad != (size_t)-1) {
		int column, line = line_of_offset(doc, bad, &column);
		char evidence[64];
		size_t n, count = 0;

		for (n = 0; n < 4 && bad + n < doc->source_len; n++)
			snprintf(evidence + count * 5, sizeof(evidence) - count * 5, "\\x%02X ",
				 (unsigned char)doc->source[bad + n]), count++;
		or_eval_fail(ctx, doc->path, line, column, "invalid-utf8", evidence,
			     "invalid UTF-8 at byte %zu: the file is not UTF-8 (Latin-1 or Windows-1252?)",
			     bad);
		clean = false;
	}
	/* Mojibake only makes sense in text that is otherwise UTF-8. */
	while (bad == (size_t)-1 &&
	       or_mojibake_next(doc->source, doc->source_len, offset, &m)) {
		for (i = 0; i < nruns; i++)
			if (strlen(runs[i].text) == m.length &&
			    memcmp(runs[i].text, doc->source + m.offset, m.length) == 0)
				break;
		if (i == nruns) {
			runs = or_xgrow(runs, &cap, nruns + 1, sizeof(*runs));
			runs[i].text = or_xstrndup(doc->source + m.offset, m.length);
			memcpy(runs[i].intended, m.intended, sizeof(m.intended));
			runs[i].codepage = m.codepage;
			runs[i].count = 0;
			runs[i].first_offset = m.offset;
			nruns++;
		}
		runs[i].count++;
		offset = m.offset + (m.length ? m.length : 1);
	}
	for (i = 0; i < nruns; i++) {
		int column, line = line_of_offset(doc, runs[i].first_offset, &column);
		char subject[128];
		char *evidence = line_evidence(doc, line);

		snprintf(subject, sizeof(subject), "mojibake:%s", runs[i].text);
		if (runs[i].count > 1)
			or_eval_fail(ctx, doc->path, line, column, subject, evidence,
				     "mojibake: '%s' should read '%s' (UTF-8 decoded as %s); %zu times in this file",
				     runs[i].text, runs[i].intended, runs[i].codepage, runs[i].count);
		else
			or_eval_fail(ctx, doc->path, line, column, subject, evidence,
				     "mojibake: '%s' should read '%s' (UTF-8 decoded as %s)",
				     runs[i].text, runs[i].intended, runs[i].codepage);
		free(evidence);
		free(runs[i].text);
		clean = false;
	}
	free(runs);
	if (clean)
		or_eval_pass(ctx, doc->path, "encoding");
}

static void check_encoding(or_check_ctx *ctx)
{
	size_t i;

	for (i = 0; i < ctx->model->ndocs; i++)
		if (or_model_rule_applies(&ctx->model->docs[i], ctx->rule, false))
			check_encoding_doc(ctx, ctx->model->docs[i].doc);
	for (i = 0; i < ctx->model->nskipped; i++) {
		const or_skipped_file *s = &ctx->model->skipped[i];
		if (s->kind == OR_SKIP_BINARY)
			or_eval_fail(ctx, s->path, 0, 0, "encoding", NULL, "%s", s->reason);
		else
			or_eval_skip(ctx, s->path, "encoding", s->reason);
	}
}

static const or_check docs_checks[] = {
	{ "required-documents", check_required_documents },
	{ "required-sections", check_required_sections },
	{ "empty-sections", check_empty_sections },
	{ "required-metadata", check_required_metadata },
	{ "checklist-complete", check_checklist_complete },
	{ "status-incomplete", check_status_incomplete },
	{ "status-conflict", check_status_conflict },
	{ "placeholders", check_placeholders },
	{ "references", check_references },
	{ "executable-scripts", check_executable_scripts },
	{ "encoding", check_encoding },
	{ NULL, NULL },
};

const or_check_family or_docs_family = { "docs", docs_checks, OR_PHASE_CHECKS };
