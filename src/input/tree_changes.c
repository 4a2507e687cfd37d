#include "input/tree_changes.h"

#include <string.h>

#include "util/buf.h"

typedef struct tree_walk {
	git_repository *repo;
	or_buf path; /* the folder being compared, with its trailing '/' */
	or_tree_change_fn changed;
	void *payload;
} tree_walk;

static int compare(tree_walk *w, const git_tree *old_tree, const git_tree *new_tree);

/* `entry` of the new tree is added (`old_entry` NULL) or differs from
 * `old_entry`. */
static int visit(const git_tree_entry *entry, const git_tree_entry *old_entry, void *payload)
{
	tree_walk *w = payload;
	size_t base = w->path.size;
	git_tree *subtree = NULL, *old_subtree = NULL;
	int error;

	or_buf_puts(&w->path, git_tree_entry_name(entry));
	if (git_tree_entry_type(entry) != GIT_OBJECT_TREE) {
		error = w->changed(or_buf_cstr(&w->path), w->payload);
		or_buf_truncate(&w->path, base);
		return error;
	}
	or_buf_putc(&w->path, '/');
	error = git_tree_lookup(&subtree, w->repo, git_tree_entry_id(entry));
	if (!error && old_entry)
		error = git_tree_lookup(&old_subtree, w->repo, git_tree_entry_id(old_entry));
	if (error)
		error = -1;
	else
		error = compare(w, old_subtree, subtree);
	git_tree_free(subtree);
	git_tree_free(old_subtree);
	or_buf_truncate(&w->path, base);
	return error;
}

static int compare(tree_walk *w, const git_tree *old_tree, const git_tree *new_tree)
{
	return or_tree_differing_entries(old_tree, new_tree, visit, w);
}

int or_tree_differing_entries(const git_tree *old_tree, const git_tree *new_tree,
			      or_tree_entry_fn visit_fn, void *payload)
{
	size_t i = 0, j = 0, n = git_tree_entrycount(new_tree);
	size_t old_n = old_tree ? git_tree_entrycount(old_tree) : 0;
	int error;

	while (i < n) {
		const git_tree_entry *entry = git_tree_entry_byindex(new_tree, i);
		const git_tree_entry *old_entry = j < old_n ? git_tree_entry_byindex(old_tree, j) : NULL;
		int c = old_entry ? git_tree_entry_cmp(entry, old_entry) : -1;

		if (c > 0) {
			j++; /* only in the old tree: deleted */
			continue;
		}
		i++;
		if (c == 0) {
			j++;
			/* the same id and mode: nothing below changed (a chmod is a change) */
			if (git_oid_equal(git_tree_entry_id(entry), git_tree_entry_id(old_entry)) &&
			    git_tree_entry_filemode(entry) == git_tree_entry_filemode(old_entry))
				continue;
		} else {
			old_entry = NULL;
		}
		if ((error = visit_fn(entry, old_entry, payload)) != 0)
			return error;
	}
	return 0;
}

int or_tree_changes(git_repository *repo, const git_tree *old_tree, const git_tree *new_tree,
		    or_tree_change_fn changed, void *payload)
{
	tree_walk w = { repo, OR_BUF_INIT, changed, payload };
	int error;

	if (old_tree && git_oid_equal(git_tree_id(old_tree), git_tree_id(new_tree)))
		return 0;
	error = compare(&w, old_tree, new_tree);
	or_buf_dispose(&w.path);
	return error;
}
