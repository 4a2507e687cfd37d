/* Every unit suite, one per module; main.c runs them all. */
#ifndef OR_TEST_SUITES_H
#define OR_TEST_SUITES_H

#include <check.h>

Suite *date_suite(void);
Suite *glob_suite(void);
Suite *utf8_suite(void);
Suite *text_suite(void);
Suite *document_suite(void);
Suite *config_suite(void);
Suite *history_suite(void);
Suite *records_suite(void);
Suite *readiness_suite(void);
Suite *contact_suite(void);
Suite *reporters_suite(void);
Suite *report_read_suite(void);
Suite *regressions_suite(void);
Suite *output_suite(void);

#endif
