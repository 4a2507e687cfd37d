/*
 * Line attribution for the history index (or_history_walk, or_history_lines),
 * carried along the first-parent walk of history.c.
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
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "input/history.h"
#include "input/history_walk.h"
#include "util/alloc.h"

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

	if (or_hist_commit_slot(st) < 0)
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
void or_hist_answer_older(walk_state *st)
{
	size_t p, i;

	for (p = 0; p < st->npaths; p++) {
		wanted_path *wanted = &st->paths[p];
		bool was_wanted = or_hist_is_wanted(st, wanted);

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
		if (was_wanted && !or_hist_is_wanted(st, wanted))
			or_hist_release(st, wanted);
	}
}

/*
 * The lines of `wanted` across one comparison: `entry` (a file of the
 * commit) differs from `old_entry` (the parent's, NULL when absent).
 */
int or_hist_follow_file(walk_state *st, wanted_path *wanted, const git_tree_entry *entry,
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
			or_hist_git_failure(st->diag, "cannot read a file of the history");
			goto cleanup;
		}
	}
	wanted->blob = NULL;
	if (git_blob_lookup(&old, st->repo, git_tree_entry_id(old_entry)) < 0) {
		or_hist_git_failure(st->diag, "cannot read a file of the history");
		goto cleanup;
	}
	if (!follow_outside_change(st, wanted, old, blob)) {
		st->nhunks = 0;
		if (git_diff_blobs(old, NULL, blob, NULL, &st->diff_options, NULL, NULL,
				   collect_hunk, NULL, st) < 0) {
			or_hist_git_failure(st->diag, "cannot compare two versions of a file");
			goto cleanup;
		}
		if (any_changed(st, wanted->lines, wanted->nlines) && or_hist_commit_slot(st) < 0)
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
		return or_hist_git_failure(st->diag, "cannot read HEAD's tree");
	if (git_tree_entry_type(entry) == GIT_OBJECT_BLOB &&
	    git_blob_lookup(out, st->repo, git_tree_entry_id(entry)) < 0)
		rc = or_hist_git_failure(st->diag, "cannot read a file of HEAD");
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
		return or_hist_git_failure(st->diag, "cannot read the attributes of a file");
	if (!filters)
		return 0;
	if (git_filter_list_apply_to_buffer(out, filters, data, len) < 0)
		error = or_hist_git_failure(st->diag, "cannot convert a file of the work tree");
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
		return or_hist_git_failure(st->diag, "cannot read HEAD's tree");
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
			or_hist_git_failure(st->diag, "cannot compare a file with HEAD's");
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
int or_hist_track_requests(walk_state *st, const or_line_request *requests, size_t nrequests,
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
		or_hist_git_failure(st->diag, "cannot read HEAD's tree");
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
