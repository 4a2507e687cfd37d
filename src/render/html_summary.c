/*
 * The HTML report's overview: the banner with the verdict and the score
 * (and the page's <title>), the summary (score cards, counts, the gate),
 * the facts of the scan, and the footer.
 */
#include <string.h>

#include <libxml/tree.h>

#include "render/html.h"
#include "rules/severity.h"

/* ---- banner and summary ---- */

static void gate_reason(or_buf *out, const html_ctx *ctx)
{
	or_report_summary_view summary;
	or_report_gate_view gate;
	long long by_rank[3];
	double score;
	long long blocking = 0;
	int rank;

	or_report_read_summary(ctx->report, &summary);
	or_report_read_gate(ctx->report, &gate);
	by_rank[OR_SEV_NOTICE] = summary.notice.value;
	by_rank[OR_SEV_WARNING] = summary.warning.value;
	by_rank[OR_SEV_ERROR] = summary.error.value;
	score = summary.score.value;
	for (rank = ctx->fail_on; rank <= OR_SEV_ERROR; rank++)
		blocking += by_rank[rank];
	if (ctx->fail_on > OR_SEV_ERROR)
		or_buf_puts(out, "Findings never fail the gate (fail_on: never)");
	else if (blocking) {
		or_html_put_count(out, blocking);
		or_buf_printf(out, " active finding%s of severity %s%s", blocking == 1 ? "" : "s",
			      or_severity_name((or_severity)ctx->fail_on), ctx->fail_on < OR_SEV_ERROR ? " or above" : "");
	} else
		or_buf_printf(out, "No active finding of severity %s%s", or_severity_name((or_severity)ctx->fail_on),
			      ctx->fail_on < OR_SEV_ERROR ? " or above" : "");
	if (gate.min_score.known)
		or_buf_printf(out, "; score %.1f %s the minimum %.1f", score,
			      score < gate.min_score.value ? "is below" : "meets",
			      gate.min_score.value);
	else
		or_buf_puts(out, "; no minimum score");
	or_buf_putc(out, '.');
}

void or_html_banner(xmlNodePtr banner, xmlNodePtr title, const html_ctx *ctx)
{
	or_report_summary_view summary;
	or_report_scan_view scan;
	bool passed;
	const char *root;
	or_buf buf = OR_BUF_INIT;
	xmlNodePtr headline, score;

	or_report_read_summary(ctx->report, &summary);
	or_report_read_scan(ctx->report, &scan);
	passed = strcmp(or_html_or(summary.verdict, "fail"), "pass") == 0;
	root = or_html_or(scan.root, "?");
	or_buf_printf(&buf, "banner %s", passed ? "pass" : "fail");
	xmlSetProp(banner, BAD_CAST "class", BAD_CAST or_buf_cstr(&buf));
	or_html_add_text(banner, "div", "verdict", passed ? "PASS" : "FAIL");

	headline = or_html_add(banner, "div", "headline");
	or_html_add_text(headline, "h1", NULL, "Operational readiness report");
	or_buf_clear(&buf);
	or_buf_puts(&buf, root);
	if (ctx->commit)
		or_buf_printf(&buf, " \xc2\xb7 %s@%.12s", or_html_or(scan.branch, "(detached)"),
			      ctx->commit);
	or_buf_printf(&buf, " \xc2\xb7 as of %s", or_html_or(scan.now, "?"));
	or_html_add_text(headline, "p", "subtitle", or_buf_cstr(&buf));
	or_buf_clear(&buf);
	or_buf_puts(&buf, passed ? "Gate passed. " : "Gate failed. ");
	gate_reason(&buf, ctx);
	or_html_add_text(headline, "p", "gate-reason", or_buf_cstr(&buf));

	score = or_html_add(banner, "div", "score");
	or_buf_clear(&buf);
	or_html_score_text(&buf, summary.score);
	or_html_text(score, or_buf_cstr(&buf));
	or_html_add_text(score, "small", NULL, "readiness score / 100");

	or_html_clear_children(title);
	or_buf_clear(&buf);
	or_buf_printf(&buf, "%s ", passed ? "PASS" : "FAIL");
	or_html_score_text(&buf, summary.score);
	or_buf_printf(&buf, "/100 \xe2\x80\x94 opsready readiness report \xe2\x80\x94 %s", root);
	or_html_text(title, or_buf_cstr(&buf));
	or_buf_dispose(&buf);
}

