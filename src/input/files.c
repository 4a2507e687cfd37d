#include "input/files.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <git2.h>
#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>

#include "input/tree_changes.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/text.h"

#define WALK_MAX_DEPTH 64

static void add_file(or_file_list *list, size_t *cap, const char *path, bool executable,
		     bool symlink, bool tracked, bool changed)
{
	or_file *f;

	list->files = or_xgrow(list->files, cap, list->nfiles + 1, sizeof(or_file));
	f = &list->files[list->nfiles++];
	memset(f, 0, sizeof(*f));
	f->path = or_xstrdup(path);
	f->executable = executable;
	f->symlink = symlink;
	f->tracked = tracked;
	f->changed = changed;
}

static int compare_files(const void *a, const void *b)
{
	return strcmp(((const or_file *)a)->path, ((const or_file *)b)->path);
}

/* A path the change deletes: kept for or_files_deleted (sorted later). */
static void add_deleted(or_file_list *list, size_t *cap, const char *path)
{
	list->deleted = or_xgrow(list->deleted, cap, list->ndeleted + 1, sizeof(char *));
	list->deleted[list->ndeleted++] = or_xstrdup(path);
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void sort_deleted(or_file_list *list)
{
	size_t i, kept = 0;

	if (list->ndeleted > 1)
		qsort(list->deleted, list->ndeleted, sizeof(char *), compare_strings);
	for (i = 0; i < list->ndeleted; i++) {
		if (kept && strcmp(list->deleted[kept - 1], list->deleted[i]) == 0) {
			free(list->deleted[i]);
			continue;
		}
		list->deleted[kept++] = list->deleted[i];
	}
	list->ndeleted = kept;
}

/* Sort and drop duplicates (conflicted index entries appear once per stage). */
static void sort_files(or_file_list *list)
{
	size_t i, kept = 0;

	if (list->nfiles > 1)
		qsort(list->files, list->nfiles, sizeof(or_file), compare_files);
	for (i = 0; i < list->nfiles; i++) {
		if (kept && strcmp(list->files[kept - 1].path, list->files[i].path) == 0) {
			list->files[kept - 1].changed |= list->files[i].changed;
			free(list->files[i].path);
			continue;
		}
		list->files[kept++] = list->files[i];
	}
	list->nfiles = kept;
}

static int walk_dir(or_file_list *list, size_t *cap, const char *root, or_buf *rel,
		    int depth, or_diag *diag)
{
	or_buf full = OR_BUF_INIT;
	DIR *dir;
	struct dirent *entry;
	size_t base = rel->size;
	int error = 0;

	if (depth > WALK_MAX_DEPTH)
		return 0;
	or_buf_puts(&full, root);
	if (rel->size) {
		or_buf_putc(&full, '/');
		or_buf_put(&full, rel->ptr, rel->size);
	}
	dir = opendir(or_buf_cstr(&full));
	if (!dir) {
		if (depth == 0)
			error = or_diag_set(diag, OR_EXIT_RUNTIME, root, 0, 0,
					    "cannot read the directory: %s", strerror(errno));
		goto cleanup; /* an unreadable subfolder is simply not listed */
	}
	while ((entry = readdir(dir)) != NULL) {
		struct stat st;
		size_t full_base = full.size;

		if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0 ||
		    strcmp(entry->d_name, ".git") == 0)
			continue;
		or_buf_truncate(rel, base);
		if (base)
			or_buf_putc(rel, '/');
		or_buf_puts(rel, entry->d_name);
		or_buf_putc(&full, '/');
		or_buf_puts(&full, entry->d_name);
		if (lstat(full.ptr, &st) == 0) {
			if (S_ISDIR(st.st_mode)) {
				error = walk_dir(list, cap, root, rel, depth + 1, diag);
			} else if (S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)) {
				add_file(list, cap, rel->ptr, (st.st_mode & 0111) != 0,
					 S_ISLNK(st.st_mode), false, false);
			}
		}
		or_buf_truncate(&full, full_base);
		if (error)
			break;
	}
	closedir(dir);
cleanup:
	or_buf_truncate(rel, base);
	or_buf_dispose(&full);
	return error;
}

static const char *strip_prefix(const char *path, const char *prefix)
{
	size_t n = strlen(prefix);
	return strncmp(path, prefix, n) == 0 ? path + n : NULL;
}

