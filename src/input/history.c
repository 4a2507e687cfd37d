/*
 * The history index (see history.h). One first-parent walk from HEAD; each
 * commit's tree is merge-joined with its first parent's, entry by entry in
 * git order, descending only into subtrees whose ids differ and that still
 * hold a wanted path without an answer.
 *
 * The wanted paths are kept sorted (binary search per changed blob), and so
 * are the directories that hold them ("a/", "a/b/"), each with the number of
 * its paths still unanswered: deciding whether a subtree is worth reading is
 * one binary search, and a directory drops out of the walk the moment its
 * last path is answered. Nothing is allocated per tree entry; the one path
 * buffer is reused for the whole walk.
 *
 * Lines asked for are followed back the way `git blame --first-parent`
 * does: each wanted path keeps its unattributed lines, numbered as in the
 * newer side of the next comparison. Where the path's blob differs from the
 * parent's, the two blobs are diffed without context: lines in a changed
 * range of the newer side get the commit, the others are renumbered into
 * the parent's text. A path stays wanted (for pruning and for ending the
 * walk) until it has its last change and none of its lines is left. The
 * parent's blob of one diff is the newer side of the next one: it is kept.
 */
#include "input/history.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "input/tree_changes.h"
#include "util/alloc.h"
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

/* A caller's path and its position, to sort and map back. */
typedef struct path_ref {
	const char *path;
	size_t len;
	size_t index;
} path_ref;

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

static int compare_bytes(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t n = alen < blen ? alen : blen;
	int c = memcmp(a, b, n);

	if (c)
		return c;
	return alen < blen ? -1 : alen > blen;
}

