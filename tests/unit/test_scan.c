/*
 * The library as an embedder sees it (include/opsready/scan.h): a scan has
 * no side effects on the process. Two scans run side by side give the same
 * report as one alone; progress and phase times reach the caller's callback;
 * the library reads no environment (SOURCE_DATE_EPOCH comes through the
 * options); options of an unknown version are refused.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "opsready/opsready.h"
#include "suites.h"

#define EXAMPLE OR_SOURCE_DIR "/examples/bcdr-repo"

typedef struct scan_job {
	char *json;     /* the JSON report, malloc'd */
	size_t len;
	int passed;     /* or_report_passed, or -1 when the scan failed */
} scan_job;

static void scan_example(scan_job *job)
{
	or_scan_options options = OR_SCAN_OPTIONS_INIT;
	or_diag diag = OR_DIAG_INIT;
	or_report *report = NULL;

	options.path = EXAMPLE;
	options.now = "2026-11-27";
	job->json = NULL;
	job->passed = -1;
	if (or_scan(&report, &options, &diag) != 0)
		return;
	if (or_report_render(&job->json, &job->len, report, "json", NULL, &diag) == 0)
		job->passed = or_report_passed(report);
	or_report_free(report);
}

static void *scan_thread(void *data)
{
	scan_example(data);
	return NULL;
}

START_TEST(two_scans_side_by_side_agree_with_one)
{
	scan_job alone, side[2];
	pthread_t threads[2];
	int i;

	scan_example(&alone);
	ck_assert_int_eq(alone.passed, 0); /* the example fails its gate */
	for (i = 0; i < 2; i++)
		ck_assert_int_eq(pthread_create(&threads[i], NULL, scan_thread, &side[i]), 0);
	for (i = 0; i < 2; i++)
		pthread_join(threads[i], NULL);
	for (i = 0; i < 2; i++) {
		ck_assert_int_eq(side[i].passed, 0);
		ck_assert_uint_eq(side[i].len, alone.len);
		ck_assert(memcmp(side[i].json, alone.json, alone.len) == 0);
		free(side[i].json);
	}
	free(alone.json);
}
END_TEST

typedef struct seen_events {
	pthread_mutex_t lock;
	size_t progress, last_total, max_done;
	char phases[512];
} seen_events;

static void record_event(const or_event *event, void *data)
{
	seen_events *seen = data;

	pthread_mutex_lock(&seen->lock);
	if (event->kind == OR_EVENT_PROGRESS) {
		seen->progress++;
		seen->last_total = event->total;
		if (event->done > seen->max_done)
			seen->max_done = event->done;
	} else {
		ck_assert(event->seconds >= 0 && event->total_seconds >= event->seconds);
		strncat(seen->phases, event->phase, sizeof(seen->phases) - strlen(seen->phases) - 2);
		strcat(seen->phases, ";");
	}
	pthread_mutex_unlock(&seen->lock);
}

START_TEST(events_reach_the_callback)
{
	or_scan_options options = OR_SCAN_OPTIONS_INIT;
	or_diag diag = OR_DIAG_INIT;
	or_report *report = NULL;
	seen_events seen;

	memset(&seen, 0, sizeof(seen));
	pthread_mutex_init(&seen.lock, NULL);
	options.path = EXAMPLE;
	options.now = "2026-11-27";
	options.on_event = record_event;
	options.event_data = &seen;
	ck_assert_int_eq(or_scan(&report, &options, &diag), 0);
	/* the example has four Markdown documents: one event each, the last
	 * counting all of them */
	ck_assert_uint_eq(seen.progress, 4);
	ck_assert_uint_eq(seen.last_total, 4);
	ck_assert_uint_eq(seen.max_done, 4);
	ck_assert_str_eq(seen.phases, "list files;read documents;records, contacts;history;checks;"
				      "exceptions, gate;report value;clean up;");
	or_report_free(report);
	pthread_mutex_destroy(&seen.lock);
}
END_TEST

