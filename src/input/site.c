/*
 * Documentation sites: the generator, read from its config at the top of
 * the repository (never below it; read with the repository's safe reader,
 * so never from outside it: a linked folder can at most make a file seem
 * to exist and so choose the generator), and the source
 * files that serve a link the way that generator serves pages. The site's
 * config files are the team's, not opsready's: one that is missing, too
 * large or unreadable leaves the defaults, never an error.
 */
#include "input/site.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "input/yaml.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/fs.h"

/* The most of a site config read; the rest of a larger one is not needed. */
#define SITE_CONFIG_MAX_BYTES ((size_t)256 * 1024)

static const char *const generator_names[] = {
	"none", "tech-docs", "mkdocs", "hugo", "jekyll", "docusaurus",
};

const char *or_site_generator_name(or_site_generator g)
{
	if ((size_t)g >= sizeof(generator_names) / sizeof(generator_names[0]))
		return "none";
	return generator_names[g];
}

bool or_site_generator_parse(const char *name, or_site_generator *out)
{
	size_t i;

	if (!name)
		return false;
	for (i = 0; i < sizeof(generator_names) / sizeof(generator_names[0]); i++) {
		if (strcasecmp(name, generator_names[i]) == 0) {
			*out = (or_site_generator)i;
			return true;
		}
	}
	return false;
}

void or_site_defaults(or_site *out, or_site_generator g)
{
	static const char *const roots[] = { "", "source", "docs", "content", "", "docs" };

	memset(out, 0, sizeof(*out));
	out->generator = g;
	if ((size_t)g < sizeof(roots) / sizeof(roots[0]))
		snprintf(out->root, sizeof(out->root), "%s", roots[g]);
	out->directory_urls = g == OR_SITE_MKDOCS || g == OR_SITE_HUGO || g == OR_SITE_DOCUSAURUS;
}

/* ---- detection --------------------------------------------------------- */

static bool top_file(const char *root, const char *name)
{
	char *full = or_fs_join(root, name);
	struct stat st;
	bool found = lstat(full, &st) == 0 && S_ISREG(st.st_mode);

	free(full);
	return found;
}

static bool top_dir(const char *root, const char *name)
{
	char *full = or_fs_join(root, name);
	struct stat st;
	bool found = lstat(full, &st) == 0 && S_ISDIR(st.st_mode);

	free(full);
	return found;
}

/* The text of a site config (NUL-terminated, caller frees), or NULL. */
static char *read_config(const char *root, const char *name, size_t *len)
{
	or_diag diag = OR_DIAG_INIT;
	char *text = NULL;

	*len = 0;
	if (!top_file(root, name) ||
	    or_fs_read_repo_input(&text, len, root, name, "site config", SITE_CONFIG_MAX_BYTES,
				  &diag) != 0)
		return NULL;
	return text;
}

bool or_site_root_normalise(char *out, size_t outsize, const char *value)
{
	const char *p = value;
	size_t n;

	while (p[0] == '.' && p[1] == '/')
		p += 2;
	n = strlen(p);
	while (n && p[n - 1] == '/')
		n--;
	if (n == 0 || n >= outsize || p[0] == '/')
		return false;
	if (n == 1 && p[0] == '.')
		return false;
	for (size_t i = 0; i < n; i++) {
		if ((unsigned char)p[i] < 0x20 || p[i] == '\\' || p[i] == 0x7f)
			return false;
		if (p[i] == '.' && p[i + 1] == '.' && (i == 0 || p[i - 1] == '/') &&
		    (i + 2 == n || p[i + 2] == '/'))
			return false;
	}
	memcpy(out, p, n);
	out[n] = '\0';
	return true;
}

/*
 * A top-level `key = "value"` (TOML) or `key: value` (YAML) line: the value
 * unquoted, with a trailing comment dropped, in out. One pass over the text.
 */