static int compare_path_refs(const void *a, const void *b)
{
	const path_ref *x = a, *y = b;
	int c = compare_bytes(x->path, x->len, y->path, y->len);

	if (c)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

static int compare_dirs(const void *a, const void *b)
{
	const wanted_dir *x = a, *y = b;

	return compare_bytes(x->prefix, x->len, y->prefix, y->len);
}

static wanted_path *find_path(const walk_state *st, const char *path, size_t len)
{
	size_t lo = 0, hi = st->npaths;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = compare_bytes(path, len, st->paths[mid].path, st->paths[mid].len);

		if (c == 0)
			return &st->paths[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

static wanted_dir *find_dir(const walk_state *st, const char *prefix, size_t len)
{
	size_t lo = 0, hi = st->ndirs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = compare_bytes(prefix, len, st->dirs[mid].prefix, st->dirs[mid].len);

		if (c == 0)
			return &st->dirs[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* A path a tree can hold: not empty, no empty segment, no leading or trailing '/'. */
static bool well_formed(const char *path, size_t len)
{
	size_t i;

	if (len == 0 || path[0] == '/' || path[len - 1] == '/')
		return false;
	for (i = 1; i < len; i++)
		if (path[i] == '/' && path[i - 1] == '/')
			return false;
	return true;
}

static int ascii_casecmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int x = (unsigned char)*a, y = (unsigned char)*b;

		if (x >= 'A' && x <= 'Z')
			x += 'a' - 'A';
		if (y >= 'A' && y <= 'Z')
			y += 'a' - 'A';
		if (x != y || x == 0)
			return x - y;
	}
}

static void push_string(char ***list, size_t *count, const char *value)
{
	*list = or_xrealloc(*list, (*count + 1) * sizeof(char *));
	(*list)[(*count)++] = or_xstrdup(value);
}

static void dispose_commit(or_commit_info *info)
{
	size_t i;

	free(info->author_name);
	free(info->author_email);
	free(info->summary);
	for (i = 0; i < info->nreviewed_by; i++)
		free(info->reviewed_by[i]);
	free(info->reviewed_by);
	for (i = 0; i < info->napproved_by; i++)
		free(info->approved_by[i]);
	free(info->approved_by);
}

static int git_failure(or_diag *diag, const char *what)
{
	const git_error *e = git_error_last();

	return or_diag_set(diag, OR_EXIT_RUNTIME, "", 0, 0, "%s: %s", what,
			   e ? e->message : "unknown error");
}

/* Append the commit being compared to history->commits; its slot in `st`. */
static int record_commit(walk_state *st)
{
	const git_commit *commit = st->commit;
	const git_signature *author = git_commit_author(commit);
	const char *message = git_commit_message(commit);
	git_message_trailer_array trailers = { 0 };
	or_commit_info *info;
	size_t len, i;
	int error = 0;

	st->history->commits = or_xgrow(st->history->commits, &st->commits_cap,
					st->history->ncommits + 1, sizeof(or_commit_info));
	info = &st->history->commits[st->history->ncommits];
	memset(info, 0, sizeof *info);
	git_oid_tostr(info->id, sizeof info->id, git_commit_id(commit));
	info->time = (int64_t)git_commit_time(commit);
	info->time_offset = git_commit_time_offset(commit);
	info->author_name = or_xstrdup(author && author->name ? author->name : "");
	info->author_email = or_xstrdup(author && author->email ? author->email : "");
	if (!message)
		message = "";
	len = strcspn(message, "\n");
	while (len > 0 && (message[len - 1] == ' ' || message[len - 1] == '\t' ||
			   message[len - 1] == '\r'))
		len--;
	info->summary = or_xstrndup(message, len);
	st->commit_slot = (int)st->history->ncommits++;

	if (git_message_trailers(&trailers, message) < 0) {
		const git_error *e = git_error_last();

		error = or_diag_set(st->diag, OR_EXIT_RUNTIME, "", 0, 0,
				    "cannot read the trailers of commit %s: %s", info->id,
				    e ? e->message : "unknown error");
		goto cleanup;
	}
	for (i = 0; i < trailers.count; i++) {
		if (ascii_casecmp(trailers.trailers[i].key, "Reviewed-by") == 0)
			push_string(&info->reviewed_by, &info->nreviewed_by,
				    trailers.trailers[i].value);
		else if (ascii_casecmp(trailers.trailers[i].key, "Approved-by") == 0)
			push_string(&info->approved_by, &info->napproved_by,
				    trailers.trailers[i].value);
	}

cleanup:
	git_message_trailer_array_free(&trailers);
	return error;
}

/* The commit being compared, in history->commits: its index in st->commit_slot. */
static int commit_slot(walk_state *st)
{
	if (st->commit_slot < 0 && record_commit(st) < 0)
		return -1;
	return 0;
}

/* Still wanted: a well-formed path without its last change (unless only its
 * lines are), or with lines left. */
static bool is_wanted(const walk_state *st, const wanted_path *wanted)
{
	return wanted->counted &&
	       ((!st->lines_only && wanted->answer < 0) || wanted->nlines > 0);
}

/* `wanted` is no longer wanted: it leaves the counts of the walk and its folders. */
static void release(walk_state *st, const wanted_path *wanted)
{
	size_t i;

	st->remaining--;
	for (i = 0; i < wanted->len; i++) {
		if (wanted->path[i] == '/') {
			wanted_dir *dir = find_dir(st, wanted->path, i + 1);

			if (dir && dir->remaining > 0)
				dir->remaining--;
		}
	}
}

static int count_lines(const char *text, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		n += text[i] == '\n';
	if (len > 0 && text[len - 1] != '\n')
		n++;
	return n > (size_t)INT_MAX ? INT_MAX : (int)n;
}

static int collect_hunk(const git_diff_delta *delta, const git_diff_hunk *hunk, void *payload)
{
	walk_state *st = payload;
	hunk_range *h;

	(void)delta;
	st->hunks = or_xgrow(st->hunks, &st->cap_hunks, st->nhunks + 1, sizeof(hunk_range));
	h = &st->hunks[st->nhunks++];
	h->old_start = hunk->old_start;
	h->old_lines = hunk->old_lines;
	h->new_start = hunk->new_start;
	h->new_lines = hunk->new_lines;
	return 0;
}

/* The first line of the newer side after `hunk`. */
static int hunk_end(const hunk_range *hunk)
{
	return hunk->new_lines > 0 ? hunk->new_start + hunk->new_lines : hunk->new_start + 1;
}

/* Some of `lines` (ascending, newer side) fall in a changed range of st->hunks. */
static bool any_changed(const walk_state *st, const tracked_line *lines, size_t nlines)
{
	size_t i, h = 0;

	for (i = 0; i < nlines; i++) {
		while (h < st->nhunks && lines[i].line >= hunk_end(&st->hunks[h]))
			h++;
		if (h == st->nhunks)
			return false;
		if (st->hunks[h].new_lines > 0 && lines[i].line >= st->hunks[h].new_start)
			return true;
	}
	return false;
}

/*
 * Follow `lines` (ascending, in the newer side's numbering) across the diff
 * in st->hunks: those in a changed range get `changed` and drop out; the
 * others take their numbers in the older side. *nlines is what is left.
 */
static void follow_lines(walk_state *st, tracked_line *lines, size_t *nlines,
			 or_line_answer changed)
{
	size_t i, kept = 0, h = 0;
	int shift = 0; /* older minus newer line count over the hunks passed */

	for (i = 0; i < *nlines; i++) {
		int line = lines[i].line;

		while (h < st->nhunks && line >= hunk_end(&st->hunks[h])) {
			shift += st->hunks[h].old_lines - st->hunks[h].new_lines;
			h++;
		}
		if (h < st->nhunks && st->hunks[h].new_lines > 0 && line >= st->hunks[h].new_start) {
			st->out_lines[lines[i].answer] = changed;
			continue;
		}
		lines[kept].line = line + shift;
		lines[kept].answer = lines[i].answer;
		kept++;
	}
	*nlines = kept;
}

/* Split `text` into *lines (a reused array); the number of lines. */
static size_t split_lines(text_line **lines, size_t *cap, const char *text, size_t len)
{
	size_t n = 0, start = 0, i;

	for (i = 0; i < len; i++) {
		if (text[i] != '\n' && i + 1 < len)
			continue;
		*lines = or_xgrow(*lines, cap, n + 1, sizeof(text_line));
		(*lines)[n].ptr = text + start;
		(*lines)[n].len = i + 1 - start;
		n++;
		start = i + 1;
	}
	return n;
}

static bool same_line(const text_line *a, const text_line *b)
{
	return a->len == b->len && memcmp(a->ptr, b->ptr, a->len) == 0;
}

static bool line_among(const text_line *line, const text_line *lines, size_t from, size_t to)
{
	size_t i;

	for (i = from; i < to; i++)
		if (same_line(line, &lines[i]))
			return true;
	return false;
}

/*
 * The diff of `old` and `text` without running it, when the lines of
 * `wanted` allow: xdiff (git's and libgit2's) first sets aside the longest
 * common run of lines at the start and at the end, and every change lies
 * between them, except that a changed group may slide over an equal line
 * next to it. When the lines on either side of the middle occur nowhere
 * in the middle of either text, nothing can slide out of it; then lines
 * before it keep their numbers and lines after it move by the difference
 * in length. True when every tracked line was followed that way.
 */
static bool follow_outside_change(walk_state *st, wanted_path *wanted, const git_blob *old,
				  const git_blob *blob)
{
	size_t n_old = split_lines(&st->old_lines, &st->cap_old_lines, git_blob_rawcontent(old),
				   (size_t)git_blob_rawsize(old));
	size_t n_new = split_lines(&st->new_lines, &st->cap_new_lines, git_blob_rawcontent(blob),
				   (size_t)git_blob_rawsize(blob));
	size_t prefix = 0, suffix = 0, i;
	long shift = (long)n_old - (long)n_new;

	while (prefix < n_old && prefix < n_new &&
	       same_line(&st->old_lines[prefix], &st->new_lines[prefix]))
		prefix++;
	while (suffix < n_old - prefix && suffix < n_new - prefix &&
	       same_line(&st->old_lines[n_old - 1 - suffix], &st->new_lines[n_new - 1 - suffix]))
		suffix++;
	for (i = 0; i < wanted->nlines; i++) {
		size_t line = (size_t)wanted->lines[i].line;

		if (line > prefix && line <= n_new - suffix)
			return false; /* in the middle: it takes a diff */
	}
	if (prefix > 0 &&
	    (line_among(&st->new_lines[prefix - 1], st->new_lines, prefix, n_new - suffix) ||
	     line_among(&st->new_lines[prefix - 1], st->old_lines, prefix, n_old - suffix)))
		return false;
	if (suffix > 0 &&
	    (line_among(&st->new_lines[n_new - suffix], st->new_lines, prefix, n_new - suffix) ||
	     line_among(&st->new_lines[n_new - suffix], st->old_lines, prefix, n_old - suffix)))
		return false;
	for (i = 0; i < wanted->nlines; i++)
		if ((size_t)wanted->lines[i].line > prefix)
			wanted->lines[i].line = (int)((long)wanted->lines[i].line + shift);
	return true;
}

/* Every line left of `wanted` is st->commit's. */
static int attribute_all(walk_state *st, wanted_path *wanted)
{
	size_t i;

	if (commit_slot(st) < 0)
		return -1;
	for (i = 0; i < wanted->nlines; i++) {
		or_line_answer *a = &st->out_lines[wanted->lines[i].answer];

		a->known = true;
		a->uncommitted = false;
		a->older = false;
		a->commit = st->commit_slot;
	}
	wanted->nlines = 0;
	git_blob_free(wanted->blob);
	wanted->blob = NULL;
	return 0;
}

/*
 * The walk has reached a commit older than the line cutoff: every line still
 * followed was last changed before it. Paths wanted only for their lines
 * leave the walk.
 */
static void answer_older(walk_state *st)
{
	size_t p, i;

	for (p = 0; p < st->npaths; p++) {
		wanted_path *wanted = &st->paths[p];
		bool was_wanted = is_wanted(st, wanted);

		if (!wanted->nlines)
			continue;
		for (i = 0; i < wanted->nlines; i++) {
			or_line_answer *a = &st->out_lines[wanted->lines[i].answer];
			a->known = true;
			a->uncommitted = false;
			a->older = true;
			a->commit = -1;
		}
		wanted->nlines = 0;
		git_blob_free(wanted->blob);
		wanted->blob = NULL;
		if (was_wanted && !is_wanted(st, wanted))
			release(st, wanted);
	}
}

/*
 * The lines of `wanted` across one comparison: `entry` (a file of the
 * commit) differs from `old_entry` (the parent's, NULL when absent).
 */
static int follow_file(walk_state *st, wanted_path *wanted, const git_tree_entry *entry,
		       const git_tree_entry *old_entry)
{
	git_blob *blob = NULL, *old = NULL;
	or_line_answer changed;
	int error = -1;

	if (old_entry && git_oid_equal(git_tree_entry_id(entry), git_tree_entry_id(old_entry)))
		return 0; /* a change of mode alone: the same lines */
	if (!old_entry || git_tree_entry_type(old_entry) != GIT_OBJECT_BLOB ||
	    git_tree_entry_type(entry) != GIT_OBJECT_BLOB)
		return attribute_all(st, wanted); /* the file starts here */

	if (wanted->blob && git_oid_equal(git_blob_id(wanted->blob), git_tree_entry_id(entry))) {
		blob = wanted->blob;
	} else {
		git_blob_free(wanted->blob);
		if (git_blob_lookup(&blob, st->repo, git_tree_entry_id(entry)) < 0) {
			wanted->blob = NULL;
			git_failure(st->diag, "cannot read a file of the history");
			goto cleanup;
		}
	}
	wanted->blob = NULL;
	if (git_blob_lookup(&old, st->repo, git_tree_entry_id(old_entry)) < 0) {
		git_failure(st->diag, "cannot read a file of the history");
		goto cleanup;
	}
	if (!follow_outside_change(st, wanted, old, blob)) {
		st->nhunks = 0;
		if (git_diff_blobs(old, NULL, blob, NULL, &st->diff_options, NULL, NULL,
				   collect_hunk, NULL, st) < 0) {
			git_failure(st->diag, "cannot compare two versions of a file");
			goto cleanup;
		}
		if (any_changed(st, wanted->lines, wanted->nlines) && commit_slot(st) < 0)
			goto cleanup;
		changed.known = true;
		changed.uncommitted = false;
		changed.older = false;
		changed.commit = st->commit_slot;
		follow_lines(st, wanted->lines, &wanted->nlines, changed);
	}
	if (wanted->nlines > 0) {
		wanted->blob = old; /* the newer side of the next diff */
		old = NULL;
	}
	error = 0;

cleanup:
	git_blob_free(blob);
	git_blob_free(old);
	return error;
}

/* A subtree of the commit being compared: kept from the previous comparison or read. */
static int new_subtree(git_tree **out, bool *borrowed, walk_state *st, const git_oid *id)
{
	size_t i;

	for (i = 0; i < st->nkept; i++) {
		if (st->kept[i].tree && git_oid_equal(&st->kept[i].id, id)) {
			*out = st->kept[i].tree;
			*borrowed = true;
			return 0;
		}
	}
	*borrowed = false;
	return git_tree_lookup(out, st->repo, id);
}

/* A subtree of the parent: read, and kept for the next comparison. */
static int old_subtree(git_tree **out, walk_state *st, const git_oid *id)
{
	if (git_tree_lookup(out, st->repo, id) < 0)
		return -1;
	st->reading = or_xgrow(st->reading, &st->cap_reading, st->nreading + 1, sizeof(kept_tree));
	git_oid_cpy(&st->reading[st->nreading].id, id);
	st->reading[st->nreading++].tree = *out;
	return 0;
}

/* One comparison done: what it read of the parent is what the next may reuse. */
static void rotate_kept(walk_state *st)
{
	kept_tree *swap = st->kept;
	size_t cap = st->cap_kept, i;

	for (i = 0; i < st->nkept; i++)
		git_tree_free(st->kept[i].tree);
	st->kept = st->reading;
	st->cap_kept = st->cap_reading;
	st->nkept = st->nreading;
	st->reading = swap;
	st->cap_reading = cap;
	st->nreading = 0;
}

static void free_kept(walk_state *st)
{
	rotate_kept(st);
	rotate_kept(st);
	free(st->kept);
	free(st->reading);
}

static int compare_trees(walk_state *st, const git_tree *tree, const git_tree *old,
			 const wanted_dir *dir);

/*
 * `entry` of the new tree is added (`old_entry` NULL) or differs from
 * `old_entry`; st->path holds the directory both are in.
 */
static int visit_entry(walk_state *st, const git_tree_entry *entry,
		       const git_tree_entry *old_entry)
{
	const char *name = git_tree_entry_name(entry);
	git_tree *subtree = NULL, *old = NULL;
	bool borrowed = false;
	wanted_dir *dir;
	wanted_path *wanted;
	int error = 0;

	or_buf_puts(&st->path, name);
	if (git_tree_entry_type(entry) != GIT_OBJECT_TREE) {
		/* a blob, a symbolic link or a submodule: a file of the tree */
		wanted = find_path(st, st->path.ptr, st->path.size);
		if (!wanted || !is_wanted(st, wanted))
			goto cleanup;
		if (wanted->answer < 0 && !st->lines_only) {
			if (commit_slot(st) < 0) {
				error = -1;
				goto cleanup;
			}
			wanted->answer = st->commit_slot;
		}
		if (wanted->nlines > 0 && follow_file(st, wanted, entry, old_entry) < 0) {
			error = -1;
			goto cleanup;
		}
		if (!is_wanted(st, wanted))
			release(st, wanted);
		goto cleanup;
	}
	or_buf_putc(&st->path, '/');
	dir = find_dir(st, st->path.ptr, st->path.size);
	if (!dir || dir->remaining == 0)
		goto cleanup;
	if (new_subtree(&subtree, &borrowed, st, git_tree_entry_id(entry)) < 0) {
		error = git_failure(st->diag, "cannot read a tree");
		goto cleanup;
	}
	/* equal names in git order: old_entry is a tree as well (owned by st->reading) */
	if (old_entry && old_subtree(&old, st, git_tree_entry_id(old_entry)) < 0) {
		error = git_failure(st->diag, "cannot read a tree");
		goto cleanup;
	}
	error = compare_trees(st, subtree, old, dir);

cleanup:
	if (!borrowed)
		git_tree_free(subtree);
	return error;
}

/* One comparison of trees in progress: the folder it is in (NULL: the
 * root), and the length of st->path for it. */
typedef struct tree_join {
	walk_state *st;
	const wanted_dir *dir;
	size_t base;
} tree_join;

/* 1 stops the join: every wanted file below is answered. */
static int join_entry(const git_tree_entry *entry, const git_tree_entry *old_entry, void *payload)
{
	tree_join *join = payload;
	walk_state *st = join->st;

	if (visit_entry(st, entry, old_entry) < 0)
		return -1;
	or_buf_truncate(&st->path, join->base);
	return (join->dir ? join->dir->remaining : st->remaining) == 0;
}

/* The entries of `tree` that `old` (NULL: everything is added) lacks or
 * holds otherwise (input/tree_changes.c). `dir` is the directory they are
 * in (NULL: the root). */
static int compare_trees(walk_state *st, const git_tree *tree, const git_tree *old,
			 const wanted_dir *dir)
{
	tree_join join = { st, dir, st->path.size };

	return or_tree_differing_entries(old, tree, join_entry, &join) < 0 ? -1 : 0;
}

/* Sort and deduplicate the wanted paths; index the directories that hold them. */
static void build_index(walk_state *st, const char *const *paths, size_t npaths,
			size_t *slot_of)
{
	path_ref *refs = or_xmalloc(npaths * sizeof(path_ref));
	size_t i, k, ndirs = 0, cap_dirs = 0;

	for (i = 0; i < npaths; i++) {
		refs[i].path = paths[i];
		refs[i].len = strlen(paths[i]);
		refs[i].index = i;
	}
	if (npaths > 1)
		qsort(refs, npaths, sizeof(path_ref), compare_path_refs);
	st->paths = or_xmalloc((npaths ? npaths : 1) * sizeof(wanted_path));
	for (i = 0; i < npaths; i++) {
		if (st->npaths == 0 ||
		    compare_bytes(refs[i].path, refs[i].len, st->paths[st->npaths - 1].path,
				  st->paths[st->npaths - 1].len) != 0) {
			wanted_path *w = &st->paths[st->npaths++];

			memset(w, 0, sizeof *w);
			w->path = refs[i].path;
			w->len = refs[i].len;
			w->answer = -1;
			w->counted = well_formed(w->path, w->len);
			if (w->counted)
				st->remaining++;
		}
		slot_of[refs[i].index] = st->npaths - 1;
	}
	free(refs);

	for (i = 0; i < st->npaths; i++) {
		const wanted_path *w = &st->paths[i];

		if (!w->counted)
			continue;
		for (k = 0; k < w->len; k++) {
			if (w->path[k] != '/')
				continue;
			st->dirs = or_xgrow(st->dirs, &cap_dirs, ndirs + 1, sizeof(wanted_dir));
			st->dirs[ndirs].prefix = w->path;
			st->dirs[ndirs].len = k + 1;
			st->dirs[ndirs].remaining = 1;
			ndirs++;
		}
	}
	if (ndirs > 1)
		qsort(st->dirs, ndirs, sizeof(wanted_dir), compare_dirs);
	for (i = 0; i < ndirs; i++) {
		if (st->ndirs && compare_dirs(&st->dirs[st->ndirs - 1], &st->dirs[i]) == 0)
			st->dirs[st->ndirs - 1].remaining += st->dirs[i].remaining;
		else
			st->dirs[st->ndirs++] = st->dirs[i];
	}
}

static int compare_tracked(const void *a, const void *b)
{
	const tracked_line *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->answer < y->answer ? -1 : x->answer > y->answer;
}

/* The blob of `path` in `tree` (HEAD's), or NULL when it has no such file. */
static int head_blob(git_blob **out, walk_state *st, git_tree *tree, const char *path)
{
	git_tree_entry *entry = NULL;
	int rc = git_tree_entry_bypath(&entry, tree, path);

	*out = NULL;
	if (rc == GIT_ENOTFOUND) {
		git_error_clear();
		return 0;
	}
	if (rc < 0)
		return git_failure(st->diag, "cannot read HEAD's tree");
	if (git_tree_entry_type(entry) == GIT_OBJECT_BLOB &&
	    git_blob_lookup(out, st->repo, git_tree_entry_id(entry)) < 0)
		rc = git_failure(st->diag, "cannot read a file of HEAD");
	git_tree_entry_free(entry);
	return rc < 0 ? -1 : 0;
}

/* The work tree's text as git would store it (end-of-line conversion and the like). */
static int clean_text(git_buf *out, bool *filtered, walk_state *st, const char *path,
		      const char *data, size_t len)
{
	git_filter_list *filters = NULL;
	int error = 0;

	*filtered = false;
	if (git_repository_is_bare(st->repo))
		return 0;
	if (git_filter_list_load(&filters, st->repo, NULL, path, GIT_FILTER_TO_ODB,
				 GIT_FILTER_DEFAULT) < 0)
		return git_failure(st->diag, "cannot read the attributes of a file");
	if (!filters)
		return 0;
	if (git_filter_list_apply_to_buffer(out, filters, data, len) < 0)
		error = git_failure(st->diag, "cannot convert a file of the work tree");
	else
		*filtered = true;
	git_filter_list_free(filters);
	return error;
}

/*
 * Start following the lines of `request` (answers from out_lines[base]):
 * lines past the end are unknown; with work-tree data, lines that differ
 * from HEAD are uncommitted; the rest are tracked in HEAD's numbering.
 */
/* True in *exists when HEAD's tree has a file at `path` (its blob unread). */
static int head_has_file(bool *exists, walk_state *st, git_tree *tree, const char *path)
{
	git_tree_entry *entry = NULL;
	int rc = git_tree_entry_bypath(&entry, tree, path);

	*exists = false;
	if (rc == GIT_ENOTFOUND) {
		git_error_clear();
		return 0;
	}
	if (rc < 0)
		return git_failure(st->diag, "cannot read HEAD's tree");
	*exists = git_tree_entry_type(entry) == GIT_OBJECT_BLOB;
	git_tree_entry_free(entry);
	return 0;
}

static int track_request(walk_state *st, wanted_path *wanted, git_tree *head,
			 const or_line_request *request, size_t base)
{
	git_blob *blob = NULL;
	git_buf clean = GIT_BUF_INIT;
	const char *text = NULL;
	size_t text_len = 0, k, first = wanted->nlines;
	bool filtered = false;
	or_line_answer uncommitted = { true, true, false, -1 };
	int nlines, error = -1;

	/*
	 * The committed file, as HEAD has it: its lines are the caller's, and
	 * its blob is read only if a diff ever needs it (a walk that stops at
	 * a line cutoff may never need it: reading 10,000 blobs is most of
	 * the time of a scan).
	 */
	if (!request->data && request->text_lines > 0) {
		bool exists = false;
		if (wanted->counted && head_has_file(&exists, st, head, wanted->path) < 0)
			goto cleanup;
		for (k = 0; exists && k < request->nlines; k++) {
			if (request->lines[k] < 1 || request->lines[k] > request->text_lines)
				continue; /* unknown */
			wanted->lines = or_xgrow(wanted->lines, &wanted->cap_lines,
						 wanted->nlines + 1, sizeof(tracked_line));
			wanted->lines[wanted->nlines].line = request->lines[k];
			wanted->lines[wanted->nlines].answer = base + k;
			wanted->nlines++;
		}
		error = 0;
		goto cleanup;
	}
	if (wanted->counted && head_blob(&blob, st, head, wanted->path) < 0)
		goto cleanup;
	if (request->data) {
		if (clean_text(&clean, &filtered, st, wanted->path, request->data,
			       request->len) < 0)
			goto cleanup;
		text = filtered ? clean.ptr : request->data;
		text_len = filtered ? clean.size : request->len;
	} else if (blob) {
		text = git_blob_rawcontent(blob);
		text_len = (size_t)git_blob_rawsize(blob);
	}
	nlines = text ? count_lines(text, text_len) : 0;
	for (k = 0; k < request->nlines; k++) {
		int line = request->lines[k];

		if (line < 1 || line > nlines)
			continue; /* unknown */
		if (!blob) {
			st->out_lines[base + k] = uncommitted; /* not in HEAD */
			continue;
		}
		wanted->lines = or_xgrow(wanted->lines, &wanted->cap_lines, wanted->nlines + 1,
					 sizeof(tracked_line));
		wanted->lines[wanted->nlines].line = line;
		wanted->lines[wanted->nlines].answer = base + k;
		wanted->nlines++;
	}
	if (request->data && blob && wanted->nlines > first) {
		size_t n = wanted->nlines - first;

		st->nhunks = 0;
		if (git_diff_blob_to_buffer(blob, NULL, text, text_len, NULL, &st->diff_options,
					    NULL, NULL, collect_hunk, NULL, st) < 0) {
			git_failure(st->diag, "cannot compare a file with HEAD's");
			goto cleanup;
		}
		follow_lines(st, wanted->lines + first, &n, uncommitted);
		wanted->nlines = first + n;
	}
	if (wanted->nlines > 0 && !wanted->blob) {
		wanted->blob = blob; /* the newer side of the first diff */
		blob = NULL;
	}
	error = 0;

cleanup:
	git_buf_dispose(&clean);
	git_blob_free(blob);
	return error;
}

/* Set up the lines of every request; out_lines starts unknown. */
static int track_requests(walk_state *st, const or_line_request *requests, size_t nrequests,
			  const size_t *slot_of, size_t npaths)
{
	git_object *head = NULL;
	size_t r, k, base = 0;
	int error = -1;

	for (r = 0; r < nrequests; r++)
		for (k = 0; k < requests[r].nlines; k++) {
			st->out_lines[base].known = false;
			st->out_lines[base].uncommitted = false;
			st->out_lines[base++].commit = -1;
		}
	if (nrequests == 0)
		return 0;
	if (git_revparse_single(&head, st->repo, "HEAD^{tree}") < 0) {
		git_failure(st->diag, "cannot read HEAD's tree");
		goto cleanup;
	}
	base = 0;
	for (r = 0; r < nrequests; r++) {
		if (requests[r].path >= npaths) {
			or_diag_set(st->diag, OR_EXIT_RUNTIME, "", 0, 0,
				    "line request %zu names path %zu of %zu", r, requests[r].path,
				    npaths);
			goto cleanup;
		}
		if (track_request(st, &st->paths[slot_of[requests[r].path]], (git_tree *)head,
				  &requests[r], base) < 0)
			goto cleanup;
		base += requests[r].nlines;
	}
	/* several requests for one path: one ascending list */
	for (k = 0; k < st->npaths; k++)
		if (st->paths[k].nlines > 1)
			qsort(st->paths[k].lines, st->paths[k].nlines, sizeof(tracked_line),
			      compare_tracked);
	error = 0;

cleanup:
	git_object_free(head);
	return error;
}

/* ---- following the first-parent line ---------------------------------------- */

/*
 * The first-parent line, followed from a commit parent by parent: each
 * commit is read once, as the parent of the one before (a revwalk would
 * read it a second time). A shallow history ends at a commit whose parent
 * is missing: that commit adds everything.
 */
typedef struct parent_line {
	git_commit *commit;       /* being compared */
	git_commit *parent;       /* its first parent; next to be compared */
	git_tree *tree, *parent_tree;
	bool shallow;
} parent_line;

/* The line starting at `id`: its first step makes it the commit compared. */
static int line_start(parent_line *line, walk_state *st, const git_oid *id)
{
	memset(line, 0, sizeof *line);
	line->shallow = git_repository_is_shallow(st->repo) == 1;
	return git_commit_lookup(&line->parent, st->repo, id);
}

/* One step down the line: 1, 0 past its end, -1 (st->diag set) when unreadable. */
static int line_next(parent_line *line, walk_state *st)
{
	if (!line->parent)
		return 0;
	git_commit_free(line->commit);
	git_tree_free(line->tree);
	line->commit = line->parent;
	line->tree = line->parent_tree;
	line->parent = NULL;
	line->parent_tree = NULL;
	st->history->walked++;
	if (git_commit_parentcount(line->commit) > 0) {
		int error = git_commit_parent(&line->parent, line->commit, 0);

		if (error < 0 && !(line->shallow && error == GIT_ENOTFOUND))
			return git_failure(st->diag, "cannot read a commit");
	}
	return 1;
}

static void line_dispose(parent_line *line)
{
	git_commit_free(line->commit);
	git_commit_free(line->parent);
	git_tree_free(line->tree);
	git_tree_free(line->parent_tree);
}

/* Compare the line's commit with its parent: what it changed gets it. */
static int compare_commit(walk_state *st, parent_line *line)
{
	if (line->parent && git_oid_equal(git_commit_tree_id(line->commit),
					  git_commit_tree_id(line->parent)))
		return 0; /* nothing changed on the first-parent line */
	if (!line->tree && git_commit_tree(&line->tree, line->commit) < 0)
		return git_failure(st->diag, "cannot read a tree");
	if (line->parent && git_commit_tree(&line->parent_tree, line->parent) < 0)
		return git_failure(st->diag, "cannot read a tree");
	if (st->line_cutoff && git_commit_time(line->commit) < st->line_cutoff && !st->lines_cut) {
		answer_older(st);
		st->lines_cut = true;
		if (st->remaining == 0)
			return 0;
	}
	st->commit = line->commit;
	st->commit_slot = -1;
	or_buf_clear(&st->path);
	if (compare_trees(st, line->tree, line->parent_tree, NULL) < 0)
		return -1;
	rotate_kept(st);
	return 0;
}

static void walk_init(walk_state *st, git_repository *repo, or_history *history, or_diag *diag)
{
	memset(history, 0, sizeof *history);
	memset(st, 0, sizeof *st);
	st->repo = repo;
	st->history = history;
	st->diag = diag;
	git_diff_options_init(&st->diff_options, GIT_DIFF_OPTIONS_VERSION);
	st->diff_options.context_lines = 0;
	st->diff_options.interhunk_lines = 0;
	/* as git diff (and git blame) do by default */
	st->diff_options.flags |= GIT_DIFF_FORCE_TEXT | GIT_DIFF_INDENT_HEURISTIC;
}

static void walk_dispose(walk_state *st)
{
	size_t i;

	free_kept(st);
	or_buf_dispose(&st->path);
	for (i = 0; i < st->npaths; i++) {
		free(st->paths[i].lines);
		git_blob_free(st->paths[i].blob);
	}
	free(st->paths);
	free(st->dirs);
	free(st->hunks);
	free(st->old_lines);
	free(st->new_lines);
}

/* ---- the walk ------------------------------------------------------------------ */

static int walk(or_history *out, git_repository *repo, const char *const *paths,
		size_t npaths, int *out_commit, const or_line_request *requests, size_t nrequests,
		or_line_answer *out_lines, int64_t line_cutoff, bool lines_only, or_diag *diag);

int or_history_last_changes(or_history *out, git_repository *repo, const char *const *paths,
			    size_t npaths, int *out_commit, or_diag *diag)
{
	return walk(out, repo, paths, npaths, out_commit, NULL, 0, NULL, 0, false, diag);
}

int or_history_walk(or_history *out, git_repository *repo, const char *const *paths,
		    size_t npaths, int *out_commit, const or_line_request *requests,
		    size_t nrequests, or_line_answer *out_lines, int64_t line_cutoff,
		    or_diag *diag)
{
	return walk(out, repo, paths, npaths, out_commit, requests, nrequests, out_lines,
		    line_cutoff, false, diag);
}

int or_history_lines(or_history *out, git_repository *repo, const char *const *paths,
		     size_t npaths, const or_line_request *requests, size_t nrequests,
		     or_line_answer *out_lines, int64_t line_cutoff, or_diag *diag)
{
	return walk(out, repo, paths, npaths, NULL, requests, nrequests, out_lines, line_cutoff,
		    true, diag);
}

static int walk(or_history *out, git_repository *repo, const char *const *paths,
		size_t npaths, int *out_commit, const or_line_request *requests, size_t nrequests,
		or_line_answer *out_lines, int64_t line_cutoff, bool lines_only, or_diag *diag)
{
	walk_state st;
	parent_line line;
	size_t *slot_of = NULL;
	git_oid head;
	size_t i;
	int rc, error = -1;

	walk_init(&st, repo, out, diag);
	memset(&line, 0, sizeof line);
	st.lines_only = lines_only;
	st.out_lines = out_lines;
	st.line_cutoff = line_cutoff;
	for (i = 0; out_commit && i < npaths; i++)
		out_commit[i] = -1;

	/*
	 * Each object of the walk is read once and dropped: libgit2's object
	 * cache only costs memory here, and verifying every object's hash
	 * costs time. These options are process-wide, not per repository:
	 * they are set for the walk and put back to libgit2's defaults (both
	 * enabled) before returning, so nothing else may use libgit2 from
	 * another thread meanwhile.
	 */
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
	git_libgit2_opts(GIT_OPT_ENABLE_CACHING, 0);

	if (git_reference_name_to_id(&head, repo, "HEAD") < 0 ||
	    line_start(&line, &st, &head) < 0) {
		const git_error *e = git_error_last();

		or_diag_set(diag, OR_EXIT_RUNTIME, "", 0, 0,
			    "the repository has no HEAD commit to read the history from: %s",
			    e ? e->message : "unknown error");
		goto cleanup;
	}

	slot_of = or_xmalloc((npaths ? npaths : 1) * sizeof(size_t));
	build_index(&st, paths, npaths, slot_of);
	if (track_requests(&st, requests, nrequests, slot_of, npaths) < 0)
		goto cleanup;
	for (i = 0; lines_only && i < st.npaths; i++) /* no line to follow: done */
		if (st.paths[i].counted && !is_wanted(&st, &st.paths[i]))
			release(&st, &st.paths[i]);

	while (st.remaining > 0 && (rc = line_next(&line, &st)) != 0) {
		if (rc < 0 || compare_commit(&st, &line) < 0)
			goto cleanup;
	}
	for (i = 0; out_commit && i < npaths; i++)
		out_commit[i] = st.paths[slot_of[i]].answer;
	error = 0;

cleanup:
	line_dispose(&line);
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 1);
	git_libgit2_opts(GIT_OPT_ENABLE_CACHING, 1);
	walk_dispose(&st);
	free(slot_of);
	if (error) {
		or_history_dispose(out);
		for (i = 0; out_commit && i < npaths; i++)
			out_commit[i] = -1;
		for (i = 0; out_lines && i < nrequests; i++) {
			size_t k;

			for (k = 0; k < requests[i].nlines; k++, out_lines++) {
				out_lines->known = false;
				out_lines->uncommitted = false;
				out_lines->commit = -1;
			}
		}
	}
	return error;
}

void or_history_dispose(or_history *history)
{
	size_t i;

	if (!history)
		return;
	for (i = 0; i < history->ncommits; i++)
		dispose_commit(&history->commits[i]);
	free(history->commits);
	history->commits = NULL;
	history->ncommits = 0;
	history->walked = 0;
}
