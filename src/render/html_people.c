/*
 * The HTML report on people: the training records (the matrix of people
 * and courses, completion per course and per team) and the drill log
 * (each drill type's record, then every drill).
 */
#include <string.h>

#include <libxml/tree.h>

#include "render/html.h"

/* ---- training ---- */

/*
 * The grid of people x courses is drawn up to this many cells (100 people
 * by 100 courses). Past it, a grid is no use to a reader and costs a page of
 * hundreds of megabytes; the page says so and lists, for each person not
 * fully trained, the courses not done (up to MATRIX_PERSON_ITEMS of them),
 * above the completion per course and per team. Every recorded or required
 * cell stays in the JSON report.
 */
#define MATRIX_MAX_CELLS ((size_t)10000)
#define MATRIX_PERSON_ITEMS 20

static const char *person_label(const or_report_person_view *person)
{
	return or_html_or(person->name, or_html_or(person->id, "?"));
}

/* The cell at `index` of the matrix, or none (`found` false). */
static void matrix_cell(xmlNodePtr row, const html_ctx *ctx, bool found, size_t index)
{
	or_report_cell_view entry;
	const char *status;
	xmlNodePtr td = or_html_add(row, "td", "cell");
	const char *date = NULL, *label;

	if (!found) {
		/* the matrix lists every recorded or required cell: not required */
		or_html_add_text(td, "span", "not-required", "not required");
		return;
	}
	or_report_read_cell(ctx->report, index, &entry);
	status = label = or_html_or(entry.status, "unknown");
	if (strcmp(status, "done") == 0 || strcmp(status, "expiring") == 0) {
		date = entry.completed;
	} else if (strcmp(status, "expired") == 0) {
		date = entry.expires;
	} else if (strcmp(status, "due") == 0) {
		date = entry.due;
	} else if (strcmp(status, "not-required") == 0) {
		or_html_add_text(td, "span", "not-required", "not required");
		return;
	}
	or_html_badge(td, "st", status, label);
	if (date) {
		xmlNodePtr d;
		or_html_text(td, " ");
		d = or_html_add(td, "span", "date");
		if (strcmp(status, "expiring") == 0)
			or_html_textf(d, "until %s", or_html_or(entry.expires, date));
		else
			or_html_text(d, date);
	}
}

/* "75.0%", or "—" */
static void put_percent(or_buf *out, or_report_real percent)
{
	or_html_score_text(out, percent);
	if (percent.known)
		or_buf_putc(out, '%');
}

static void matrix(xmlNodePtr parent, const html_ctx *ctx, const or_report_training_view *training)
{
	or_report_cell_ids cells;
	xmlNodePtr table, row, tbody, foot;
	size_t i, c;

	or_report_cell_ids_init(&cells, ctx->report);
	table = or_html_add(or_html_add(parent, "div", "table-wrap"), "table", "matrix compact");
	row = or_html_add(or_html_add(table, "thead", NULL), "tr", NULL);
	or_html_attr(or_html_add_text(row, "th", NULL, "Person"), "scope", "col");
	for (c = 0; c < training->ncourses; c++) {
		or_report_course_view course;
		xmlNodePtr th = or_html_add(row, "th", "course");

		or_report_read_course(ctx->report, c, &course);
		or_html_attr(th, "scope", "col");
		or_html_text(th, or_html_or(course.title, or_html_or(course.id, "?")));
		or_html_attr(th, "title", or_html_or(course.id, ""));
	}
	tbody = or_html_add(table, "tbody", NULL);
	for (i = 0; i < training->npeople; i++) {
		or_report_person_view person;
		const char *id;
		xmlNodePtr th;

		or_report_read_person(ctx->report, i, &person);
		id = or_html_or(person.id, "");
		row = or_html_add(tbody, "tr", NULL);
		th = or_html_add(row, "th", NULL);
		or_html_attr(th, "scope", "row");
		or_html_add_text(th, "span", "person-name", person_label(&person));
		or_html_textf(or_html_aside(th, "person-team"), "%s%s",
			      or_html_or(person.team, "no team"),
			      person.fully_trained ? " \xc2\xb7 fully trained" : "");
		for (c = 0; c < training->ncourses; c++) {
			or_report_course_view course;
			size_t position = 0;
			bool found;

			or_report_read_course(ctx->report, c, &course);
			found = or_report_find_cell(&cells, id, or_html_or(course.id, ""),
						    &position);
			matrix_cell(row, ctx, found, position);
		}
	}
	foot = or_html_add(or_html_add(table, "tfoot", NULL), "tr", NULL);
	or_html_add_text(foot, "td", NULL, "Completion");
	for (c = 0; c < training->ncourses; c++) {
		or_report_course_view course;
		xmlNodePtr td = or_html_add(foot, "td", "cell");
		or_buf buf = OR_BUF_INIT;

		or_report_read_course(ctx->report, c, &course);
		if (!course.required.value) {
			or_html_text(td, "nobody required");
			continue;
		}
		put_percent(&buf, course.percent);
		or_html_text(td, or_buf_cstr(&buf));
		or_html_text(td, " ");
		or_buf_clear(&buf);
		or_buf_printf(&buf, "%lld of %lld", course.valid.value, course.required.value);
		or_html_add_text(td, "span", "date", or_buf_cstr(&buf));
		or_buf_dispose(&buf);
	}
	or_report_cell_ids_dispose(&cells);
}

