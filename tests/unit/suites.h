/* Every unit suite, one per module (the list is OPSREADY_UNIT_SUITES in
 * tests/CMakeLists.txt), and what a test may ask of the runner (main.c):
 * to be marked skipped when something outside the checkout is missing. */
#ifndef OR_TEST_SUITES_H
#define OR_TEST_SUITES_H

#include <stdbool.h>
#include <stddef.h>

#include <check.h>

/* Suite *date_suite(void); ... one per line of OPSREADY_UNIT_SUITES */
#define OR_SUITE(name) Suite *name##_suite(void);
#include "suites.inc"
#undef OR_SUITE

/* Marks the running test skipped, saying why; the test then returns. When
 * no test of the run failed, the runner prints the reasons and exits 77,
 * which ctest reports as skipped: a skip never passes silently. Only for
 * something outside the checkout being missing, never to hide a failure. */
void or_test_skip(const char *why);

/* True when the public corpus (OR_TEST_CORPUS, ../shared/corpus beside the
 * checkout) is there. When it is not, marks the test skipped and returns
 * false, or fails the test when OPSREADY_REQUIRE_CORPUS is set (CI, which
 * has the corpus, sets it). */
bool or_test_corpus(void);

/* The whole file at `path` (malloc'd, NUL-terminated; its length in
 * *len), or NULL when it cannot be read. */
char *or_test_read_file(const char *path, size_t *len);

#endif
