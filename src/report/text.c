/*
 * The text report: one compiler-style line per finding,
 *   path:line:col: severity: message [rule-id]
 * then the files that were not read and a summary line with the counts, the
 * score and PASS or FAIL.
 */
#include <string.h>

#include "report/reporter.h"

#define RESET "\033[0m"
#define BOLD "\033[1m"
#define RED "\033[1;31m"
#define YELLOW "\033[1;33m"
#define CYAN "\033[1;36m"
#define GREEN "\033[1;32m"
#define DIM "\033[2m"

static const char *severity_color(const char *severity)
{
	if (strcmp(severity, "error") == 0)
		return RED;
	if (strcmp(severity, "warning") == 0)
		return YELLOW;
	return CYAN;
}

static int severity_rank(const char *name)
{
	if (strcmp(name, "error") == 0)
		return 2;
	if (strcmp(name, "warning") == 0)
		return 1;
	if (strcmp(name, "notice") == 0)
		return 0;
	return 3; /* never */
}

static void location(or_buf *out, const json_t *f, bool color)
{
	const char *file = or_report_str(f, "file", NULL);
	json_int_t line = json_integer_value(json_object_get(f, "line"));
	json_int_t column = json_integer_value(json_object_get(f, "column"));

	if (!file)
		return;
	if (color)
		or_buf_puts(out, BOLD);
	or_buf_puts(out, file);
	if (line > 0) {
		or_buf_printf(out, ":%lld", (long long)line);
		if (column > 0)
			or_buf_printf(out, ":%lld", (long long)column);
	}
	or_buf_puts(out, ":");
	if (color)
		or_buf_puts(out, RESET);
	or_buf_putc(out, ' ');
}

static void finding_line(or_buf *out, const json_t *f, bool color)
{
	const char *severity = or_report_str(f, "severity", "error");
	const char *status = or_report_str(f, "status", "active");

	location(out, f, color);
	if (color)
		or_buf_printf(out, "%s%s:%s ", severity_color(severity), severity, RESET);
	else
		or_buf_printf(out, "%s: ", severity);
	or_buf_puts(out, or_report_str(f, "message", ""));
	if (color)
		or_buf_printf(out, " %s[%s]%s", DIM, or_report_str(f, "rule", "?"), RESET);
	else
		or_buf_printf(out, " [%s]", or_report_str(f, "rule", "?"));
	if (strcmp(status, "active") != 0) {
		const char *reason = or_report_str(f, "reason", NULL);
		or_buf_printf(out, " (%s%s%s)", status, reason ? ": " : "", reason ? reason : "");
	}
	or_buf_putc(out, '\n');
}

static void plural(or_buf *out, json_int_t n, const char *word)
{
	or_buf_printf(out, "%lld %s%s", (long long)n, word, n == 1 ? "" : "s");
}

static void summary_line(or_buf *out, const json_t *report, bool color)
{
	const json_t *summary = json_object_get(report, "summary");
	const json_t *counts = json_object_get(summary, "counts");
	const json_t *areas = json_object_get(summary, "areas");
	bool passed = strcmp(or_report_str(summary, "verdict", "fail"), "pass") == 0;
	static const char *const excepted[] = { "waived", "suppressed", "baseline",
						"outside_change" };
	const char *area;
	const json_t *value;
	bool first = true;
	size_t i;

	or_buf_puts(out, "opsready: ");
	plural(out, json_integer_value(json_object_get(counts, "error")), "error");
	or_buf_puts(out, ", ");
	plural(out, json_integer_value(json_object_get(counts, "warning")), "warning");
	or_buf_puts(out, ", ");
	plural(out, json_integer_value(json_object_get(counts, "notice")), "notice");
	for (i = 0; i < sizeof(excepted) / sizeof(excepted[0]); i++) {
		json_int_t n = json_integer_value(json_object_get(summary, excepted[i]));
		if (n)
			or_buf_printf(out, ", %lld %s", (long long)n,
				      strcmp(excepted[i], "outside_change") == 0 ? "outside the change"
										 : excepted[i]);
	}
	or_buf_printf(out, "; score %.1f/100",
		      json_number_value(json_object_get(summary, "score")));
	json_object_foreach((json_t *)areas, area, value) {
		const json_t *score = json_object_get(value, "score");
		if (!json_is_number(score))
			continue;
		or_buf_printf(out, "%s%s %.1f", first ? " (" : ", ", area, json_number_value(score));
		first = false;
	}
	if (!first)
		or_buf_putc(out, ')');
	or_buf_puts(out, "; ");
	if (color)
		or_buf_printf(out, "%s%s%s\n", passed ? GREEN : RED, passed ? "PASS" : "FAIL", RESET);
	else
		or_buf_puts(out, passed ? "PASS\n" : "FAIL\n");
}

static int render_text(or_buf *out, const json_t *report, const or_render_options *options,
		       or_diag *diag)
{
	const json_t *findings = json_object_get(report, "findings");
	const json_t *skipped = json_object_get(json_object_get(report, "scan"), "skipped");
	int fail_on = severity_rank(
		or_report_str(json_object_get(report, "gate"), "fail_on", "error"));
	bool color = options->color == OR_COLOR_ALWAYS;
	size_t i;

	for (i = 0; i < json_array_size(findings); i++) {
		const json_t *f = json_array_get(findings, i);
		if (options->quiet &&
		    (strcmp(or_report_str(f, "status", "active"), "active") != 0 ||
		     severity_rank(or_report_str(f, "severity", "error")) < fail_on))
			continue;
		finding_line(out, f, color);
	}
	if (!options->quiet) {
		for (i = 0; i < json_array_size(skipped); i++) {
			const json_t *s = json_array_get(skipped, i);
			or_buf_printf(out, "%s: not read: %s\n", or_report_str(s, "path", "?"),
				      or_report_str(s, "reason", ""));
		}
	}
	summary_line(out, report, color);
	return 0;
}

const or_reporter or_reporter_text = { "text", "txt", render_text };