/*
 * libgit2's status hashes a tracked file whose stat data changed, and fails
 * the whole listing when one cannot be opened (chmod 000 as a normal user).
 * Collect such files as negative pathspecs ("!path", first, then `positive`)
 * so that status can run again without them; the model then reports each as
 * not read. Returns the number of unreadable files found.
 */
static size_t exclude_unreadable(git_strarray *spec, git_index *index, const or_file_list *list,
				 const char *positive)
{
	or_buf full = OR_BUF_INIT, pattern = OR_BUF_INIT;
	size_t i, n = git_index_entrycount(index), cap = 0, found = 0;

	spec->strings = NULL;
	spec->count = 0;
	for (i = 0; i < n; i++) {
		const git_index_entry *e = git_index_get_byindex(index, i);
		struct stat st;

		if (!strip_prefix(e->path, list->prefix) || e->mode == GIT_FILEMODE_COMMIT ||
		    e->mode == GIT_FILEMODE_LINK)
			continue;
		or_buf_clear(&full);
		or_buf_printf(&full, "%s/%s", list->workdir, e->path);
		if (lstat(full.ptr, &st) != 0 || !S_ISREG(st.st_mode) || access(full.ptr, R_OK) == 0)
			continue;
		or_buf_clear(&pattern);
		or_buf_printf(&pattern, "!%s", e->path);
		spec->strings = or_xgrow(spec->strings, &cap, spec->count + 1, sizeof(char *));
		spec->strings[spec->count++] = or_buf_detach(&pattern);
		found++;
	}
	if (found) {
		spec->strings = or_xgrow(spec->strings, &cap, spec->count + 1, sizeof(char *));
		spec->strings[spec->count++] = or_xstrdup(positive);
	}
	or_buf_dispose(&full);
	or_buf_dispose(&pattern);
	return found;
}

/*
 * True when nothing is staged: the index holds exactly HEAD's tree. The
 * index keeps a record of the trees it was made from (git's cache-tree),
 * which answers without reading any tree; libgit2 finds it when writing the
 * index's tree, done here into an empty in-memory object database so that
 * nothing reaches the repository. When the record is incomplete (a file
 * was added since), writing needs the repository's objects, fails, and the
 * answer is false: git status then compares HEAD and the index in full.
 */
static bool nothing_staged(git_repository *repo, git_index *index)
{
	git_odb *odb = NULL;
	git_odb_backend *memory = NULL;
	git_repository *scratch = NULL;
	git_reference *head = NULL;
	git_object *tree = NULL;
	git_oid written;
	bool same = false;

	if (git_repository_head(&head, repo) == 0 &&
	    git_reference_peel(&tree, head, GIT_OBJECT_TREE) == 0 && git_odb_new(&odb) == 0 &&
	    git_mempack_new(&memory) == 0) {
		if (git_odb_add_backend(odb, memory, 1) == 0) {
			memory = NULL; /* the database owns it */
			if (git_repository_wrap_odb(&scratch, odb) == 0 &&
			    git_index_write_tree_to(&written, index, scratch) == 0)
				same = git_oid_equal(&written, git_object_id(tree));
		}
	}
	if (memory)
		memory->free(memory);
	git_repository_free(scratch);
	git_odb_free(odb);
	git_object_free(tree);
	git_reference_free(head);
	git_error_clear();
	return same;
}

/* HEAD names a commit that is in the repository but that libgit2 cannot
 * parse (no e-mail, a timestamp out of range): git status cannot compare
 * the index with it. libgit2's last error is kept. */
static bool head_unparseable(git_repository *repo)
{
	const git_error *e = git_error_last();
	char saved[512];
	int klass = e ? e->klass : 0;
	git_reference *head = NULL;
	git_object *commit = NULL;
	git_odb *odb = NULL;
	bool bad;

	snprintf(saved, sizeof saved, "%s", e && e->message ? e->message : "");
	bad = git_repository_head(&head, repo) == 0 && git_reference_target(head) &&
	      git_reference_peel(&commit, head, GIT_OBJECT_COMMIT) < 0 &&
	      git_repository_odb(&odb, repo) == 0 &&
	      git_odb_exists(odb, git_reference_target(head)) == 1;
	git_odb_free(odb);
	git_object_free(commit);
	git_reference_free(head);
	git_error_clear();
	if (saved[0])
		git_error_set_str(klass, saved);
	return bad;
}

