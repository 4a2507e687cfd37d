/*
 * Path globs as in .gitignore-style include/exclude lists, anchored at the
 * repository root:
 *   '*'  any run of characters except '/'
 *   '?'  one character except '/'
 *   [abc], [a-z], [!a]   character classes
 *   {md,markdown}        alternatives
 *   '**' as a whole path segment matches zero or more directories, so
 *        "**" + "/x.md" matches x.md at any depth and "docs/" + "**" matches
 *        everything below docs.
 * Paths are repository-relative, '/'-separated, without a leading "./".
 */
#ifndef OR_UTIL_GLOB_H
#define OR_UTIL_GLOB_H

#include <stdbool.h>

bool or_glob_match(const char *pattern, const char *path);
/*
 * Whether a document's `path` matches: as or_glob_match, or with the case of
 * its page extension folded ("runbook.MD" as "runbook.md", "x.Markdown",
 * "x.HTML.MD.ERB"), or with ".markdown" read as ".md", so that renaming a
 * document's extension does not move it out of an include, runbook or
 * applies_to glob.
 */
bool or_glob_match_document(const char *pattern, const char *path);
/* `path` with the case of its page extension folded (malloc'd), or NULL
 * when it has none to fold. */
char *or_glob_fold_extension(const char *path);
/* 0 when `pattern` is well formed, else -1 with a reason in *why (static). */
int or_glob_validate(const char *pattern, const char **why);

#endif
