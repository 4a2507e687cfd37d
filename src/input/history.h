/*
 * The history index: for each file in scope, the last commit on HEAD's
 * first-parent line that changed it — from one walk of the history, never
 * one walk per file.
 *
 * The walk compares each commit's tree with its first parent's, descending
 * only into subtrees whose ids differ and that still hold a file without an
 * answer, and stops as soon as every file has one. A merge counts on the
 * first-parent line, unless it brings a file as one of its other parents
 * has it: then the file's last change is the commit that made it on that
 * branch (see or_history_last_changes).
 *
 * The same walk can also attribute given lines of given files, as
 * `git blame --first-parent` does for those lines alone (without following
 * renames): each time a file's blob differs from its first parent's, the
 * two blobs are diffed and the lines in a changed range get that commit.
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
	int64_t parent_time;     /* its first parent's committer time; 0 for a root */
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
	char unreadable[41];     /* when the walk failed on a commit libgit2 cannot
				    parse (no e-mail, a timestamp out of range): its
				    id, kept by or_history_dispose; else "" */
} or_history;

/*
 * Find the last change of each of `paths` (relative to the repository's
 * work tree, '/'-separated, in any order, no duplicates). On success
 * out_commit[i] is an index into out->commits, or -1 when no commit on the
 * first-parent line of HEAD has the file (never committed).
 *
 * A merge on that line whose version of a file is the one of a parent other
 * than the first (the branch brought it: `git merge --no-ff`) is not the
 * change: the branch is followed down its own first-parent line, for all the
 * files the merge brought at once, to the commit that made the change, as
 * `git log -1 -- PATH` finds it (a merge that is TREESAME to a parent
 * follows that parent). A branch commit dated before its own first parent
 * has a clock that cannot be trusted: the merge's date stands. A merge whose
 * version is none of its parents' (a resolved conflict) is the change.
 * The repository
 * must have a HEAD commit; a shallow repository gives answers only as far
 * as its history goes (the caller decides whether to trust them).
 * -1 with OR_EXIT_RUNTIME when the repository cannot be read.
 */
int or_history_last_changes(or_history *out, git_repository *repo, const char *const *paths,
			    size_t npaths, int *out_commit, or_diag *diag);

/* Lines of one of the paths of an or_history_walk call to attribute. */
typedef struct or_line_request {
	size_t path;          /* index into the paths of the call */
	const int *lines;     /* 1-based line numbers in the current text, ascending, unique */
	size_t nlines;
	const char *data;     /* the file as it is in the work tree, or NULL to blame HEAD's */
	size_t len;
	int text_lines;       /* without data: the lines of HEAD's file when the caller knows
				 them (it read the same text), so that HEAD's blob is read only
				 if a diff needs it; 0: unknown, read it */
} or_line_request;

typedef struct or_line_answer {
	bool known;           /* false: the line does not exist (beyond the end of the file) */
	bool uncommitted;     /* the line differs from HEAD (only with data) */
	bool older;           /* last changed before the walk's line cutoff (commit is -1) */
	int commit;           /* index into history->commits, or -1 when uncommitted/unknown/older */
} or_line_answer;

/*
 * Like or_history_last_changes, and also: for each request, out_lines gets
 * requests[r].nlines answers, consecutively, request after request. A line
 * gets the last commit on HEAD's first-parent line that added or changed
 * it; with `data`, lines that differ from HEAD are uncommitted and the
 * others are followed from their place in HEAD. A file that is not in HEAD
 * gives uncommitted lines with `data`, unknown ones without. The walk goes
 * on until every path has its last change and every line its commit.
 * `requests` and `out_lines` may be NULL when `nrequests` is 0.
 *
 * `line_cutoff` (a Unix time; 0 for none) bounds the line attribution: the
 * lines still unattributed when the walk reaches a commit older than it are
 * answered `older` and followed no further. A caller that only needs to
 * know whether a line is older than a limit (contacts.stale) saves the diffs
 * of every older version of the file.
 */
int or_history_walk(or_history *out, git_repository *repo, const char *const *paths,
		    size_t npaths, int *out_commit, const or_line_request *requests,
		    size_t nrequests, or_line_answer *out_lines, int64_t line_cutoff,
		    or_diag *diag);

/*
 * The lines of or_history_walk alone: the same answers in `out_lines`, but
 * paths are followed only while they have lines left, never for their last
 * change (a caller that found those with or_history_last_changes).
 */
int or_history_lines(or_history *out, git_repository *repo, const char *const *paths,
		     size_t npaths, const or_line_request *requests, size_t nrequests,
		     or_line_answer *out_lines, int64_t line_cutoff, or_diag *diag);

/*
 * Whether `commit` wrote `line` (its bytes, without the newline) into `path`:
 * its first parent has the file, and no line of it equal to `line` (a '\r'
 * before a newline ignored). False when the commit added the file, or has no
 * parent, or anything cannot be read: the caller learns nothing then. One
 * tree path and one blob read; for the few documents that need the answer.
 */
bool or_history_commit_wrote_line(git_repository *repo, const or_commit_info *commit,
				  const char *path, const char *line, size_t len);

void or_history_dispose(or_history *history);

#endif