/* With nothing staged, git status is the index against the work tree
 * alone: an untracked file is new, any other change marks its file changed
 * and the work tree dirty. -1 when the work tree cannot be compared. */
static int list_unstaged(or_file_list *list, size_t *cap, git_repository *repo, git_index *index,
			 const git_strarray *pathspec)
{
	git_diff_options options;
	git_diff *diff = NULL;
	size_t i, n;

	/* the options git_status_list_new gives this diff */
	git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
	options.flags = GIT_DIFF_INCLUDE_TYPECHANGE | GIT_DIFF_INCLUDE_UNTRACKED |
			GIT_DIFF_RECURSE_UNTRACKED_DIRS | GIT_DIFF_IGNORE_SUBMODULES;
	options.pathspec = *pathspec;
	if (git_diff_index_to_workdir(&diff, repo, index, &options) != 0) {
		git_error_clear();
		return -1;
	}
	n = git_diff_num_deltas(diff);
	for (i = 0; i < n; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		const char *rel = strip_prefix(d->new_file.path, list->prefix);

		if (!rel || !*rel || d->status == GIT_DELTA_IGNORED)
			continue;
		if (d->status == GIT_DELTA_UNTRACKED) {
			add_file(list, cap, rel, d->new_file.mode == GIT_FILEMODE_BLOB_EXECUTABLE,
				 d->new_file.mode == GIT_FILEMODE_LINK, false, true);
			continue;
		}
		list->dirty = true;
		add_file(list, cap, rel, false, false, true, true); /* merged below */
	}
	git_diff_free(diff);
	return 0;
}

static int list_git(or_file_list *list, size_t *cap, git_repository *repo, or_diag *diag)
{
	git_index *index = NULL;
	git_status_list *status = NULL;
	git_status_options opts;
	git_reference *head = NULL;
	char *pathspec_buf = NULL;
	char *pathspec[1];
	size_t i, n;
	int error = -1;

	git_status_options_init(&opts, GIT_STATUS_OPTIONS_VERSION);
	if (git_repository_index(&index, repo) != 0)
		goto git_error;
	n = git_index_entrycount(index);
	for (i = 0; i < n; i++) {
		const git_index_entry *e = git_index_get_byindex(index, i);
		const char *rel = strip_prefix(e->path, list->prefix);

		if (!rel || !*rel || e->mode == GIT_FILEMODE_COMMIT)
			continue;
		add_file(list, cap, rel, e->mode == GIT_FILEMODE_BLOB_EXECUTABLE,
			 e->mode == GIT_FILEMODE_LINK, true, false);
	}

	opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
	opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
		     GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
	if (*list->prefix) {
		pathspec_buf = or_xstrdup(list->prefix);
		pathspec[0] = pathspec_buf;
		opts.pathspec.strings = pathspec;
		opts.pathspec.count = 1;
	}
	/* most of git status's time is HEAD against the index, which an
	 * unchanged index answers at once */
	if (nothing_staged(repo, index) &&
	    list_unstaged(list, cap, repo, index, &opts.pathspec) == 0) {
		error = 0;
		goto head;
	}
	if (git_status_list_new(&status, repo, &opts) != 0) {
		git_strarray spec;
		int rc = -1;

		if (exclude_unreadable(&spec, index, list, *list->prefix ? list->prefix : "*")) {
			git_error_clear();
			opts.pathspec = spec;
			rc = git_status_list_new(&status, repo, &opts);
		}
		if (spec.count) {
			for (i = 0; i < spec.count; i++)
				free(spec.strings[i]);
			free(spec.strings);
		}
		/* the work tree is still compared with the index; the history
		 * walk names the commit and skips the history */
		if (rc != 0 && head_unparseable(repo) &&
		    list_unstaged(list, cap, repo, index, &opts.pathspec) == 0) {
			error = 0;
			goto head;
		}
		if (rc != 0)
			goto git_error;
	}
	n = git_status_list_entrycount(status);
	for (i = 0; i < n; i++) {
		const git_status_entry *s = git_status_byindex(status, i);
		const git_diff_delta *d = s->index_to_workdir ? s->index_to_workdir : s->head_to_index;
		const char *rel;

		if (!d)
			continue;
		rel = strip_prefix(d->new_file.path, list->prefix);
		if (!rel || !*rel)
			continue;
		if (s->status == GIT_STATUS_WT_NEW) {
			add_file(list, cap, rel, d->new_file.mode == GIT_FILEMODE_BLOB_EXECUTABLE,
				 d->new_file.mode == GIT_FILEMODE_LINK, false, true);
			continue;
		}
		if (s->status & (GIT_STATUS_IGNORED))
			continue;
		list->dirty = true;
		add_file(list, cap, rel, false, false, true, true); /* merged below */
	}
	error = 0;

head:
	if (git_repository_head(&head, repo) == 0) {
		const git_oid *oid = git_reference_target(head);
		if (oid) {
			git_oid_tostr(list->commit, sizeof(list->commit), oid);
			list->has_commit = true;
		}
		if (git_reference_is_branch(head))
			list->branch = or_xstrdup(git_reference_shorthand(head));
	} else if (git_repository_head_unborn(repo) == 1) {
		const char *name = NULL;
		git_reference *sym = NULL;
		if (git_reference_lookup(&sym, repo, "HEAD") == 0) {
			name = git_reference_symbolic_target(sym);
			if (name && strncmp(name, "refs/heads/", 11) == 0)
				list->branch = or_xstrdup(name + 11);
			git_reference_free(sym);
		}
	}
	list->shallow = git_repository_is_shallow(repo) == 1;
	goto cleanup;

git_error:
	or_diag_set(diag, OR_EXIT_RUNTIME, list->workdir, 0, 0, "cannot read the git repository: %s",
		    git_error_last() ? git_error_last()->message : "unknown error");
cleanup:
	git_reference_free(head);
	git_status_list_free(status);
	git_index_free(index);
	free(pathspec_buf);
	return error;
}

