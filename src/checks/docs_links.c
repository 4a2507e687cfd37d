/*
 * The docs-links family: does what a document points at exist? Relative
 * links and their anchors, the repository scripts and files its commands
 * run, and whether a script run directly is executable.
 */
#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "input/site.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/strset.h"
#include "util/text.h"

/* ---- references -------------------------------------------------------- */

/*
 * Join `base` (a directory, "" for the root) and `rel`, resolving "." and
 * "..". Returns false when the result would leave the root.
 */
static bool resolve_path(or_buf *out, const char *base, const char *rel)
{
	if (rel[0] == '/') /* relative to the repository root, as GitHub reads it */
		return or_fs_normalise(out, "", rel + 1, 0);
	return or_fs_normalise(out, base, rel, 0);
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

static void percent_decode(or_buf *out, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == '%' && i + 2 < len && or_text_hex_value(s[i + 1]) >= 0 &&
		    or_text_hex_value(s[i + 2]) >= 0) {
			or_buf_putc(out, or_text_hex_value(s[i + 1]) * 16 + or_text_hex_value(s[i + 2]));
			i += 2;
		} else {
			or_buf_putc(out, s[i]);
		}
	}
}

/*
 * The pages a site serves under another name than their source path, made
 * once per scan: Docusaurus' number prefixes stripped from file and folder
 * names ("docs/03-run/01-start.md" is served as docs/run/start), and the
 * URLs front matter gives (Docusaurus `slug:`, Jekyll `permalink:`, Hugo
 * `url:`). Keys are repository-relative, as the link candidates are; sorted
 * for binary search.
 */
typedef struct served_entry {
	char *key;
	const char *path; /* the source file (the model's, not owned) */
} served_entry;

typedef struct served_index {
	served_entry *items;
	size_t n, cap;
} served_index;

static void served_add(served_index *index, or_buf *key, const char *path)
{
	while (key->size && key->ptr[key->size - 1] == '/')
		or_buf_truncate(key, key->size - 1);
	if (!key->size)
		return;
	index->items = or_xgrow(index->items, &index->cap, index->n + 1, sizeof(served_entry));
	index->items[index->n].key = or_xstrdup(or_buf_cstr(key));
	index->items[index->n].path = path;
	index->n++;
}

static int served_cmp(const void *a, const void *b)
{
	return strcmp(((const served_entry *)a)->key, ((const served_entry *)b)->key);
}

static const char *served_find(const served_index *index, const char *key)
{
	served_entry probe;
	const served_entry *hit;
	or_buf k = OR_BUF_INIT;

	if (!index->n)
		return NULL;
	or_buf_puts(&k, key);
	while (k.size && k.ptr[k.size - 1] == '/')
		or_buf_truncate(&k, k.size - 1);
	probe.key = (char *)or_buf_cstr(&k);
	hit = bsearch(&probe, index->items, index->n, sizeof(served_entry), served_cmp);
	or_buf_dispose(&k);
	return hit ? hit->path : NULL;
}

/* The length of a Docusaurus number prefix ("03-", "10_", "2. ") at the
 * start of a name of `n` bytes, or 0: digits, then '-', '_' or '.', then
 * what is not a digit (so that "2023-11-06-post" keeps its date). */
static size_t number_prefix(const char *name, size_t n)
{
	size_t i = 0, digits;

	while (i < n && name[i] >= '0' && name[i] <= '9')
		i++;
	digits = i;
	if (!digits || i >= n || (name[i] != '-' && name[i] != '_' && name[i] != '.'))
		return 0;
	while (i < n && (name[i] == '-' || name[i] == '_' || name[i] == '.' || name[i] == ' '))
		i++;
	if (i >= n || (name[i] >= '0' && name[i] <= '9') || name[i] == '.')
		return 0;
	return i;
}