/* The large matrix: each person not fully trained, with what is not done. */
static void matrix_list(xmlNodePtr parent, const html_ctx *ctx,
			const or_report_training_view *training)
{
	static const char *const titles[] = { "Person", "Team", "Courses not done", NULL };
	or_report_cell_ids cells;
	or_buf buf = OR_BUF_INIT;
	xmlNodePtr tbody;
	size_t i, k, from, to, shown_people = 0;

	or_buf_printf(&buf,
		      "The matrix has %zu people by %zu courses, too many cells to draw (more than "
		      "%zu). Listed instead: each person who is not fully trained, with the "
		      "required or recorded courses that are not done (up to %d each). The "
		      "completion per course and per team follows; the JSON report holds every "
		      "recorded or required cell (training.matrix), and each missing or expired "
		      "course is a finding.",
		      training->npeople, training->ncourses, MATRIX_MAX_CELLS, MATRIX_PERSON_ITEMS);
	or_html_add_text(parent, "p", "note", or_buf_cstr(&buf));
	or_report_cell_ids_init(&cells, ctx->report);
	tbody = or_html_new_table(parent, "compact", titles);
	for (i = 0; i < training->npeople; i++) {
		or_report_person_view person;
		xmlNodePtr row, td;
		size_t listed = 0, more = 0;

		or_report_read_person(ctx->report, i, &person);
		if (person.fully_trained)
			continue;
		shown_people++;
		row = or_html_add(tbody, "tr", NULL);
		or_html_cell_str(row, NULL, person_label(&person));
		or_html_cell_str(row, NULL, or_html_or(person.team, "no team"));
		td = or_html_add(row, "td", NULL);
		or_report_person_cells(&cells, or_html_or(person.id, ""), &from, &to);
		for (k = from; k < to; k++) {
			or_report_cell_view cell;
			const char *status;

			or_report_read_cell(ctx->report, or_report_cell_at(&cells, k), &cell);
			status = or_html_or(cell.status, "unknown");
			if (strcmp(status, "done") == 0 || strcmp(status, "not-required") == 0 ||
			    (!cell.required && strcmp(status, "expired") == 0))
				continue;
			if (listed == MATRIX_PERSON_ITEMS) {
				more++;
				continue;
			}
			if (listed++)
				or_html_text(td, ", ");
			or_html_text(td, or_html_or(cell.course, "?"));
			or_html_text(td, " ");
			or_html_badge(td, "st", status, status);
		}
		if (more)
			or_html_textf(td, " and %zu more", more);
	}
	if (!shown_people)
		or_html_empty(parent, "Everyone is fully trained.");
	or_report_cell_ids_dispose(&cells);
	or_buf_dispose(&buf);
}

