/*
 * libFuzzer harness: the saved JSON report, as `opsready render`, `diff` and
 * `merge` read it. The bytes are written to a temporary file and loaded
 * with or_report_load; what loads is rendered in every format (with
 * colour and quiet chosen by the input's size), diffed against itself and
 * rendered as a diff, and merged with itself. The reporters must accept any
 * value that passes the loader's checks, whatever keys are missing, of
 * another type, or out of range.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "report/value.h"
#include "opsready/compare.h"
#include "opsready/report.h"

static const char *const formats[] = { "text", "json", "junit", "sarif", "markdown", "html" };
static const char *const diff_formats[] = { "text", "json", "markdown" };

/* Load the bytes as `opsready render` would: from a file (mkstemp in /tmp,
 * unlinked once read). */
static int load(or_report **out, const uint8_t *data, size_t size, or_diag *diag)
{
	char path[] = "/tmp/opsready-fuzz-report-XXXXXX";
	int fd = mkstemp(path), rc;

	require(fd >= 0);
	require(size == 0 || write(fd, data, size) == (ssize_t)size);
	close(fd);
	rc = or_report_load(out, path, diag);
	unlink(path);
	return rc;
}

/* Rendering either succeeds with a NUL-terminated buffer or sets a diagnostic. */
static void render(const or_report *report, const char *format,
		   const or_render_options *options)
{
	or_diag diag = OR_DIAG_INIT;
	char *out = NULL;
	size_t len = 0;

	if (or_report_render(&out, &len, report, format, options, &diag) == 0)
		require(out != NULL && out[len] == '\0');
	else
		require(diag.message[0] != '\0');
	free(out);
}

/* Every finding has a string fingerprint (a diff matches findings by it). */
static bool all_fingerprinted(const or_report *report)
{
	const json_t *findings = json_object_get(report->root, "findings");
	size_t i;

	for (i = 0; i < json_array_size(findings); i++)
		if (!json_is_string(json_object_get(json_array_get(findings, i), "fingerprint")))
			return false;
	return true;
}

static void diff_with_itself(const or_report *report, bool fingerprinted)
{
	or_report *diff = NULL;
	or_diag diag = OR_DIAG_INIT;
	size_t i;

	if (or_report_diff(&diff, report, report, &diag) != 0) {
		require(diag.message[0] != '\0');
		return;
	}
	/* nothing is new between a report and itself */
	if (fingerprinted)
		require(or_diff_new_at_or_above(diff, "notice") == 0);
	for (i = 0; i < sizeof(diff_formats) / sizeof(diff_formats[0]); i++) {
		char *out = NULL;
		size_t len = 0;

		diag = (or_diag)OR_DIAG_INIT;
		if (or_diff_render(&out, &len, diff, diff_formats[i], &diag) == 0)
			require(out != NULL && out[len] == '\0');
		free(out);
	}
	or_report_free(diff);
}

static void merge_with_itself(const or_report *report, const or_render_options *options)
{
	const or_report *const reports[] = { report, report };
	const char *const names[] = { "alpha", "beta" };
	or_report *merged = NULL;
	or_diag diag = OR_DIAG_INIT;

	if (or_report_merge(&merged, reports, names, 2, &diag) != 0) {
		require(diag.message[0] != '\0');
		return;
	}
	render(merged, "json", options);
	render(merged, "text", options);
	or_report_free(merged);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	or_render_options options = OR_RENDER_OPTIONS_INIT;
	or_report *report = NULL;
	or_diag diag = OR_DIAG_INIT;
	size_t i;

	if (load(&report, data, size, &diag) != 0) {
		require(report == NULL && diag.message[0] != '\0');
		return 0;
	}
	options.color = (size & 1) ? OR_COLOR_ALWAYS : OR_COLOR_NEVER;
	options.quiet = (size & 2) != 0;
	(void)or_report_passed(report);
	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		render(report, formats[i], &options);
	diff_with_itself(report, all_fingerprinted(report));
	merge_with_itself(report, &options);
	or_report_free(report);
	return 0;
}