/* `path` with the number prefix of each name dropped; false when none had one. */
static bool strip_number_prefixes(or_buf *out, const char *path)
{
	bool stripped = false;

	or_buf_clear(out);
	while (*path) {
		const char *end = strchr(path, '/');
		size_t n = end ? (size_t)(end - path) : strlen(path), skip = number_prefix(path, n);

		stripped |= skip > 0;
		or_buf_put(out, path + skip, n - skip);
		path += n;
		if (*path == '/')
			or_buf_putc(out, *path++);
	}
	or_buf_cstr(out);
	return stripped;
}

static const char *front_matter_value(const or_document *doc, const char *key)
{
	size_t i;

	for (i = 0; i < doc->nkvs; i++)
		if (doc->kvs[i].source == OR_KV_FRONT_MATTER && strcmp(doc->kvs[i].key, key) == 0 &&
		    doc->kvs[i].value && doc->kvs[i].value[0])
			return doc->kvs[i].value;
	return NULL;
}

/* A served URL path of front matter as a key: `prefix` + "/" + the URL
 * without its leading and trailing '/'; none for a pattern (":title"). */
static void add_url(served_index *index, or_buf *key, const char *prefix, const char *url,
		    const char *path)
{
	if (strchr(url, ':') || strstr(url, "..") || strchr(url, '?') || strchr(url, '#'))
		return;
	while (*url == '/')
		url++;
	or_buf_clear(key);
	if (*prefix) {
		or_buf_puts(key, prefix);
		or_buf_putc(key, '/');
	}
	or_buf_puts(key, url);
	served_add(index, key, path);
}

static void served_index_build(served_index *index, const or_model *model)
{
	const or_site *site = &model->site;
	or_buf key = OR_BUF_INIT, tmp = OR_BUF_INIT;
	size_t i;

	memset(index, 0, sizeof(*index));
	if (site->generator == OR_SITE_DOCUSAURUS) {
		for (i = 0; i < model->files.nfiles; i++) {
			const char *path = model->files.files[i].path;

			if (or_site_is_page(site, path) && strip_number_prefixes(&key, path))
				served_add(index, &key, path);
		}
	}
	for (i = 0; i < model->ndocs; i++) {
		const or_document *doc = model->docs[i].doc;
		const char *v;

		if (!or_site_is_page(site, doc->path))
			continue;
		if (site->generator == OR_SITE_DOCUSAURUS && (v = front_matter_value(doc, "slug"))) {
			if (strncmp(doc->path, "blog/", 5) == 0) {
				add_url(index, &key, "blog", v, doc->path);
			} else if (v[0] == '/') {
				add_url(index, &key, "docs", v, doc->path);
			} else {
				/* a relative slug names the page in its folder */
				const char *slash;

				strip_number_prefixes(&tmp, doc->path);
				slash = strrchr(or_buf_cstr(&tmp), '/');
				or_buf_truncate(&tmp, slash ? (size_t)(slash - tmp.ptr) : 0);
				add_url(index, &key, or_buf_cstr(&tmp), v, doc->path);
			}
		} else if (site->generator == OR_SITE_JEKYLL && (v = front_matter_value(doc, "permalink"))) {
			add_url(index, &key, site->root, v, doc->path);
		} else if (site->generator == OR_SITE_HUGO && (v = front_matter_value(doc, "url"))) {
			add_url(index, &key, site->root, v, doc->path);
		}
	}
	if (index->n)
		qsort(index->items, index->n, sizeof(served_entry), served_cmp);
	or_buf_dispose(&key);
	or_buf_dispose(&tmp);
}

static void served_index_dispose(served_index *index)
{
	size_t i;

	for (i = 0; i < index->n; i++)
		free(index->items[i].key);
	free(index->items);
	memset(index, 0, sizeof(*index));
}

/*
 * A link on a documentation site's page: the source files that serve it,
 * the way the generator serves pages (or_site_link_candidates). Returns 1
 * with the file found in `found`, 0 with what was tried in `why`, -1 when
 * the link leaves the repository.
 */
