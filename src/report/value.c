/*
 * The report value: wrapped, loaded from a saved JSON report, freed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "report/value.h"
#include "util/alloc.h"

or_report *or_report_wrap(json_t *root)
{
	or_report *report = or_xcalloc(1, sizeof(*report));

	report->root = root;
	or_finding_table_init(&report->findings);
	or_eval_table_init(&report->evaluations);
	return report;
}

void or_report_free(or_report *report)
{
	if (!report)
		return;
	json_decref(report->root);
	or_finding_table_dispose(&report->findings);
	or_eval_table_dispose(&report->evaluations);
	free(report);
}

bool or_report_passed(const or_report *report)
{
	const json_t *summary = json_object_get(report->root, "summary");
	return strcmp(or_report_str(summary, "verdict", "fail"), "pass") == 0;
}

const char *or_report_str(const json_t *object, const char *key, const char *fallback)
{
	const char *s = json_string_value(json_object_get(object, key));
	return s ? s : fallback;
}

int or_report_from_json(or_report **out, json_t *root, const char *path, or_diag *diag)
{
	const json_t *version = json_object_get(root, "schema_version");
	or_report *report;

	*out = NULL;
	if (!json_is_object(root) || !json_is_integer(version) ||
	    !json_is_object(json_object_get(root, "scan")) ||
	    !json_is_object(json_object_get(root, "summary")) ||
	    !json_is_array(json_object_get(root, "findings"))) {
		json_decref(root);
		return or_diag_set(diag, OR_EXIT_USAGE, path, 0, 0,
				   "not an opsready JSON report (no schema_version, scan, summary or "
				   "findings)");
	}
	if (json_integer_value(version) != 1) {
		or_diag_set(diag, OR_EXIT_USAGE, path, 0, 0,
			    "report schema_version %lld is not supported (this opsready reads 1)",
			    (long long)json_integer_value(version));
		json_decref(root);
		return -1;
	}
	report = or_report_wrap(root);
	if (or_finding_table_load(&report->findings, json_object_get(root, "findings"), NULL,
				  path, diag) != 0 ||
	    or_eval_table_load(&report->evaluations, json_object_get(root, "evaluations"), NULL,
			       path, diag) != 0) {
		or_report_free(report);
		return -1;
	}
	/* the rows are held typed; empty arrays keep their places among the
	 * root's keys */
	json_object_set_new(root, "findings", json_array());
	if (json_object_get(root, "evaluations"))
		json_object_set_new(root, "evaluations", json_array());
	*out = report;
	return 0;
}

int or_report_load(or_report **out, const char *path, or_diag *diag)
{
	json_error_t error;
	json_t *root;
	struct stat st;

	*out = NULL;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) /* jansson reads it as empty */
		return or_diag_set(diag, OR_EXIT_USAGE, path, 0, 0,
				   "not a JSON report: it is a directory");
	root = json_load_file(path, JSON_REJECT_DUPLICATES, &error);
	if (!root)
		return or_diag_set(diag, OR_EXIT_USAGE, path, error.line, error.column,
				   "not a JSON report: %s", error.text);
	return or_report_from_json(out, root, path, diag);
}


static void add_fingerprints(or_strset *out, or_report *report)
{
	size_t i;

	for (i = 0; i < report->findings.count; i++) {
		const char *fingerprint = report->findings.items[i].fingerprint;
		or_strset_add(out, fingerprint, strlen(fingerprint));
	}
	or_report_free(report);
}

int or_report_load_fingerprints(or_strset *out, const char *path, or_diag *diag)
{
	or_report *report = NULL;

	if (or_report_load(&report, path, diag) != 0)
		return -1;
	add_fingerprints(out, report);
	return 0;
}

int or_report_fingerprints_of_text(or_strset *out, const char *data, size_t len,
				   const char *name, or_diag *diag)
{
	or_report *report = NULL;
	json_error_t error;
	json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &error);

	if (!root)
		return or_diag_set(diag, OR_EXIT_USAGE, name, error.line, error.column,
				   "not a JSON report: %s", error.text);
	if (or_report_from_json(&report, root, name, diag) != 0)
		return -1;
	add_fingerprints(out, report);
	return 0;
}