/* Status rows for changed tracked files were added as extra rows: fold them
 * into the index rows, and drop files deleted from the work tree. */
static void merge_changes(or_file_list *list, const char *root)
{
	size_t i, kept = 0, deleted_cap = 0;
	or_buf full = OR_BUF_INIT;

	if (list->nfiles > 1)
		qsort(list->files, list->nfiles, sizeof(or_file), compare_files);
	for (i = 0; i < list->nfiles; i++) {
		or_file *f = &list->files[i];
		if (kept && strcmp(list->files[kept - 1].path, f->path) == 0) {
			or_file *prev = &list->files[kept - 1];
			prev->changed |= f->changed;
			prev->executable |= f->executable;
			prev->symlink |= f->symlink;
			free(f->path);
			continue;
		}
		list->files[kept++] = *f;
	}
	list->nfiles = kept;

	/* A tracked file that is gone from the work tree does not exist for
	 * the checks; one whose mode changed on disk reports the disk's mode. */
	kept = 0;
	for (i = 0; i < list->nfiles; i++) {
		or_file *f = &list->files[i];
		struct stat st;

		if (f->changed && f->tracked) {
			or_buf_clear(&full);
			or_buf_printf(&full, "%s/%s", root, f->path);
			if (lstat(full.ptr, &st) == 0) {
				f->symlink = S_ISLNK(st.st_mode);
				f->executable = S_ISREG(st.st_mode) && (st.st_mode & 0100);
			} else if (errno != EACCES) {
				/* deleted by the change (unstaged, or a staged git rm) */
				list->deleted = or_xgrow(list->deleted, &deleted_cap,
							 list->ndeleted + 1, sizeof(char *));
				list->deleted[list->ndeleted++] = f->path;
				continue;
			} /* in a folder that cannot be read: kept, reported as not read */
		}
		list->files[kept++] = *f;
	}
	list->nfiles = kept;
	or_buf_dispose(&full);
	sort_deleted(list);
}

static bool has_dot_git(const char *dir)
{
	or_buf path = OR_BUF_INIT;
	struct stat st;
	bool found;

	or_buf_printf(&path, "%s/.git", dir);
	found = lstat(path.ptr, &st) == 0;
	or_buf_dispose(&path);
	return found;
}

