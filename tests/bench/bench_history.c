/*
 * bench_history REPO_DIR [--lines] [--print]
 *
 * Lists every *.md file of HEAD's tree, finds the last change of each with
 * or_history_walk, and prints the wall time of the walk, the commits
 * walked, the files answered and the peak resident memory of the process.
 * --lines also attributes lines 14 and 15 of every runbook (*-runbook.md:
 * the contact lines of scripts/gen-corpus.py's runbooks) in the same walk,
 * as `git blame --first-parent` would. --print also writes "COMMIT PATH"
 * for every file and, with --lines, "COMMIT PATH:LINE" for every line (for
 * checking the answers against git log and git blame). Not a test: the
 * numbers are for scripts/bench-history.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <git2.h>

#include "input/history.h"
#include "opsready/common.h"
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

static bool is_runbook(const char *path)
{
	size_t len = strlen(path);

	return len >= 11 && strcmp(path + len - 11, "-runbook.md") == 0;
}

int main(int argc, char **argv)
{
	static const int contact_lines[] = { 14, 15 };
	git_repository *repo = NULL;
	path_list list = { NULL, 0, 0 };
	or_history history;
	or_diag diag = OR_DIAG_INIT;
	struct timespec start;
	struct rusage usage;
	double list_seconds, walk_seconds;
	int *answers = NULL;
	or_line_request *requests = NULL;
	or_line_answer *line_answers = NULL;
	size_t i, k, answered = 0, nrequests = 0, lines_answered = 0;
	bool print = false, lines = false, usage_ok = argc >= 2;
	int a, status = EXIT_FAILURE;

	memset(&history, 0, sizeof history);
	for (a = 2; a < argc; a++) {
		if (strcmp(argv[a], "--print") == 0)
			print = true;
		else if (strcmp(argv[a], "--lines") == 0)
			lines = true;
		else
			usage_ok = false;
	}
	if (!usage_ok) {
		fprintf(stderr, "usage: bench_history REPO_DIR [--lines] [--print]\n");
		return 2;
	}
	/* libgit2 set up as a scan has it (opsready/common.h) */
	or_library_init();
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
	requests = or_xcalloc(list.count ? list.count : 1, sizeof(*requests));
	for (i = 0; lines && i < list.count; i++) {
		if (!is_runbook(list.paths[i]))
			continue;
		requests[nrequests].path = i;
		requests[nrequests].lines = contact_lines;
		requests[nrequests].nlines = 2;
		nrequests++;
	}
	line_answers = or_xcalloc(2 * nrequests + 1, sizeof(*line_answers));
	clock_gettime(CLOCK_MONOTONIC, &start);
	if (or_history_walk(&history, repo, (const char *const *)list.paths, list.count, answers,
			    requests, nrequests, line_answers, 0, &diag) < 0) {
		fprintf(stderr, "bench_history: %s\n", diag.message);
		goto cleanup;
	}
	walk_seconds = seconds_since(&start);
	for (i = 0; i < list.count; i++)
		if (answers[i] >= 0)
			answered++;
	for (i = 0; i < 2 * nrequests; i++)
		if (line_answers[i].known)
			lines_answered++;
	getrusage(RUSAGE_SELF, &usage);

	if (print) {
		for (i = 0; i < list.count; i++)
			printf("%s %s\n", answers[i] >= 0 ? history.commits[answers[i]].id : "-",
			       list.paths[i]);
		for (i = 0; i < nrequests; i++)
			for (k = 0; k < 2; k++) {
				const or_line_answer *l = &line_answers[2 * i + k];

				printf("%s %s:%d\n",
				       l->commit >= 0 ? history.commits[l->commit].id : "-",
				       list.paths[requests[i].path], contact_lines[k]);
			}
	}
	printf("bench_history: files=%zu answered=%zu lines=%zu lines_answered=%zu walked=%zu "
	       "commits=%zu list_s=%.3f walk_s=%.3f maxrss_kb=%ld\n",
	       list.count, answered, 2 * nrequests, lines_answered, history.walked,
	       history.ncommits, list_seconds, walk_seconds, usage.ru_maxrss);
	status = EXIT_SUCCESS;

cleanup:
	or_history_dispose(&history);
	for (i = 0; i < list.count; i++)
		free(list.paths[i]);
	free(list.paths);
	free(answers);
	free(requests);
	free(line_answers);
	git_repository_free(repo);
	git_libgit2_shutdown();
	return status;
}