static void card(xmlNodePtr parent, const char *label, or_report_real score, const char *detail)
{
	xmlNodePtr node = or_html_add(parent, "div", "card");
	or_buf buf = OR_BUF_INIT;

	or_html_add_text(node, "div", "label", label);
	or_html_score_text(&buf, score);
	or_html_add_text(node, "div", "value", or_buf_cstr(&buf));
	or_html_bar(node, score);
	or_html_add_text(node, "div", "detail", detail);
	or_buf_dispose(&buf);
}

static void count_row(xmlNodePtr tbody, const char *label, const char *cls, or_report_int value,
		      const char *meaning)
{
	xmlNodePtr row = or_html_add(tbody, "tr", NULL);
	xmlNodePtr th = or_html_add(row, "th", NULL);

	or_html_attr(th, "scope", "row");
	if (cls)
		or_html_badge(th, cls, label, NULL);
	else
		or_html_text(th, label);
	or_html_cell_int(row, "num", value);
	or_html_add_text(row, "td", "note", meaning);
}

void or_html_summary(xmlNodePtr parent, const html_ctx *ctx)
{
	static const char *const count_titles[] = { "Findings", "#Count", "Meaning", NULL };
	or_report_summary_view summary;
	or_report_gate_view gate;
	xmlNodePtr cards = or_html_add(parent, "div", "cards");
	xmlNodePtr columns, left, right, tbody, facts;
	or_buf buf = OR_BUF_INIT;
	size_t i, nareas = or_report_nareas(ctx->report);

	or_report_read_summary(ctx->report, &summary);
	or_report_read_gate(ctx->report, &gate);
	/* every finding overall, with how many are active; per area, the
	 * active ones (the summary counts areas that way) */
	or_html_put_counted(&buf, summary.evaluations.value, "evaluation");
	or_buf_puts(&buf, ", ");
	or_html_put_counted(&buf, summary.findings.value, "finding");
	or_buf_puts(&buf, " (");
	or_html_put_count(&buf, summary.error.value + summary.warning.value + summary.notice.value);
	or_buf_puts(&buf, " active)");
	card(cards, "Overall", summary.score, or_buf_cstr(&buf));
	for (i = 0; i < nareas; i++) {
		or_report_area_view area;

		or_report_read_area(ctx->report, i, &area);
		or_buf_clear(&buf);
		if (area.score.known) {
			or_html_put_counted(&buf, area.evaluations.value, "evaluation");
			or_buf_puts(&buf, ", ");
			or_html_put_counted(&buf, area.findings.value, "active finding");
		} else {
			or_buf_puts(&buf, "not evaluated");
		}
		card(cards, area.name, area.score, or_buf_cstr(&buf));
	}

	columns = or_html_add(parent, "div", "columns");
	left = or_html_add(columns, "div", NULL);
	or_html_add_text(left, "h3", NULL, "Counts");
	tbody = or_html_new_table(left, "compact", count_titles);
	count_row(tbody, "error", "sev", summary.error, "active errors");
	count_row(tbody, "warning", "sev", summary.warning, "active warnings");
	count_row(tbody, "notice", "sev", summary.notice, "active notices");
	count_row(tbody, "waived", "st", summary.waived,
		  "accepted by a waiver in the config (see Waivers)");
	count_row(tbody, "suppressed", "st", summary.suppressed, "suppressed in the document");
	count_row(tbody, "baseline", "st", summary.baseline, "known before, in the baseline");
	count_row(tbody, "outside-change", "st", summary.outside_change,
		  "outside the change (--since)");
	count_row(tbody, "Total findings", NULL, summary.findings, "failed evaluations");
	count_row(tbody, "Evaluations", NULL, summary.evaluations,
		  "rule \xc3\x97 subject checks made");

	right = or_html_add(columns, "div", NULL);
	or_html_add_text(right, "h3", NULL, "Gate");
	facts = or_html_add(right, "dl", "facts");
	or_html_add_text(facts, "dt", NULL, "Fails on");
	or_buf_clear(&buf);
	or_buf_printf(&buf, "%s", or_html_or(gate.fail_on, "error"));
	if (ctx->fail_on <= 2)
		or_buf_puts(&buf, " (an active finding of this severity or above fails the gate)");
	or_html_add_text(facts, "dd", NULL, or_buf_cstr(&buf));
	or_html_add_text(facts, "dt", NULL, "Minimum score");
	or_buf_clear(&buf);
	if (gate.min_score.known)
		or_buf_printf(&buf, "%.1f", gate.min_score.value);
	else
		or_buf_puts(&buf, "none");
	or_html_add_text(facts, "dd", NULL, or_buf_cstr(&buf));
	or_html_add_text(facts, "dt", NULL, "Verdict");
	or_buf_clear(&buf);
	or_buf_puts(&buf, strcmp(or_html_or(summary.verdict, "fail"), "pass") == 0 ? "PASS: "
										     : "FAIL: ");
	gate_reason(&buf, ctx);
	or_html_add_text(facts, "dd", NULL, or_buf_cstr(&buf));
	or_html_add_text(facts, "dt", NULL, "Score");
	or_html_add_text(facts, "dd", NULL,
			 "100 \xc3\x97 weighted passed evaluations \xc3\xb7 all weighted "
			 "evaluations (error 3, warning 1, notice 0). Waived and suppressed "
			 "findings count as passed; baseline and outside-change findings as "
			 "failed (they only do not fail the gate); skipped evaluations are left "
			 "out.");
	or_buf_dispose(&buf);
}

