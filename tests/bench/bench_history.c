/*
 * bench_history REPO_DIR [--print]
 *
 * Lists every *.md file of HEAD's tree, finds the last change of each with
 * or_history_last_changes, and prints the wall time of the walk, the commits
 * walked, the files answered and the peak resident memory of the process.
 * --print also writes "COMMIT PATH" for every file (for checking the answers
 * against `git log -1 --first-parent -- PATH`). Not a test: the numbers are
 * for scripts/bench-history.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <git2.h>

#include "input/history.h"
#include "util/alloc.h"
#include "util/buf.h"

typedef struct path_list {
	char **paths;
	size_t count;
	size_t cap;
} path_list;

static int collect_md(const char *root, const git_tree_entry *entry, void *payload)
{
	path_list *list = payload;
	const char *name = git_tree_entry_name(entry);
	size_t len = strlen(name);
	or_buf path = OR_BUF_INIT;

	if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB || len < 3 ||
	    strcmp(name + len - 3, ".md") != 0)
		return 0;
	or_buf_puts(&path, root);
	or_buf_puts(&path, name);
	list->paths = or_xgrow(list->paths, &list->cap, list->count + 1, sizeof(char *));
	list->paths[list->count++] = or_buf_detach(&path);
	return 0;
}

static double seconds_since(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

static int list_head_md(path_list *list, git_repository *repo)
{
	git_object *head = NULL;
	git_tree *tree = NULL;
	int error = -1;

	if (git_revparse_single(&head, repo, "HEAD^{tree}") < 0)
		goto cleanup;
	tree = (git_tree *)head;
	head = NULL;
	if (git_tree_walk(tree, GIT_TREEWALK_PRE, collect_md, list) < 0)
		goto cleanup;
	error = 0;

cleanup:
	git_object_free(head);
	git_tree_free(tree);
	return error;
}

int main(int argc, char **argv)
{
	git_repository *repo = NULL;
	path_list list = { NULL, 0, 0 };
	or_history history = { NULL, 0, 0 };
	or_diag diag = OR_DIAG_INIT;
	struct timespec start;
	struct rusage usage;
	double list_seconds, walk_seconds;
	int *answers = NULL;
	size_t i, answered = 0;
	bool print = argc == 3 && strcmp(argv[2], "--print") == 0;
	int status = EXIT_FAILURE;

	if (argc != 2 && !print) {
		fprintf(stderr, "usage: bench_history REPO_DIR [--print]\n");
		return 2;
	}
	git_libgit2_init();
	if (git_repository_open(&repo, argv[1]) < 0) {
		fprintf(stderr, "bench_history: %s: %s\n", argv[1], git_error_last()->message);
		goto cleanup;
	}
	clock_gettime(CLOCK_MONOTONIC, &start);
	if (list_head_md(&list, repo) < 0) {
		fprintf(stderr, "bench_history: cannot list HEAD: %s\n", git_error_last()->message);
		goto cleanup;
	}
	list_seconds = seconds_since(&start);

	answers = or_xmalloc((list.count ? list.count : 1) * sizeof(int));
	clock_gettime(CLOCK_MONOTONIC, &start);
	if (or_history_last_changes(&history, repo, (const char *const *)list.paths, list.count,
				    answers, &diag) < 0) {
		fprintf(stderr, "bench_history: %s\n", diag.message);
		goto cleanup;
	}
	walk_seconds = seconds_since(&start);
	for (i = 0; i < list.count; i++)
		if (answers[i] >= 0)
			answered++;
	getrusage(RUSAGE_SELF, &usage);

	if (print)
		for (i = 0; i < list.count; i++)
			printf("%s %s\n", answers[i] >= 0 ? history.commits[answers[i]].id : "-",
			       list.paths[i]);
	printf("bench_history: files=%zu answered=%zu walked=%zu commits=%zu "
	       "list_s=%.3f walk_s=%.3f maxrss_kb=%ld\n",
	       list.count, answered, history.walked, history.ncommits, list_seconds,
	       walk_seconds, usage.ru_maxrss);
	status = EXIT_SUCCESS;

cleanup:
	or_history_dispose(&history);
	for (i = 0; i < list.count; i++)
		free(list.paths[i]);
	free(list.paths);
	free(answers);
	git_repository_free(repo);
	git_libgit2_shutdown();
	return status;
}
