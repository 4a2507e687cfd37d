/*
 * Documentation sites: which generator builds the repository's pages (read
 * from its config at the top of the repository), where the page sources
 * live, and how a link on a page names another page. A site's links name
 * the page that is served ("upgrade.html", "guides/failover/"), not the
 * source file; or_site_link_candidates lists the source files that serve
 * such a link, for the docs-links check to look for.
 */
#ifndef OR_INPUT_SITE_H
#define OR_INPUT_SITE_H

#include <stdbool.h>
#include <stddef.h>

#include "opsready/common.h"

typedef enum or_site_generator {
	OR_SITE_NONE = 0,   /* plain repository: links name files */
	OR_SITE_TECH_DOCS,  /* Middleman / GOV.UK tech-docs: config.rb or config/tech-docs.yml, pages in source/ */
	OR_SITE_MKDOCS,     /* mkdocs.yml: docs_dir (default docs), use_directory_urls (default true) */
	OR_SITE_HUGO,       /* hugo.toml / hugo.yaml / config.toml (with content/) : pages in content/ */
	OR_SITE_JEKYLL,     /* _config.yml: collections, permalinks; pages at the root */
	OR_SITE_DOCUSAURUS  /* docusaurus.config.js/.ts: docs/ */
} or_site_generator;

typedef struct or_site {
	or_site_generator generator;
	char root[256];        /* page root relative to the repository: "source", "docs", "content", "" */
	bool directory_urls;   /* pages are served as dir/ (mkdocs default, hugo, docusaurus, jekyll pretty permalinks) */
	char detected_from[64];/* the file that told, e.g. "mkdocs.yml"; "" when set by the config */
} or_site;

/* "none", "tech-docs", "mkdocs", "hugo", "jekyll", "docusaurus". */
const char *or_site_generator_name(or_site_generator g);
/* The generator of a name above (case-insensitive); false for another. */
bool or_site_generator_parse(const char *name, or_site_generator *out);

/*
 * A folder named as a page root, made safe into `out`: relative, no "..",
 * no backslash, no control character, "./" and trailing '/' dropped. False
 * when it is not one, or names the repository itself ("", ".").
 */
bool or_site_root_normalise(char *out, size_t outsize, const char *value);

/* The defaults of a generator: its page root and whether it serves pages
 * as directories (detected_from is left ""). */
void or_site_defaults(or_site *out, or_site_generator g);

/*
 * Detect from the top of the repository only; reads only those config
 * files, with the repo-relative safe readers in util/fs, size-capped. A
 * missing or unreadable site config means "none", never an error (diag is
 * not set; it may be NULL). Returns 0.
 */
int or_site_detect(or_site *out, const char *repo_root, or_diag *diag);

/* True when `path` (repository-relative) is a page the site serves: under
 * the page root (or Docusaurus' blog/ and src/pages/). A document outside
 * it (a README beside source/) is read on GitHub, as in a plain
 * repository. False for a plain repository. */
bool or_site_is_page(const or_site *site, const char *path);

/* True when a link destination is a template expression ({{ }}, {% %},
 * <%= %>, ${...}): what it names is only known once the site is built. */
bool or_site_link_is_templated(const char *dest);

/* At most this many candidates for one link. */
#define OR_SITE_MAX_CANDIDATES 24

typedef struct or_site_candidates {
	char *paths[OR_SITE_MAX_CANDIDATES]; /* repository-relative, normalised; malloc'd */
	size_t n;
	size_t ntried_pages; /* how many of them are page sources (not the path itself) */
} or_site_candidates;

/*
 * The files that could serve `link` (a percent-decoded link path without
 * its query or fragment) on the page `doc_path` (repository-relative), in
 * the order to try them: the path itself, then the page sources the
 * generator serves it from. A path starting with '/' is a site-root path
 * (under the page root, and the static folder where the generator has
 * one); ".." clamps at the page root as a browser clamps it at "/". An
 * index page's relative links are also read from the parent folder where
 * the site serves it as "/folder" (not MkDocs' or Hugo's "/folder/"). A
 * document that is not a page
 * (or_site_is_page) is read as in a plain repository. Returns false when every reading leaves the repository (no
 * candidates). Paths are normalised ("." and ".." resolved) and never
 * leave the repository. Free with or_site_candidates_dispose.
 */
bool or_site_link_candidates(or_site_candidates *out, const or_site *site,
			     const char *doc_path, const char *link);
void or_site_candidates_dispose(or_site_candidates *c);

/* The page globs a generator adds to the default include (every .md file
 * is always included): NULL-terminated, static. */
const char *const *or_site_page_globs(or_site_generator g);

#endif