static bool scan_top_key(const char *text, size_t len, const char *key, char *out,
			 size_t outsize)
{
	size_t klen = strlen(key), pos = 0;

	while (pos < len) {
		const char *line = text + pos, *nl = memchr(line, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - line) : len - pos;

		pos += n + 1;
		if (n > klen && strncmp(line, key, klen) == 0) {
			size_t i = klen, start, end;
			char quote = 0;

			while (i < n && (line[i] == ' ' || line[i] == '\t'))
				i++;
			if (i >= n || (line[i] != '=' && line[i] != ':'))
				continue;
			i++;
			while (i < n && (line[i] == ' ' || line[i] == '\t'))
				i++;
			if (i < n && (line[i] == '"' || line[i] == '\''))
				quote = line[i++];
			start = i;
			while (i < n && (quote ? line[i] != quote : line[i] != '#'))
				i++;
			end = i;
			while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t' ||
					       line[end - 1] == '\r'))
				end--;
			if (end - start >= outsize)
				return false;
			memcpy(out, line + start, end - start);
			out[end - start] = '\0';
			return true;
		}
	}
	return false;
}

/* A top-level scalar of a YAML site config, or NULL. */
static const char *yaml_top_scalar(or_yaml *yaml, const char *key)
{
	yaml_node_t *root = or_yaml_root(yaml);
	yaml_node_t *value;

	if (!or_yaml_is_mapping(root) || !(value = or_yaml_get(yaml, root, key)) ||
	    or_yaml_is_null(value))
		return NULL;
	return or_yaml_scalar(value);
}

static void set_root(or_site *out, const char *value)
{
	char root[sizeof(out->root)];

	if (value && or_site_root_normalise(root, sizeof(root), value))
		memcpy(out->root, root, sizeof(root));
}

static void detect_mkdocs(or_site *out, const char *root, const char *file)
{
	or_yaml yaml = OR_YAML_INIT;
	or_diag diag = OR_DIAG_INIT;
	size_t len;
	char *text = read_config(root, file, &len);
	char value[256];

	if (!text)
		return;
	if (or_yaml_load_max(&yaml, text, len, SITE_CONFIG_MAX_BYTES, file, &diag) == 0) {
		const char *urls = yaml_top_scalar(&yaml, "use_directory_urls");

		set_root(out, yaml_top_scalar(&yaml, "docs_dir"));
		if (urls)
			out->directory_urls = strcasecmp(urls, "false") != 0;
	} else {
		/* mkdocs.yml files use YAML that opsready refuses in its own
		 * inputs (aliases): the two keys are still read from their lines */
		if (scan_top_key(text, len, "docs_dir", value, sizeof(value)))
			set_root(out, value);
		if (scan_top_key(text, len, "use_directory_urls", value, sizeof(value)))
			out->directory_urls = strcasecmp(value, "false") != 0;
	}
	or_yaml_dispose(&yaml);
	free(text);
}

static void detect_hugo(or_site *out, const char *root, const char *file)
{
	size_t len;
	char *text = read_config(root, file, &len);
	char value[256];

	if (!text)
		return;
	if (scan_top_key(text, len, "contentDir", value, sizeof(value)))
		set_root(out, value);
	if (scan_top_key(text, len, "uglyURLs", value, sizeof(value)) &&
	    strcasecmp(value, "true") == 0)
		out->directory_urls = false;
	free(text);
}

static void detect_jekyll(or_site *out, const char *root, const char *file)
{
	or_yaml yaml = OR_YAML_INIT;
	or_diag diag = OR_DIAG_INIT;
	size_t len;
	char *text = read_config(root, file, &len);

	if (!text)
		return;
	if (or_yaml_load_max(&yaml, text, len, SITE_CONFIG_MAX_BYTES, file, &diag) == 0) {
		const char *permalink = yaml_top_scalar(&yaml, "permalink");
		size_t n = permalink ? strlen(permalink) : 0;

		set_root(out, yaml_top_scalar(&yaml, "source"));
		/* "pretty" and any pattern ending in '/' serve pages as folders */
		out->directory_urls = permalink && (strcasecmp(permalink, "pretty") == 0 ||
						    (n && permalink[n - 1] == '/'));
	}
	or_yaml_dispose(&yaml);
	free(text);
}

/* `activate :directory_indexes` in a Middleman config.rb. */
static void detect_middleman(or_site *out, const char *root)
{
	size_t len, pos = 0;
	char *text = read_config(root, "config.rb", &len);

	if (!text)
		return;
	while (pos < len) {
		const char *line = text + pos, *nl = memchr(line, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - line) : len - pos, i = 0;

		pos += n + 1;
		while (i < n && (line[i] == ' ' || line[i] == '\t'))
			i++;
		if (n - i >= 27 && strncmp(line + i, "activate :directory_indexes", 27) == 0)
			out->directory_urls = true;
	}
	free(text);
}

