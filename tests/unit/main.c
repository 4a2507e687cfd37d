/* The unit test runner: the table of suites (written by tests/CMakeLists.txt
 * from OPSREADY_UNIT_SUITES), the record of skipped tests, and main.
 *   unit_tests              every suite
 *   unit_tests date glob    those suites (ctest runs one each: unit/<suite>)
 *   unit_tests --list       the names of the suites
 * Exits 0 when every test passed, 1 when one failed, 77 when none failed but
 * one was skipped (or_test_skip), 2 on an unknown suite. CK_VERBOSITY=verbose
 * names every test; CK_FORK=no runs them in this process (valgrind, gdb). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "suites.h"
#include "util/buf.h"

static const struct {
	const char *name;
	Suite *(*make)(void);
} suites[] = {
#define OR_SUITE(name) { #name, name##_suite },
#include "suites.inc"
#undef OR_SUITE
};

#define NSUITES (sizeof(suites) / sizeof(suites[0]))

/*
 * The skipped tests, one reason a line. Each test runs in a forked process
 * (unless CK_FORK=no): it appends to this file through the descriptor it
 * shares with the runner, which reads the file once every test has run.
 */
static FILE *skipped;

void or_test_skip(const char *why)
{
	char line[1024];
	int n = snprintf(line, sizeof(line), "%s: %s\n", tcase_name(), why);

	if (n < 0)
		return;
	if ((size_t)n >= sizeof(line))
		n = (int)sizeof(line) - 1;
	ck_assert_msg(skipped != NULL && write(fileno(skipped), line, (size_t)n) == n,
		"cannot record the skip: %s", why);
}

bool or_test_corpus(void)
{
	struct stat st;
	const char *require = getenv("OPSREADY_REQUIRE_CORPUS");

	if (stat(OR_TEST_CORPUS "/runbooks", &st) == 0 && S_ISDIR(st.st_mode))
		return true;
	ck_assert_msg(!require || !*require,
		"the public corpus is missing (%s/runbooks) and OPSREADY_REQUIRE_CORPUS is set",
		OR_TEST_CORPUS);
	or_test_skip("the public corpus is missing: " OR_TEST_CORPUS
		"/runbooks (clone it as ../shared beside the checkout)");
	return false;
}

/* Prints the recorded skips; the number of them. */
static int report_skipped(void)
{
	char line[1024];
	int n = 0;

	fflush(skipped);
	rewind(skipped);
	while (fgets(line, sizeof(line), skipped)) {
		printf("SKIPPED %s", line);
		n++;
	}
	return n;
}

int main(int argc, char **argv)
{
	SRunner *runner = srunner_create(NULL);
	size_t i;
	int a, failed, nskipped;

	if (argc == 2 && strcmp(argv[1], "--list") == 0) {
		for (i = 0; i < NSUITES; i++)
			puts(suites[i].name);
		srunner_free(runner);
		return EXIT_SUCCESS;
	}
	for (a = 1; a < argc; a++) {
		for (i = 0; i < NSUITES && strcmp(argv[a], suites[i].name) != 0; i++)
			;
		if (i == NSUITES) {
			fprintf(stderr, "unit_tests: no suite named '%s' (unit_tests --list names them)\n",
				argv[a]);
			srunner_free(runner);
			return 2;
		}
		srunner_add_suite(runner, suites[i].make());
	}
	if (argc == 1)
		for (i = 0; i < NSUITES; i++)
			srunner_add_suite(runner, suites[i].make());

	skipped = tmpfile();
	if (!skipped) {
		perror("unit_tests: tmpfile");
		srunner_free(runner);
		return EXIT_FAILURE;
	}
	srunner_run_all(runner, CK_ENV);
	failed = srunner_ntests_failed(runner);
	srunner_free(runner);
	nskipped = report_skipped();
	fclose(skipped);
	if (failed)
		return EXIT_FAILURE;
	return nskipped ? 77 : EXIT_SUCCESS;
}

char *or_test_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	or_buf buf = OR_BUF_INIT;
	char chunk[8192];
	size_t n;

	if (!f)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		or_buf_put(&buf, chunk, n);
	fclose(f);
	*len = buf.size;
	return or_buf_detach(&buf);
}

