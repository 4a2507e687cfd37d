/*
 * The Markdown summary: a short report for a pull-request comment or
 * $GITHUB_STEP_SUMMARY — the verdict, the scores, the counts and the top
 * findings, with links into the repository when repo_url is set.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "render/reporter.h"
#include "report/read.h"
#include "report/value.h"

#define TOP_FINDINGS 20

/* Percent-encode what could end the link, the table cell or the line, or
 * start markup: blanks and control characters, non-ASCII, and
 * ( ) < > [ ] { } " ' ` \ ^ |; in a value also % # ? (`template`: the
 * repo_url's own '%' escapes, '#' and '?' stay). */
static void put_url_part(or_buf *out, const char *s, bool template)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c <= ' ' || c >= 0x7f || strchr("()<>[]{}\"'`\\^|", c) ||
		    (!template && strchr("%#?", c)))
			or_buf_printf(out, "%%%02X", c);
		else
			or_buf_putc(out, (char)c);
	}
}

/* A link target: the repo_url template with {commit}, {path} and {line}
 * filled in; everything percent-encoded that would end the link. */
static void link_target(or_buf *out, const char *url, const char *commit, const char *path,
			long long line)
{
	const char *p;

	for (p = url; *p; p++) {
		if (strncmp(p, "{commit}", 8) == 0) {
			put_url_part(out, commit, false);
			p += 7;
		} else if (strncmp(p, "{path}", 6) == 0) {
			put_url_part(out, path, false);
			p += 5;
		} else if (strncmp(p, "{line}", 6) == 0) {
			or_buf_printf(out, "%lld", line > 0 ? line : 1);
			p += 5;
		} else {
			char one[2] = { *p, '\0' };

			put_url_part(out, one, true);
		}
	}
}

/* Only http(s) addresses are links (the config refuses others; a report
 * given to `render` may hold anything). */
static bool is_http_url(const char *url)
{
	return url && (strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0);
}

static void location(or_buf *out, const or_report_scan_view *scan, const or_report_finding *f)
{
	const char *url = is_http_url(scan->repo_url) ? scan->repo_url : NULL;
	const char *commit = scan->commit ? scan->commit : scan->branch ? scan->branch : "HEAD";
	const char *file = f->file;
	long long line = f->line;
	or_buf label = OR_BUF_INIT;

	if (!file) {
		or_buf_puts(out, "repository");
		return;
	}
	or_buf_puts(&label, file);
	if (line > 0)
		or_buf_printf(&label, ":%lld", line);
	if (url) {
		or_buf_putc(out, '[');
		or_report_md_cell(out, label.ptr);
		or_buf_puts(out, "](");
		link_target(out, url, commit, file, line);
		or_buf_putc(out, ')');
	} else {
		or_report_md_cell(out, label.ptr);
	}
	or_buf_dispose(&label);
}

/* Errors first, then warnings, then notices (an unknown severity with them). */
static int rank(const char *severity)
{
	int r = or_report_severity_rank(severity);

	return r > 2 ? 0 : r;
}

static void markdown(or_buf *out, const or_report *value)
{
	const or_finding_table *findings = &value->findings;
	or_report_summary_view summary;
	or_report_scan_view scan;
	or_report_gate_view gate;
	or_report_tool_view tool;
	bool passed;
	size_t i, shown = 0, active = 0;
	int sev;

	or_report_read_summary(value, &summary);
	or_report_read_scan(value, &scan);
	or_report_read_gate(value, &gate);
	or_report_read_tool(value, &tool);
	passed = summary.verdict && strcmp(summary.verdict, "pass") == 0;
	or_buf_printf(out, "## opsready: %s %s — readiness %.1f / 100\n\n", passed ? "✅" : "❌",
		      passed ? "PASS" : "FAIL", summary.score.value);
	or_buf_printf(out, "**%lld errors · %lld warnings · %lld notices**", summary.error.value,
		      summary.warning.value, summary.notice.value);
	or_report_put_excepted(out, &summary, " · ");
	or_buf_printf(out, " · gate: fail on %s", gate.fail_on ? gate.fail_on : "error");
	if (gate.min_score.known)
		or_buf_printf(out, ", minimum score %.1f", gate.min_score.value);
	or_buf_puts(out, "\n\n| Area | Score | Active findings |\n| --- | ---: | ---: |\n");
	for (i = 0; i < or_report_nareas(value); i++) {
		or_report_area_view area;

		or_report_read_area(value, i, &area);
		if (!area.score.known)
			continue;
		or_buf_puts(out, "| ");
		or_report_md_cell(out, area.name);
		or_buf_printf(out, " | %.1f | %lld |\n", area.score.value, area.findings.value);
	}

	for (i = 0; i < findings->count; i++)
		if (strcmp(findings->items[i].status, "active") == 0)
			active++;
	if (active) {
		or_buf_puts(out, "\n### Findings\n\n| Severity | Rule | Where | What |\n"
				 "| --- | --- | --- | --- |\n");
		/* errors first, then warnings, then notices; report order within */
		for (sev = 2; sev >= 0 && shown < TOP_FINDINGS; sev--) {
			for (i = 0; i < findings->count && shown < TOP_FINDINGS; i++) {
				const or_report_finding *f = &findings->items[i];
				if (strcmp(f->status, "active") != 0 || rank(f->severity) != sev)
					continue;
				or_buf_puts(out, "| ");
				or_report_md_cell(out, f->severity);
				or_buf_puts(out, " | ");
				or_report_md_code(out, f->rule);
				or_buf_puts(out, " | ");
				location(out, &scan, f);
				or_buf_puts(out, " | ");
				or_report_md_cell(out, f->message);
				or_buf_puts(out, " |\n");
				shown++;
			}
		}
		if (active > shown)
			or_buf_printf(out, "\n… and %zu more active findings: see the full report.\n",
				      active - shown);
	} else {
		or_buf_puts(out, "\nNo active findings.\n");
	}
	or_buf_printf(out, "\n<sub>opsready %s · %s", tool.version ? tool.version : "?",
		      scan.now ? scan.now : "?");
	if (scan.commit) {
		char commit[13];

		snprintf(commit, sizeof(commit), "%s", scan.commit);
		or_buf_puts(out, " · commit ");
		or_report_md_cell(out, commit);
	}
	if (scan.has_since) {
		or_buf_puts(out, " · changes since ");
		or_report_md_cell(out, scan.since_rev ? scan.since_rev : "?");
	}
	or_buf_puts(out, "</sub>\n");
}

static int render_markdown(or_out *out, const or_report *value, const or_render_options *options,
			   or_diag *diag)
{
	or_buf text = OR_BUF_INIT; /* a summary: short, whatever the report's size */

	(void)options;
	(void)diag;
	markdown(&text, value);
	or_out_put(out, text.ptr, text.size);
	or_buf_dispose(&text);
	return 0;
}

const or_reporter or_reporter_markdown = { "markdown", "md", render_markdown };