static void found(or_site *out, or_site_generator g, const char *file)
{
	or_site_defaults(out, g);
	snprintf(out->detected_from, sizeof(out->detected_from), "%s", file);
}

int or_site_detect(or_site *out, const char *repo_root, or_diag *diag)
{
	static const char *const docusaurus[] = {
		"docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs",
		"docusaurus.config.cjs", NULL,
	};
	static const char *const hugo[] = {
		"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", NULL,
	};
	static const char *const hugo_generic[] = {
		"config.toml", "config.yaml", "config.yml", "config.json", NULL,
	};
	size_t i;

	(void)diag;
	or_site_defaults(out, OR_SITE_NONE);
	if (!repo_root)
		return 0;
	if (top_file(repo_root, "mkdocs.yml") || top_file(repo_root, "mkdocs.yaml")) {
		const char *file = top_file(repo_root, "mkdocs.yml") ? "mkdocs.yml" : "mkdocs.yaml";
		found(out, OR_SITE_MKDOCS, file);
		detect_mkdocs(out, repo_root, file);
		return 0;
	}
	for (i = 0; docusaurus[i]; i++) {
		if (top_file(repo_root, docusaurus[i])) {
			found(out, OR_SITE_DOCUSAURUS, docusaurus[i]);
			return 0;
		}
	}
	if (top_file(repo_root, "config/tech-docs.yml") ||
	    (top_file(repo_root, "config.rb") && top_dir(repo_root, "source"))) {
		found(out, OR_SITE_TECH_DOCS, top_file(repo_root, "config/tech-docs.yml") ?
						     "config/tech-docs.yml" : "config.rb");
		detect_middleman(out, repo_root);
		return 0;
	}
	for (i = 0; hugo[i]; i++) {
		if (top_file(repo_root, hugo[i])) {
			found(out, OR_SITE_HUGO, hugo[i]);
			detect_hugo(out, repo_root, hugo[i]);
			return 0;
		}
	}
	for (i = 0; hugo_generic[i]; i++) {
		if (top_file(repo_root, hugo_generic[i]) && top_dir(repo_root, "content")) {
			found(out, OR_SITE_HUGO, hugo_generic[i]);
			detect_hugo(out, repo_root, hugo_generic[i]);
			return 0;
		}
	}
	if (top_file(repo_root, "_config.yml")) {
		found(out, OR_SITE_JEKYLL, "_config.yml");
		detect_jekyll(out, repo_root, "_config.yml");
	}
	return 0;
}

bool or_site_link_is_templated(const char *dest)
{
	return strstr(dest, "{{") || strstr(dest, "{%") || strstr(dest, "<%") ||
	       strstr(dest, "${") || strstr(dest, "%7B%7B") || strstr(dest, "%7b%7b");
}

/* ---- link candidates --------------------------------------------------- */

/*
 * The source files of a page, per generator: what a link without a page
 * extension may be served from (x + suffix), the names of a folder's index
 * page, and what an "x.html" link is served from (x + source).
 */
typedef struct page_files {
	const char *const *suffixes, *const *index, *const *html;
} page_files;

static const char *const none_list[] = { NULL };
static const char *const md_list[] = { ".md", NULL };
static const char *const tech_docs_suffixes[] = { ".html.md.erb", ".html.md", ".html.erb", ".md",
						  NULL };
static const char *const tech_docs_index[] = { "index.html.md.erb", "index.html.md",
					       "index.html.erb", NULL };
static const char *const mkdocs_index[] = { "index.md", "README.md", NULL };
static const char *const hugo_index[] = { "_index.md", "index.md", NULL };
static const char *const jekyll_suffixes[] = { ".md", ".markdown", ".html", NULL };
static const char *const jekyll_index[] = { "index.md", "index.markdown", "index.html", NULL };
static const char *const jekyll_html[] = { ".md", ".markdown", NULL };
static const char *const docusaurus_suffixes[] = { ".md", ".mdx", NULL };
static const char *const docusaurus_index[] = { "index.md", "index.mdx", "README.md", NULL };