void or_html_training(xmlNodePtr parent, const html_ctx *ctx)
{
	static const char *const course_titles[] = { "Course", "Title", "#Hours", "Mandatory",
						     "#Valid for (days)", "Required for",
						     "#Valid / required", "#Completion", NULL };
	static const char *const team_titles[] = { "Team", "#Members", "#Fully trained",
						   "#Valid / required", "#Completion",
						   "Escalation level", NULL };
	or_report_training_view training;
	or_buf buf = OR_BUF_INIT;
	xmlNodePtr tbody, legend;
	size_t i;

	if (!or_report_read_training(ctx->report, &training)) {
		or_html_empty(parent,
			      "No training records configured (inputs.training in .opsready.yml).");
		return;
	}
	or_buf_printf(&buf, "Records: %s. ", or_html_or(training.records, "?"));
	or_html_put_count(&buf, training.fully_trained.value);
	or_buf_puts(&buf, " of ");
	or_html_put_count(&buf, training.people.value);
	or_buf_printf(&buf, " people fully trained; %lld missing, %lld expired, %lld expiring, "
			    "%lld due (course completions).",
		      training.missing.value, training.expired.value, training.expiring.value,
		      training.due.value);
	or_html_add_text(parent, "p", NULL, or_buf_cstr(&buf));
	or_buf_dispose(&buf);

	or_html_add_text(parent, "h3", NULL, "Training matrix");
	if (!training.npeople || !training.ncourses) {
		or_html_empty(parent, "No people or no courses in the training records.");
	} else if (training.npeople > MATRIX_MAX_CELLS / training.ncourses) {
		matrix_list(parent, ctx, &training);
	} else {
		legend = or_html_add(parent, "p", "note");
		or_html_text(legend, "Each cell: ");
		or_html_badge(legend, "st", "done", NULL);
		or_html_text(legend, " with the completion date, ");
		or_html_badge(legend, "st", "expiring", NULL);
		or_html_text(legend, " soon, with the date it lapses, ");
		or_html_badge(legend, "st", "expired", NULL);
		or_html_text(legend, " with the date it lapsed, ");
		or_html_badge(legend, "st", "missing", NULL);
		or_html_text(legend, " (never completed), ");
		or_html_badge(legend, "st", "due", NULL);
		or_html_text(legend, " with the date it is due by (new joiners), ");
		or_html_add_text(legend, "span", "not-required", "not required");
		or_html_text(legend, ".");
		matrix(parent, ctx, &training);
	}

	or_html_add_text(parent, "h3", NULL, "Completion per course");
	if (!training.ncourses) {
		or_html_empty(parent, "No courses configured.");
	} else {
		tbody = or_html_new_table(parent, "compact", course_titles);
		for (i = 0; i < training.ncourses; i++) {
			or_report_course_view c;
			xmlNodePtr row = or_html_add(tbody, "tr", NULL);
			or_buf pct = OR_BUF_INIT;

			or_report_read_course(ctx->report, i, &c);
			or_html_add_text(or_html_add(row, "td", NULL), "code", NULL,
					 or_html_or(c.id, "?"));
			or_html_cell_text(row, NULL, c.title);
			or_html_cell_real(row, "num", c.hours);
			or_html_cell_bool(row, NULL, c.mandatory);
			or_html_cell_int(row, "num", c.valid_for_days);
			if (c.required_for.count)
				or_html_cell_strings(row, NULL, &c.required_for);
			else
				or_html_cell_str(row, NULL,
						 c.mandatory.value ? "everyone" : "optional");
			or_buf_printf(&pct, "%lld / %lld", c.valid.value, c.required.value);
			or_html_cell_str(row, "num", or_buf_cstr(&pct));
			or_buf_clear(&pct);
			put_percent(&pct, c.percent);
			or_html_cell_str(row, "num", or_buf_cstr(&pct));
			or_buf_dispose(&pct);
		}
	}

	or_html_add_text(parent, "h3", NULL, "Completion per team");
	if (!training.nteams) {
		or_html_empty(parent, "No teams in the training records.");
	} else {
		tbody = or_html_new_table(parent, "compact", team_titles);
		for (i = 0; i < training.nteams; i++) {
			or_report_team_view t;
			xmlNodePtr row = or_html_add(tbody, "tr", NULL);
			or_buf b = OR_BUF_INIT;

			or_report_read_team(ctx->report, i, &t);
			or_html_cell_str(row, NULL, t.name);
			or_html_cell_int(row, "num", t.members);
			or_html_cell_int(row, "num", t.fully_trained);
			or_buf_printf(&b, "%lld / %lld", t.valid.value, t.required.value);
			or_html_cell_str(row, "num", or_buf_cstr(&b));
			or_buf_clear(&b);
			put_percent(&b, t.percent);
			or_html_cell_str(row, "num", or_buf_cstr(&b));
			or_buf_clear(&b);
			if (t.has_escalation) {
				or_buf_printf(&b, "Level %lld", t.escalation_level.value);
				if (t.escalation_window)
					or_buf_printf(&b, " (%s)", t.escalation_window);
			}
			or_html_cell_str(row, NULL, or_buf_cstr(&b));
			or_buf_dispose(&b);
		}
	}
}

/* ---- drills ---- */

