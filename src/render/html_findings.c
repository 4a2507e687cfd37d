/*
 * The HTML report's findings, grouped by area and rule: the rule's
 * description is shown once per group, and at most HTML_FINDINGS_PER_RULE
 * findings of a rule are listed in full, followed by a count of the rest
 * and a count per file, so that large reports stay usable. And the
 * waivers of the config, with what became of them.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "render/html.h"
#include "render/reporter.h"
#include "util/alloc.h"

#define HTML_FINDINGS_PER_RULE 200
#define HTML_FILES_PER_RULE 100

typedef struct finding_ref {
	const or_report_finding *finding;
	const char *area;
	const char *rule;
	size_t area_rank;
	int severity_rank;
	int inactive;           /* 0 for active findings, listed first */
	size_t index;
} finding_ref;

typedef struct file_count {
	const char *file;
	size_t count;
} file_count;

/* ---- findings ---- */

static int compare_refs(const void *a, const void *b)
{
	const finding_ref *x = a, *y = b;
	int c;

	if (x->area_rank != y->area_rank)
		return x->area_rank < y->area_rank ? -1 : 1;
	if ((c = strcmp(x->area, y->area)) != 0)
		return c;
	if (x->severity_rank != y->severity_rank)
		return x->severity_rank > y->severity_rank ? -1 : 1;
	if ((c = strcmp(x->rule, y->rule)) != 0)
		return c;
	if (x->inactive != y->inactive)
		return x->inactive - y->inactive;
	return x->index < y->index ? -1 : x->index > y->index;
}

static int compare_file_counts(const void *a, const void *b)
{
	const file_count *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->file, y->file);
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void finding_row(xmlNodePtr tbody, const html_ctx *ctx, const finding_ref *ref)
{
	const or_report_finding *f = ref->finding;
	const char *severity = f->severity;
	const char *status = f->status;
	const char *evidence = f->evidence;
	xmlNodePtr row = or_html_add(tbody, "tr", "finding");
	xmlNodePtr td;

	or_html_attr(row, "data-severity", severity);
	or_html_attr(row, "data-area", ref->area);
	or_html_attr(row, "data-status", status);
	or_html_location(or_html_add(row, "td", "loc"), ctx, f->file, f->line, f->column);
	td = or_html_add(row, "td", NULL);
	or_html_add_text(td, "div", "message", f->message);
	if (evidence && *evidence)
		or_html_add_text(td, "code", "evidence", evidence);

	td = or_html_add(row, "td", "status");
	or_html_badge(td, "sev", severity, NULL);
	or_html_text(td, " ");
	or_html_badge(td, "st", status, NULL);
	if (strcmp(status, "active") == 0 && or_report_severity_rank(severity) >= ctx->fail_on &&
	    ctx->fail_on <= 2) {
		or_html_text(or_html_aside(td, "blocks"), "fails the gate");
	}
	if (f->waived) {
		xmlNodePtr detail = or_html_aside(td, "waiver-detail");
		or_html_textf(detail, "Waiver: %s",
			      f->waiver.reason ? f->waiver.reason : "(no reason)");
		or_html_add(detail, "br", NULL);
		or_html_textf(detail, "Approved by %s",
			      f->waiver.approved_by ? f->waiver.approved_by : "nobody named");
		or_html_add(detail, "br", NULL);
		or_html_textf(detail, "Expires %s", f->waiver.expires ? f->waiver.expires : "?");
	} else if (f->reason) {
		or_html_text(or_html_aside(td, "status-reason"), f->reason);
	}
}

static void per_file_counts(xmlNodePtr parent, const finding_ref *refs, size_t n)
{
	static const char *const titles[] = { "File", "#Findings of this rule", NULL };
	const char **files = or_xmalloc((n ? n : 1) * sizeof(*files));
	file_count *counts = or_xmalloc((n ? n : 1) * sizeof(*counts));
	size_t i, distinct = 0;
	xmlNodePtr tbody;

	for (i = 0; i < n; i++)
		files[i] = refs[i].finding->file ? refs[i].finding->file : "(repository-wide)";
	qsort(files, n, sizeof(*files), compare_strings);
	for (i = 0; i < n; i++) {
		if (distinct && strcmp(counts[distinct - 1].file, files[i]) == 0) {
			counts[distinct - 1].count++;
			continue;
		}
		counts[distinct].file = files[i];
		counts[distinct].count = 1;
		distinct++;
	}
	qsort(counts, distinct, sizeof(*counts), compare_file_counts);
	tbody = or_html_new_table(parent, "compact per-file", titles);
	for (i = 0; i < distinct && i < HTML_FILES_PER_RULE; i++) {
		xmlNodePtr row = or_html_add(tbody, "tr", NULL);
		or_buf buf = OR_BUF_INIT;
		or_html_add_text(or_html_add(row, "td", NULL), "span", "mono", counts[i].file);
		or_html_put_count(&buf, (long long)counts[i].count);
		or_html_add_text(row, "td", "num", or_buf_cstr(&buf));
		or_buf_dispose(&buf);
	}
	if (distinct > HTML_FILES_PER_RULE) {
		or_buf buf = OR_BUF_INIT;
		or_buf_puts(&buf, "\xe2\x80\xa6 and ");
		or_html_put_count(&buf, (long long)(distinct - HTML_FILES_PER_RULE));
		or_buf_puts(&buf, " more files");
		or_html_add_text(parent, "p", "note", or_buf_cstr(&buf));
		or_buf_dispose(&buf);
	}
	free(files);
	free(counts);
}