static page_files files_of(or_site_generator g)
{
	switch (g) {
	case OR_SITE_TECH_DOCS:
		return (page_files){ tech_docs_suffixes, tech_docs_index, tech_docs_suffixes };
	case OR_SITE_MKDOCS:
		return (page_files){ md_list, mkdocs_index, md_list };
	case OR_SITE_HUGO:
		return (page_files){ md_list, hugo_index, md_list };
	case OR_SITE_JEKYLL:
		return (page_files){ jekyll_suffixes, jekyll_index, jekyll_html };
	case OR_SITE_DOCUSAURUS:
		return (page_files){ docusaurus_suffixes, docusaurus_index, docusaurus_suffixes };
	default:
		return (page_files){ none_list, none_list, none_list };
	}
}

const char *const *or_site_page_globs(or_site_generator g)
{
	static const char *const tech_docs[] = { "**/*.html.md.erb", "**/*.md.erb", NULL };
	static const char *const jekyll[] = { "**/*.markdown", NULL };
	static const char *const docusaurus[] = { "**/*.mdx", NULL };
	static const char *const none[] = { NULL };

	switch (g) {
	case OR_SITE_TECH_DOCS:
		return tech_docs;
	case OR_SITE_JEKYLL:
		return jekyll;
	case OR_SITE_DOCUSAURUS:
		return docusaurus;
	default:
		return none;
	}
}

