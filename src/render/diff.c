/* Rendering a diff between two reports: text, JSON or Markdown. */
#include <stdlib.h>
#include <string.h>

#include "opsready/compare.h"
#include "render/reporter.h"
#include "report/read.h"
#include "report/value.h"
#include "util/escape.h"

static void score_delta(or_buf *out, const or_report_score_change_view *change)
{
	or_report_real before = change->old_score, after = change->new_score;

	if (before.known && after.known)
		or_buf_printf(out, "%.1f → %.1f (%+.1f)", before.value, after.value,
			      after.value - before.value);
	else if (after.known)
		or_buf_printf(out, "new: %.1f", after.value);
	else
		or_buf_puts(out, "not evaluated");
}

static void text_finding(or_buf *out, const char *what, const or_report_diff_finding_view *f)
{
	or_buf_printf(out, "%s: ", what);
	if (f->file) {
		or_escape_text(out, f->file);
		if (f->line.value > 0)
			or_buf_printf(out, ":%lld", f->line.value);
		or_buf_puts(out, ": ");
	}
	or_escape_text(out, f->severity ? f->severity : "?");
	or_buf_puts(out, ": ");
	or_escape_text(out, f->message ? f->message : "");
	or_buf_puts(out, " [");
	or_escape_text(out, f->rule ? f->rule : "?");
	or_buf_puts(out, "]\n");
}

static void text_findings(or_buf *out, const or_report *diff, const or_report_diff_view *view,
			  or_diff_list list, const char *what)
{
	size_t i;

	for (i = 0; i < view->nfindings[list]; i++) {
		or_report_diff_finding_view f;

		or_report_read_diff_finding(diff, list, i, &f);
		text_finding(out, what, &f);
	}
}

static void render_text(or_buf *out, const or_report *diff)
{
	or_report_diff_view view;
	size_t i;

	or_report_read_diff(diff, &view);
	text_findings(out, diff, &view, OR_DIFF_NEW, "new");
	text_findings(out, diff, &view, OR_DIFF_FIXED, "fixed");
	or_buf_printf(out, "opsready diff: %lld new, %lld fixed, %lld unchanged; score ",
		      view.added.value, view.fixed.value, view.unchanged.value);
	score_delta(out, &view.score);
	or_buf_putc(out, '\n');
	for (i = 0; i < view.nareas; i++) {
		or_report_score_change_view area;

		or_report_read_diff_area(diff, i, &area);
		if (!area.new_score.known && !area.old_score.known)
			continue;
		or_buf_puts(out, "  ");
		or_escape_text(out, area.area);
		or_buf_putc(out, ' ');
		score_delta(out, &area);
		or_buf_putc(out, '\n');
	}
}

static void md_findings(or_buf *out, const char *title, const or_report *diff,
			const or_report_diff_view *view, or_diff_list list)
{
	size_t i;

	if (!view->nfindings[list])
		return;
	or_buf_printf(out, "\n### %s\n\n| Severity | Rule | Where | What |\n| --- | --- | --- | --- |\n",
		      title);
	for (i = 0; i < view->nfindings[list]; i++) {
		or_report_diff_finding_view f;

		or_report_read_diff_finding(diff, list, i, &f);
		or_buf_puts(out, "| ");
		or_report_md_cell(out, f.severity ? f.severity : "?");
		or_buf_puts(out, " | ");
		or_report_md_code(out, f.rule ? f.rule : "?");
		or_buf_puts(out, " | ");
		or_report_md_cell(out, f.file ? f.file : "repository");
		if (f.line.value > 0)
			or_buf_printf(out, ":%lld", f.line.value);
		or_buf_puts(out, " | ");
		or_report_md_cell(out, f.message ? f.message : "");
		or_buf_puts(out, " |\n");
	}
}

static void render_markdown(or_buf *out, const or_report *diff)
{
	or_report_diff_view view;
	size_t i;

	or_report_read_diff(diff, &view);
	or_buf_printf(out, "## opsready: %lld new, %lld fixed, %lld unchanged\n\n| Area | Score |\n| --- | --- |\n| overall | ",
		      view.added.value, view.fixed.value, view.unchanged.value);
	score_delta(out, &view.score);
	or_buf_puts(out, " |\n");
	for (i = 0; i < view.nareas; i++) {
		or_report_score_change_view area;

		or_report_read_diff_area(diff, i, &area);
		if (!area.new_score.known && !area.old_score.known)
			continue;
		or_buf_puts(out, "| ");
		or_report_md_cell(out, area.area);
		or_buf_puts(out, " | ");
		score_delta(out, &area);
		or_buf_puts(out, " |\n");
	}
	md_findings(out, "New findings", diff, &view, OR_DIFF_NEW);
	md_findings(out, "Fixed findings", diff, &view, OR_DIFF_FIXED);
}

int or_diff_render(char **out, size_t *len, const or_report *diff, const char *format,
		   or_diag *diag)
{
	or_buf buf = OR_BUF_INIT;

	*out = NULL;
	*len = 0;
	if (strcmp(format, "json") == 0) {
		char *dump = json_dumps(diff->root, JSON_INDENT(2) | JSON_REAL_PRECISION(10));
		if (!dump)
			return or_diag_set(diag, OR_EXIT_RUNTIME, NULL, 0, 0,
					   "the diff could not be serialised");
		or_buf_puts(&buf, dump);
		or_buf_putc(&buf, '\n');
		free(dump);
	} else if (strcmp(format, "markdown") == 0) {
		render_markdown(&buf, diff);
	} else if (strcmp(format, "text") == 0) {
		render_text(&buf, diff);
	} else {
		return or_diag_set(diag, OR_EXIT_USAGE, NULL, 0, 0,
				   "diff: unknown format '%s' (known: text, json, markdown)", format);
	}
	*len = buf.size;
	*out = or_buf_detach(&buf);
	return 0;
}