/* ---- the scan ---- */

static void fact(xmlNodePtr facts, const char *name, const char *value, bool mono)
{
	or_html_add_text(facts, "dt", NULL, name);
	or_html_add_text(facts, "dd", mono ? "mono" : NULL, value && *value ? value : NONE);
}

void or_html_scan(xmlNodePtr parent, const html_ctx *ctx)
{
	static const char *const skipped_titles[] = { "File", "Why it was not read", NULL };
	static const char *const change_titles[] = { "Rule", "Change", "Where", NULL };
	or_report_scan_view scan;
	or_report_tool_view tool;
	xmlNodePtr facts = or_html_add(parent, "dl", "facts");
	or_buf buf = OR_BUF_INIT;
	size_t i;

	or_report_read_scan(ctx->report, &scan);
	or_report_read_tool(ctx->report, &tool);
	fact(facts, "Root", scan.root, true);
	fact(facts, "Commit", ctx->commit ? ctx->commit
			      : scan.git  ? "no commit yet"
					  : "not a git repository",
	     ctx->commit != NULL);
	fact(facts, "Branch", scan.branch, true);
	if (scan.git) {
		fact(facts, "Working tree",
		     scan.dirty ? "dirty (uncommitted changes were scanned)" : "clean", false);
		fact(facts, "Clone", scan.shallow ? "shallow" : "full", false);
	}
	fact(facts, "Date used as now", scan.now, false);
	fact(facts, "Rules digest", scan.rules_digest, true);
	or_html_put_strings(&buf, &scan.packs);
	fact(facts, "Rule packs", or_buf_cstr(&buf), false);
	fact(facts, "Configuration", or_html_or(scan.config, "built-in defaults"), true);
	or_buf_clear(&buf);
	or_buf_printf(&buf, "%s %s", or_html_or(tool.name, "opsready"),
		      or_html_or(tool.version, "?"));
	fact(facts, "Tool", or_buf_cstr(&buf), false);
	or_buf_clear(&buf);
	if (scan.history_available)
		or_buf_puts(&buf, "read");
	else
		or_buf_printf(&buf, "not available: %s",
			      or_html_or(scan.history_reason, "unknown"));
	fact(facts, "Git history", or_buf_cstr(&buf), false);
	or_buf_clear(&buf);
	if (scan.has_since) {
		or_buf_printf(&buf, "changes since %s (merge base %.12s): ",
			      or_html_or(scan.since_rev, "?"),
			      or_html_or(scan.since_merge_base, "?"));
		or_html_put_count(&buf, scan.since_changed_files.value);
		or_buf_puts(&buf, " changed files gated; findings elsewhere are outside-change");
	} else {
		or_buf_puts(&buf, "the whole repository (no --since)");
	}
	fact(facts, "Scope", or_buf_cstr(&buf), false);
	or_buf_clear(&buf);
	or_html_put_count(&buf, scan.files.value);
	or_buf_puts(&buf, " files, ");
	or_html_put_count(&buf, scan.documents.value);
	or_buf_puts(&buf, " documents, ");
	or_html_put_count(&buf, (long long)scan.nskipped);
	or_buf_puts(&buf, " not read");
	fact(facts, "Files", or_buf_cstr(&buf), false);
	fact(facts, "Training records", or_html_or(scan.inputs.training, "none configured"), true);
	fact(facts, "Drill log", or_html_or(scan.inputs.drills, "none configured"), true);
	fact(facts, "Contact registry", or_html_or(scan.inputs.contacts, "none configured"), true);
	fact(facts, "Baseline", or_html_or(scan.baseline, "none (no finding is marked baseline)"),
	     scan.baseline != NULL);
	fact(facts, "Inline suppressions",
	     !scan.inline_suppressions
		     ? "ignored (--no-inline-suppressions): every suppressed finding is active"
		     : "honoured (<!-- opsready-disable ... --> comments)",
	     false);
	if (scan.duration_seconds.known) {
		or_buf_clear(&buf);
		or_buf_printf(&buf, "%.3f s (--timings; without it no report holds a time)",
			      scan.duration_seconds.value);
		fact(facts, "Scan took", or_buf_cstr(&buf), false);
	}
	fact(facts, "Repository links",
	     ctx->repo_url ? ctx->repo_url
	     : scan.repo_url ? "repo_url is not an http(s) address; locations are not linked"
			     : "none (set repo_url to link locations)",
	     ctx->repo_url != NULL);
	or_buf_clear(&buf);
	if (scan.nrule_changes) {
		or_html_put_counted(&buf, (long long)scan.nrule_changes, "change");
		or_buf_puts(&buf, " by the config or --rule, listed below");
	} else if (scan.has_rule_changes) {
		or_buf_puts(&buf, "none: every rule as its pack defines it");
	} else {
		or_buf_puts(&buf, "not recorded (a report from an older opsready)");
	}
	fact(facts, "Rule changes", or_buf_cstr(&buf), false);
	or_buf_dispose(&buf);

	if (scan.nrule_changes) {
		xmlNodePtr tbody;

		or_html_add_text(parent, "h3", NULL, "Rules changed from their packs");
		tbody = or_html_new_table(parent, "compact", change_titles);
		for (i = 0; i < scan.nrule_changes; i++) {
			or_report_rule_change_view c;
			xmlNodePtr row = or_html_add(tbody, "tr", NULL);

			or_report_read_rule_change(ctx->report, i, &c);
			or_html_cell_str(row, "mono nowrap", or_html_or(c.rule, "?"));
			or_html_cell_str(row, NULL, or_html_or(c.change, "?"));
			or_html_cell_str(row, "mono", or_html_or(c.source, "?"));
		}
	}

	if (scan.nskipped) {
		xmlNodePtr tbody;
		or_html_add_text(parent, "h3", NULL, "Files not read");
		tbody = or_html_new_table(parent, "compact", skipped_titles);
		for (i = 0; i < scan.nskipped; i++) {
			or_report_skipped_view s;
			xmlNodePtr row = or_html_add(tbody, "tr", NULL);

			or_report_read_skipped(ctx->report, i, &s);
			or_html_location(or_html_add(row, "td", NULL), ctx,
					 or_html_or(s.path, "?"), 0, 0);
			or_html_cell_str(row, NULL, s.reason);
		}
	}
}

