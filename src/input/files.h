/*
 * The files of the scanned tree and the repository facts around them.
 * In a git work tree: the files in the index plus the untracked files that
 * are not ignored (libgit2); elsewhere: a directory walk (a bare or broken
 * repository is an error, not a folder). Nothing outside
 * the scanned root is listed, and symlinks are listed but never followed.
 */
#ifndef OR_INPUT_FILES_H
#define OR_INPUT_FILES_H

#include <stdbool.h>
#include <stddef.h>

#include <git2.h>

#include "opsready/common.h"

typedef struct or_file {
	char *path;        /* relative to the scanned root, '/'-separated */
	bool executable;   /* git mode 100755; outside git, any x bit */
	bool symlink;
	bool tracked;      /* in the git index */
	bool changed;      /* untracked, or differs from HEAD in the index or work tree */
	bool in_change;    /* part of the change under review (--since): changed since
			      the merge base, or changed in the work tree */
	bool mentions_removed; /* --since: unchanged, but mentions a path the change
				  deletes or renames away: read, and its findings
				  about such paths are gated */
} or_file;

typedef struct or_file_list {
	or_file *files;    /* sorted by path (byte order) */
	size_t nfiles;
	bool is_git;
	bool has_commit;   /* false in a repository with no commits yet */
	char commit[41];   /* HEAD, hex; "" without a commit */
	char *branch;      /* short name, or NULL when detached or not git */
	bool dirty;        /* tracked files changed in the index or work tree */
	bool shallow;
	char *workdir;     /* the repository's work tree, or NULL */
	char *prefix;      /* the scanned root relative to workdir ("" or "docs/") */
	git_repository *repo; /* open for the scan (history, --since); NULL when not git */
	char **deleted;    /* paths the change deletes or renames away (no file there now):
			      tracked files gone from the index or the work tree, and, with
			      --since, files of the merge base; sorted, no duplicates */
	size_t ndeleted;
} or_file_list;

/* List the files below `root`. -1 with OR_EXIT_RUNTIME when it cannot be read. */
int or_files_list(or_file_list *out, const char *root, or_diag *diag);
/* Close the repository once the scan has read what it needs of git (the
 * facts above stay). */
void or_file_list_close_repository(or_file_list *list);
void or_file_list_dispose(or_file_list *list);

/*
 * Pre-merge mode: mark as `in_change` every file that differs between the
 * merge base of `rev` and HEAD, and every file changed in the work tree or
 * index (staged, unstaged, untracked). Files of the merge base's tree that
 * are not listed now join `deleted`. The merge base goes to `merge_base`
 * (hex); when it holds one already (the caller found it), that one is used.
 * A revision or merge base that cannot be found is OR_EXIT_USAGE,
 * with a hint to fetch more history on a shallow clone.
 */
int or_files_mark_since(or_file_list *list, const char *rev, char merge_base[41], or_diag *diag);

/* The file at `path`, or NULL. */
const or_file *or_files_find(const or_file_list *list, const char *path);
/* True when the change deletes or renames away `path` (see `deleted`). */
bool or_files_deleted(const or_file_list *list, const char *path);
/* True when some listed file lies below directory `path`. */
bool or_files_has_dir(const or_file_list *list, const char *path);

#endif