/* True when `path` is `dir` or below it ("" holds everything). */
static bool under(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	return n == 0 || (strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0'));
}

bool or_site_is_page(const or_site *site, const char *path)
{
	if (site->generator == OR_SITE_NONE)
		return false;
	if (under(path, site->root))
		return true;
	/* Docusaurus serves the blog and the stand-alone pages beside docs/ */
	return site->generator == OR_SITE_DOCUSAURUS &&
	       (under(path, "blog") || under(path, "src/pages"));
}

/* The length of the page root a browser serves as "/" when `base` lies in
 * it, for ".." to clamp at; 0 when ".." may climb to the repository root
 * (Docusaurus serves its page folders under their own names). */
static size_t clamp_floor(const or_site *site, const char *base)
{
	if (site->generator == OR_SITE_DOCUSAURUS || !site->root[0] || !under(base, site->root))
		return 0;
	return strlen(site->root);
}

static void add(or_site_candidates *c, const char *path)
{
	size_t i;

	if (c->n >= OR_SITE_MAX_CANDIDATES)
		return;
	for (i = 0; i < c->n; i++)
		if (strcmp(c->paths[i], path) == 0)
			return;
	c->paths[c->n++] = or_xstrdup(path);
}

static bool ends_with(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* `s` (n bytes) ends with `suffix` in any case (a page "x.MD" is x's). */
static bool ends_with_nocase(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n >= k && strncasecmp(s + n - k, suffix, k) == 0;
}

/* The length of `path` without the page extension it is served under
 * (in any case). */
static size_t page_stem(const char *path)
{
	static const char *const exts[] = {
		".html.md.erb", ".html.md", ".html.erb", ".md.erb", ".markdown", ".mdx", ".md",
		".html", NULL,
	};
	size_t n = strlen(path), i;

	for (i = 0; exts[i]; i++)
		if (ends_with_nocase(path, n, exts[i]))
			return n - strlen(exts[i]);
	return n;
}

/* A page that is its folder's index ("index.md", "_index.md", "README.md"):
 * `stem` is the length of its path without the page extension. */
static bool is_index_page(const char *path, size_t stem)
{
	size_t start = stem;

	while (start > 0 && path[start - 1] != '/')
		start--;
	stem -= start;
	path += start;
	return (stem == 5 && memcmp(path, "index", 5) == 0) ||
	       (stem == 6 && memcmp(path, "_index", 6) == 0) ||
	       (stem == 6 && memcmp(path, "README", 6) == 0);
}

static void add_page_sources(or_site_candidates *c, const or_site *site, const char *target,
			     bool folder, or_buf *tmp)
{
	const char *const *list;
	const char *last = strrchr(target, '/');
	size_t n = strlen(target), i;

	last = last ? last + 1 : target;
	if (!folder && ends_with(target, n, ".html")) {
		for (list = files_of(site->generator).html, i = 0; list[i]; i++) {
			or_buf_clear(tmp);
			or_buf_put(tmp, target, n - 5);
			or_buf_puts(tmp, list[i]);
			add(c, or_buf_cstr(tmp));
		}
		return;
	}
	if (!folder && strchr(last, '.'))
		return; /* a file with its own extension: only the file itself */
	if (n && (!folder || site->directory_urls)) {
		for (list = files_of(site->generator).suffixes, i = 0; list[i]; i++) {
			or_buf_clear(tmp);
			or_buf_puts(tmp, target);
			or_buf_puts(tmp, list[i]);
			add(c, or_buf_cstr(tmp));
		}
	}
	for (list = files_of(site->generator).index, i = 0; list[i]; i++) {
		or_buf_clear(tmp);
		if (n) {
			or_buf_puts(tmp, target);
			or_buf_putc(tmp, '/');
		}
		or_buf_puts(tmp, list[i]);
		add(c, or_buf_cstr(tmp));
	}
}

bool or_site_link_candidates(or_site_candidates *out, const or_site *site,
			     const char *doc_path, const char *link)
{
	or_buf bases[4] = { OR_BUF_INIT, OR_BUF_INIT, OR_BUF_INIT, OR_BUF_INIT };
	bool pages[4] = { true, true, true, true }; /* false: a static folder, files only */
	or_buf target = OR_BUF_INIT, tmp = OR_BUF_INIT;
	const char *rel = link;
	size_t nbases = 0, direct, i, len = strlen(link);
	bool folder = len == 0 || link[len - 1] == '/' ||
		      (len >= 2 && link[len - 1] == '.' && link[len - 2] == '/') ||
		      strcmp(link, ".") == 0 || strcmp(link, "..") == 0 ||
		      ends_with(link, len, "/..");
	/* a document outside the page root is read on GitHub, not served */
	bool page_sources = or_site_is_page(site, doc_path);

	memset(out, 0, sizeof(*out));
	if (link[0] == '/') {
		while (*rel == '/')
			rel++;
		if (!page_sources) {
			or_buf_puts(&bases[nbases++], "");
		} else {
			or_buf_puts(&bases[nbases++], site->root);
			if (site->generator == OR_SITE_HUGO || site->generator == OR_SITE_DOCUSAURUS) {
				pages[nbases] = false;
				or_buf_puts(&bases[nbases++], "static");
			}
			if (site->generator == OR_SITE_DOCUSAURUS)
				or_buf_puts(&bases[nbases++], ""); /* /docs/x is docs/x.md */
		}
	} else {
		const char *slash = strrchr(doc_path, '/');
		size_t stem = page_stem(doc_path);

		if (slash)
			or_buf_put(&bases[nbases], doc_path, (size_t)(slash - doc_path));
		or_buf_cstr(&bases[nbases++]);
		/* a page x.md served as x/: its links are relative to x/ */
		if (page_sources && site->directory_urls && stem < strlen(doc_path) &&
		    !is_index_page(doc_path, stem))
			or_buf_put(&bases[nbases++], doc_path, stem);
		/* a folder's index page served as "/folder" (no trailing '/'):
		 * the browser resolves its links from the parent folder. MkDocs
		 * and Hugo serve folders as "/folder/", where they stay. */
		if (page_sources && slash && stem < strlen(doc_path) &&
		    (!site->directory_urls || site->generator == OR_SITE_DOCUSAURUS) &&
		    is_index_page(doc_path, stem) &&
		    strcmp(or_buf_cstr(&bases[0]), site->root) != 0) {
			const char *up = bases[0].ptr;
			const char *parent = strrchr(up, '/');

			or_buf_put(&bases[nbases], up, parent ? (size_t)(parent - up) : 0);
			or_buf_cstr(&bases[nbases++]);
		}
	}
	for (i = 0; i < nbases; i++) {
		size_t floor = page_sources && pages[i] ? clamp_floor(site, or_buf_cstr(&bases[i])) : 0;

		if (or_fs_normalise(&target, or_buf_cstr(&bases[i]), rel, floor))
			add(out, or_buf_cstr(&target));
	}
	direct = out->n;
	if (page_sources) {
		for (i = 0; i < nbases; i++)
			if (pages[i] &&
			    or_fs_normalise(&target, or_buf_cstr(&bases[i]), rel,
				      clamp_floor(site, or_buf_cstr(&bases[i]))))
				add_page_sources(out, site, or_buf_cstr(&target), folder, &tmp);
	}
	out->ntried_pages = out->n - direct;
	for (i = 0; i < nbases; i++)
		or_buf_dispose(&bases[i]);
	or_buf_dispose(&target);
	or_buf_dispose(&tmp);
	return out->n > 0;
}

void or_site_candidates_dispose(or_site_candidates *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->paths[i]);
	c->n = 0;
}
