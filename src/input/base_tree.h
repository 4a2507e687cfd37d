/*
 * The merge base of a pre-merge check (--since REV): its commit and the
 * files of its tree, read as blobs. The gate takes its config and the pack
 * files that config extends from here, not from the change under review
 * (SPEC section 9, "--since trust").
 */
#ifndef OR_INPUT_BASE_TREE_H
#define OR_INPUT_BASE_TREE_H

#include <stddef.h>

#include <git2.h>

typedef struct or_base_tree {
	git_repository *repo;
	git_tree *tree;      /* the merge base's tree */
	char id[41];         /* the merge base, hex */
	char label[13];      /* its first 12 hex digits: names its files, "<label>:<path>" */
	char *prefix;        /* the scanned root below the work tree's top: "" or "docs/" */
	char *workdir;       /* the work tree's top, resolved */
} or_base_tree;

/*
 * Open the repository of `root` and find the merge base of `rev` and HEAD.
 * 0 on success; -1 when it cannot be found (not git, no commit, no such
 * revision, no common ancestor): the caller lets the file listing say why,
 * as it does without this. Cleared by or_base_tree_dispose in any case.
 */
int or_base_tree_open(or_base_tree *out, const char *root, const char *rev);

typedef enum or_base_read {
	OR_BASE_READ_OK = 0,
	OR_BASE_READ_MISSING,      /* no such path in the tree */
	OR_BASE_READ_NOT_FILE,     /* a folder, a symbolic link or a submodule */
	OR_BASE_READ_TOO_LARGE,    /* more than `max_bytes` */
	OR_BASE_READ_ERROR         /* the blob cannot be read (git_error_last) */
} or_base_read;

/*
 * The blob at `path` (relative to the work tree's top, '/'-separated, no
 * "." or ".." segments) into *out, NUL-terminated, malloc'd.
 */
or_base_read or_base_tree_read(const or_base_tree *base, const char *path, size_t max_bytes,
			       char **out, size_t *len);

void or_base_tree_dispose(or_base_tree *base);

#endif
