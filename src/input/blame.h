/*
 * Who last changed given lines of a file, from git blame — only for the
 * lines asked (the lines that hold contacts), so it stays fast on long
 * histories.
 */
#ifndef OR_INPUT_BLAME_H
#define OR_INPUT_BLAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <git2.h>

#include "opsready/common.h"

typedef struct or_blame_line {
	bool known;           /* blame had an answer for the line */
	bool uncommitted;     /* the line differs from HEAD: changed now */
	char commit[41];      /* the commit that last changed it (first-parent line) */
	int64_t time;         /* that commit's committer time */
} or_blame_line;

/*
 * Blame `lines` (1-based, ascending) of the file at `path` (relative to the
 * work tree). When `data` is given (the file as it is in the work tree,
 * `len` bytes) lines changed since HEAD are reported uncommitted; when it
 * is NULL the committed file is blamed. out[i] answers lines[i]. A file
 * that is not committed at all gives every line uncommitted.
 * -1 with OR_EXIT_RUNTIME when the repository cannot be read.
 */
int or_blame_lines(or_blame_line *out, git_repository *repo, const char *path,
		   const char *data, size_t len, const int *lines, size_t nlines, or_diag *diag);

#endif
