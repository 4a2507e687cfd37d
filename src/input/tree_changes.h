/*
 * The files one git tree adds or changes against another, reading only the
 * trees that differ: git trees are Merkle trees, so a folder with the same
 * id on both sides holds the same files and is skipped unread. libgit2's
 * tree-to-tree diff reads every tree of both sides, which made `--since`
 * pay for the whole repository rather than for the change.
 */
#ifndef OR_INPUT_TREE_CHANGES_H
#define OR_INPUT_TREE_CHANGES_H

#include <git2.h>

/* Called with the path ("dir/name") of each file of `new_tree` that is not
 * in `old_tree` with the same id and mode; non-zero stops the walk and is
 * returned. */
typedef int (*or_tree_change_fn)(const char *path, void *payload);

/* Every file (blob, symbolic link or submodule) of `new_tree` added or
 * changed against `old_tree` (NULL: all of them), in git's order. Files
 * only in `old_tree` (deleted) are not reported. 0, a callback's non-zero
 * value, or -1 when a tree cannot be read (git_error_last says why). */
int or_tree_changes(git_repository *repo, const git_tree *old_tree, const git_tree *new_tree,
		    or_tree_change_fn changed, void *payload);

#endif
