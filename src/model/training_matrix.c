/*
 * The training matrix: courses of the pack and the records, people, the
 * state of each person's courses, and per-course and per-team counts, with
 * the problems of the records (unknown references, duplicates, future dates).
 */
#include "model/training_matrix.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/buf.h"
#include "util/text.h"

const char *or_cell_state_name(or_cell_state state)
{
	static const char *const names[] = { "not-required", "done", "expiring",
					     "expired", "missing", "due" };
	return names[state];
}

static json_int_t rule_int(const or_ruleset *rules, const char *id, const char *name,
			   json_int_t fallback)
{
	const json_t *v = or_ruleset_param(rules, id, name);
	return json_is_integer(v) ? json_integer_value(v) : fallback;
}

static int find_course(const or_training *t, const char *ref)
{
	size_t i;

	for (i = 0; i < t->ncourses; i++)
		if (strcmp(t->courses[i].id, ref) == 0)
			return (int)i;
	for (i = 0; i < t->ncourses; i++)
		if (or_text_key_equal(t->courses[i].id, ref) ||
		    (t->courses[i].title && or_text_key_equal(t->courses[i].title, ref)))
			return (int)i;
	return -1;
}

static int find_person(const or_training *t, const char *ref)
{
	size_t i;

	for (i = 0; i < t->npeople; i++)
		if (strcmp(t->people[i].id, ref) == 0)
			return (int)i;
	return -1;
}

/* Courses of the pack, then the records file's, by id. */
static void build_courses(or_training *t, or_arena *arena, const or_training_records *records,
			  const or_ruleset *rules, int default_valid)
{
	const json_t *pack = or_ruleset_param(rules, "training.missing", "courses");
	size_t i, j, cap = json_array_size(pack) + records->ncourses;

	t->courses = or_arena_alloc(arena, (cap ? cap : 1) * sizeof(or_matrix_course));
	for (i = 0; i < json_array_size(pack); i++) {
		const json_t *c = json_array_get(pack, i);
		const json_t *req = json_object_get(c, "required_for");
		or_matrix_course *mc;

		if (!json_is_string(json_object_get(c, "id")))
			continue;
		mc = &t->courses[t->ncourses++];
		mc->id = or_arena_strdup(arena, json_string_value(json_object_get(c, "id")));
		mc->title = or_arena_strdup(arena, json_string_value(json_object_get(c, "title")));
		mc->hours = json_is_number(json_object_get(c, "hours"))
				    ? json_number_value(json_object_get(c, "hours"))
				    : -1;
		mc->mandatory = json_is_true(json_object_get(c, "mandatory"));
		mc->valid_for_days = json_is_integer(json_object_get(c, "valid_for_days"))
					     ? (int)json_integer_value(json_object_get(c, "valid_for_days"))
					     : default_valid;
		if (json_array_size(req)) {
			const char **teams = or_arena_alloc(arena, json_array_size(req) * sizeof(char *));
			for (j = 0; j < json_array_size(req); j++)
				if (json_is_string(json_array_get(req, j)))
					teams[mc->nrequired_for++] = or_arena_strdup(
						arena, json_string_value(json_array_get(req, j)));
			mc->required_for = teams;
		}
	}
	for (i = 0; i < records->ncourses; i++) {
		const or_course *rc = &records->courses[i];
		or_matrix_course *mc = NULL;

		for (j = 0; j < t->ncourses; j++)
			if (strcmp(t->courses[j].id, rc->id) == 0)
				mc = &t->courses[j];
		if (!mc) {
			mc = &t->courses[t->ncourses++];
			mc->id = rc->id;
			mc->hours = -1;
			mc->valid_for_days = default_valid;
		}
		if (rc->title)
			mc->title = rc->title;
		if (rc->hours >= 0)
			mc->hours = rc->hours;
		if (rc->mandatory >= 0)
			mc->mandatory = rc->mandatory == 1;
		if (rc->valid_for_days > 0)
			mc->valid_for_days = rc->valid_for_days;
		if (rc->required_for) {
			mc->required_for = rc->required_for;
			mc->nrequired_for = rc->nrequired_for;
		}
	}
}

