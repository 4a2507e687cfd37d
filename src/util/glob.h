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
/* 0 when `pattern` is well formed, else -1 with a reason in *why (static). */
int or_glob_validate(const char *pattern, const char **why);

#endif