/* ---- footer ---- */

void or_html_footer(xmlNodePtr footer, const html_ctx *ctx)
{
	or_report_scan_view scan;
	or_report_tool_view tool;
	or_buf b = OR_BUF_INIT;

	or_report_read_scan(ctx->report, &scan);
	or_report_read_tool(ctx->report, &tool);
	or_buf_printf(&b, "Scanned %s", or_html_or(scan.root, "?"));
	if (ctx->commit)
		or_buf_printf(&b, " at commit %s (%s%s)", ctx->commit,
			      or_html_or(scan.branch, "detached"),
			      scan.dirty ? ", with uncommitted changes" : "");
	or_buf_puts(&b, ": ");
	or_html_put_count(&b, scan.files.value);
	or_buf_puts(&b, " files, ");
	or_html_put_count(&b, scan.documents.value);
	or_buf_printf(&b, " documents; ages measured against %s; rules %s from ",
		      or_html_or(scan.now, "?"), or_html_or(scan.rules_digest, "?"));
	or_html_put_strings(&b, &scan.packs);
	or_buf_puts(&b, ".");
	or_html_add_text(footer, "p", NULL, or_buf_cstr(&b));
	or_buf_clear(&b);
	or_buf_printf(&b, "Generated by %s %s from the report value (JSON schema_version %lld). "
			  "This page is self-contained: it loads nothing from the network and "
			  "works without JavaScript.",
		      or_html_or(tool.name, "opsready"), or_html_or(tool.version, "?"),
		      tool.schema_version.value);
	or_html_add_text(footer, "p", NULL, or_buf_cstr(&b));
	or_buf_dispose(&b);
}
