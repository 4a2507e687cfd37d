/*
 * The history index against fixture repositories built here with the git
 * command line, with fixed author and committer dates, so every expected
 * commit and time is exact.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <git2.h>

#include "input/history.h"
#include "input/tree_changes.h"
#include "util/buf.h"
#include "suites.h"

#define T0 1700000000L /* 2023-11-14T22:13:20Z */

typedef struct fixture {
	char dir[128];
} fixture;

/* Run a shell command in the fixture; it must succeed. */
static void fx_sh(const fixture *fx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void fx_sh(const fixture *fx, const char *fmt, ...)
{
	char cmd[2048], inner[1536];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(inner, sizeof inner, fmt, ap);
	va_end(ap);
	ck_assert_int_lt(n, (int)sizeof inner);
	n = snprintf(cmd, sizeof cmd,
		     "cd '%s' && export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null "
		     "HOME='%s' && (%s) >/dev/null 2>&1",
		     fx->dir, fx->dir, inner);
	ck_assert_int_lt(n, (int)sizeof cmd);
	ck_assert_msg(system(cmd) == 0, "command failed: %s", inner);
}

/* Run git at a fixed time (seconds since the epoch, UTC offset "+0000" style). */
static void fx_git_at(const fixture *fx, long when, const char *offset, const char *args)
{
	fx_sh(fx,
	      "GIT_AUTHOR_NAME='Alice Example' GIT_AUTHOR_EMAIL=alice@example.org "
	      "GIT_COMMITTER_NAME='Ci Bot' GIT_COMMITTER_EMAIL=ci@example.org "
	      "GIT_AUTHOR_DATE='@%ld %s' GIT_COMMITTER_DATE='@%ld %s' "
	      "git -c commit.gpgsign=false -c core.fileMode=true %s",
	      when, offset, when, offset, args);
}

static void fx_init(fixture *fx)
{
	strcpy(fx->dir, "/tmp/opsready-history-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(fx->dir));
	fx_sh(fx, "git init -q -b main .");
}

static void fx_cleanup(const fixture *fx)
{
	char cmd[256];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
	ck_assert_int_eq(system(cmd), 0);
}

/* Write a file of the work tree, creating its folders. */
static void fx_write(const fixture *fx, const char *path, const char *content)
{
	char full[512];
	char *slash;
	FILE *f;

	snprintf(full, sizeof full, "%s/%s", fx->dir, path);
	for (slash = strchr(full + strlen(fx->dir) + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(full, 0755);
		*slash = '/';
	}
	f = fopen(full, "w");
	ck_assert_ptr_nonnull(f);
	fputs(content, f);
	ck_assert_int_eq(fclose(f), 0);
}

/* Stage everything and commit with `message` at `when`. */
static void fx_commit_tz(const fixture *fx, long when, const char *offset, const char *message)
{
	char msg[256];
	FILE *f;

	snprintf(msg, sizeof msg, "%s/.git/TEST_MSG", fx->dir);
	f = fopen(msg, "w");
	ck_assert_ptr_nonnull(f);
	fputs(message, f);
	ck_assert_int_eq(fclose(f), 0);
	fx_sh(fx, "git add -A");
	fx_git_at(fx, when, offset, "commit -q --allow-empty -F .git/TEST_MSG");
}

static void fx_commit(const fixture *fx, long when, const char *message)
{
	fx_commit_tz(fx, when, "+0000", message);
}

/* The full id of a revision. */
static void fx_rev(const fixture *fx, const char *rev, char out[41])
{
	char cmd[512];
	FILE *p;

	snprintf(cmd, sizeof cmd, "cd '%s' && git rev-parse '%s'", fx->dir, rev);
	p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(fgets(out, 41, p));
	ck_assert_int_eq(pclose(p), 0);
	ck_assert_uint_eq(strlen(out), 40);
}

/* Run the index over `paths`; it must succeed. */
static void run_history(const fixture *fx, const char *const *paths, size_t npaths,
			or_history *history, int *out_commit)
{
	git_repository *repo = NULL;
	or_diag diag = OR_DIAG_INIT;

	ck_assert_int_eq(git_repository_open(&repo, fx->dir), 0);
	ck_assert_msg(or_history_last_changes(history, repo, paths, npaths, out_commit, &diag) == 0,
		      "%s", diag.message);
	git_repository_free(repo);
}

/* out_commit[i] names revision `rev` of the fixture. */
static void expect_commit(const fixture *fx, const or_history *history, const int *out_commit,
			  size_t i, const char *rev)
{
	char id[41];

	fx_rev(fx, rev, id);
	ck_assert_msg(out_commit[i] >= 0 && (size_t)out_commit[i] < history->ncommits,
		      "path %zu: no answer, want %s", i, rev);
	ck_assert_msg(strcmp(history->commits[out_commit[i]].id, id) == 0,
		      "path %zu: got %s, want %s (%s)", i, history->commits[out_commit[i]].id, rev,
		      id);
}

START_TEST(test_last_change_per_file)
{
	static const char *const paths[] = { "c.md", "a.md", "b.md" };
	fixture fx;
	or_history history;
	int out[3];
	const or_commit_info *info;

	git_libgit2_init();
	fx_init(&fx);
	fx_write(&fx, "a.md", "# A\n");
	fx_write(&fx, "b.md", "# B\n");
	fx_write(&fx, "c.md", "# C\n");
	fx_commit(&fx, T0, "Add the runbooks");
	fx_write(&fx, "b.md", "# B\n\nMore.\n");
	fx_commit(&fx, T0 + 100, "Update b");
	fx_write(&fx, "c.md", "# C\n\nMore.\n");
	fx_commit(&fx, T0 + 200, "Update c\n\nWith a body.\n");
	fx_write(&fx, "d.md", "# D\n");
	fx_commit(&fx, T0 + 300, "Add d");

	run_history(&fx, paths, 3, &history, out);
	expect_commit(&fx, &history, out, 0, "HEAD~1");
	expect_commit(&fx, &history, out, 1, "HEAD~3");
	expect_commit(&fx, &history, out, 2, "HEAD~2");
	ck_assert_uint_eq(history.ncommits, 3);
	ck_assert_uint_eq(history.walked, 4);
	info = &history.commits[out[0]];
	ck_assert_int_eq(info->time, T0 + 200);
	ck_assert_int_eq(info->time_offset, 0);
	ck_assert_str_eq(info->summary, "Update c");
	ck_assert_str_eq(info->author_name, "Alice Example");
	ck_assert_str_eq(info->author_email, "alice@example.org");
	ck_assert_uint_eq(info->nreviewed_by, 0);
	ck_assert_uint_eq(info->napproved_by, 0);
	ck_assert_int_eq(history.commits[out[1]].time, T0);
	ck_assert_int_eq(history.commits[out[2]].time, T0 + 100);
	or_history_dispose(&history);
	ck_assert_ptr_null(history.commits);
	fx_cleanup(&fx);
	git_libgit2_shutdown();
}
END_TEST

START_TEST(test_merge_follows_the_branch)
{
	static const char *const paths[] = { "a.md", "b.md", "c.md" };
	fixture fx;
	or_history history;
	int out[3];

	git_libgit2_init();
	fx_init(&fx);
	fx_write(&fx, "a.md", "# A\n");
	fx_write(&fx, "b.md", "# B\n");
	fx_write(&fx, "c.md", "# C\n");
	fx_commit(&fx, T0, "Start");
	fx_sh(&fx, "git checkout -q -b side");
	fx_write(&fx, "b.md", "# B\n\nFrom the side branch.\n");
	fx_commit(&fx, T0 + 100, "Side edit");
	fx_write(&fx, "c.md", "# C\n");
	fx_commit(&fx, T0 + 150, "Side, nothing of b.md");
	fx_sh(&fx, "git checkout -q main");
	fx_write(&fx, "a.md", "# A\n\nOn main.\n");
	fx_commit(&fx, T0 + 200, "Main edit");
	fx_git_at(&fx, T0 + 300, "+0000", "merge -q --no-ff -m 'Merge branch side' side");

	run_history(&fx, paths, 3, &history, out);
	expect_commit(&fx, &history, out, 0, "HEAD~1");
	/* the merge brought b.md as the branch had it: the branch commit made the change */
	expect_commit(&fx, &history, out, 1, "HEAD^2~1");
	ck_assert_int_eq(history.commits[out[1]].time, T0 + 100);
	ck_assert_str_eq(history.commits[out[1]].summary, "Side edit");
	expect_commit(&fx, &history, out, 2, "HEAD~2");
	/* merge, main edit, start; and of the branch: its two commits */
	ck_assert_uint_eq(history.walked, 5);
	or_history_dispose(&history);
	fx_cleanup(&fx);
	git_libgit2_shutdown();
}
END_TEST

/* Whether a commit wrote a given line: its first parent lacked it. */
START_TEST(test_commit_wrote_line)
{
	static const char *const paths[] = { "a.md" };
	fixture fx;
	or_history history;
	int out[1];

	git_repository *repo = NULL;

	git_libgit2_init();
	fx_init(&fx);
	fx_write(&fx, "a.md", "# A\r\nReviewed: 2026-01-01\r\n");
	fx_commit(&fx, T0, "Start");
	ck_assert_int_eq(git_repository_open(&repo, fx.dir), 0);
	run_history(&fx, paths, 1, &history, out);
	/* the commit that added the file wrote nothing over an older version */
	ck_assert(!or_history_commit_wrote_line(repo, &history.commits[out[0]], "a.md",
						"Reviewed: 2026-01-01", 20));
	or_history_dispose(&history);

	fx_write(&fx, "a.md", "# A\nReviewed: 2026-02-01\nStep.\n");
	fx_commit(&fx, T0 + 100, "Edit and review");
	run_history(&fx, paths, 1, &history, out);
	ck_assert(or_history_commit_wrote_line(repo, &history.commits[out[0]], "a.md",
					       "Reviewed: 2026-02-01", 20));
	ck_assert(!or_history_commit_wrote_line(repo, &history.commits[out[0]], "a.md",
						"# A", 3)); /* the parent had it (with \r) */
	or_history_dispose(&history);

	fx_write(&fx, "a.md", "# A\nReviewed: 2026-02-01\nStep two.\n");
	fx_commit(&fx, T0 + 200, "Edit alone");
	run_history(&fx, paths, 1, &history, out);
	ck_assert(!or_history_commit_wrote_line(repo, &history.commits[out[0]], "a.md",
						"Reviewed: 2026-02-01", 20));
	or_history_dispose(&history);
	git_repository_free(repo);
	fx_cleanup(&fx);
	git_libgit2_shutdown();
}
END_TEST

/* A merge that resolves a conflict made the change; a branch commit dated
 * before its own parent keeps the merge's date. */
START_TEST(test_merge_resolved_or_skewed)
{
	static const char *const paths[] = { "a.md", "b.md" };
	fixture fx;
	or_history history;
	int out[2];
	char id[41];

	git_libgit2_init();
	fx_init(&fx);
	fx_write(&fx, "a.md", "one\n");
	fx_write(&fx, "b.md", "one\n");
	fx_commit(&fx, T0 + 1000, "Start");
	fx_sh(&fx, "git checkout -q -b side");
	fx_write(&fx, "a.md", "side\n");
	fx_write(&fx, "b.md", "side\n");
	fx_commit(&fx, T0 + 500, "Side edit, dated before its parent");
	fx_sh(&fx, "git checkout -q main");
	fx_write(&fx, "a.md", "main\n");
	fx_commit(&fx, T0 + 2000, "Main edit");
	fx_sh(&fx, "git -c user.name=x -c user.email=x@example.org merge -q --no-ff side "
		   "-m x >/dev/null 2>&1 || test -f .git/MERGE_HEAD");
	fx_write(&fx, "a.md", "both\n");
	fx_commit(&fx, T0 + 3000, "Merge, resolved");

	run_history(&fx, paths, 2, &history, out);
	expect_commit(&fx, &history, out, 0, "HEAD");
	expect_commit(&fx, &history, out, 1, "HEAD");
	ck_assert_int_eq(history.commits[out[1]].time, T0 + 3000);
	fx_rev(&fx, "HEAD^2", id); /* a merge */
	or_history_dispose(&history);
	fx_cleanup(&fx);
	git_libgit2_shutdown();
}
END_TEST

START_TEST(test_chmod_is_a_change)
{
	static const char *const paths[] = { "scripts/failover.sh", "doc.md" };
	fixture fx;
	or_history history;
	int out[2];

	git_libgit2_init();
	fx_init(&fx);
	fx_write(&fx, "scripts/failover.sh", "#!/bin/sh\necho failover\n");
	fx_write(&fx, "doc.md", "# Doc\n");
	fx_commit(&fx, T0, "Start");
	fx_write(&fx, "doc.md", "# Doc\n\nRun ./scripts/failover.sh\n");
	fx_commit(&fx, T0 + 100, "Document the script");
	fx_sh(&fx, "git update-index --chmod=+x scripts/failover.sh");
	fx_git_at(&fx, T0 + 200, "+0000", "commit -q -m 'Make the script executable'");

	run_history(&fx, paths, 2, &history, out);
	expect_commit(&fx, &history, out, 0, "HEAD");
	expect_commit(&fx, &history, out, 1, "HEAD~1");
	ck_assert_str_eq(history.commits[out[0]].summary, "Make the script executable");
	or_history_dispose(&history);
	fx_cleanup(&fx);
	git_libgit2_shutdown();
}
END_TEST

START_TEST(test_nested_sibling_changed_later)
{
	static const char *const paths[] = {
		"docs/runbooks/a.md", "docs/runbooks/b.md", "docs/x.md", "top.md",
		"docs/runbooks/missing.md", "docs/runbooks",
	};
	fixture fx;
	or_history history;
	int out[6];

	git_libgit2_init();
	fx_init(&fx);
	fx_write(&fx, "docs/runbooks/a.md", "a\n");
	fx_write(&fx, "docs/runbooks/b.md", "b\n");
	fx_write(&fx, "docs/x.md", "x\n");
	fx_write(&fx, "top.md", "top\n");
	fx_commit(&fx, T0, "Start");
	fx_write(&fx, "docs/runbooks/a.md", "a2\n");
	fx_commit(&fx, T0 + 100, "a");
	fx_write(&fx, "docs/runbooks/b.md", "b2\n");
	fx_commit(&fx, T0 + 200, "b");
	fx_write(&fx, "docs/x.md", "x2\n");
	fx_commit(&fx, T0 + 300, "x");
	fx_write(&fx, "top.md", "top2\n");
	fx_commit(&fx, T0 + 400, "top");

	run_history(&fx, paths, 6, &history, out);
	expect_commit(&fx, &history, out, 0, "HEAD~3");
	expect_commit(&fx, &history, out, 1, "HEAD~2");
	expect_commit(&fx, &history, out, 2, "HEAD~1");
	expect_commit(&fx, &history, out, 3, "HEAD");
	ck_assert_int_eq(out[4], -1);
	ck_assert_int_eq(out[5], -1); /* a folder is not a file */
	ck_assert_int_eq(history.commits[out[0]].time, T0 + 100);
	ck_assert_uint_eq(history.ncommits, 4);
	or_history_dispose(&history);
	fx_cleanup(&fx);
	git_libgit2_shutdown();
}
END_TEST

/* Names whose git order differs from a plain sort ("a" the folder sorts as
 * "a/", after "a-b.md" and "a0.md"), and a file "c" that becomes a folder. */
static void write_git_order_files(const fixture *fx)
{
	fx_write(fx, "a.md", "1\n");
	fx_write(fx, "a/x.md", "1\n");
	fx_write(fx, "a0.md", "1\n");
	fx_write(fx, "a-b.md", "1\n");
	fx_write(fx, "ab/y.md", "1\n");
	fx_write(fx, "c", "a file first\n");
}

/* Entries are compared in git order: a folder "a" sorts as "a/", after "a-b.md". */
START_TEST(test_git_order_and_type_change)
{
	static const char *const paths[] = {
		"a.md", "a/x.md", "a0.md", "a-b.md", "ab/y.md", "c/z.md",
	};
	fixture fx;
	or_history history;
	int out[6];

	git_libgit2_init();
	fx_init(&fx);
	write_git_order_files(&fx);
	fx_commit(&fx, T0, "Start");
	fx_write(&fx, "a/x.md", "2\n");
	fx_commit(&fx, T0 + 100, "a/x");
	fx_write(&fx, "a0.md", "2\n");
	fx_commit(&fx, T0 + 200, "a0");
	fx_write(&fx, "a-b.md", "2\n");
	fx_commit(&fx, T0 + 300, "a-b");
	fx_sh(&fx, "git rm -q c");
	fx_write(&fx, "c/z.md", "now a folder\n");
	fx_commit(&fx, T0 + 400, "c becomes a folder");

	run_history(&fx, paths, 6, &history, out);
	expect_commit(&fx, &history, out, 0, "HEAD~4");
	expect_commit(&fx, &history, out, 1, "HEAD~3");
	expect_commit(&fx, &history, out, 2, "HEAD~2");
	expect_commit(&fx, &history, out, 3, "HEAD~1");
	expect_commit(&fx, &history, out, 4, "HEAD~4");
	expect_commit(&fx, &history, out, 5, "HEAD");
	or_history_dispose(&history);
	fx_cleanup(&fx);
	git_libgit2_shutdown();
}
END_TEST

static int collect_change(const char *path, void *payload)
{
	or_buf *out = payload;

	or_buf_printf(out, "%s\n", path);
	return 0;
}

static int collect_delta(const git_diff_delta *delta, float progress, void *payload)
{
	(void)progress;
	if (delta->status != GIT_DELTA_DELETED)
		collect_change(delta->new_file.path, payload);
	return 0;
}

/* or_tree_changes lists what libgit2's tree-to-tree diff lists (less the
 * deletions), in the same order, across git's ordering of names, folders
 * that become files and back, a chmod, a symbolic link and deep changes
 * next to unchanged folders. */
START_TEST(test_tree_changes_agree_with_diff)
{
	static const char *const pairs[][2] = {
		{ "HEAD~1", "HEAD" }, { "HEAD", "HEAD~1" }, { "HEAD~1", "HEAD~1" },
		{ NULL, "HEAD" },
	};
	fixture fx;
	git_repository *repo = NULL;
	size_t p;

	git_libgit2_init();
	fx_init(&fx);
	write_git_order_files(&fx);
	fx_write(&fx, "d/e/f/deep.md", "1\n");
	fx_write(&fx, "d/e/f/same.md", "1\n");
	fx_write(&fx, "d/e/g/same.md", "1\n");
	fx_write(&fx, "gone/old.md", "1\n");
	fx_write(&fx, "run.sh", "#!/bin/sh\n");
	fx_commit(&fx, T0, "Start");
	fx_write(&fx, "a/x.md", "2\n");
	fx_write(&fx, "a-b.md", "2\n");
	fx_sh(&fx, "git rm -q c && git rm -q -r gone && chmod +x run.sh && ln -s a.md link.md");
	fx_write(&fx, "c/z.md", "now a folder\n");
	fx_write(&fx, "gone", "now a file\n");
	fx_write(&fx, "d/e/f/deep.md", "2\n");
	fx_write(&fx, "d/new/n.md", "1\n");
	fx_commit(&fx, T0 + 100, "Change");
	ck_assert_int_eq(git_repository_open(&repo, fx.dir), 0);

	for (p = 0; p < sizeof(pairs) / sizeof(pairs[0]); p++) {
		git_object *old_obj = NULL, *new_obj = NULL;
		git_diff *diff = NULL;
		or_buf got = OR_BUF_INIT, want = OR_BUF_INIT;

		if (pairs[p][0])
			ck_assert_int_eq(git_revparse_single(&old_obj, repo, pairs[p][0]), 0);
		ck_assert_int_eq(git_revparse_single(&new_obj, repo, pairs[p][1]), 0);
		{
			git_tree *old_tree = NULL, *new_tree = NULL;

			if (old_obj)
				ck_assert_int_eq(git_commit_tree(&old_tree, (git_commit *)old_obj), 0);
			ck_assert_int_eq(git_commit_tree(&new_tree, (git_commit *)new_obj), 0);
			ck_assert_int_eq(or_tree_changes(repo, old_tree, new_tree, collect_change, &got),
					 0);
			ck_assert_int_eq(git_diff_tree_to_tree(&diff, repo, old_tree, new_tree, NULL), 0);
			ck_assert_int_eq(git_diff_foreach(diff, collect_delta, NULL, NULL, NULL, &want),
					 0);
			git_tree_free(old_tree);
			git_tree_free(new_tree);
		}
		ck_assert_msg(strcmp(or_buf_cstr(&got), or_buf_cstr(&want)) == 0,
			      "%s..%s: got\n%swant\n%s", pairs[p][0] ? pairs[p][0] : "(none)",
			      pairs[p][1], or_buf_cstr(&got), or_buf_cstr(&want));
		if (p == 0) /* the change as git lists it */
			ck_assert_str_eq(or_buf_cstr(&got), "a-b.md\na/x.md\nc/z.md\nd/e/f/deep.md\n"
							    "d/new/n.md\ngone\nlink.md\nrun.sh\n");
		git_diff_free(diff);
		git_object_free(old_obj);
		git_object_free(new_obj);
		or_buf_dispose(&got);
		or_buf_dispose(&want);
	}
	git_repository_free(repo);
	fx_cleanup(&fx);
	git_libgit2_shutdown();
}
END_TEST

START_TEST(test_deleted_and_readded)
{
	static const char *const paths[] = { "a.md", "b.md", "gone.md" };
	fixture fx;
	or_history history;
	int out[3];

	git_libgit2_init();
	fx_init(&fx);
	fx_write(&fx, "a.md", "v1\n");
	fx_write(&fx, "b.md", "b\n");
	fx_write(&fx, "gone.md", "g\n");
	fx_commit(&fx, T0, "Start");
	fx_write(&fx, "a.md", "v2\n");
	fx_commit(&fx, T0 + 100, "a v2");
	fx_write(&fx, "gone.md", "g2\n");
	fx_commit(&fx, T0 + 150, "gone v2");
	fx_sh(&fx, "git rm -q a.md gone.md");
	fx_commit(&fx, T0 + 200, "Remove a and gone");
	fx_write(&fx, "b.md", "b2\n");
	fx_commit(&fx, T0 + 300, "b2");
	fx_write(&fx, "a.md", "v2\n"); /* the same blob as before the deletion */
	fx_commit(&fx, T0 + 400, "Restore a");

	run_history(&fx, paths, 3, &history, out);
	expect_commit(&fx, &history, out, 0, "HEAD");
	ck_assert_int_eq(history.commits[out[0]].time, T0 + 400);
	expect_commit(&fx, &history, out, 1, "HEAD~1");
	/* a deletion is not a change: the last commit that wrote it */
	expect_commit(&fx, &history, out, 2, "HEAD~3");
	or_history_dispose(&history);
	fx_cleanup(&fx);
	git_libgit2_shutdown();
}
END_TEST

START_TEST(test_trailers)
{
	static const char *const paths[] = { "plan.md", "other.md" };
	fixture fx;
	or_history history;
	int out[2];
	const or_commit_info *info;

	git_libgit2_init();
	fx_init(&fx);
	fx_write(&fx, "other.md", "o\n");
	fx_write(&fx, "plan.md", "p\n");
	fx_commit(&fx, T0, "Start\n\nApproved-by: Nobody <n@example.org>\n");
	fx_write(&fx, "plan.md", "p2\n");
	fx_commit_tz(&fx, T0 + 3600, "+0200",
		     "Review the DR plan  \n\nQuarterly review of the plan.\n\n"
		     "Reviewed-by: Bob Builder <bob@example.org>\n"
		     "reviewed-by: Carol <carol@example.org>\n"
		     "APPROVED-BY: Dana Lead <dana@example.org>\n"
		     "Signed-off-by: Alice Example <alice@example.org>\n");

	run_history(&fx, paths, 2, &history, out);
	expect_commit(&fx, &history, out, 0, "HEAD");
	info = &history.commits[out[0]];
	ck_assert_str_eq(info->summary, "Review the DR plan");
	ck_assert_int_eq(info->time, T0 + 3600);
	ck_assert_int_eq(info->time_offset, 120);
	ck_assert_uint_eq(info->nreviewed_by, 2);
	ck_assert_str_eq(info->reviewed_by[0], "Bob Builder <bob@example.org>");
	ck_assert_str_eq(info->reviewed_by[1], "Carol <carol@example.org>");
	ck_assert_uint_eq(info->napproved_by, 1);
	ck_assert_str_eq(info->approved_by[0], "Dana Lead <dana@example.org>");
	info = &history.commits[out[1]];
	ck_assert_str_eq(info->summary, "Start");
	ck_assert_uint_eq(info->nreviewed_by, 0);
	ck_assert_uint_eq(info->napproved_by, 1);
	ck_assert_str_eq(info->approved_by[0], "Nobody <n@example.org>");
	or_history_dispose(&history);
	fx_cleanup(&fx);
	git_libgit2_shutdown();
}
END_TEST

START_TEST(test_never_committed)
{
	static const char *const paths[] = { "untracked.md", "a.md", "sub/none.md", "", "/a.md" };
	fixture fx;
	or_history history;
	int out[5];

	git_libgit2_init();
	fx_init(&fx);
	fx_write(&fx, "a.md", "a\n");
	fx_commit(&fx, T0, "Start");
	fx_write(&fx, "untracked.md", "not committed\n");

	run_history(&fx, paths, 5, &history, out);
	ck_assert_int_eq(out[0], -1);
	expect_commit(&fx, &history, out, 1, "HEAD");
	ck_assert_int_eq(out[2], -1);
	ck_assert_int_eq(out[3], -1);
	ck_assert_int_eq(out[4], -1);
	ck_assert_uint_eq(history.ncommits, 1);
	or_history_dispose(&history);
	fx_cleanup(&fx);
	git_libgit2_shutdown();
}
END_TEST

START_TEST(test_walk_stops_early)
{
	static const char *const paths[] = { "y.md", "x.md" };
	fixture fx;
	or_history history;
	int out[2];
	char text[32];
	int i;

	git_libgit2_init();
	fx_init(&fx);
	fx_write(&fx, "x.md", "x\n");
	fx_write(&fx, "y.md", "y\n");
	fx_write(&fx, "filler.md", "0\n");
	fx_commit(&fx, T0, "Start");
	for (i = 1; i <= 10; i++) {
		snprintf(text, sizeof text, "%d\n", i);
		fx_write(&fx, "filler.md", text);
		fx_commit(&fx, T0 + 10 * i, "filler");
	}
	fx_write(&fx, "x.md", "x2\n");
	fx_commit(&fx, T0 + 1000, "x");
	fx_write(&fx, "y.md", "y2\n");
	fx_commit(&fx, T0 + 1100, "y");

	run_history(&fx, paths, 2, &history, out);
	expect_commit(&fx, &history, out, 0, "HEAD");
	expect_commit(&fx, &history, out, 1, "HEAD~1");
	ck_assert_uint_eq(history.walked, 2); /* of 13 commits */
	or_history_dispose(&history);
	fx_cleanup(&fx);
	git_libgit2_shutdown();
}
END_TEST

START_TEST(test_root_commit)
{
	static const char *const paths[] = { "runbooks/ops/db-runbook.md", "README.md" };
	fixture fx;
	or_history history;
	int out[2];

	git_libgit2_init();
	fx_init(&fx);
	fx_write(&fx, "README.md", "# Runbooks\n");
	fx_write(&fx, "runbooks/ops/db-runbook.md", "# Database\n");
	fx_commit(&fx, T0, "Initial import");

	run_history(&fx, paths, 2, &history, out);
	expect_commit(&fx, &history, out, 0, "HEAD");
	ck_assert_int_eq(out[0], out[1]);
	ck_assert_uint_eq(history.ncommits, 1);
	ck_assert_uint_eq(history.walked, 1);
	ck_assert_int_eq(history.commits[0].time, T0);
	ck_assert_str_eq(history.commits[0].summary, "Initial import");
	or_history_dispose(&history);
	fx_cleanup(&fx);
	git_libgit2_shutdown();
}
END_TEST

/* A shallow clone: the boundary commit is the last one, and it adds everything. */
START_TEST(test_shallow_clone)
{
	static const char *const paths[] = { "f1.md", "f3.md", "f4.md", "missing.md" };
	fixture fx, clone;
	or_history history;
	int out[4];
	char name[16], text[16];
	int i;

	git_libgit2_init();
	fx_init(&fx);
	for (i = 1; i <= 4; i++) {
		snprintf(name, sizeof name, "f%d.md", i);
		snprintf(text, sizeof text, "%d\n", i);
		fx_write(&fx, name, text);
		snprintf(text, sizeof text, "c%d", i);
		fx_commit(&fx, T0 + 100 * i, text);
	}
	strcpy(clone.dir, fx.dir);
	strcat(clone.dir, "/clone");
	fx_sh(&fx, "git clone -q --depth 2 'file://%s' '%s'", fx.dir, clone.dir);

	run_history(&clone, paths, 4, &history, out);
	ck_assert_msg(out[0] >= 0 && out[1] >= 0 && out[2] >= 0, "unanswered");
	ck_assert_str_eq(history.commits[out[0]].summary, "c3");
	ck_assert_str_eq(history.commits[out[1]].summary, "c3");
	ck_assert_str_eq(history.commits[out[2]].summary, "c4");
	ck_assert_int_eq(out[3], -1);
	ck_assert_uint_eq(history.walked, 2);
	or_history_dispose(&history);
	fx_cleanup(&fx);
	git_libgit2_shutdown();
}
END_TEST

START_TEST(test_no_head)
{
	static const char *const paths[] = { "a.md" };
	fixture fx;
	git_repository *repo = NULL;
	or_history history;
	or_diag diag = OR_DIAG_INIT;
	int out[1] = { 7 };

	git_libgit2_init();
	fx_init(&fx);
	fx_write(&fx, "a.md", "a\n");
	ck_assert_int_eq(git_repository_open(&repo, fx.dir), 0);
	ck_assert_int_eq(or_history_last_changes(&history, repo, paths, 1, out, &diag), -1);
	ck_assert_int_eq(diag.code, OR_EXIT_RUNTIME);
	ck_assert_ptr_nonnull(strstr(diag.message, "no HEAD commit"));
	ck_assert_int_eq(out[0], -1);
	ck_assert_ptr_null(history.commits);
	ck_assert_uint_eq(history.ncommits, 0);
	git_repository_free(repo);
	fx_cleanup(&fx);
	git_libgit2_shutdown();
}
END_TEST

/*
 * A longer history with merges: every answer equals what
 * `git log -1 -- PATH` says, whose history simplification follows a merge
 * into the branch that it brought the file from (nothing is ever deleted
 * here, so git's "last commit that touched it" is the same question).
 */
START_TEST(test_agrees_with_git_log)
{
	static const char *const paths[] = {
		"README.md", "runbooks/db/failover.md", "runbooks/db/backup.md",
		"runbooks/web/deploy.md", "runbooks/web/cdn/purge.md", "docs/contacts.md",
		"docs/escalation.md", "training/records.yml",
	};
	enum { NPATHS = sizeof paths / sizeof paths[0] };
	fixture fx;
	or_history history;
	int out[NPATHS];
	unsigned state = 12345;
	char text[64], cmd[256], want[41];
	long when = T0;
	size_t i;
	int c, k;

	git_libgit2_init();
	fx_init(&fx);
	for (i = 0; i < 4; i++)
		fx_write(&fx, paths[i], "start\n");
	fx_commit(&fx, when, "Start");
	for (c = 0; c < 30; c++) {
		bool merge = c % 7 == 6;

		if (merge)
			fx_sh(&fx, "git checkout -q -b side%d", c);
		for (k = 0; k < (merge ? 2 : 1); k++) {
			state = state * 1103515245u + 12345u;
			i = (state >> 16) % NPATHS;
			snprintf(text, sizeof text, "edit %d.%d\n", c, k);
			fx_write(&fx, paths[i], text);
			when += 60;
			fx_commit(&fx, when, "edit");
		}
		if (merge) {
			fx_sh(&fx, "git checkout -q main");
			fx_write(&fx, "main.txt", text);
			when += 60;
			fx_commit(&fx, when, "main moves on");
			snprintf(cmd, sizeof cmd, "merge -q --no-ff -m 'Merge side%d' side%d", c, c);
			when += 60;
			fx_git_at(&fx, when, "+0000", cmd);
		}
	}

	run_history(&fx, paths, NPATHS, &history, out);
	for (i = 0; i < NPATHS; i++) {
		FILE *p;

		snprintf(cmd, sizeof cmd,
			 "cd '%s' && git log -1 --format=%%H -- '%s'", fx.dir,
			 paths[i]);
		p = popen(cmd, "r");
		ck_assert_ptr_nonnull(p);
		want[0] = '\0';
		if (!fgets(want, sizeof want, p))
			want[0] = '\0';
		ck_assert_int_eq(pclose(p), 0);
		if (want[0] == '\0') {
			ck_assert_msg(out[i] == -1, "%s: git has no commit", paths[i]);
			continue;
		}
		ck_assert_msg(out[i] >= 0, "%s: no answer, git says %s", paths[i], want);
		ck_assert_msg(strcmp(history.commits[out[i]].id, want) == 0, "%s: got %s, git says %s",
			      paths[i], history.commits[out[i]].id, want);
	}
	or_history_dispose(&history);
	fx_cleanup(&fx);
	git_libgit2_shutdown();
}
END_TEST

/* ---- line attribution ---------------------------------------------------- */

/* Run the walk with line requests; it must succeed. */
static void run_walk(const fixture *fx, const char *const *paths, size_t npaths,
		     const or_line_request *requests, size_t nrequests, or_history *history,
		     int *out_commit, or_line_answer *out_lines)
{
	git_repository *repo = NULL;
	or_diag diag = OR_DIAG_INIT;

	ck_assert_int_eq(git_repository_open(&repo, fx->dir), 0);
	ck_assert_msg(or_history_walk(history, repo, paths, npaths, out_commit, requests, nrequests,
				      out_lines, 0, &diag) == 0,
		      "%s", diag.message);
	git_repository_free(repo);
}

/* The answer for a line names revision `rev`. */
static void expect_line(const fixture *fx, const or_history *history, const or_line_answer *a,
			const char *what, const char *rev)
{
	char id[41];

	fx_rev(fx, rev, id);
	ck_assert_msg(a->known && !a->uncommitted, "%s: known %d, uncommitted %d", what, a->known,
		      a->uncommitted);
	ck_assert_msg(a->commit >= 0 && (size_t)a->commit < history->ncommits, "%s: no commit",
		      what);
	ck_assert_msg(strcmp(history->commits[a->commit].id, id) == 0, "%s: got %s (%s), want %s",
		      what, history->commits[a->commit].id, history->commits[a->commit].summary, rev);
}

static void expect_uncommitted(const or_line_answer *a, const char *what)
{
	ck_assert_msg(a->known && a->uncommitted && a->commit == -1,
		      "%s: known %d, uncommitted %d, commit %d", what, a->known, a->uncommitted,
		      a->commit);
}

static void expect_unknown(const or_line_answer *a, const char *what)
{
	ck_assert_msg(!a->known && !a->uncommitted && a->commit == -1,
		      "%s: known %d, uncommitted %d, commit %d", what, a->known, a->uncommitted,
		      a->commit);
}

START_TEST(test_lines_across_commits)
{
	static const char *const paths[] = { "runbooks/db-runbook.md", "other.md" };
	static const int lines[] = { 1, 3, 4, 5, 7, 8, 9, 10 };
	or_line_request request = { 0, lines, 8, NULL, 0, 0 };
	fixture fx;
	or_history history;
	or_line_answer out[8];
	int last[2];

	git_libgit2_init();
	fx_init(&fx);
	fx_write(&fx, "runbooks/db-runbook.md",
		 "# DB\n\n## Contacts\n\n- Primary: ann (+1-555-0100)\n- Escalation: bob\n"
		 "- Vendor: acme\n");
	fx_write(&fx, "other.md", "o\n");
	fx_commit(&fx, T0, "Start");
	fx_write(&fx, "runbooks/db-runbook.md",
		 "# DB\n\n## Contacts\n\n- Primary: ann (+1-555-0100)\n- Escalation: carol\n"
		 "- Vendor: acme\n");
	fx_commit(&fx, T0 + 100, "Escalate to carol");
	fx_write(&fx, "other.md", "o2\n");
	fx_commit(&fx, T0 + 200, "Other");
	fx_write(&fx, "runbooks/db-runbook.md",
		 "# DB\n\n## Contacts\n\n- Primary: dan (+1-555-0199)\n- Escalation: carol\n"
		 "- Vendor: acme\n");
	fx_commit(&fx, T0 + 300, "New primary");
	/* two lines inserted above the contacts: everything below moves down */
	fx_write(&fx, "runbooks/db-runbook.md",
		 "# DB\n\n**Owner:** ops\n**Version:** 2\n## Contacts\n\n"
		 "- Primary: dan (+1-555-0199)\n- Escalation: carol\n- Vendor: acme\n");
	fx_commit(&fx, T0 + 400, "Metadata");
	fx_write(&fx, "other.md", "o3\n");
	fx_commit(&fx, T0 + 500, "Other again");

	run_walk(&fx, paths, 2, &request, 1, &history, last, out);
	expect_commit(&fx, &history, last, 0, "HEAD~1");
	expect_commit(&fx, &history, last, 1, "HEAD");
	expect_line(&fx, &history, &out[0], "title", "HEAD~5");
	expect_line(&fx, &history, &out[1], "owner", "HEAD~1");
	expect_line(&fx, &history, &out[2], "version", "HEAD~1");
	expect_line(&fx, &history, &out[3], "heading", "HEAD~5");
	expect_line(&fx, &history, &out[4], "primary", "HEAD~2");
	expect_line(&fx, &history, &out[5], "escalation", "HEAD~4");
	expect_line(&fx, &history, &out[6], "vendor", "HEAD~5");
	expect_unknown(&out[7], "past the end");
	ck_assert_int_eq(history.commits[out[5].commit].time, T0 + 100);
	/* lines from the root commit: the whole first-parent line is walked */
	ck_assert_uint_eq(history.walked, 6);
	or_history_dispose(&history);

	/* without line requests the walk stops as soon as both files have an answer */
	run_history(&fx, paths, 2, &history, last);
	ck_assert_uint_eq(history.walked, 2);
	or_history_dispose(&history);
	fx_cleanup(&fx);
	git_libgit2_shutdown();
}
END_TEST

START_TEST(test_lines_merge_counts_on_first_parent)
{
	static const char *const paths[] = { "a.md" };
	static const int lines[] = { 1, 2, 4 };
	or_line_request request = { 0, lines, 3, NULL, 0, 0 };
	fixture fx;
	or_history history;
	or_line_answer out[3];
	int last[1];
	size_t i;

	git_libgit2_init();
	fx_init(&fx);
	fx_write(&fx, "a.md", "one\ntwo\nthree\nfour\nfive\n");
	fx_commit(&fx, T0, "Start");
	fx_sh(&fx, "git checkout -q -b side");
	fx_write(&fx, "a.md", "one\nTWO\nthree\nfour\nfive\n");
	fx_commit(&fx, T0 + 100, "Side edit");
	fx_sh(&fx, "git checkout -q main");
	fx_write(&fx, "a.md", "one\ntwo\nthree\nFOUR\nfive\n");
	fx_commit(&fx, T0 + 200, "Main edit");
	fx_git_at(&fx, T0 + 300, "+0000", "merge -q --no-ff -m 'Merge branch side' side");

	run_walk(&fx, paths, 1, &request, 1, &history, last, out);
	expect_commit(&fx, &history, last, 0, "HEAD");
	expect_line(&fx, &history, &out[0], "line 1", "HEAD~2");
	expect_line(&fx, &history, &out[1], "line 2 (from the side branch)", "HEAD");
	expect_line(&fx, &history, &out[2], "line 4", "HEAD~1");
	for (i = 0; i < history.ncommits; i++)
		ck_assert_str_ne(history.commits[i].summary, "Side edit");
	or_history_dispose(&history);
	fx_cleanup(&fx);
	git_libgit2_shutdown();
}
END_TEST

START_TEST(test_lines_work_tree)
{
	static const char *const paths[] = { "a.md", "new.md", "gone.md" };
	/* the work tree: a line inserted at 2, line 3 edited (was 2), one added at the end */
	static const char work[] = "alpha\ninserted\nBETA\ngamma\ndelta\nepsilon\n";
	static const int a_lines[] = { 1, 2, 3, 4, 5, 6, 7 };
	static const int head_lines[] = { 2, 4 };
	static const int new_lines[] = { 1, 2, 3 };
	static const int gone_lines[] = { 1 };
	or_line_request requests[] = {
		{ 0, a_lines, 7, work, sizeof work - 1, 0 },
		{ 1, new_lines, 3, "fresh\nfile\n", 11, 0 },
		{ 2, gone_lines, 1, NULL, 0, 0 },
		{ 0, head_lines, 2, NULL, 0, 0 },
	};
	fixture fx;
	or_history history;
	or_line_answer out[13];
	int last[3];

	git_libgit2_init();
	fx_init(&fx);
	fx_write(&fx, "a.md", "alpha\nbeta\ngamma\n");
	fx_commit(&fx, T0, "Start");
	fx_write(&fx, "a.md", "alpha\nbeta\ngamma\ndelta\n");
	fx_commit(&fx, T0 + 100, "Delta");

	run_walk(&fx, paths, 3, requests, 4, &history, last, out);
	expect_line(&fx, &history, &out[0], "alpha", "HEAD~1");
	expect_uncommitted(&out[1], "inserted");
	expect_uncommitted(&out[2], "edited");
	expect_line(&fx, &history, &out[3], "gamma, moved down", "HEAD~1");
	expect_line(&fx, &history, &out[4], "delta, moved down", "HEAD");
	expect_uncommitted(&out[5], "appended");
	expect_unknown(&out[6], "past the end of the work tree's text");
	/* a file that is not in HEAD: its lines are new, as far as they go */
	expect_uncommitted(&out[7], "new file line 1");
	expect_uncommitted(&out[8], "new file line 2");
	expect_unknown(&out[9], "new file past the end");
	/* neither in HEAD nor in the work tree */
	expect_unknown(&out[10], "never committed");
	/* the same path again without work-tree text: HEAD's lines */
	expect_line(&fx, &history, &out[11], "HEAD line 2", "HEAD~1");
	expect_line(&fx, &history, &out[12], "HEAD line 4", "HEAD");
	ck_assert_int_eq(last[1], -1);
	or_history_dispose(&history);
	fx_cleanup(&fx);
	git_libgit2_shutdown();
}
END_TEST

/* Like `git blame --first-parent` without -M: a rename is where the file starts. */
START_TEST(test_lines_rename_not_followed)
{
	static const char *const paths[] = { "b.md" };
	static const int lines[] = { 1, 2 };
	or_line_request request = { 0, lines, 2, NULL, 0, 0 };
	fixture fx;
	or_history history;
	or_line_answer out[2];
	int last[1];

	git_libgit2_init();
	fx_init(&fx);
	fx_write(&fx, "a.md", "one\ntwo\n");
	fx_commit(&fx, T0, "Start");
	fx_sh(&fx, "git mv a.md b.md");
	fx_commit(&fx, T0 + 100, "Rename");
	fx_write(&fx, "b.md", "one\nTWO\n");
	fx_commit(&fx, T0 + 200, "Edit");

	run_walk(&fx, paths, 1, &request, 1, &history, last, out);
	expect_line(&fx, &history, &out[0], "line 1", "HEAD~1");
	expect_line(&fx, &history, &out[1], "line 2", "HEAD");
	or_history_dispose(&history);
	fx_cleanup(&fx);
	git_libgit2_shutdown();
}
END_TEST

START_TEST(test_lines_crlf)
{
	static const char *const paths[] = { "crlf.md", "auto.md" };
	static const int crlf_lines[] = { 1, 2, 3, 4 };
	static const int auto_lines[] = { 1, 2, 3 };
	/* auto.md in the work tree with CRLF (core.autocrlf), its line 2 edited */
	static const char work[] = "one\r\nZWEI\r\nthree\r\n";
	or_line_request requests[] = {
		{ 0, crlf_lines, 4, NULL, 0, 0 },
		{ 1, auto_lines, 3, work, sizeof work - 1, 0 },
	};
	fixture fx;
	or_history history;
	or_line_answer out[7];
	int last[2];

	git_libgit2_init();
	fx_init(&fx);
	fx_write(&fx, "crlf.md", "one\r\ntwo\r\nthree\r\n");
	fx_write(&fx, "auto.md", "one\ntwo\nthree\n");
	fx_commit(&fx, T0, "Start");
	fx_write(&fx, "crlf.md", "one\r\nTWO\r\nthree\r\nfour");
	fx_commit(&fx, T0 + 100, "Edit");
	fx_sh(&fx, "git config core.autocrlf true");

	run_walk(&fx, paths, 2, requests, 2, &history, last, out);
	expect_line(&fx, &history, &out[0], "crlf line 1", "HEAD~1");
	expect_line(&fx, &history, &out[1], "crlf line 2", "HEAD");
	expect_line(&fx, &history, &out[2], "crlf line 3", "HEAD~1");
	expect_line(&fx, &history, &out[3], "crlf line 4, no newline", "HEAD");
	/* the work tree's CRLF is what git stores as LF: only the edit is new */
	expect_line(&fx, &history, &out[4], "auto line 1", "HEAD~1");
	expect_uncommitted(&out[5], "auto line 2");
	expect_line(&fx, &history, &out[6], "auto line 3", "HEAD~1");
	or_history_dispose(&history);
	fx_cleanup(&fx);
	git_libgit2_shutdown();
}
END_TEST

/* The commit of every line of `path` by `git blame --first-parent`, into ids[1..]. */
static size_t git_blame_ids(const fixture *fx, const char *path, char ids[][41], size_t max)
{
	char cmd[512], line[1024];
	size_t n = 0;
	FILE *p;

	snprintf(cmd, sizeof cmd,
		 "cd '%s' && export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null && "
		 "git blame --first-parent --line-porcelain -- '%s'",
		 fx->dir, path);
	p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	while (fgets(line, sizeof line, p)) {
		unsigned long orig, final;
		size_t k;

		for (k = 0; k < 40 && line[k] && strchr("0123456789abcdef", line[k]); k++)
			;
		if (k < 40 || line[40] != ' ' || sscanf(line + 41, "%lu %lu", &orig, &final) != 2)
			continue;
		ck_assert_uint_lt(final, max);
		memcpy(ids[final], line, 40);
		ids[final][40] = '\0';
		if (final > n)
			n = final;
	}
	ck_assert_int_eq(pclose(p), 0);
	return n;
}

/*
 * 40 commits of edits, insertions and deletions on two files, with merges:
 * every line's answer equals git blame --first-parent's.
 */
START_TEST(test_lines_agree_with_git_blame)
{
	static const char *const paths[] = { "runbooks/a-runbook.md", "docs/b.md" };
	enum { MAXLINES = 64 };
	fixture fx;
	or_history history;
	char text[2][MAXLINES][32], content[MAXLINES * 32], cmd[128];
	char want[MAXLINES + 1][41];
	size_t count[2] = { 0, 0 };
	int lines[2][MAXLINES], last[2];
	or_line_request requests[2];
	or_line_answer out[2 * MAXLINES];
	unsigned state = 4242;
	long when = T0;
	size_t f, k, i, serial = 0;
	int c;

	git_libgit2_init();
	fx_init(&fx);
	for (f = 0; f < 2; f++)
		for (k = 0; k < 8; k++)
			snprintf(text[f][count[f]++], 32, "f%zu line %zu", f, serial++);
	for (c = 0; c < 40; c++) {
		bool side = c % 9 == 8;
		int steps = side ? 2 : 1, s;

		if (side)
			fx_sh(&fx, "git checkout -q -b side%d", c);
		for (s = 0; s < steps; s++) {
			state = state * 1103515245u + 12345u;
			f = (state >> 8) % 2;
			k = (state >> 12) % count[f];
			switch ((state >> 20) % 4) {
			case 0: /* insert before k */
				if (count[f] + 1 < MAXLINES) {
					memmove(text[f][k + 1], text[f][k], (count[f] - k) * 32);
					count[f]++;
				}
				/* fall through */
			case 1: /* change k */
				snprintf(text[f][k], 32, "f%zu line %zu", f, serial++);
				break;
			case 2: /* delete k */
				if (count[f] > 3) {
					memmove(text[f][k], text[f][k + 1], (count[f] - k - 1) * 32);
					count[f]--;
				}
				break;
			default: /* append */
				if (count[f] + 1 < MAXLINES)
					snprintf(text[f][count[f]++], 32, "f%zu line %zu", f, serial++);
				break;
			}
			for (i = 0; i < 2; i++) {
				content[0] = '\0';
				for (k = 0; k < count[i]; k++) {
					strcat(content, text[i][k]);
					strcat(content, "\n");
				}
				fx_write(&fx, paths[i], content);
			}
			when += 60;
			fx_commit(&fx, when, "edit");
		}
		if (side) {
			fx_sh(&fx, "git checkout -q main");
			fx_write(&fx, "main.txt", text[0][0]);
			when += 60;
			fx_commit(&fx, when, "main moves on");
			snprintf(cmd, sizeof cmd, "merge -q --no-ff -m 'Merge side%d' side%d", c, c);
			when += 60;
			fx_git_at(&fx, when, "+0000", cmd);
		}
	}
	fx_sh(&fx, "git checkout -q -f main");
	for (f = 0; f < 2; f++) {
		for (k = 0; k < count[f]; k++)
			lines[f][k] = (int)k + 1;
		requests[f].path = f;
		requests[f].lines = lines[f];
		requests[f].nlines = count[f];
		requests[f].data = NULL;
		requests[f].len = 0;
		requests[f].text_lines = 0;
	}

	run_walk(&fx, paths, 2, requests, 2, &history, last, out);
	for (f = 0, i = 0; f < 2; f++) {
		ck_assert_uint_eq(git_blame_ids(&fx, paths[f], want, MAXLINES + 1), count[f]);
		for (k = 0; k < count[f]; k++, i++) {
			ck_assert_msg(out[i].known && out[i].commit >= 0, "%s:%zu: no answer", paths[f],
				      k + 1);
			ck_assert_msg(strcmp(history.commits[out[i].commit].id, want[k + 1]) == 0,
				      "%s:%zu: got %s, git blame says %s", paths[f], k + 1,
				      history.commits[out[i].commit].id, want[k + 1]);
		}
	}

	/* the lines alone (or_history_lines) get the same commits */
	{
		git_repository *repo = NULL;
		or_history lines_history;
		or_line_answer alone[2 * MAXLINES];
		or_diag diag = OR_DIAG_INIT;

		ck_assert_int_eq(git_repository_open(&repo, fx.dir), 0);
		ck_assert_msg(or_history_lines(&lines_history, repo, paths, 2, requests, 2, alone, 0,
					       &diag) == 0,
			      "%s", diag.message);
		for (i = 0; i < count[0] + count[1]; i++) {
			ck_assert(alone[i].known && alone[i].commit >= 0);
			ck_assert_str_eq(lines_history.commits[alone[i].commit].id,
					 history.commits[out[i].commit].id);
		}
		ck_assert_uint_le(lines_history.walked, history.walked);
		or_history_dispose(&lines_history);
		git_repository_free(repo);
	}
	or_history_dispose(&history);
	fx_cleanup(&fx);
	git_libgit2_shutdown();
}
END_TEST

START_TEST(test_lines_shallow_boundary)
{
	static const char *const paths[] = { "a.md" };
	static const int lines[] = { 1, 2 };
	or_line_request request = { 0, lines, 2, NULL, 0, 0 };
	fixture fx, clone;
	or_history history;
	or_line_answer out[2];
	int last[1];

	git_libgit2_init();
	fx_init(&fx);
	fx_write(&fx, "a.md", "one\ntwo\n");
	fx_commit(&fx, T0, "c1");
	fx_write(&fx, "a.md", "one\ntwo!\n");
	fx_commit(&fx, T0 + 100, "c2");
	fx_write(&fx, "b.md", "b\n");
	fx_commit(&fx, T0 + 200, "c3");
	strcpy(clone.dir, fx.dir);
	strcat(clone.dir, "/clone");
	fx_sh(&fx, "git clone -q --depth 1 'file://%s' '%s'", fx.dir, clone.dir);

	run_walk(&clone, paths, 1, &request, 1, &history, last, out);
	/* the boundary commit holds every line left */
	ck_assert_msg(out[0].known && out[0].commit >= 0 && out[1].commit == out[0].commit,
		      "unanswered");
	ck_assert_str_eq(history.commits[out[0].commit].summary, "c3");
	ck_assert_uint_eq(history.walked, 1);
	or_history_dispose(&history);
	fx_cleanup(&fx);
	git_libgit2_shutdown();
}
END_TEST

Suite *history_suite(void)
{
	Suite *s = suite_create("history");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_last_change_per_file);
	tcase_add_test(tc, test_merge_follows_the_branch);
	tcase_add_test(tc, test_merge_resolved_or_skewed);
	tcase_add_test(tc, test_commit_wrote_line);
	tcase_add_test(tc, test_chmod_is_a_change);
	tcase_add_test(tc, test_nested_sibling_changed_later);
	tcase_add_test(tc, test_git_order_and_type_change);
	tcase_add_test(tc, test_tree_changes_agree_with_diff);
	tcase_add_test(tc, test_deleted_and_readded);
	tcase_add_test(tc, test_trailers);
	tcase_add_test(tc, test_never_committed);
	tcase_add_test(tc, test_walk_stops_early);
	tcase_add_test(tc, test_root_commit);
	tcase_add_test(tc, test_shallow_clone);
	tcase_add_test(tc, test_no_head);
	tcase_add_test(tc, test_agrees_with_git_log);
	tcase_add_test(tc, test_lines_across_commits);
	tcase_add_test(tc, test_lines_merge_counts_on_first_parent);
	tcase_add_test(tc, test_lines_work_tree);
	tcase_add_test(tc, test_lines_rename_not_followed);
	tcase_add_test(tc, test_lines_crlf);
	tcase_add_test(tc, test_lines_agree_with_git_blame);
	tcase_add_test(tc, test_lines_shallow_boundary);
	suite_add_tcase(s, tc);
	return s;
}