int or_files_list(or_file_list *out, const char *root, or_diag *diag)
{
	git_repository *repo = NULL;
	char real_root[PATH_MAX];
	size_t cap = 0;
	int error = -1, rc;
	struct stat st;

	memset(out, 0, sizeof(*out));
	if (stat(root, &st) != 0 || !S_ISDIR(st.st_mode))
		return or_diag_set(diag, OR_EXIT_RUNTIME, root, 0, 0,
				   "cannot scan: %s", errno ? strerror(errno) : "not a directory");
	if (!realpath(root, real_root))
		return or_diag_set(diag, OR_EXIT_RUNTIME, root, 0, 0, "cannot resolve the path: %s",
				   strerror(errno));

	rc = git_repository_open_ext(&repo, real_root, 0, NULL);
	if (rc == GIT_ENOTFOUND && has_dot_git(real_root))
		rc = GIT_ERROR; /* a .git file pointing nowhere */
	if (rc != 0 && rc != GIT_ENOTFOUND) {
		/* a .git that is there but broken: unreadable, not a plain folder */
		or_diag_set(diag, OR_EXIT_RUNTIME, root, 0, 0, "cannot open the git repository: %s%s",
			    git_error_last() ? git_error_last()->message : "unknown error",
			    rc == GIT_EOWNER ? " (if it is yours, add it to git's safe.directory)" : "");
		goto cleanup;
	}
	if (rc == 0 && git_repository_is_bare(repo)) {
		or_diag_set(diag, OR_EXIT_RUNTIME, root, 0, 0,
			    "cannot scan: this is a bare git repository, without a work tree; "
			    "scan a clone of it");
		goto cleanup;
	}
	if (rc == 0) {
		char real_workdir[PATH_MAX];
		size_t n;

		if (!realpath(git_repository_workdir(repo), real_workdir)) {
			or_diag_set(diag, OR_EXIT_RUNTIME, root, 0, 0,
				    "cannot resolve the work tree: %s", strerror(errno));
			goto cleanup;
		}
		n = strlen(real_workdir);
		out->is_git = true;
		out->workdir = or_xstrdup(real_workdir);
		if (strcmp(real_root, real_workdir) == 0) {
			out->prefix = or_xstrdup("");
		} else if (strncmp(real_root, real_workdir, n) == 0 && real_root[n] == '/') {
			or_buf prefix = OR_BUF_INIT;
			or_buf_printf(&prefix, "%s/", real_root + n + 1);
			out->prefix = or_buf_detach(&prefix);
		} else {
			out->prefix = or_xstrdup("");
		}
		if (list_git(out, &cap, repo, diag) != 0)
			goto cleanup;
		merge_changes(out, real_root);
		out->repo = repo;
		repo = NULL;
	} else {
		or_buf rel = OR_BUF_INIT;
		git_error_clear();
		rc = walk_dir(out, &cap, real_root, &rel, 0, diag);
		or_buf_dispose(&rel);
		if (rc != 0)
			goto cleanup;
		sort_files(out);
	}
	error = 0;
cleanup:
	git_repository_free(repo);
	if (error)
		or_file_list_dispose(out);
	return error;
}

void or_file_list_dispose(or_file_list *list)
{
	size_t i;

	for (i = 0; i < list->nfiles; i++)
		free(list->files[i].path);
	free(list->files);
	for (i = 0; i < list->ndeleted; i++)
		free(list->deleted[i]);
	free(list->deleted);
	free(list->branch);
	free(list->workdir);
	free(list->prefix);
	git_repository_free(list->repo);
	memset(list, 0, sizeof(*list));
}

void or_file_list_close_repository(or_file_list *list)
{
	git_repository_free(list->repo);
	list->repo = NULL;
}

static int mark_changed(const char *path, void *payload)
{
	or_file_list *list = payload;
	const char *rel = strip_prefix(path, list->prefix);
	or_file *f;

	if (rel && (f = (or_file *)or_files_find(list, rel)) != NULL)
		f->in_change = true;
	return 0;
}

typedef struct deleted_walk {
	or_file_list *list;
	size_t cap;
} deleted_walk;

/* A file of the merge base that differs from HEAD's: deleted when nothing is
 * listed at its path now (renamed away, or deleted in a commit). */
static int mark_deleted(const char *path, void *payload)
{
	deleted_walk *w = payload;
	const char *rel = strip_prefix(path, w->list->prefix);

	if (rel && *rel && !or_files_find(w->list, rel))
		add_deleted(w->list, &w->cap, rel);
	return 0;
}

