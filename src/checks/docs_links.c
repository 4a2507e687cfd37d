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
#include "util/text.h"

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

/*
 * A link on a documentation site's page: the source files that serve it,
 * the way the generator serves pages (or_site_link_candidates). Returns 1
 * with the file found in `found`, 0 with what was tried in `why`, -1 when
 * the link leaves the repository.
 */
static int resolve_site_link(const or_model *model, const or_document *doc, const char *link,
			     or_buf *found, or_buf *why)
{
	or_site_candidates c;
	size_t i, direct, shown;

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
	if (ctx->model->site.generator != OR_SITE_NONE) {
		int found = resolve_site_link(ctx->model, doc, or_buf_cstr(&path), target, base);

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
	size_t d, i;

	for (d = 0; d < ctx->model->ndocs; d++) {
		const or_model_doc *md = &ctx->model->docs[d];
		const or_document *doc = md->doc;

		if (!or_model_rule_applies(md, ctx->rule, false))
			continue;
		for (i = 0; i < doc->ncommands; i++) {
			const or_command_ref *ref = &doc->commands[i];
			int where = locate_command_path(ctx->model, doc, ref, &target, &base);

			if (where == -2)
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
