/* Rendering a diff between two reports: text, JSON or Markdown. */
#include <stdlib.h>
#include <string.h>

#include "report/value.h"
#include "opsready/compare.h"
#include "render/reporter.h"

static void score_delta(or_buf *out, const json_t *pair)
{
	const json_t *before = json_object_get(pair, "old"), *after = json_object_get(pair, "new");

	if (json_is_number(before) && json_is_number(after))
		or_buf_printf(out, "%.1f → %.1f (%+.1f)", json_number_value(before),
			      json_number_value(after),
			      json_number_value(after) - json_number_value(before));
	else if (json_is_number(after))
		or_buf_printf(out, "new: %.1f", json_number_value(after));
	else
		or_buf_puts(out, "not evaluated");
}

static void text_finding(or_buf *out, const char *what, const json_t *f)
{
	const char *file = or_report_str(f, "file", NULL);
	json_int_t line = json_integer_value(json_object_get(f, "line"));

	or_buf_printf(out, "%s: ", what);
	if (file) {
		or_buf_puts(out, file);
		if (line > 0)
			or_buf_printf(out, ":%lld", (long long)line);
		or_buf_puts(out, ": ");
	}
	or_buf_printf(out, "%s: %s [%s]\n", or_report_str(f, "severity", "?"),
		      or_report_str(f, "message", ""), or_report_str(f, "rule", "?"));
}

static void render_text(or_buf *out, const json_t *diff)
{
	const json_t *counts = json_object_get(diff, "counts");
	const json_t *score = json_object_get(diff, "score");
	const json_t *areas = json_object_get(score, "areas");
	const char *area;
	const json_t *value;
	size_t i;

	for (i = 0; i < json_array_size(json_object_get(diff, "new_findings")); i++)
		text_finding(out, "new", json_array_get(json_object_get(diff, "new_findings"), i));
	for (i = 0; i < json_array_size(json_object_get(diff, "fixed_findings")); i++)
		text_finding(out, "fixed", json_array_get(json_object_get(diff, "fixed_findings"), i));
	or_buf_printf(out, "opsready diff: %lld new, %lld fixed, %lld unchanged; score ",
		      (long long)json_integer_value(json_object_get(counts, "new")),
		      (long long)json_integer_value(json_object_get(counts, "fixed")),
		      (long long)json_integer_value(json_object_get(counts, "unchanged")));
	score_delta(out, score);
	or_buf_putc(out, '\n');
	json_object_foreach((json_t *)areas, area, value) {
		if (!json_is_number(json_object_get(value, "new")) &&
		    !json_is_number(json_object_get(value, "old")))
			continue;
		or_buf_printf(out, "  %s ", area);
		score_delta(out, value);
		or_buf_putc(out, '\n');
	}
}

static void md_findings(or_buf *out, const char *title, const json_t *findings)
{
	size_t i;

	if (!json_array_size(findings))
		return;
	or_buf_printf(out, "\n### %s\n\n| Severity | Rule | Where | What |\n| --- | --- | --- | --- |\n",
		      title);
	for (i = 0; i < json_array_size(findings); i++) {
		const json_t *f = json_array_get(findings, i);
		or_buf_printf(out, "| %s | `%s` | ", or_report_str(f, "severity", "?"),
			      or_report_str(f, "rule", "?"));
		or_report_md_cell(out, or_report_str(f, "file", "repository"));
		if (json_integer_value(json_object_get(f, "line")) > 0)
			or_buf_printf(out, ":%lld",
				      (long long)json_integer_value(json_object_get(f, "line")));
		or_buf_puts(out, " | ");
		or_report_md_cell(out, or_report_str(f, "message", ""));
		or_buf_puts(out, " |\n");
	}
}

static void render_markdown(or_buf *out, const json_t *diff)
{
	const json_t *counts = json_object_get(diff, "counts");
	const json_t *score = json_object_get(diff, "score");
	const char *area;
	const json_t *value;

	or_buf_printf(out, "## opsready: %lld new, %lld fixed, %lld unchanged\n\n| Area | Score |\n| --- | --- |\n| overall | ",
		      (long long)json_integer_value(json_object_get(counts, "new")),
		      (long long)json_integer_value(json_object_get(counts, "fixed")),
		      (long long)json_integer_value(json_object_get(counts, "unchanged")));
	score_delta(out, score);
	or_buf_puts(out, " |\n");
	json_object_foreach(json_object_get(score, "areas"), area, value) {
		if (!json_is_number(json_object_get(value, "new")) &&
		    !json_is_number(json_object_get(value, "old")))
			continue;
		or_buf_printf(out, "| %s | ", area);
		score_delta(out, value);
		or_buf_puts(out, " |\n");
	}
	md_findings(out, "New findings", json_object_get(diff, "new_findings"));
	md_findings(out, "Fixed findings", json_object_get(diff, "fixed_findings"));
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
		render_markdown(&buf, diff->root);
	} else if (strcmp(format, "text") == 0) {
		render_text(&buf, diff->root);
	} else {
		return or_diag_set(diag, OR_EXIT_USAGE, NULL, 0, 0,
				   "diff: unknown format '%s' (known: text, json, markdown)", format);
	}
	*len = buf.size;
	*out = or_buf_detach(&buf);
	return 0;
}
