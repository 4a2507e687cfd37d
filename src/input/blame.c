#include "input/blame.h"

#include <string.h>

static void answer(or_blame_line *out, git_repository *repo, const git_blame_hunk *hunk,
		   git_oid *last_oid, int64_t *last_time)
{
	git_commit *commit = NULL;

	memset(out, 0, sizeof(*out));
	if (!hunk)
		return;
	out->known = true;
	if (git_oid_is_zero(&hunk->final_commit_id)) {
		out->uncommitted = true;
		return;
	}
	git_oid_tostr(out->commit, sizeof(out->commit), &hunk->final_commit_id);
	/* consecutive lines mostly share a commit: look it up once */
	if (git_oid_equal(last_oid, &hunk->final_commit_id)) {
		out->time = *last_time;
		return;
	}
	if (git_commit_lookup(&commit, repo, &hunk->final_commit_id) == 0) {
		out->time = git_commit_time(commit);
		git_oid_cpy(last_oid, &hunk->final_commit_id);
		*last_time = out->time;
		git_commit_free(commit);
	} else {
		out->time = hunk->final_signature ? hunk->final_signature->when.time : 0;
	}
}

int or_blame_lines(or_blame_line *out, git_repository *repo, const char *path,
		   const char *data, size_t len, const int *lines, size_t nlines, or_diag *diag)
{
	git_blame_options opts;
	git_blame *blame = NULL, *buffer_blame = NULL;
	const git_blame *use;
	git_oid last_oid;
	int64_t last_time = 0;
	size_t i;
	int rc;

	memset(out, 0, nlines * sizeof(*out));
	memset(&last_oid, 0, sizeof(last_oid));
	if (!nlines)
		return 0;
	git_blame_options_init(&opts, GIT_BLAME_OPTIONS_VERSION);
	opts.flags = GIT_BLAME_FIRST_PARENT;
	/* Only the lines asked; with the work tree's text the line numbers may
	 * have moved since HEAD, so then the whole file is blamed. */
	if (!data) {
		opts.min_line = (size_t)lines[0];
		opts.max_line = (size_t)lines[nlines - 1];
	}
	rc = git_blame_file(&blame, repo, path, &opts);
	if (rc == GIT_ENOTFOUND) {
		/* not in HEAD: every line is new */
		git_error_clear();
		for (i = 0; i < nlines; i++)
			out[i].known = out[i].uncommitted = true;
		return 0;
	}
	if (rc != 0)
		return or_diag_set(diag, OR_EXIT_RUNTIME, path, 0, 0, "git blame failed: %s",
				   git_error_last() ? git_error_last()->message : "unknown error");
	use = blame;
	if (data) {
		if (git_blame_buffer(&buffer_blame, blame, data, len) != 0) {
			git_blame_free(blame);
			return or_diag_set(diag, OR_EXIT_RUNTIME, path, 0, 0,
					   "git blame failed: %s",
					   git_error_last() ? git_error_last()->message
							    : "unknown error");
		}
		use = buffer_blame;
	}
	for (i = 0; i < nlines; i++)
		answer(&out[i], repo, git_blame_get_hunk_byline((git_blame *)use, (size_t)lines[i]),
		       &last_oid, &last_time);
	git_blame_free(buffer_blame);
	git_blame_free(blame);
	return 0;
}
