/*
 * The text report: one compiler-style line per finding,
 *   path:line:col: severity: message [rule-id]
 * then the files that were not read and a summary line with the counts, the
 * score and PASS or FAIL.
 */
#include <string.h>

#include "report/value.h"
#include "render/reporter.h"

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

static void location(or_buf *out, const or_report_finding *f, bool color)
{
	if (!f->file)
		return;
	if (color)
		or_buf_puts(out, BOLD);
	or_buf_puts(out, f->file);
	if (f->line > 0) {
		or_buf_printf(out, ":%lld", f->line);
		if (f->column > 0)
			or_buf_printf(out, ":%lld", f->column);
	}
	or_buf_puts(out, ":");
	if (color)
		or_buf_puts(out, RESET);
	or_buf_putc(out, ' ');
}

static void finding_line(or_buf *out, const or_report_finding *f, bool color)
{
	location(out, f, color);
	if (color)
		or_buf_printf(out, "%s%s:%s ", severity_color(f->severity), f->severity, RESET);
	else
		or_buf_printf(out, "%s: ", f->severity);
	or_buf_puts(out, f->message);
	if (color)
		or_buf_printf(out, " %s[%s]%s", DIM, f->rule, RESET);
	else
		or_buf_printf(out, " [%s]", f->rule);
	if (strcmp(f->status, "active") != 0) {
		or_buf_printf(out, " (%s%s%s", f->status, f->reason ? ": " : "",
			      f->reason ? f->reason : "");
		/* who accepted it, and until when: as SARIF's justification has it */
		if (f->waived && f->waiver.approved_by)
			or_buf_printf(out, "; approved by %s", f->waiver.approved_by);
		if (f->waived && f->waiver.expires)
			or_buf_printf(out, "; expires %s", f->waiver.expires);
		or_buf_putc(out, ')');
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
	const char *area;
	const json_t *value;
	bool first = true;

	or_buf_puts(out, "opsready: ");
	plural(out, json_integer_value(json_object_get(counts, "error")), "error");
	or_buf_puts(out, ", ");
	plural(out, json_integer_value(json_object_get(counts, "warning")), "warning");
	or_buf_puts(out, ", ");
	plural(out, json_integer_value(json_object_get(counts, "notice")), "notice");
	or_report_put_excepted(out, summary, ", ");
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

/* "training: 3 of 5 people fully trained (...); lowest: X 60.0%" */
static void training_line(or_buf *out, const json_t *training)
{
	const json_t *summary = json_object_get(training, "summary");
	const json_t *courses = json_object_get(training, "courses");
	const json_t *lowest = NULL;
	static const char *const parts[] = { "missing", "expired", "expiring", "due" };
	bool first = true;
	size_t i;

	if (!json_is_object(training))
		return;
	or_buf_printf(out, "training: %lld of %lld people fully trained",
		      (long long)json_integer_value(json_object_get(summary, "fully_trained")),
		      (long long)json_integer_value(json_object_get(summary, "people")));
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		json_int_t n = json_integer_value(json_object_get(summary, parts[i]));
		if (!n)
			continue;
		or_buf_printf(out, "%s%lld %s", first ? " (" : ", ", (long long)n, parts[i]);
		first = false;
	}
	if (!first)
		or_buf_putc(out, ')');
	for (i = 0; i < json_array_size(courses); i++) {
		const json_t *c = json_array_get(courses, i);
		const json_t *percent = json_object_get(c, "percent");
		if (!json_is_number(percent) || json_number_value(percent) >= 100)
			continue;
		if (!lowest || json_number_value(percent) <
				       json_number_value(json_object_get(lowest, "percent")))
			lowest = c;
	}
	if (lowest)
		or_buf_printf(out, "; lowest: %s %.1f%%",
			      or_report_str(lowest, "title", or_report_str(lowest, "id", "?")),
			      json_number_value(json_object_get(lowest, "percent")));
	or_buf_putc(out, '\n');
}

/* "drills: 4 of 5 drill types on schedule; failed: disaster-recovery (2026-11-10)" */
static void drills_line(or_buf *out, const json_t *drills)
{
	size_t i, n = json_array_size(drills), ok = 0, scheduled = 0;
	or_buf failed = OR_BUF_INIT, late = OR_BUF_INIT;

	if (!n)
		return;
	for (i = 0; i < n; i++) {
		const json_t *t = json_array_get(drills, i);
		const char *status = or_report_str(t, "status", "ok");
		const char *type = or_report_str(t, "type", "?");

		if (!json_is_integer(json_object_get(t, "every_days")))
			continue;
		scheduled++;
		if (strcmp(status, "ok") == 0)
			ok++;
		else if (strcmp(status, "failed") == 0)
			or_buf_printf(&failed, "%s%s (%s)", failed.size ? ", " : "", type,
				      or_report_str(json_object_get(t, "latest"), "date", "?"));
		else
			or_buf_printf(&late, "%s%s", late.size ? ", " : "", type);
	}
	or_buf_printf(out, "drills: %zu of %zu drill types on schedule and passing", ok, scheduled);
	if (failed.size)
		or_buf_printf(out, "; latest failed: %s", failed.ptr);
	if (late.size)
		or_buf_printf(out, "; overdue: %s", late.ptr);
	or_buf_putc(out, '\n');
	or_buf_dispose(&failed);
	or_buf_dispose(&late);
}

/* "contacts: 12 (3 stale, 1 unverified, 2 placeholder, 1 invalid)" */
static void contacts_line(or_buf *out, const json_t *contacts)
{
	static const char *const states[] = { "invalid", "placeholder", "duplicate", "stale",
					      "unverified" };
	size_t i, s, n = json_array_size(contacts), counts[5] = { 0 };
	bool first = true;

	if (!n)
		return;
	for (i = 0; i < n; i++) {
		const char *status = or_report_str(json_array_get(contacts, i), "status", "ok");
		for (s = 0; s < 5; s++)
			if (strcmp(status, states[s]) == 0)
				counts[s]++;
	}
	or_buf_printf(out, "contacts: %zu", n);
	for (s = 0; s < 5; s++) {
		if (!counts[s])
			continue;
		or_buf_printf(out, "%s%zu %s", first ? " (" : ", ", counts[s], states[s]);
		first = false;
	}
	or_buf_puts(out, first ? ", all usable and fresh\n" : ")\n");
}

/* Hand what `line` holds to `out` and empty it. */
static void emit(or_out *out, or_buf *line)
{
	or_out_put(out, line->ptr, line->size);
	or_buf_clear(line);
}

static int render_text(or_out *out, const or_report *value, const or_render_options *options,
		       or_diag *diag)
{
	const json_t *report = value->root;
	const or_finding_table *findings = &value->findings;
	const json_t *skipped = json_object_get(json_object_get(report, "scan"), "skipped");
	int fail_on = or_report_severity_rank(
		or_report_str(json_object_get(report, "gate"), "fail_on", "error"));
	bool color = options->color == OR_COLOR_ALWAYS;
	or_buf line = OR_BUF_INIT;
	size_t i;

	(void)diag;
	for (i = 0; i < findings->count; i++) {
		const or_report_finding *f = &findings->items[i];
		if (options->quiet && (strcmp(f->status, "active") != 0 ||
				       or_report_severity_rank(f->severity) < fail_on))
			continue;
		finding_line(&line, f, color);
		emit(out, &line);
	}
	if (!options->quiet) {
		for (i = 0; i < json_array_size(skipped); i++) {
			const json_t *s = json_array_get(skipped, i);
			or_buf_printf(&line, "%s: not read: %s\n", or_report_str(s, "path", "?"),
				      or_report_str(s, "reason", ""));
		}
		training_line(&line, json_object_get(report, "training"));
		drills_line(&line, json_object_get(report, "drills"));
		contacts_line(&line, json_object_get(report, "contacts"));
	}
	summary_line(&line, report, color);
	emit(out, &line);
	or_buf_dispose(&line);
	return 0;
}

const or_reporter or_reporter_text = { "text", "txt", render_text };