int or_files_mark_since(or_file_list *list, const char *rev, char merge_base[41], or_diag *diag)
{
	git_object *target = NULL;
	git_commit *base_commit = NULL, *head_commit = NULL;
	git_tree *base_tree = NULL, *head_tree = NULL;
	git_oid base, head;
	deleted_walk deleted = { list, list->ndeleted };
	const char *hint;
	size_t i;
	int error = -1;

	char known[41];

	snprintf(known, sizeof(known), "%s", merge_base); /* found by the caller, or "" */
	merge_base[0] = '\0';
	if (!list->repo)
		return or_diag_set(diag, OR_EXIT_USAGE, NULL, 0, 0,
				   "--since %s: the scanned folder is not in a git repository", rev);
	if (!list->has_commit)
		return or_diag_set(diag, OR_EXIT_USAGE, NULL, 0, 0,
				   "--since %s: the repository has no commits yet", rev);
	hint = list->shallow ? " This is a shallow clone: fetch more history (git fetch --unshallow, "
			       "or actions/checkout with fetch-depth: 0)." : "";
	if (git_revparse_single(&target, list->repo, rev) != 0) {
		or_diag_set(diag, OR_EXIT_USAGE, NULL, 0, 0,
			    "--since %s: no such revision here (fetch it first, e.g. git fetch origin).%s",
			    rev, hint);
		goto cleanup;
	}
	if (git_reference_name_to_id(&head, list->repo, "HEAD") != 0)
		goto git_error;
	if (!(known[0] && git_oid_fromstr(&base, known) == 0) &&
	    git_merge_base(&base, list->repo, git_object_id(target), &head) != 0) {
		or_diag_set(diag, OR_EXIT_USAGE, NULL, 0, 0,
			    "--since %s: %s and HEAD have no common ancestor in this clone.%s", rev, rev,
			    hint);
		goto cleanup;
	}
	git_oid_tostr(merge_base, 41, &base);
	if (git_commit_lookup(&base_commit, list->repo, &base) != 0 ||
	    git_commit_lookup(&head_commit, list->repo, &head) != 0 ||
	    git_commit_tree(&base_tree, base_commit) != 0 ||
	    git_commit_tree(&head_tree, head_commit) != 0 ||
	    or_tree_changes(list->repo, base_tree, head_tree, mark_changed, list) != 0 ||
	    or_tree_changes(list->repo, head_tree, base_tree, mark_deleted, &deleted) != 0)
		goto git_error;
	sort_deleted(list);
	for (i = 0; i < list->nfiles; i++)
		if (list->files[i].changed)
			list->files[i].in_change = true;
	error = 0;
	goto cleanup;
git_error:
	or_diag_set(diag, OR_EXIT_RUNTIME, list->workdir, 0, 0, "cannot compare with %s: %s", rev,
		    git_error_last() ? git_error_last()->message : "unknown error");
cleanup:
	git_tree_free(base_tree);
	git_tree_free(head_tree);
	git_commit_free(base_commit);
	git_commit_free(head_commit);
	git_object_free(target);
	return error;
}

static size_t lower_bound(const or_file_list *list, const char *path)
{
	size_t lo = 0, hi = list->nfiles;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(list->files[mid].path, path) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const or_file *or_files_find(const or_file_list *list, const char *path)
{
	size_t i = lower_bound(list, path);
	return i < list->nfiles && strcmp(list->files[i].path, path) == 0 ? &list->files[i] : NULL;
}

bool or_files_deleted(const or_file_list *list, const char *path)
{
	return or_text_sorted_contains((const char *const *)list->deleted, list->ndeleted, path);
}

bool or_files_has_dir(const or_file_list *list, const char *path)
{
	or_buf dir = OR_BUF_INIT;
	size_t i;
	bool found;

	or_buf_puts(&dir, path);
	if (dir.size && dir.ptr[dir.size - 1] != '/')
		or_buf_putc(&dir, '/');
	if (dir.size <= 1) { /* "/" or "": the root itself */
		or_buf_dispose(&dir);
		return true;
	}
	i = lower_bound(list, dir.ptr);
	found = i < list->nfiles && strncmp(list->files[i].path, dir.ptr, dir.size) == 0;
	or_buf_dispose(&dir);
	return found;
}