static int resolve_site_link(const or_model *model, const served_index *served,
			     const or_document *doc, const char *link, or_buf *found, or_buf *why)
{
	or_site_candidates c;
	size_t i, direct, shown;
	const char *page;

	or_buf_clear(found);
	or_buf_clear(why);
	if (!or_site_link_candidates(&c, &model->site, doc->path, link))
		return -1;
	for (i = 0; i < c.n; i++) {
		if (path_exists(model, c.paths[i])) {
			or_buf_puts(found, c.paths[i]);
			or_site_candidates_dispose(&c);
			return 1;
		}
	}
	for (i = 0; i < c.n; i++) {
		if ((page = served_find(served, c.paths[i]))) {
			or_buf_puts(found, page);
			or_site_candidates_dispose(&c);
			return 1;
		}
	}
	direct = c.n - c.ntried_pages;
	if (c.ntried_pages == 0) {
		or_buf_printf(why, "no such file in the repository (looked for %s)", c.paths[0]);
	} else {
		or_buf_printf(why, "no page source for %s (tried ", link);
		for (i = direct, shown = 0; i < c.n && shown < 4; i++, shown++)
			or_buf_printf(why, "%s%s", shown ? ", " : "", c.paths[i]);
		if (c.n - direct > shown)
			or_buf_printf(why, " and %zu more", c.n - direct - shown);
		or_buf_putc(why, ')');
	}
	or_site_candidates_dispose(&c);
	return 0;
}

/* The slug rules of the site's Markdown converter beside GitHub's, which
 * the sections' anchors already follow. */
static size_t site_slug_styles(or_site_generator g, or_slug_style styles[2])
{
	switch (g) {
	case OR_SITE_TECH_DOCS:
		styles[0] = OR_SLUG_REDCARPET;
		styles[1] = OR_SLUG_REDCARPET_OLD;
		return 2;
	case OR_SITE_MKDOCS:
		styles[0] = OR_SLUG_PYTHON_MARKDOWN;
		return 1;
	case OR_SITE_JEKYLL:
		styles[0] = OR_SLUG_KRAMDOWN;
		return 1;
	default:
		return 0; /* Hugo's goldmark and Docusaurus slug as GitHub does */
	}
}

/*
 * The generator's slugs of every heading, per document, made the first time
 * an anchor of that document is missed (so the headings of a document are
 * read once, however many links point into it): keys "INDEX:slug".
 */
typedef struct slug_cache {
	or_strset slugs;
	bool *done; /* per model document */
} slug_cache;

/*
 * The headings Redcarpet (tech-docs) and kramdown (Jekyll) read where
 * CommonMark reads a paragraph: "####Title", hashes with no space after
 * them, at the start of a line outside front matter and fenced code. Their
 * slugs under each style go in `key` after its first `prefix` bytes. One
 * pass over the document's lines. A fence is one at most three spaces in,
 * closed by the next such fence, as kramdown reads it: a fence opened in a
 * list item and closed at the left margin ends there, where CommonMark runs
 * it on to the end of the file. With `kramdown`, a heading with a space
 * after its hashes counts too, since CommonMark may have read it as code.
 */
