#include <stdlib.h>

#include "suites.h"

int main(void)
{
	SRunner *runner = srunner_create(date_suite());
	int failed;

	srunner_add_suite(runner, glob_suite());
	srunner_add_suite(runner, utf8_suite());
	srunner_add_suite(runner, text_suite());
	srunner_add_suite(runner, document_suite());
	srunner_add_suite(runner, config_suite());
	srunner_add_suite(runner, history_suite());
	srunner_add_suite(runner, records_suite());
	srunner_add_suite(runner, readiness_suite());
	srunner_add_suite(runner, contact_suite());
	srunner_add_suite(runner, reporters_suite());
	srunner_add_suite(runner, report_read_suite());
	srunner_add_suite(runner, regressions_suite());
	srunner_add_suite(runner, output_suite());
	srunner_run_all(runner, CK_NORMAL);
	failed = srunner_ntests_failed(runner);
	srunner_free(runner);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
