/*
 * Comparing two reports: which findings are new, which were fixed, which
 * remain, and how the scores moved — by fingerprint, so that edits
 * elsewhere in a file do not make old findings look new.
 */
#include <stdbool.h>
#include <string.h>

#include "opsready/compare.h"
#include "report/value.h"
#include "rules/severity.h"
#include "util/alloc.h"
#include "util/strset.h"

static void fingerprints(or_strset *set, const or_finding_table *findings)
{
	size_t i;

	for (i = 0; i < findings->count; i++)
		or_strset_add(set, findings->items[i].fingerprint,
			      strlen(findings->items[i].fingerprint));
}

static bool has_fingerprint(const or_strset *set, const or_report_finding *f)
{
	return or_strset_contains(set, f->fingerprint, strlen(f->fingerprint));
}

static json_t *side(const json_t *report)
{
	const json_t *scan = json_object_get(report, "scan");
	const json_t *summary = json_object_get(report, "summary");

	return json_pack("{s:O, s:O, s:O, s:O, s:O}", "root", json_object_get(scan, "root"),
			 "commit", json_object_get(scan, "commit"), "now",
			 json_object_get(scan, "now"), "verdict", json_object_get(summary, "verdict"),
			 "score", json_object_get(summary, "score"));
}

static json_t *score_change(const json_t *old_report, const json_t *new_report)
{
	const json_t *old_summary = json_object_get(old_report, "summary");
	const json_t *new_summary = json_object_get(new_report, "summary");
	const json_t *old_areas = json_object_get(old_summary, "areas");
	const json_t *new_areas = json_object_get(new_summary, "areas");
	json_t *areas = json_object();
	const char *area;
	const json_t *value;

	json_object_foreach((json_t *)new_areas, area, value) {
		const json_t *before = json_object_get(json_object_get(old_areas, area), "score");
		const json_t *after = json_object_get(value, "score");
		json_object_set_new(areas, area,
				    json_pack("{s:O, s:O}", "old", before ? before : json_null(),
					      "new", after));
	}
	return json_pack("{s:O, s:O, s:o}", "old", json_object_get(old_summary, "score"), "new",
			 json_object_get(new_summary, "score"), "areas", areas);
}

int or_report_diff(or_report **out, const or_report *old_report, const or_report *new_report,
		   or_diag *diag)
{
	const or_finding_table *old_findings = &old_report->findings;
	const or_finding_table *new_findings = &new_report->findings;
	or_strset old_set = OR_STRSET_INIT, new_set = OR_STRSET_INIT;
	json_t *added = json_array(), *fixed = json_array(), *unchanged = json_array();
	size_t i;

	(void)diag;
	fingerprints(&old_set, old_findings);
	fingerprints(&new_set, new_findings);
	for (i = 0; i < new_findings->count; i++)
		json_array_append_new(has_fingerprint(&old_set, &new_findings->items[i]) ? unchanged
											  : added,
				      or_finding_table_json(new_findings, i));
	for (i = 0; i < old_findings->count; i++)
		if (!has_fingerprint(&new_set, &old_findings->items[i]))
			json_array_append_new(fixed, or_finding_table_json(old_findings, i));
	*out = or_report_wrap(json_pack(
		"{s:i, s:s, s:o, s:o, s:o, s:{s:I, s:I, s:I}, s:o, s:o, s:o}", "schema_version", 1,
		"kind", "diff", "old", side(old_report->root), "new", side(new_report->root),
		"score", score_change(old_report->root, new_report->root), "counts", "new",
		(json_int_t)json_array_size(added), "fixed", (json_int_t)json_array_size(fixed),
		"unchanged", (json_int_t)json_array_size(unchanged), "new_findings", added,
		"fixed_findings", fixed, "unchanged_findings", unchanged));
	or_strset_dispose(&old_set);
	or_strset_dispose(&new_set);
	return 0;
}

size_t or_diff_new_at_or_above(const or_report *diff, const char *fail_on)
{
	const json_t *added = json_object_get(diff->root, "new_findings");
	or_severity threshold = or_severity_of(fail_on, OR_SEV_ERROR), severity;
	size_t i, n = 0;

	for (i = 0; i < json_array_size(added); i++) {
		const json_t *f = json_array_get(added, i);
		const char *status = json_string_value(json_object_get(f, "status"));

		/* a finding's severity is never "never": only a threshold is */
		if (or_severity_parse(&severity, json_string_value(json_object_get(f, "severity"))) == 0 &&
		    severity != OR_SEV_NEVER && severity >= threshold && status &&
		    strcmp(status, "active") == 0)
			n++;
	}
	return n;
}
