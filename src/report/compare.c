/*
 * Comparing two reports: which findings are new, which were fixed, which
 * remain, and how the scores moved — by fingerprint, so that edits
 * elsewhere in a file do not make old findings look new.
 */
#include <stdbool.h>
#include <string.h>

#include "opsready/compare.h"
#include "report/read.h"
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

/* A number of the diff: `v`, or null when the report lacks it. */
static json_t *real_or_null(or_report_real v)
{
	return v.known ? json_real(v.value) : json_null();
}

static json_t *string_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* One report's side of the diff: null where the report lacks a fact. */
static json_t *side(const or_report *report)
{
	or_report_scan_view scan;
	or_report_summary_view summary;

	or_report_read_scan(report, &scan);
	or_report_read_summary(report, &summary);
	return json_pack("{s:o, s:o, s:o, s:o, s:o}", "root", string_or_null(scan.root), "commit",
			 string_or_null(scan.commit), "now", string_or_null(scan.now), "verdict",
			 string_or_null(summary.verdict), "score", real_or_null(summary.score));
}

/* The score change overall and per area of the new report (an area the
 * old report lacks was not evaluated there). */
static json_t *score_change(const or_report *old_report, const or_report *new_report)
{
	or_report_summary_view old_summary, new_summary;
	json_t *areas = json_object();
	size_t i, at;

	or_report_read_summary(old_report, &old_summary);
	or_report_read_summary(new_report, &new_summary);
	for (i = 0; i < or_report_nareas(new_report); i++) {
		or_report_area_view after, before = { .name = "" };

		or_report_read_area(new_report, i, &after);
		if (or_report_find_area(old_report, after.name, &at))
			or_report_read_area(old_report, at, &before);
		json_object_set_new(areas, after.name,
				    json_pack("{s:o, s:o}", "old", real_or_null(before.score), "new",
					      real_or_null(after.score)));
	}
	return json_pack("{s:o, s:o, s:o}", "old", real_or_null(old_summary.score), "new",
			 real_or_null(new_summary.score), "areas", areas);
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
		"kind", "diff", "old", side(old_report), "new", side(new_report),
		"score", score_change(old_report, new_report), "counts", "new",
		(json_int_t)json_array_size(added), "fixed", (json_int_t)json_array_size(fixed),
		"unchanged", (json_int_t)json_array_size(unchanged), "new_findings", added,
		"fixed_findings", fixed, "unchanged_findings", unchanged));
	or_strset_dispose(&old_set);
	or_strset_dispose(&new_set);
	return 0;
}

size_t or_diff_new_at_or_above(const or_report *diff, const char *fail_on)
{
	or_severity threshold = or_severity_of(fail_on, OR_SEV_ERROR), severity;
	or_report_diff_view view;
	size_t i, n = 0;

	or_report_read_diff(diff, &view);
	for (i = 0; i < view.nfindings[OR_DIFF_NEW]; i++) {
		or_report_diff_finding_view f;

		or_report_read_diff_finding(diff, OR_DIFF_NEW, i, &f);
		/* a finding's severity is never "never": only a threshold is */
		if (or_severity_parse(&severity, f.severity) == 0 && severity != OR_SEV_NEVER &&
		    severity >= threshold && f.status && strcmp(f.status, "active") == 0)
			n++;
	}
	return n;
}
