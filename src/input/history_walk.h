/*
 * Private to the history index (input/history.h is the public header): the
 * state of one first-parent walk, shared by the walk (history.c) and the
 * line attribution it carries along (history_blame.c), and what each asks
 * of the other.
 */
#ifndef OR_INPUT_HISTORY_WALK_H
#define OR_INPUT_HISTORY_WALK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <git2.h>

#include "input/history.h"
#include "opsready/common.h"
#include "util/buf.h"

/* A line still without its commit. */
typedef struct tracked_line {
	int line;         /* 1-based, in the newer side of the path's next comparison */
	size_t answer;    /* index into the caller's out_lines */
} tracked_line;

/* One distinct wanted path. */
typedef struct wanted_path {
	const char *path; /* borrowed from the caller */
	size_t len;
	int answer;       /* index into history->commits; -1 while unanswered */
	bool counted;     /* a well-formed path, counted in `remaining` while wanted */
	tracked_line *lines; /* its lines still without a commit, ascending */
	size_t nlines, cap_lines;
	git_blob *blob;   /* the older side of its last diff, or NULL */
} wanted_path;

/* One line of a text: its bytes, with the newline when it has one. */
typedef struct text_line {
	const char *ptr;
	size_t len;
} text_line;

/* A changed range of a diff without context, as libgit2 reports it. */
typedef struct hunk_range {
	int old_start, old_lines; /* old_lines 0: an insertion after line old_start */
	int new_start, new_lines; /* new_lines 0: a deletion after line new_start */
} hunk_range;

/* A directory that holds wanted paths, as a prefix "a/b/" of one of them. */
typedef struct wanted_dir {
	const char *prefix; /* borrowed: the start of a wanted path */
	size_t len;         /* including the trailing '/' */
	size_t remaining;   /* wanted paths below it still without an answer */
} wanted_dir;

/* A subtree read as the old side of one comparison, kept for the next. */
typedef struct kept_tree {
	git_oid id;
	git_tree *tree;
} kept_tree;

typedef struct walk_state {
	bool lines_only;        /* paths are wanted for their lines alone */
	int64_t line_cutoff;    /* see or_history_walk; 0: none */
	bool lines_cut;         /* the walk is past it */
	wanted_path *paths;
	size_t npaths;
	wanted_dir *dirs;
	size_t ndirs;
	size_t remaining;       /* counted paths still wanted */
	or_buf path;            /* the entry being looked at, reused */
	git_repository *repo;
	const git_commit *commit; /* the commit being compared with its parent */
	int commit_slot;        /* its index in history->commits, -1 until it answers */
	int64_t parent_time;    /* its first parent's committer time; 0: none */
	bool merge;             /* it has more than one parent (and merges are resolved) */
	size_t *merged;         /* while comparing a merge: the paths it answered */
	size_t nmerged, cap_merged;
	int depth;              /* 0 on HEAD's first-parent line; n in a branch of depth n */
	or_history *history;
	size_t commits_cap;
	or_diag *diag;
	or_line_answer *out_lines; /* the caller's, for the lines of the paths */
	git_diff_options diff_options;
	hunk_range *hunks;      /* of the last diff, reused */
	size_t nhunks, cap_hunks;
	text_line *old_lines, *new_lines; /* of the last two texts split, reused */
	size_t cap_old_lines, cap_new_lines;
	/*
	 * The parent's subtrees read while comparing a commit are, on the
	 * first-parent line, the new side of the next comparison: `kept` holds
	 * those of the previous commit (looked up by id before reading a
	 * tree), `reading` collects those of the current one.
	 */
	kept_tree *kept, *reading;
	size_t nkept, nreading, cap_kept, cap_reading;
} walk_state;

/* ---- the walk (history.c) */

/* A libgit2 failure: `what`, with libgit2's message, into `diag`; -1. */
int or_hist_git_failure(or_diag *diag, const char *what);
/* The commit being compared, in history->commits: its index in st->commit_slot. */
int or_hist_commit_slot(walk_state *st);
/* Still wanted: a well-formed path without its last change (unless only its
 * lines are), or with lines left. */
bool or_hist_is_wanted(const walk_state *st, const wanted_path *wanted);
/* `wanted` is no longer wanted: it leaves the counts of the walk and its folders. */
void or_hist_release(walk_state *st, const wanted_path *wanted);

/* ---- the lines (history_blame.c) */

/* Set up the lines of every request; out_lines starts unknown. */
int or_hist_track_requests(walk_state *st, const or_line_request *requests, size_t nrequests,
			   const size_t *slot_of, size_t npaths);
/* The lines of `wanted` across one comparison: `entry` (a file of the commit)
 * differs from `old_entry` (the parent's, NULL when absent). */
int or_hist_follow_file(walk_state *st, wanted_path *wanted, const git_tree_entry *entry,
			const git_tree_entry *old_entry);
/* The walk has reached a commit older than the line cutoff: every line still
 * followed was last changed before it. */
void or_hist_answer_older(walk_state *st);

#endif