static void add_loose_heading_slugs(slug_cache *cache, const or_document *doc,
				    const or_slug_style *styles, size_t nstyles, or_buf *key,
				    size_t prefix, bool kramdown)
{
	char fence = 0;
	size_t fence_len = 0, line, k;

	for (line = (size_t)(doc->front_matter_end_line > 0 ? doc->front_matter_end_line : 0);
	     line < doc->nlines; line++) {
		const char *p = doc->source + doc->line_starts[line];
		const char *end = line + 1 < doc->nlines ? doc->source + doc->line_starts[line + 1] :
							      doc->source + doc->source_len;
		size_t n = (size_t)(end - p), hashes = 0, indent = 0, run = 0;

		while (n && (p[n - 1] == '\n' || p[n - 1] == '\r'))
			n--;
		while (indent < n && indent < 3 && p[indent] == ' ')
			indent++;
		if (indent < n && (p[indent] == '`' || p[indent] == '~')) {
			while (indent + run < n && p[indent + run] == p[indent])
				run++;
			if (run >= 3) {
				if (!fence) {
					fence = p[indent];
					fence_len = run;
				} else if (p[indent] == fence && run >= fence_len) {
					fence = 0;
				}
				continue;
			}
		}
		if (fence || n == 0 || p[0] != '#')
			continue;
		while (hashes < n && p[hashes] == '#')
			hashes++;
		if (hashes > 6 || hashes >= n ||
		    (!kramdown && (p[hashes] == ' ' || p[hashes] == '\t')))
			continue; /* too deep, empty, or a heading CommonMark reads too */
		while (hashes < n && (p[hashes] == ' ' || p[hashes] == '\t'))
			hashes++;
		if (hashes == n)
			continue;
		p += hashes;
		n -= hashes;
		while (n && (p[n - 1] == '#' || p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		for (k = 0; k < nstyles && n; k++) {
			or_buf_truncate(key, prefix);
			or_text_slug_generator(key, p, n, styles[k]);
			or_strset_add(&cache->slugs, key->ptr, key->size);
		}
	}
}

static void slug_cache_fill(slug_cache *cache, const or_model *model, size_t index)
{
	const or_document *doc = model->docs[index].doc;
	or_slug_style styles[2];
	size_t nstyles = site_slug_styles(model->site.generator, styles), i, k, prefix;
	or_buf key = OR_BUF_INIT;

	cache->done[index] = true;
	or_buf_printf(&key, "%zu:", index);
	prefix = key.size;
	for (i = 0; i < doc->nsections; i++) {
		const char *title = doc->sections[i].title;
		size_t len = or_document_title_text_len(title);

		for (k = 0; k < nstyles; k++) {
			or_buf_truncate(&key, prefix);
			or_text_slug_generator(&key, title, len, styles[k]);
			or_strset_add(&cache->slugs, key.ptr, key.size);
		}
	}
	if ((model->site.generator == OR_SITE_TECH_DOCS || model->site.generator == OR_SITE_JEKYLL) &&
	    or_site_is_page(&model->site, doc->path))
		add_loose_heading_slugs(cache, doc, styles, nstyles, &key, prefix,
					model->site.generator == OR_SITE_JEKYLL);
	or_buf_dispose(&key);
}

static bool anchor_matches(const or_model *model, slug_cache *cache, const or_document *doc,
			   const char *anchor)
{
	or_slug_style styles[2];
	const or_model_doc *md;
	size_t index;
	or_buf key = OR_BUF_INIT;
	bool found;

	if (or_document_find_anchor(doc, anchor) >= 0 ||
	    or_document_has_explicit_anchor(doc, anchor))
		return true;
	if (!site_slug_styles(model->site.generator, styles) ||
	    !(md = or_model_find_doc(model, doc->path)))
		return false;
	index = (size_t)(md - model->docs);
	if (!cache->done[index])
		slug_cache_fill(cache, model, index);
	or_buf_printf(&key, "%zu:%s", index, anchor);
	found = or_strset_contains(&cache->slugs, key.ptr, key.size);
	or_buf_dispose(&key);
	return found;
}

/* Does `doc` have the anchor (as written, or percent-decoded)? */
static bool has_anchor(const or_model *model, slug_cache *cache, const or_document *doc,
		       const char *anchor)
{
	or_buf decoded = OR_BUF_INIT;
	bool found = anchor_matches(model, cache, doc, anchor);

	if (!found && strchr(anchor, '%')) {
		percent_decode(&decoded, anchor, strlen(anchor));
		found = anchor_matches(model, cache, doc, or_buf_cstr(&decoded));
	}
	or_buf_dispose(&decoded);
	return found;
}

/*
 * The "did you mean" work a document's broken anchors may take, in
 * candidates looked at plus Levenshtein cells: a base and so much per byte
 * of the document, so that 8,000 broken links against 8,000 headings cost
 * a bounded time per byte, and the base (16,384) is small enough that many
 * tiny documents linking a big one's missing anchors cost little each.
 * After it, the findings stay and lose their hint.
 */
#define HINT_BUDGET_BASE ((size_t)1 << 14)
#define HINT_BUDGET_PER_BYTE 32

/* ", did you mean '#x'?" when the document has an anchor close to `anchor`
 * and *budget allows the search. */
static void anchor_hint(or_buf *out, const or_document *doc, const char *anchor, size_t *budget)
{
	const char **anchors;
	const char *best;
	size_t i;

	or_buf_clear(out);
	if (*budget < doc->nsections || strlen(anchor) > OR_TEXT_SUGGEST_MAX_LEN) {
		if (*budget < doc->nsections)
			*budget = 0;
		return;
	}
	*budget -= doc->nsections; /* the candidates' table */
	anchors = or_xmalloc((doc->nsections ? doc->nsections : 1) * sizeof(char *));
	for (i = 0; i < doc->nsections; i++)
		anchors[i] = doc->sections[i].anchor;
	best = or_text_did_you_mean_within(anchor, anchors, doc->nsections, budget);
	if (best)
		or_buf_printf(out, " (did you mean '#%s'?)", best);
	free(anchors);
}

static void check_link(or_check_ctx *ctx, const or_model_doc *md, const or_link *link,
		       slug_cache *cache, const served_index *served, or_buf *subject,
		       or_buf *target, or_buf *base, size_t *hint_budget)
{
	const or_document *doc = md->doc;
	const char *dest = link->dest, *hash, *query;
	or_buf path = OR_BUF_INIT;
	size_t path_len;

	size_t scheme = scheme_length(dest);

	if (!*dest || (dest[0] == '/' && dest[1] == '/'))
		return;
	if (or_site_link_is_templated(dest))
		return; /* known only once the site is built: not checkable */
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
		if (!hash || !hash[1] || has_anchor(ctx->model, cache, doc, hash + 1)) {
			or_eval_pass(ctx, doc->path, subject->ptr);
		} else {
			anchor_hint(&path, doc, hash + 1, hint_budget);
			or_eval_fail(ctx, doc->path, link->line, link->column, subject->ptr, dest,
				     "link to '#%s': no heading in this document has that anchor%s",
				     hash + 1, or_buf_cstr(&path));
		}
		goto cleanup;
	}
	percent_decode(&path, dest, path_len);
	if (ctx->model->site.generator != OR_SITE_NONE) {
		int found = resolve_site_link(ctx->model, served, doc, or_buf_cstr(&path), target,
					      base);

		if (found < 0) {
			or_eval_fail(ctx, doc->path, link->line, link->column, subject->ptr, dest,
				     "link to '%s' leaves the repository", dest);
			goto cleanup;
		}
		if (found == 0) {
			or_eval_fail(ctx, doc->path, link->line, link->column, subject->ptr, dest,
				     "link to '%s': %s", dest, or_buf_cstr(base));
			goto cleanup;
		}
	} else {
		dir_of(base, doc->path);
		if (!resolve_path(target, base->ptr ? base->ptr : "", or_buf_cstr(&path))) {
			or_eval_fail(ctx, doc->path, link->line, link->column, subject->ptr, dest,
				     "link to '%s' leaves the repository", dest);
			goto cleanup;
		}
		if (!path_exists(ctx->model, or_buf_cstr(target))) {
			or_eval_fail(ctx, doc->path, link->line, link->column, subject->ptr, dest,
				     "link to '%s': no such file in the repository (looked for %s)",
				     dest, or_buf_cstr(target));
			goto cleanup;
		}
	}
	if (hash && hash[1]) {
		const or_model_doc *other = or_model_find_doc(ctx->model, or_buf_cstr(target));
		if (other && !has_anchor(ctx->model, cache, other->doc, hash + 1)) {
			anchor_hint(&path, other->doc, hash + 1, hint_budget);
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
 * The folder a relative `cd` of the block moved to, in `found`: tried
 * against the repository root and then the document's own folder. False
 * when it is no folder of the repository (a checkout made by the block, or
 * a folder of another one): the commands after it are not ours to check.
 */
static bool locate_cd_dir(const or_model *model, const or_document *doc, const char *dir,
			  or_buf *found, or_buf *base)
{
	if (resolve_path(found, "", dir) && (found->size == 0 ||
					     or_files_has_dir(&model->files, found->ptr)))
		return true;
	dir_of(base, doc->path);
	return base->size && resolve_path(found, base->ptr, dir) &&
	       (found->size == 0 || or_files_has_dir(&model->files, found->ptr));
}

/*
 * Where a command's path points: tried against the repository root (where
 * runbook commands are run from) and then the document's own folder, or
 * after `cd x` against that folder alone. Returns 1 and the path in `found`
 * when it exists, 0 when it does not, -1 when every reading of it leaves
 * the repository, -2 when the command runs in a folder that is not the
 * repository's (not checked).
 */
static int locate_command_path(const or_model *model, const or_document *doc,
			       const or_command_ref *ref, or_buf *found, or_buf *base)
{
	const char *path = ref->path;
	bool inside = false;

	if (ref->dir) {
		or_buf dir = OR_BUF_INIT;
		int where = -2;

		if (locate_cd_dir(model, doc, ref->dir, &dir, base)) {
			where = -1;
			if (resolve_path(found, or_buf_cstr(&dir), path))
				where = path_exists(model, found->ptr) ? 1 : 0;
		}
		or_buf_dispose(&dir);
		return where;
	}
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
	slug_cache cache = { OR_STRSET_INIT, NULL };
	served_index served;
	size_t d, i, hint_budget;

	cache.done = or_xcalloc(ctx->model->ndocs + 1, sizeof(bool));
	served_index_build(&served, ctx->model);

	for (d = 0; d < ctx->model->ndocs; d++) {
		const or_model_doc *md = &ctx->model->docs[d];
		const or_document *doc = md->doc;
		bool site_page;

		if (!or_model_rule_applies(md, ctx->rule, false))
			continue;
		site_page = or_site_is_page(&ctx->model->site, doc->path);
		for (i = 0; i < doc->ncommands; i++) {
			const or_command_ref *ref = &doc->commands[i];
			int where = locate_command_path(ctx->model, doc, ref, &target, &base);

			if (where == -2)
				continue;
			/* the reader of a published page is not in a checkout of
			 * this repository: a path that is not in it names their
			 * own file or tool, not a broken reference. A runbook, or
			 * a command that first `cd`s into a folder of this
			 * repository, is read in a checkout: its paths count. */
			if (where != 1 && site_page && !ref->dir && !md->is_runbook)
				continue;
			or_buf_clear(&subject);
			or_buf_printf(&subject, "command:%s", ref->path);
			if (where == 1)
				or_eval_pass(ctx, doc->path, subject.ptr);
			else if (where < 0)
				or_eval_fail(ctx, doc->path, ref->line, ref->column, subject.ptr,
					     ref->command, "command refers to '%s', which leaves the repository",
					     ref->path);
			else if (ref->dir)
				or_eval_fail(ctx, doc->path, ref->line, ref->column, subject.ptr,
					     ref->command,
					     "command runs '%s' after 'cd %s', which does not exist in the repository (looked for %s)",
					     ref->path, ref->dir, target.ptr);
			else
				or_eval_fail(ctx, doc->path, ref->line, ref->column, subject.ptr,
					     ref->command,
					     "command runs '%s', which does not exist in the repository",
					     ref->path);
		}
		hint_budget = HINT_BUDGET_BASE + HINT_BUDGET_PER_BYTE * doc->source_len;
		for (i = 0; i < doc->nlinks; i++)
			check_link(ctx, md, &doc->links[i], &cache, &served, &subject, &target, &base,
				   &hint_budget);
	}
	served_index_dispose(&served);
	or_strset_dispose(&cache.slugs);
	free(cache.done);
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
			if (locate_command_path(ctx->model, doc, ref, &target, &base) != 1)
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

static const or_check docs_links_checks[] = {
	{ "references", check_references },
	{ "executable-scripts", check_executable_scripts },
	{ NULL, NULL },
};

const or_check_family or_docs_links_family = { "docs-links", docs_links_checks, OR_PHASE_CHECKS };