static void rule_group(xmlNodePtr parent, const html_ctx *ctx, const finding_ref *refs, size_t n)
{
	static const char *const finding_titles[] = { "Location", "Finding and evidence", "Status",
						       NULL };
	const char *id = refs[0].rule;
	or_report_rule_view rule;
	bool listed = or_report_find_rule(ctx->report, ctx->rules, id, &rule);
	const char *severity = listed && rule.severity ? rule.severity : refs[0].finding->severity;
	or_buf buf = OR_BUF_INIT;
	xmlNodePtr section, heading, meta, tbody;
	size_t i, active = 0;

	for (i = 0; i < n; i++)
		if (!refs[i].inactive)
			active++;
	or_buf_printf(&buf, "rule sev-%s",
		      or_report_severity_rank(severity) <= 2 ? severity : "error");
	section = or_html_add(parent, "section", or_buf_cstr(&buf));
	or_buf_clear(&buf);
	or_buf_printf(&buf, "rule-%s", id);
	or_html_attr(section, "id", or_buf_cstr(&buf));

	heading = or_html_add(section, "h4", NULL);
	or_html_badge(heading, "sev", severity, NULL);
	or_html_add_text(heading, "code", NULL, id);
	or_html_add_text(heading, "span", "rule-title",
			 listed && rule.title ? rule.title : "(rule not listed in this report)");
	or_buf_clear(&buf);
	or_html_put_counted(&buf, (long long)n, "finding");
	or_buf_puts(&buf, ", ");
	or_html_put_count(&buf, (long long)active);
	or_buf_puts(&buf, " active");
	or_html_add_text(heading, "span", "rule-count", or_buf_cstr(&buf));

	if (listed) {
		or_html_add_prose(section, "p", "description", or_html_or(rule.description, ""));
		meta = or_html_add(section, "dl", "rule-meta");
		if (rule.rationale) {
			or_html_add_text(meta, "dt", NULL, "Why it matters");
			or_html_add_prose(meta, "dd", NULL, rule.rationale);
		}
		or_html_add_text(meta, "dt", NULL, "Remediation");
		or_html_add_prose(meta, "dd", NULL, or_html_or(rule.remediation, NONE));
		or_html_add_text(meta, "dt", NULL, "Standards");
		if (rule.references.count) {
			xmlNodePtr list = or_html_add(or_html_add(meta, "dd", NULL), "ul", NULL);
			for (i = 0; i < rule.references.count; i++)
				or_html_add_text(list, "li", NULL,
						 or_report_strings_at(&rule.references, i));
		} else {
			or_html_add_text(meta, "dd", NULL, "none cited");
		}
		or_html_add_text(meta, "dt", NULL, "Pack");
		or_html_add_text(meta, "dd", NULL, or_html_or(rule.pack, NONE));
	}

	tbody = or_html_new_table(section, "findings", finding_titles);
	for (i = 0; i < n && i < HTML_FINDINGS_PER_RULE; i++)
		finding_row(tbody, ctx, &refs[i]);
	if (n > HTML_FINDINGS_PER_RULE) {
		or_buf_clear(&buf);
		or_buf_puts(&buf, "\xe2\x80\xa6 and ");
		or_html_put_count(&buf, (long long)(n - HTML_FINDINGS_PER_RULE));
		or_buf_printf(&buf, " more finding%s of this rule (the first ",
			      n - HTML_FINDINGS_PER_RULE == 1 ? "" : "s");
		or_html_put_count(&buf, HTML_FINDINGS_PER_RULE);
		or_buf_puts(&buf, " are listed, active ones first; the JSON report has them all). "
				  "Findings of this rule per file:");
		or_html_add_text(section, "p", "more", or_buf_cstr(&buf));
		per_file_counts(section, refs, n);
	}
	or_buf_dispose(&buf);
}

/* The area's place among the summary's areas (the page's order). */
static size_t area_rank(const html_ctx *ctx, const char *area)
{
	size_t rank;

	return or_report_find_area(ctx->report, area, &rank) ? rank : (size_t)-1;
}

