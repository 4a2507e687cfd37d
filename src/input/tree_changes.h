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

/* Called for an entry of a new tree that is added (`old_entry` NULL) or
 * differs from the old tree's entry of the same name in id or mode (in
 * git's order, a folder and a file of one name are different entries);
 * non-zero stops the join and is returned. */
typedef int (*or_tree_entry_fn)(const git_tree_entry *entry, const git_tree_entry *old_entry,
				void *payload);

/* Merge-joins the entries of `new_tree` and `old_tree` (NULL: an empty
 * tree), both in git's order, and calls `visit` for each entry of
 * `new_tree` that `old_tree` lacks or holds otherwise. Entries only in
 * `old_tree` (deleted) are skipped. The one comparison of two trees: the
 * history walk (history.c) and or_tree_changes are made of it. */
int or_tree_differing_entries(const git_tree *old_tree, const git_tree *new_tree,
			      or_tree_entry_fn visit, void *payload);

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
