/*
 * The text report: one compiler-style line per finding,
 *   path:line:col: severity: message [rule-id]
 * then the files that were not read and a summary line with the counts, the
 * score and PASS or FAIL. Every value from the scanned repository is
 * escaped (or_escape_text): no control character, bidi override or line
 * break reaches the terminal, and no line opens with a workflow command.
 */
#include <string.h>

#include "render/reporter.h"
#include "report/read.h"
#include "report/value.h"
#include "util/escape.h"

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
	or_escape_line_start(out, f->file);
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
	or_escape_text(out, f->message);
	or_buf_puts(out, color ? " " DIM "[" : " [");
	or_escape_text(out, f->rule);
	or_buf_puts(out, color ? "]" RESET : "]");
	if (strcmp(f->status, "active") != 0) {
		or_buf_puts(out, " (");
		or_escape_text(out, f->status);
		if (f->reason) {
			or_buf_puts(out, ": ");
			or_escape_text(out, f->reason);
		}
		/* who accepted it, and until when: as SARIF's justification has it */
		if (f->waived && f->waiver.approved_by) {
			or_buf_puts(out, "; approved by ");
			or_escape_text(out, f->waiver.approved_by);
		}
		if (f->waived && f->waiver.expires) {
			or_buf_puts(out, "; expires ");
			or_escape_text(out, f->waiver.expires);
		}
		or_buf_putc(out, ')');
	}
	or_buf_putc(out, '\n');
}

static void plural(or_buf *out, long long n, const char *word)
{
	or_buf_printf(out, "%lld %s%s", n, word, n == 1 ? "" : "s");
}

static void summary_line(or_buf *out, const or_report *report, bool color)
{
	or_report_summary_view summary;
	bool passed, first = true;
	size_t i;

	or_report_read_summary(report, &summary);
	passed = summary.verdict && strcmp(summary.verdict, "pass") == 0;
	or_buf_puts(out, "opsready: ");
	plural(out, summary.error.value, "error");
	or_buf_puts(out, ", ");
	plural(out, summary.warning.value, "warning");
	or_buf_puts(out, ", ");
	plural(out, summary.notice.value, "notice");
	or_report_put_excepted(out, &summary, ", ");
	or_buf_printf(out, "; score %.1f/100", summary.score.value);
	for (i = 0; i < or_report_nareas(report); i++) {
		or_report_area_view area;

		or_report_read_area(report, i, &area);
		if (!area.score.known)
			continue;
		or_buf_puts(out, first ? " (" : ", ");
		or_escape_text(out, area.name);
		or_buf_printf(out, " %.1f", area.score.value);
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
static void training_line(or_buf *out, const or_report *report)
{
	static const char *const parts[] = { "missing", "expired", "expiring", "due" };
	or_report_training_view training;
	or_report_course_view lowest = { 0 };
	bool first = true, any = false;
	long long counts[4];
	size_t i;

	if (!or_report_read_training(report, &training))
		return;
	counts[0] = training.missing.value;
	counts[1] = training.expired.value;
	counts[2] = training.expiring.value;
	counts[3] = training.due.value;
	or_buf_printf(out, "training: %lld of %lld people fully trained",
		      training.fully_trained.value, training.people.value);
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		if (!counts[i])
			continue;
		or_buf_printf(out, "%s%lld %s", first ? " (" : ", ", counts[i], parts[i]);
		first = false;
	}
	if (!first)
		or_buf_putc(out, ')');
	for (i = 0; i < training.ncourses; i++) {
		or_report_course_view c;

		or_report_read_course(report, i, &c);
		if (!c.percent.known || c.percent.value >= 100)
			continue;
		if (!any || c.percent.value < lowest.percent.value)
			lowest = c;
		any = true;
	}
	if (any) {
		or_buf_puts(out, "; lowest: ");
		or_escape_text(out, lowest.title ? lowest.title : lowest.id ? lowest.id : "?");
		or_buf_printf(out, " %.1f%%", lowest.percent.value);
	}
	or_buf_putc(out, '\n');
}

/* "drills: 4 of 5 drill types on schedule; failed: disaster-recovery (2026-11-10)" */
static void drills_line(or_buf *out, const or_report *report)
{
	size_t i, n = or_report_ndrills(report), ok = 0, scheduled = 0;
	or_buf failed = OR_BUF_INIT, late = OR_BUF_INIT;

	if (!n)
		return;
	for (i = 0; i < n; i++) {
		or_report_drill_view t;
		const char *status, *type;

		or_report_read_drill(report, i, &t);
		status = t.status ? t.status : "ok";
		type = t.type ? t.type : "?";
		if (!t.every_days.known)
			continue;
		scheduled++;
		if (strcmp(status, "ok") == 0)
			ok++;
		else if (strcmp(status, "failed") == 0) {
			or_buf_puts(&failed, failed.size ? ", " : "");
			or_escape_text(&failed, type);
			or_buf_puts(&failed, " (");
			or_escape_text(&failed, t.latest.date ? t.latest.date : "?");
			or_buf_putc(&failed, ')');
		} else {
			or_buf_puts(&late, late.size ? ", " : "");
			or_escape_text(&late, type);
		}
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
static void contacts_line(or_buf *out, const or_report *report)
{
	static const char *const states[] = { "invalid", "placeholder", "duplicate", "stale",
					      "unverified" };
	size_t i, s, n = or_report_ncontacts(report), counts[5] = { 0 };
	bool first = true;

	if (!n)
		return;
	for (i = 0; i < n; i++) {
		or_report_contact_view c;
		const char *status;

		or_report_read_contact(report, i, &c);
		status = c.status ? c.status : "ok";
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
	const or_finding_table *findings = &value->findings;
	or_report_scan_view scan;
	or_report_gate_view gate;
	int fail_on;
	bool color = options->color == OR_COLOR_ALWAYS;
	or_buf line = OR_BUF_INIT;
	size_t i;

	(void)diag;
	or_report_read_scan(value, &scan);
	or_report_read_gate(value, &gate);
	fail_on = or_report_severity_rank(gate.fail_on ? gate.fail_on : "error");
	for (i = 0; i < findings->count; i++) {
		const or_report_finding *f = &findings->items[i];
		if (options->quiet && (strcmp(f->status, "active") != 0 ||
				       or_report_severity_rank(f->severity) < fail_on))
			continue;
		finding_line(&line, f, color);
		emit(out, &line);
	}
	if (!options->quiet) {
		for (i = 0; i < scan.nskipped; i++) {
			or_report_skipped_view s;

			or_report_read_skipped(value, i, &s);
			or_escape_line_start(&line, s.path ? s.path : "?");
			or_buf_puts(&line, ": not read: ");
			or_escape_text(&line, s.reason ? s.reason : "");
			or_buf_putc(&line, '\n');
		}
		training_line(&line, value);
		drills_line(&line, value);
		contacts_line(&line, value);
	}
	summary_line(&line, value, color);
	emit(out, &line);
	or_buf_dispose(&line);
	return 0;
}

const or_reporter or_reporter_text = { "text", "txt", render_text };
