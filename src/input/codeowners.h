/*
 * The repository's CODEOWNERS file (GitHub and GitLab syntax): the rules
 * `pattern owner...` in file order, and the rule that owns a path (the last
 * one that matches, gitignore-style). A rule with no owners un-owns what it
 * matches. GitLab sections (`[Name]`, `^[Name]`, `[Name][2]`) are read as
 * plain rules; a section's default owners go to its rules that name none.
 */
#ifndef OR_INPUT_CODEOWNERS_H
#define OR_INPUT_CODEOWNERS_H

#include <stddef.h>

#include "util/arena.h"

#define OR_CODEOWNERS_MAX_BYTES (3u * 1024 * 1024) /* GitHub ignores larger files */
#define OR_CODEOWNERS_MAX_LINE 4096                /* longer lines are skipped */
#define OR_CODEOWNERS_MAX_PATTERN 512
#define OR_CODEOWNERS_MAX_RULES 2000               /* later rules are not read */

typedef struct or_codeowners_rule {
	const char *pattern; /* as written: "/docs/runbooks/" */
	const char *glob;    /* the or_glob pattern for the path itself */
	const char *below;   /* the or_glob pattern for everything below it, or NULL */
	const char *owners;  /* "@org/sre @ana", "" when the rule un-owns */
	const char *text;    /* the line, trimmed */
	int line;
} or_codeowners_rule;

typedef struct or_codeowners {
	const char *path;          /* ".github/CODEOWNERS", or NULL when none was read */
	or_codeowners_rule *rules;
	size_t nrules;
	size_t skipped;            /* lines over the limits or not understood */
	or_arena *arena;
} or_codeowners;

/* Parse `text` (the file at `path`). Never fails; or_codeowners_dispose frees it. */
void or_codeowners_parse(or_codeowners *out, const char *path, const char *text, size_t len);

/*
 * Read the first of CODEOWNERS, .github/CODEOWNERS, docs/CODEOWNERS and
 * .gitlab/CODEOWNERS below `root` that is a regular file inside the root
 * (not a symbolic link, no link out of the root on the way, at most
 * OR_CODEOWNERS_MAX_BYTES). Never fails: without one, out->path is NULL.
 */
void or_codeowners_load(or_codeowners *out, const char *root);

/* The last rule matching `path` (repository-relative, '/'-separated), or NULL. */
const or_codeowners_rule *or_codeowners_match(const or_codeowners *co, const char *path);

void or_codeowners_dispose(or_codeowners *co);

#endif
