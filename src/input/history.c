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
 */
#include "input/history.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/buf.h"

/* One distinct wanted path. */
typedef struct wanted_path {
	const char *path; /* borrowed from the caller */
	size_t len;
	int answer;       /* index into history->commits; -1 while unanswered */
	bool counted;     /* a well-formed path, counted in `remaining` */
} wanted_path;

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
	wanted_path *paths;
	size_t npaths;
	wanted_dir *dirs;
	size_t ndirs;
	size_t remaining;       /* counted paths still without an answer */
	or_buf path;            /* the entry being looked at, reused */
	git_repository *repo;
	const git_commit *commit; /* the commit being compared with its parent */
	int commit_slot;        /* its index in history->commits, -1 until it answers */
	or_history *history;
	size_t commits_cap;
	or_diag *diag;
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

/* The path in st->path is wanted and was added or changed by st->commit. */
static int answer(walk_state *st, wanted_path *wanted)
{
	size_t i;

	if (st->commit_slot < 0 && record_commit(st) < 0)
		return -1;
	wanted->answer = st->commit_slot;
	st->remaining--;
	for (i = 0; i < wanted->len; i++) {
		if (wanted->path[i] == '/') {
			wanted_dir *dir = find_dir(st, wanted->path, i + 1);

			if (dir && dir->remaining > 0)
				dir->remaining--;
		}
	}
	return 0;
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

static int git_failure(or_diag *diag, const char *what)
{
	const git_error *e = git_error_last();

	return or_diag_set(diag, OR_EXIT_RUNTIME, "", 0, 0, "%s: %s", what,
			   e ? e->message : "unknown error");
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
		if (wanted && wanted->counted && wanted->answer < 0)
			error = answer(st, wanted);
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

/*
 * Merge-join the entries of `tree` and `old` (NULL: everything is added),
 * both sorted in git order. `dir` is the directory they are (NULL: the root).
 */
static int compare_trees(walk_state *st, const git_tree *tree, const git_tree *old,
			 const wanted_dir *dir)
{
	size_t base = st->path.size;
	size_t i = 0, j = 0;
	size_t n = git_tree_entrycount(tree), old_n = old ? git_tree_entrycount(old) : 0;

	while (i < n) {
		const git_tree_entry *entry = git_tree_entry_byindex(tree, i);
		const git_tree_entry *old_entry = j < old_n ? git_tree_entry_byindex(old, j) : NULL;
		int c = old_entry ? git_tree_entry_cmp(entry, old_entry) : -1;

		if (c > 0) {
			j++; /* only in the old tree: a deletion does not count */
			continue;
		}
		i++;
		if (c == 0) {
			j++;
			/* equal ids and modes: nothing below changed (a chmod is a change) */
			if (git_oid_equal(git_tree_entry_id(entry), git_tree_entry_id(old_entry)) &&
			    git_tree_entry_filemode(entry) == git_tree_entry_filemode(old_entry))
				continue;
		} else {
			old_entry = NULL;
		}
		if (visit_entry(st, entry, old_entry) < 0)
			return -1;
		or_buf_truncate(&st->path, base);
		if (dir ? dir->remaining == 0 : st->remaining == 0)
			break;
	}
	return 0;
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

int or_history_last_changes(or_history *out, git_repository *repo, const char *const *paths,
			    size_t npaths, int *out_commit, or_diag *diag)
{
	walk_state st;
	git_revwalk *walk = NULL;
	git_commit *commit = NULL, *parent = NULL;
	git_tree *tree = NULL, *parent_tree = NULL;
	size_t *slot_of = NULL;
	bool shallow = git_repository_is_shallow(repo) == 1, past_boundary = false;
	git_oid id;
	size_t i;
	int rc, error = -1;

	memset(out, 0, sizeof *out);
	memset(&st, 0, sizeof st);
	st.repo = repo;
	st.history = out;
	st.diag = diag;
	for (i = 0; i < npaths; i++)
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

	if (git_revwalk_new(&walk, repo) < 0) {
		git_failure(diag, "cannot walk the history");
		goto cleanup;
	}
	if (git_revwalk_push_head(walk) < 0) {
		const git_error *e = git_error_last();

		or_diag_set(diag, OR_EXIT_RUNTIME, "", 0, 0,
			    "the repository has no HEAD commit to read the history from: %s",
			    e ? e->message : "unknown error");
		goto cleanup;
	}
	if (git_revwalk_simplify_first_parent(walk) < 0) {
		git_failure(diag, "cannot walk the history");
		goto cleanup;
	}

	slot_of = or_xmalloc((npaths ? npaths : 1) * sizeof(size_t));
	build_index(&st, paths, npaths, slot_of);

	while (st.remaining > 0) {
		if (!past_boundary) {
			rc = git_revwalk_next(&id, walk);
			if (rc == GIT_ITEROVER)
				break;
			/*
			 * libgit2 1.5 does not know shallow boundaries: the walk
			 * fails on the boundary commit, whose parents are missing,
			 * before returning it. That commit is the parent just read:
			 * it is the last one, and it adds everything.
			 */
			if (rc < 0 && !(shallow && parent)) {
				git_failure(diag, "cannot walk the history");
				goto cleanup;
			}
			past_boundary = rc < 0;
		}
		if (past_boundary) {
			if (!parent)
				break;
			git_oid_cpy(&id, git_commit_id(parent));
		}
		out->walked++;
		if (parent && git_oid_equal(git_commit_id(parent), &id)) {
			/* the usual case: this is the parent just compared with */
			git_commit_free(commit);
			git_tree_free(tree);
			commit = parent;
			tree = parent_tree;
			parent = NULL;
			parent_tree = NULL;
		} else {
			git_commit_free(commit);
			git_tree_free(tree);
			git_commit_free(parent);
			git_tree_free(parent_tree);
			commit = parent = NULL;
			tree = parent_tree = NULL;
			if (git_commit_lookup(&commit, repo, &id) < 0) {
				git_failure(diag, "cannot read a commit");
				goto cleanup;
			}
		}
		if (git_commit_parentcount(commit) > 0) {
			int perr = git_commit_parent(&parent, commit, 0);

			/* a shallow history ends here: the commit adds everything */
			if (perr < 0 && !(shallow && perr == GIT_ENOTFOUND)) {
				git_failure(diag, "cannot read a commit");
				goto cleanup;
			}
		}
		if (parent && git_oid_equal(git_commit_tree_id(commit), git_commit_tree_id(parent)))
			continue; /* nothing changed on the first-parent line */
		if (!tree && git_commit_tree(&tree, commit) < 0) {
			git_failure(diag, "cannot read a tree");
			goto cleanup;
		}
		if (parent && git_commit_tree(&parent_tree, parent) < 0) {
			git_failure(diag, "cannot read a tree");
			goto cleanup;
		}
		st.commit = commit;
		st.commit_slot = -1;
		or_buf_clear(&st.path);
		if (compare_trees(&st, tree, parent_tree, NULL) < 0)
			goto cleanup;
		rotate_kept(&st);
	}
	for (i = 0; i < npaths; i++)
		out_commit[i] = st.paths[slot_of[i]].answer;
	error = 0;

cleanup:
	git_commit_free(commit);
	git_commit_free(parent);
	git_tree_free(tree);
	git_tree_free(parent_tree);
	git_revwalk_free(walk);
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 1);
	git_libgit2_opts(GIT_OPT_ENABLE_CACHING, 1);
	free_kept(&st);
	or_buf_dispose(&st.path);
	free(st.paths);
	free(st.dirs);
	free(slot_of);
	if (error) {
		or_history_dispose(out);
		for (i = 0; i < npaths; i++)
			out_commit[i] = -1;
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
