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
 * A merge that answers a path with the version one of its other parents
 * has is resolved at once (resolve_merge): the paths it brought from each
 * such parent are looked for together by a walk of that branch, the same
 * walk one level deeper, which ends when each has its commit. Each merge is
 * resolved once, only for the paths it answered, so the extra cost is the
 * branch commits between the merge and the branch's last edit of them.
 *
 * The lines asked for are followed in history_blame.c (first parent only).
 */
#include "input/history.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/history_walk.h"
#include "input/tree_changes.h"
#include "util/alloc.h"
#include "util/buf.h"

/* A caller's path and its position, to sort and map back. */
typedef struct path_ref {
	const char *path;
	size_t len;
	size_t index;
} path_ref;

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

int or_hist_git_failure(or_diag *diag, const char *what)
{
	const git_error *e = git_error_last();

	return or_diag_set(diag, OR_EXIT_RUNTIME, "", 0, 0, "%s: %s", what,
			   e ? e->message : "unknown error");
}

/* The walk stops at commit `id`, which cannot be read. One that is in the
 * repository but that libgit2 cannot parse (no e-mail, a timestamp out of
 * range) is named in history->unreadable for the caller to skip the
 * history, not the scan; a missing object stays an error. */
static int unreadable_commit(walk_state *st, const git_oid *id, const char *what)
{
	const git_error *e = git_error_last();
	int rc = or_hist_git_failure(st->diag, what), klass = e ? e->klass : 0;
	char saved[512];
	git_odb *odb = NULL;

	/* libgit2's message is kept for the caller's diagnostic */
	snprintf(saved, sizeof saved, "%s", e && e->message ? e->message : "");
	if (id && !st->history->unreadable[0] && git_repository_odb(&odb, st->repo) == 0 &&
	    git_odb_exists(odb, id) == 1)
		git_oid_tostr(st->history->unreadable, sizeof st->history->unreadable, id);
	git_odb_free(odb);
	git_error_clear();
	if (saved[0])
		git_error_set_str(klass, saved);
	return rc;
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
	info->parent_time = st->parent_time;
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
int or_hist_commit_slot(walk_state *st)
{
	if (st->commit_slot < 0 && record_commit(st) < 0)
		return -1;
	return 0;
}

/* Still wanted: a well-formed path without its last change (unless only its
 * lines are), or with lines left. */
bool or_hist_is_wanted(const walk_state *st, const wanted_path *wanted)
{
	return wanted->counted &&
	       ((!st->lines_only && wanted->answer < 0) || wanted->nlines > 0);
}

/* `wanted` is no longer wanted: it leaves the counts of the walk and its folders. */
void or_hist_release(walk_state *st, const wanted_path *wanted)
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
		if (!wanted || !or_hist_is_wanted(st, wanted))
			goto cleanup;
		if (wanted->answer < 0 && !st->lines_only) {
			if (or_hist_commit_slot(st) < 0) {
				error = -1;
				goto cleanup;
			}
			wanted->answer = st->commit_slot;
			if (st->merge) {
				st->merged = or_xgrow(st->merged, &st->cap_merged, st->nmerged + 1,
						      sizeof(size_t));
				st->merged[st->nmerged++] = (size_t)(wanted - st->paths);
			}
		}
		if (wanted->nlines > 0 && or_hist_follow_file(st, wanted, entry, old_entry) < 0) {
			error = -1;
			goto cleanup;
		}
		if (!or_hist_is_wanted(st, wanted))
			or_hist_release(st, wanted);
		goto cleanup;
	}
	or_buf_putc(&st->path, '/');
	dir = find_dir(st, st->path.ptr, st->path.size);
	if (!dir || dir->remaining == 0)
		goto cleanup;
	if (new_subtree(&subtree, &borrowed, st, git_tree_entry_id(entry)) < 0) {
		error = or_hist_git_failure(st->diag, "cannot read a tree");
		goto cleanup;
	}
	/* equal names in git order: old_entry is a tree as well (owned by st->reading) */
	if (old_entry && old_subtree(&old, st, git_tree_entry_id(old_entry)) < 0) {
		error = or_hist_git_failure(st->diag, "cannot read a tree");
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
	if (git_commit_lookup(&line->parent, st->repo, id) < 0)
		return unreadable_commit(st, id, "cannot read a commit");
	return 0;
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
			return unreadable_commit(st, git_commit_parent_id(line->commit, 0),
						 "cannot read a commit");
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

/*
 * Merges within merged branches are followed this deep; below, a merge is
 * the change (a hostile history must not exhaust the stack).
 */
#define MAX_BRANCH_DEPTH 32

static int resolve_merge(walk_state *st, const git_commit *merge, const git_tree *tree);

/* Compare the line's commit with its parent: what it changed gets it. */
static int compare_commit(walk_state *st, parent_line *line)
{
	if (line->parent && git_oid_equal(git_commit_tree_id(line->commit),
					  git_commit_tree_id(line->parent)))
		return 0; /* nothing changed on the first-parent line */
	if (!line->tree && git_commit_tree(&line->tree, line->commit) < 0)
		return or_hist_git_failure(st->diag, "cannot read a tree");
	if (line->parent && git_commit_tree(&line->parent_tree, line->parent) < 0)
		return or_hist_git_failure(st->diag, "cannot read a tree");
	if (st->line_cutoff && git_commit_time(line->commit) < st->line_cutoff && !st->lines_cut) {
		or_hist_answer_older(st);
		st->lines_cut = true;
		if (st->remaining == 0)
			return 0;
	}
	st->commit = line->commit;
	st->commit_slot = -1;
	st->parent_time = line->parent ? (int64_t)git_commit_time(line->parent) : 0;
	st->merge = !st->lines_only && git_commit_parentcount(line->commit) > 1 &&
		    st->depth < MAX_BRANCH_DEPTH;
	st->nmerged = 0;
	or_buf_clear(&st->path);
	if (compare_trees(st, line->tree, line->parent_tree, NULL) < 0)
		return -1;
	rotate_kept(st);
	if (st->nmerged > 0 && resolve_merge(st, line->commit, line->tree) < 0)
		return -1;
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
	free(st->merged);
	free(st->hunks);
	free(st->old_lines);
	free(st->new_lines);
}

/* ---- merged branches ------------------------------------------------------------ */

/*
 * The last changes of `paths` on the first-parent line that starts at
 * `start` (a merged branch), into the same history: out[i] is an index into
 * st->history->commits, or -1. The same walk as HEAD's, one level deeper.
 */
static int branch_walk(walk_state *st, const git_oid *start, const char *const *paths,
		       size_t npaths, int *out)
{
	walk_state sub;
	parent_line line;
	size_t *slot_of = or_xmalloc((npaths ? npaths : 1) * sizeof(size_t));
	size_t i;
	int rc, error = -1;

	memset(&sub, 0, sizeof sub);
	memset(&line, 0, sizeof line);
	sub.repo = st->repo;
	sub.history = st->history;
	sub.commits_cap = st->commits_cap;
	sub.diag = st->diag;
	sub.diff_options = st->diff_options;
	sub.depth = st->depth + 1;
	if (line_start(&line, &sub, start) < 0) /* named in history->unreadable */
		goto cleanup;
	build_index(&sub, paths, npaths, slot_of);
	while (sub.remaining > 0 && (rc = line_next(&line, &sub)) != 0) {
		if (rc < 0 || compare_commit(&sub, &line) < 0)
			goto cleanup;
	}
	for (i = 0; i < npaths; i++)
		out[i] = sub.paths[slot_of[i]].answer;
	error = 0;

cleanup:
	st->commits_cap = sub.commits_cap;
	line_dispose(&line);
	walk_dispose(&sub);
	free(slot_of);
	return error;
}

/* `path` of `tree` as it is in `other` (the same id and mode): TREESAME. */
static int same_entry(bool *same, const git_tree *tree, const git_tree *other, const char *path)
{
	git_tree_entry *a = NULL, *b = NULL;
	int rc;

	*same = false;
	rc = git_tree_entry_bypath(&a, tree, path);
	if (rc == 0)
		rc = git_tree_entry_bypath(&b, other, path);
	if (rc == GIT_ENOTFOUND) {
		git_error_clear();
		rc = 0;
	} else if (rc == 0) {
		*same = git_oid_equal(git_tree_entry_id(a), git_tree_entry_id(b)) &&
			git_tree_entry_filemode(a) == git_tree_entry_filemode(b);
	}
	git_tree_entry_free(a);
	git_tree_entry_free(b);
	return rc;
}

/*
 * The merge being compared answered st->merged (their version differs from
 * the first parent's). Those it has as another parent has them came from
 * that branch: each such group is walked down its branch once, and a path
 * gets the commit that made its change there, unless that commit's date is
 * earlier than its own parent's (a clock that cannot be trusted).
 */
static int resolve_merge(walk_state *st, const git_commit *merge, const git_tree *tree)
{
	unsigned int k, nparents = git_commit_parentcount(merge);
	size_t n = st->nmerged, i, ngroup;
	size_t *merged = or_xmalloc(n * sizeof(size_t)), *group_of = or_xmalloc(n * sizeof(size_t));
	const char **group = or_xmalloc(n * sizeof(char *));
	int *answers = or_xmalloc(n * sizeof(int));
	bool same;
	int error = -1;

	memcpy(merged, st->merged, n * sizeof(size_t)); /* the branch walks reuse nothing of st */
	for (k = 1; k < nparents && n > 0; k++) {
		git_commit *parent = NULL;
		git_tree *parent_tree = NULL;
		int rc = git_commit_parent(&parent, merge, k);

		if (rc == GIT_ENOTFOUND && git_repository_is_shallow(st->repo) == 1) {
			git_error_clear();
			continue; /* cut off: the merge stays the change */
		}
		if (rc < 0) {
			unreadable_commit(st, git_commit_parent_id(merge, k),
					  "cannot read a merged commit");
			goto cleanup;
		}
		if (git_commit_tree(&parent_tree, parent) < 0) {
			git_commit_free(parent);
			or_hist_git_failure(st->diag, "cannot read a merged commit");
			goto cleanup;
		}
		ngroup = 0;
		for (i = 0; i < n;) {
			if (same_entry(&same, tree, parent_tree, st->paths[merged[i]].path) < 0) {
				git_tree_free(parent_tree);
				git_commit_free(parent);
				or_hist_git_failure(st->diag, "cannot read a tree");
				goto cleanup;
			}
			if (!same) {
				i++;
				continue;
			}
			group_of[ngroup] = merged[i];
			group[ngroup++] = st->paths[merged[i]].path;
			merged[i] = merged[--n]; /* TREESAME to this parent: the later ones are not asked */
		}
		rc = ngroup ? branch_walk(st, git_commit_id(parent), group, ngroup, answers) : 0;
		git_tree_free(parent_tree);
		git_commit_free(parent);
		if (rc < 0)
			goto cleanup;
		for (i = 0; i < ngroup; i++) {
			const or_commit_info *c;

			if (answers[i] < 0)
				continue;
			c = &st->history->commits[answers[i]];
			if (c->time >= c->parent_time)
				st->paths[group_of[i]].answer = answers[i];
		}
	}
	error = 0;

cleanup:
	free(merged);
	free(group_of);
	free(group);
	free(answers);
	return error;
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

	/* Each object of the walk is read once and dropped: libgit2's object
	 * cache and its re-verification of hashes are off for the whole
	 * process (or_library_init). */
	if (git_reference_name_to_id(&head, repo, "HEAD") < 0 ||
	    line_start(&line, &st, &head) < 0) { /* or HEAD cannot be parsed */
		const git_error *e = git_error_last();

		or_diag_set(diag, OR_EXIT_RUNTIME, "", 0, 0,
			    "the repository has no HEAD commit to read the history from: %s",
			    e ? e->message : "unknown error");
		goto cleanup;
	}

	slot_of = or_xmalloc((npaths ? npaths : 1) * sizeof(size_t));
	build_index(&st, paths, npaths, slot_of);
	if (or_hist_track_requests(&st, requests, nrequests, slot_of, npaths) < 0)
		goto cleanup;
	for (i = 0; lines_only && i < st.npaths; i++) /* no line to follow: done */
		if (st.paths[i].counted && !or_hist_is_wanted(&st, &st.paths[i]))
			or_hist_release(&st, &st.paths[i]);

	while (st.remaining > 0 && (rc = line_next(&line, &st)) != 0) {
		if (rc < 0 || compare_commit(&st, &line) < 0)
			goto cleanup;
	}
	for (i = 0; out_commit && i < npaths; i++)
		out_commit[i] = st.paths[slot_of[i]].answer;
	error = 0;

cleanup:
	line_dispose(&line);
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

/* `text` has a line equal to `line` ('\r' before a newline ignored). */
static bool has_line(const char *text, size_t size, const char *line, size_t len)
{
	size_t start = 0;

	while (start <= size) {
		const char *nl = start < size ? memchr(text + start, '\n', size - start) : NULL;
		size_t end = nl ? (size_t)(nl - text) : size, n = end - start;

		if (n > 0 && text[end - 1] == '\r')
			n--;
		if (n == len && memcmp(text + start, line, len) == 0)
			return true;
		if (!nl)
			break;
		start = end + 1;
	}
	return false;
}

bool or_history_commit_wrote_line(git_repository *repo, const or_commit_info *commit,
				  const char *path, const char *line, size_t len)
{
	git_oid id;
	git_commit *c = NULL, *parent = NULL;
	git_tree *tree = NULL;
	git_tree_entry *entry = NULL;
	git_blob *blob = NULL;
	bool wrote = false;

	if (git_oid_fromstr(&id, commit->id) < 0 || git_commit_lookup(&c, repo, &id) < 0 ||
	    git_commit_parentcount(c) == 0 || git_commit_parent(&parent, c, 0) < 0 ||
	    git_commit_tree(&tree, parent) < 0 || git_tree_entry_bypath(&entry, tree, path) < 0 ||
	    git_tree_entry_type(entry) != GIT_OBJECT_BLOB ||
	    git_blob_lookup(&blob, repo, git_tree_entry_id(entry)) < 0)
		goto cleanup;
	wrote = !has_line(git_blob_rawcontent(blob), (size_t)git_blob_rawsize(blob), line, len);

cleanup:
	git_error_clear();
	git_blob_free(blob);
	git_tree_entry_free(entry);
	git_tree_free(tree);
	git_commit_free(parent);
	git_commit_free(c);
	return wrote;
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
