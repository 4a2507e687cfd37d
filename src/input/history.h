/*
 * The history index: for each file in scope, the last commit on HEAD's
 * first-parent line that changed it — from one walk of the history, never
 * one walk per file.
 *
 * The walk compares each commit's tree with its first parent's, descending
 * only into subtrees whose ids differ and that still hold a file without an
 * answer, and stops as soon as every file has one. A merge counts on the
 * first-parent line: its date is the date the change reached the branch.
 */
#ifndef OR_INPUT_HISTORY_H
#define OR_INPUT_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <git2.h>

#include "opsready/common.h"

typedef struct or_commit_info {
	char id[41];             /* hex */
	int64_t time;            /* committer time, seconds since the epoch */
	int time_offset;         /* committer's UTC offset, minutes */
	char *author_name;
	char *author_email;
	char *summary;           /* the first line of the message */
	char **reviewed_by;      /* values of Reviewed-by: trailers, in order */
	size_t nreviewed_by;
	char **approved_by;      /* values of Approved-by: trailers, in order */
	size_t napproved_by;
} or_commit_info;

typedef struct or_history {
	or_commit_info *commits; /* only the commits that are some file's last change */
	size_t ncommits;
	size_t walked;           /* commits visited by the walk (for benchmarks) */
} or_history;

/*
 * Find the last change of each of `paths` (relative to the repository's
 * work tree, '/'-separated, in any order, no duplicates). On success
 * out_commit[i] is an index into out->commits, or -1 when no commit on the
 * first-parent line of HEAD has the file (never committed). The repository
 * must have a HEAD commit; a shallow repository gives answers only as far
 * as its history goes (the caller decides whether to trust them).
 * -1 with OR_EXIT_RUNTIME when the repository cannot be read.
 */
int or_history_last_changes(or_history *out, git_repository *repo, const char *const *paths,
			    size_t npaths, int *out_commit, or_diag *diag);
void or_history_dispose(or_history *history);

#endif
