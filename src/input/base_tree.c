/*
 * The merge base's tree for a pre-merge check (input/base_tree.h): two
 * commits looked up, one merge base, then single blobs by path. Nothing
 * here walks history beyond what git_merge_base does, and the model is
 * handed the merge base so that it does not look for it again.
 */
#include "input/base_tree.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/buf.h"

int or_base_tree_open(or_base_tree *out, const char *root, const char *rev)
{
	git_object *target = NULL;
	git_commit *commit = NULL;
	git_oid base, head;
	char real_root[PATH_MAX], real_workdir[PATH_MAX];
	const char *workdir;
	size_t n;
	int error = -1;

	memset(out, 0, sizeof(*out));
	if (!realpath(root, real_root) ||
	    git_repository_open_ext(&out->repo, real_root, 0, NULL) != 0 ||
	    git_repository_is_bare(out->repo) ||
	    !(workdir = git_repository_workdir(out->repo)) || !realpath(workdir, real_workdir) ||
	    git_revparse_single(&target, out->repo, rev) != 0 ||
	    git_reference_name_to_id(&head, out->repo, "HEAD") != 0 ||
	    git_merge_base(&base, out->repo, git_object_id(target), &head) != 0 ||
	    git_commit_lookup(&commit, out->repo, &base) != 0 ||
	    git_commit_tree(&out->tree, commit) != 0)
		goto cleanup;
	git_oid_tostr(out->id, sizeof(out->id), &base);
	memcpy(out->label, out->id, 12);
	out->label[12] = '\0';
	out->workdir = or_xstrdup(real_workdir);
	n = strlen(real_workdir);
	if (strncmp(real_root, real_workdir, n) == 0 && real_root[n] == '/') {
		or_buf prefix = OR_BUF_INIT;
		or_buf_printf(&prefix, "%s/", real_root + n + 1);
		out->prefix = or_buf_detach(&prefix);
	} else {
		out->prefix = or_xstrdup("");
	}
	error = 0;
cleanup:
	git_commit_free(commit);
	git_object_free(target);
	if (error) {
		git_error_clear();
		or_base_tree_dispose(out);
	}
	return error;
}

or_base_read or_base_tree_read(const or_base_tree *base, const char *path, size_t max_bytes,
			       char **out, size_t *len)
{
	git_tree_entry *entry = NULL;
	git_blob *blob = NULL;
	git_object_size_t size;
	or_base_read result;

	*out = NULL;
	*len = 0;
	if (!base->tree || !*path)
		return OR_BASE_READ_MISSING;
	/* a folder on the way that is a link or a file is no folder: not found */
	if (git_tree_entry_bypath(&entry, base->tree, path) != 0) {
		git_error_clear();
		return OR_BASE_READ_MISSING;
	}
	if (git_tree_entry_filemode(entry) != GIT_FILEMODE_BLOB &&
	    git_tree_entry_filemode(entry) != GIT_FILEMODE_BLOB_EXECUTABLE) {
		result = OR_BASE_READ_NOT_FILE;
		goto cleanup;
	}
	if (git_blob_lookup(&blob, base->repo, git_tree_entry_id(entry)) != 0) {
		result = OR_BASE_READ_ERROR;
		goto cleanup;
	}
	size = git_blob_rawsize(blob);
	if (size > (git_object_size_t)max_bytes) {
		result = OR_BASE_READ_TOO_LARGE;
		goto cleanup;
	}
	*out = or_xmalloc((size_t)size + 1);
	memcpy(*out, git_blob_rawcontent(blob), (size_t)size);
	(*out)[size] = '\0';
	*len = (size_t)size;
	result = OR_BASE_READ_OK;
cleanup:
	git_blob_free(blob);
	git_tree_entry_free(entry);
	return result;
}

void or_base_tree_dispose(or_base_tree *base)
{
	git_tree_free(base->tree);
	git_repository_free(base->repo);
	free(base->prefix);
	free(base->workdir);
	memset(base, 0, sizeof(*base));
}