/* "now" for a report, from its JSON: "scan": {..., "now": "YYYY-MM-DD"} */
static void report_now(const char *json, char out[11])
{
	const char *at = strstr(json, "\"now\": \"");

	ck_assert_ptr_nonnull(at);
	memcpy(out, at + 8, 10);
	out[10] = '\0';
}

START_TEST(source_date_epoch_comes_through_the_options)
{
	or_scan_options options = OR_SCAN_OPTIONS_INIT;
	or_diag diag = OR_DIAG_INIT;
	or_report *report = NULL;
	char *json = NULL;
	size_t len;
	char now[11];

	/* the library ignores the environment: a bad value there is no error,
	 * with the option unset (today) or set */
	setenv("SOURCE_DATE_EPOCH", "not a number", 1);
	options.path = EXAMPLE;
	ck_assert_int_eq(or_scan(&report, &options, &diag), 0);
	or_report_free(report);
	report = NULL;
	unsetenv("SOURCE_DATE_EPOCH");
	options.source_date_epoch = "1795046400"; /* 2026-11-19 00:00 UTC */
	ck_assert_int_eq(or_scan(&report, &options, &diag), 0);
	ck_assert_int_eq(or_report_render(&json, &len, report, "json", NULL, &diag), 0);
	report_now(json, now);
	ck_assert_str_eq(now, "2026-11-19");
	free(json);
	or_report_free(report);

	options.source_date_epoch = "soon";
	ck_assert_int_eq(or_scan(&report, &options, &diag), -1);
	ck_assert_int_eq(diag.code, OR_EXIT_USAGE);
	ck_assert_str_eq(diag.message, "SOURCE_DATE_EPOCH: 'soon' is not a number of seconds");
	ck_assert_ptr_null(report);
}
END_TEST

START_TEST(unknown_options_version_is_refused)
{
	or_scan_options options = OR_SCAN_OPTIONS_INIT;
	or_diag diag = OR_DIAG_INIT;
	or_report *report = NULL;
	char line[OR_DIAG_FORMAT_SIZE];

	options.version = OR_SCAN_OPTIONS_VERSION + 1;
	options.path = EXAMPLE;
	ck_assert_int_eq(or_scan(&report, &options, &diag), -1);
	ck_assert_ptr_null(report);
	ck_assert_int_eq(diag.code, OR_EXIT_USAGE);
	or_diag_format(&diag, line, sizeof(line));
	ck_assert_str_eq(line, "opsready: error: scan options version 2 is not supported "
			       "(this library takes 1 to 1)");
}
END_TEST

START_TEST(diag_format_names_where)
{
	or_diag diag = OR_DIAG_INIT;
	char line[OR_DIAG_FORMAT_SIZE];

	or_diag_set(&diag, OR_EXIT_USAGE, ".opsready.yml", 3, 7, "unknown key '%s'", "fial_on");
	or_diag_format(&diag, line, sizeof(line));
	ck_assert_str_eq(line, ".opsready.yml:3:7: error: unknown key 'fial_on'");
	diag.column = 0;
	or_diag_format(&diag, line, sizeof(line));
	ck_assert_str_eq(line, ".opsready.yml:3: error: unknown key 'fial_on'");
	diag.line = 0;
	or_diag_format(&diag, line, sizeof(line));
	ck_assert_str_eq(line, ".opsready.yml: error: unknown key 'fial_on'");
}
END_TEST

Suite *scan_suite(void)
{
	Suite *s = suite_create("scan");
	TCase *tc = tcase_create("library");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, two_scans_side_by_side_agree_with_one);
	tcase_add_test(tc, events_reach_the_callback);
	tcase_add_test(tc, source_date_epoch_comes_through_the_options);
	tcase_add_test(tc, unknown_options_version_is_refused);
	tcase_add_test(tc, diag_format_names_where);
	suite_add_tcase(s, tc);
	return s;
}