void or_html_findings(xmlNodePtr parent, const html_ctx *ctx)
{
	size_t n = or_report_nfindings(ctx->report), i, start, rules = 0;
	finding_ref *refs;
	xmlNodePtr area_section = NULL;
	or_buf buf = OR_BUF_INIT;

	if (!n) {
		or_html_empty(parent,
			      "No findings: every rule evaluated on this repository passed.");
		return;
	}
	refs = or_xcalloc(n, sizeof(*refs));
	for (i = 0; i < n; i++) {
		const or_report_finding *f = or_report_finding_row(ctx->report, i);
		or_report_rule_view def;
		const char *severity = f->severity;

		if (or_report_find_rule(ctx->report, ctx->rules, f->rule, &def) && def.severity)
			severity = def.severity;
		refs[i].finding = f;
		refs[i].area = f->area ? f->area : "other";
		refs[i].rule = f->rule;
		refs[i].area_rank = area_rank(ctx, refs[i].area);
		refs[i].severity_rank = or_report_severity_rank(severity);
		refs[i].inactive = strcmp(f->status, "active") != 0;
		refs[i].index = i;
	}
	qsort(refs, n, sizeof(*refs), compare_refs);
	for (i = 0; i < n; i++)
		if (i == 0 || strcmp(refs[i].rule, refs[i - 1].rule) != 0 ||
		    strcmp(refs[i].area, refs[i - 1].area) != 0)
			rules++;

	or_html_put_counted(&buf, (long long)n, "finding");
	or_buf_puts(&buf, " of ");
	or_html_put_counted(&buf, (long long)rules, "rule");
	or_buf_puts(&buf, ", grouped by area and rule; each rule's description, remediation "
			  "and standards are given once. Locations are path:line:column");
	or_buf_puts(&buf,
		    ctx->repo_url ? ", linked to the repository at the scanned commit." : ".");
	or_html_add_text(parent, "p", "note", or_buf_cstr(&buf));

	for (start = 0; start < n;) {
		size_t end = start + 1;
		while (end < n && strcmp(refs[end].rule, refs[start].rule) == 0 &&
		       strcmp(refs[end].area, refs[start].area) == 0)
			end++;
		if (start == 0 || strcmp(refs[start].area, refs[start - 1].area) != 0) {
			size_t at;
			xmlNodePtr h3;
			area_section = or_html_add(parent, "section", "area");
			or_buf_clear(&buf);
			or_buf_printf(&buf, "area-%s", refs[start].area);
			or_html_attr(area_section, "id", or_buf_cstr(&buf));
			or_html_attr(area_section, "data-area", refs[start].area);
			h3 = or_html_add(area_section, "h3", NULL);
			or_html_text(h3, refs[start].area);
			if (or_report_find_area(ctx->report, refs[start].area, &at)) {
				or_report_area_view summary_area;

				or_report_read_area(ctx->report, at, &summary_area);
				or_buf_clear(&buf);
				or_buf_puts(&buf, "score ");
				or_html_score_text(&buf, summary_area.score);
				or_buf_puts(&buf, " \xc2\xb7 ");
				or_html_put_counted(&buf, summary_area.findings.value,
						    "active finding");
				or_buf_puts(&buf, " in ");
				or_html_put_counted(&buf, summary_area.evaluations.value,
						    "evaluation");
				or_html_add_text(h3, "span", "area-score", or_buf_cstr(&buf));
			}
		}
		rule_group(area_section, ctx, refs + start, end - start);
		start = end;
	}
	or_buf_dispose(&buf);
	free(refs);
}

/* ---- waivers ---- */

void or_html_waivers(xmlNodePtr parent, const html_ctx *ctx)
{
	static const char *const titles[] = { "Rule", "Subject", "Path", "Reason", "Approved by",
					      "Expires", "Status", "#Findings waived", NULL };
	size_t i, n = or_report_nwaivers(ctx->report);
	xmlNodePtr tbody;

	if (!or_report_lists_waivers(ctx->report)) {
		or_html_empty(parent, "This report carries no waiver list; waived findings, if "
				      "any, are shown with their waiver under Findings.");
		return;
	}
	if (!n) {
		or_html_empty(parent, "No waivers configured.");
		return;
	}
	tbody = or_html_new_table(parent, "compact", titles);
	for (i = 0; i < n; i++) {
		or_report_waiver_view w;
		xmlNodePtr row = or_html_add(tbody, "tr", NULL), td;

		or_report_read_waiver(ctx->report, i, &w);
		td = or_html_add(row, "td", NULL);
		or_html_add_text(td, "code", NULL, or_html_or(w.rule, NONE));
		if (w.line.value)
			or_html_textf(or_html_aside(td, "status-reason"), "configuration line %lld",
				      w.line.value);
		if (w.repository)
			or_html_textf(or_html_aside(td, "status-reason"), "repository %s",
				      w.repository);
		or_html_cell_text(row, NULL, w.subject);
		or_html_cell_text(row, "mono", w.path);
		or_html_cell_text(row, NULL, w.reason);
		or_html_cell_text(row, NULL, w.approved_by);
		or_html_cell_text(row, "nowrap", w.expires);
		td = or_html_add(row, "td", NULL);
		if (w.status)
			or_html_badge(td, "wv", w.status, NULL);
		else
			or_html_text(td, NONE);
		or_html_cell_int(row, "num", w.matched);
	}
}