static void add_problem(or_training *t, size_t *cap, or_arena *arena, int line,
			const char *subject, const char *message)
{
	or_record_problem *p;

	t->problems = or_xgrow(t->problems, cap, t->nproblems + 1, sizeof(*p));
	p = &t->problems[t->nproblems++];
	p->line = line;
	p->column = 1;
	p->subject = or_arena_strdup(arena, subject);
	p->message = or_arena_strdup(arena, message);
}

static bool course_required(const or_matrix_course *c, const or_matrix_person *p)
{
	size_t i;

	if (!c->mandatory)
		return false;
	if (!c->nrequired_for)
		return true;
	for (i = 0; i < c->nrequired_for; i++)
		if (p->team && or_text_key_equal(c->required_for[i], p->team))
			return true;
	return false;
}

static or_matrix_team *team_named(or_training *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->nteams; i++)
		if (or_text_key_equal(t->teams[i].name, name))
			return &t->teams[i];
	return NULL;
}

void or_training_build(or_training *out, or_arena *arena, const or_training_records *records,
		       const or_ruleset *rules, const or_escalation_level *levels, size_t nlevels,
		       or_date now)
{
	int default_valid = (int)rule_int(rules, "training.expired", "valid_for_days", 365);
	int expiring_window = (int)rule_int(rules, "training.expired", "expiring_within_days", 30);
	int grace = (int)rule_int(rules, "training.missing", "grace_days", 30);
	size_t problems_cap = 0, i, j, c, ncells;
	or_buf text = OR_BUF_INIT, subject = OR_BUF_INIT;
	char when[11];

	memset(out, 0, sizeof(*out));
	out->path = records->path;
	build_courses(out, arena, records, rules, default_valid);

	out->people = or_arena_alloc(arena, (records->npeople ? records->npeople : 1) *
						    sizeof(or_matrix_person));
	for (i = 0; i < records->npeople; i++) {
		const or_person *rp = &records->people[i];
		or_matrix_person *p;

		if (find_person(out, rp->id) >= 0) {
			or_buf_clear(&text);
			or_buf_printf(&text, "person '%s' is listed twice", rp->id);
			or_buf_clear(&subject);
			or_buf_printf(&subject, "person:%s:duplicate", rp->id);
			add_problem(out, &problems_cap, arena, rp->line, subject.ptr, text.ptr);
			continue;
		}
		p = &out->people[out->npeople++];
		p->id = rp->id;
		p->name = rp->name;
		p->team = rp->team;
		p->has_joined = rp->has_joined;
		p->joined = rp->joined;
		p->line = rp->line;
	}
	/* the reader's problems come first, in file order */
	for (i = 0; i < records->nproblems; i++)
		add_problem(out, &problems_cap, arena, records->problems[i].line,
			    records->problems[i].subject, records->problems[i].message);

	ncells = out->npeople * out->ncourses;
	out->cells = or_arena_alloc(arena, (ncells ? ncells : 1) * sizeof(or_matrix_cell));
	for (i = 0; i < records->ncompletions; i++) {
		const or_completion *rc = &records->completions[i];
		int p = find_person(out, rc->person), k = find_course(out, rc->course);
		or_matrix_cell *cell;

		or_buf_clear(&subject);
		or_buf_printf(&subject, "completion:%s:%s", rc->person, rc->course);
		or_buf_clear(&text);
		if (p < 0) {
			or_buf_printf(&text, "completion of '%s' by unknown person '%s'", rc->course,
				      rc->person);
			add_problem(out, &problems_cap, arena, rc->line, subject.ptr, text.ptr);
			continue;
		}
		if (k < 0) {
			or_buf_printf(&text, "completion by %s of unknown course '%s'", rc->person,
				      rc->course);
			add_problem(out, &problems_cap, arena, rc->line, subject.ptr, text.ptr);
			continue;
		}
		if (rc->date > now) {
			or_date_format(rc->date, when);
			or_buf_printf(&text, "completion of %s by %s is dated %s, in the future",
				      out->courses[k].id, rc->person, when);
			add_problem(out, &problems_cap, arena, rc->line, subject.ptr, text.ptr);
			continue;
		}
		cell = &out->cells[(size_t)p * out->ncourses + (size_t)k];
		if (cell->line && cell->completed == rc->date) {
			or_date_format(rc->date, when);
			or_buf_printf(&text, "duplicate completion of %s by %s on %s (also on line %d)",
				      out->courses[k].id, rc->person, when, cell->line);
			or_buf_puts(&subject, ":duplicate");
			add_problem(out, &problems_cap, arena, rc->line, subject.ptr, text.ptr);
			continue;
		}
		if (!cell->line || rc->date > cell->completed) {
			cell->completed = rc->date;
			cell->line = rc->line;
		}
	}

	/* states, and the counts per course and per person */
	for (i = 0; i < out->npeople; i++) {
		or_matrix_person *p = &out->people[i];
		p->fully_trained = true;
		for (c = 0; c < out->ncourses; c++) {
			or_matrix_course *course = &out->courses[c];
			or_matrix_cell *cell = &out->cells[i * out->ncourses + c];

			cell->required = course_required(course, p);
			if (cell->line) {
				cell->expires = cell->completed + course->valid_for_days;
				if (now >= cell->expires)
					cell->state = OR_CELL_EXPIRED;
				else if (cell->expires - now <= expiring_window)
					cell->state = OR_CELL_EXPIRING;
				else
					cell->state = OR_CELL_DONE;
			} else if (!cell->required) {
				cell->state = OR_CELL_NOT_REQUIRED;
			} else if (p->has_joined && now < p->joined + grace) {
				cell->state = OR_CELL_DUE;
				cell->due = p->joined + grace;
			} else {
				cell->state = OR_CELL_MISSING;
			}
			if (!cell->required)
				continue;
			if (cell->state != OR_CELL_DONE && cell->state != OR_CELL_EXPIRING)
				p->fully_trained = false;
			if (cell->state == OR_CELL_DUE)
				continue;
			course->required++;
			if (cell->state == OR_CELL_DONE || cell->state == OR_CELL_EXPIRING)
				course->valid++;
		}
	}

	/* teams: the records' teams first, then those only the escalation names */
	out->teams = or_arena_alloc(arena, (out->npeople + nlevels + 1) * sizeof(or_matrix_team));
	for (i = 0; i < out->npeople; i++) {
		const or_matrix_person *p = &out->people[i];
		or_matrix_team *team;

		if (!p->team)
			continue;
		team = team_named(out, p->team);
		if (!team) {
			team = &out->teams[out->nteams++];
			team->name = p->team;
		}
		team->members++;
		team->fully_trained += p->fully_trained;
		for (c = 0; c < out->ncourses; c++) {
			const or_matrix_cell *cell = &out->cells[i * out->ncourses + c];
			if (!cell->required || cell->state == OR_CELL_DUE)
				continue;
			team->required++;
			if (cell->state == OR_CELL_DONE || cell->state == OR_CELL_EXPIRING)
				team->valid++;
		}
	}
	for (j = 0; j < nlevels; j++) {
		or_matrix_team *team;

		if (!levels[j].team)
			continue;
		team = team_named(out, levels[j].team);
		if (!team) {
			team = &out->teams[out->nteams++];
			team->name = levels[j].team;
		}
		if (!team->in_escalation) {
			team->in_escalation = true;
			team->level = &levels[j];
		}
	}

	/* the problems grew on the heap; they live in the arena like the rest */
	if (out->nproblems) {
		or_record_problem *copy = or_arena_alloc(arena, out->nproblems * sizeof(*copy));
		memcpy(copy, out->problems, out->nproblems * sizeof(*copy));
		free(out->problems);
		out->problems = copy;
	}
	or_buf_dispose(&text);
	or_buf_dispose(&subject);
}

const or_matrix_cell *or_training_cell(const or_training *training, size_t p, size_t c)
{
	return &training->cells[p * training->ncourses + c];
}