/* "7.5 min (objective 5 min)" */
static void measured(or_buf *out, or_report_real value, or_report_real objective,
		     const char *unit)
{
	if (value.known)
		or_buf_printf(out, "%g %s", value.value, unit);
	else if (objective.known)
		or_buf_puts(out, "not measured");
	else
		or_buf_puts(out, NONE);
	if (objective.known)
		or_buf_printf(out, " (objective %g %s%s)", objective.value, unit,
			      value.known && value.value > objective.value ? ", missed" : "");
}

void or_html_drills(xmlNodePtr parent, const html_ctx *ctx)
{
	static const char *const titles[] = { "Drill", "Cadence", "#Drills", "Latest", "Outcome",
					      "RTO", "RPO", "Next due", "Status", NULL };
	static const char *const history_titles[] = { "Date", "Drill", "Outcome", "RTO", "RPO",
						      "Participants", "#Log line", NULL };
	size_t ndrills = or_report_ndrills(ctx->report);
	or_report_scan_view scan;
	const char *log;
	xmlNodePtr tbody;
	size_t i, j, total = 0;

	or_report_read_scan(ctx->report, &scan);
	log = scan.inputs.drills;
	if (!ndrills) {
		or_html_empty(parent,
			      log ? "The drill log has no drills and no drill types are required."
				  : "No drill log configured (inputs.drills in .opsready.yml).");
		return;
	}
	if (log)
		or_html_textf(or_html_add(parent, "p", "note"),
			      "Drill log: %s. RTO in minutes, RPO in seconds; "
			      "objectives come from the rule pack or the configuration.",
			      log);
	tbody = or_html_new_table(parent, "compact", titles);
	for (i = 0; i < ndrills; i++) {
		or_report_drill_view d;
		const char *outcome;
		xmlNodePtr row = or_html_add(tbody, "tr", NULL), td;
		or_buf b = OR_BUF_INIT;

		or_report_read_drill(ctx->report, i, &d);
		outcome = d.latest.outcome;
		total += d.nhistory;
		or_html_cell_str(row, NULL, or_html_or(d.type, "?"));
		if (d.every_days.known)
			or_buf_printf(&b, "every %lld days", d.every_days.value);
		or_html_cell_str(row, "nowrap", b.size ? or_buf_cstr(&b) : "not scheduled");
		or_html_cell_int(row, "num", d.count);
		or_html_cell_str(row, "nowrap", d.latest.date);
		td = or_html_add(row, "td", NULL);
		if (outcome)
			or_html_badge(td, "st", outcome, NULL);
		else
			or_html_text(td, NONE);
		or_buf_clear(&b);
		if (d.has_latest)
			measured(&b, d.latest.rto_minutes, d.rto_objective, "min");
		or_html_cell_str(row, NULL, or_buf_cstr(&b));
		or_buf_clear(&b);
		if (d.has_latest)
			measured(&b, d.latest.rpo_seconds, d.rpo_objective, "s");
		or_html_cell_str(row, NULL, or_buf_cstr(&b));
		or_html_cell_str(row, "nowrap", d.next_due);
		or_html_badge(or_html_add(row, "td", NULL), "st", or_html_or(d.status, "none"),
			      NULL);
		or_buf_dispose(&b);
	}

	or_html_add_text(parent, "h3", NULL, "Drill history");
	if (!total) {
		or_html_empty(parent, "No drills recorded.");
		return;
	}
	tbody = or_html_new_table(parent, "compact", history_titles);
	for (i = 0; i < ndrills; i++) {
		or_report_drill_view d;

		or_report_read_drill(ctx->report, i, &d);
		for (j = 0; j < d.nhistory; j++) {
			or_report_drill_run_view h;
			xmlNodePtr row = or_html_add(tbody, "tr", NULL), td;
			or_buf b = OR_BUF_INIT;

			or_report_read_drill_run(ctx->report, i, j, &h);
			or_html_cell_str(row, "nowrap", h.date);
			or_html_cell_str(row, NULL, h.type);
			td = or_html_add(row, "td", NULL);
			if (h.outcome)
				or_html_badge(td, "st", h.outcome, NULL);
			else
				or_html_text(td, "not recorded");
			measured(&b, h.rto_minutes, d.rto_objective, "min");
			or_html_cell_str(row, NULL, or_buf_cstr(&b));
			or_buf_clear(&b);
			measured(&b, h.rpo_seconds, d.rpo_objective, "s");
			or_html_cell_str(row, NULL, or_buf_cstr(&b));
			or_html_cell_strings(row, NULL, &h.participants);
			or_html_cell_int(row, "num", h.line);
			or_buf_dispose(&b);
		}
	}
}
