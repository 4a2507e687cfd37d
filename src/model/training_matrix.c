/*
 * The training matrix: courses of the pack and the records, people, the
 * state of each person's courses, and per-course and per-team counts, with
 * the problems of the records (unknown references, duplicates, future dates).
 * Names are found through hash maps and only recorded cells are stored, so
 * the build is linear in the records (see training_matrix.h).
 */
#include "model/training_matrix.h"

#include <stdint.h>
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

/* ---- a map from names to the first index given for each (open addressing) */

typedef struct name_map {
	const char **keys;   /* NULL: an empty slot */
	size_t *values;
	size_t count, capacity; /* a power of two, at least twice count */
} name_map;

static uint64_t name_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static void map_init(name_map *m, size_t n)
{
	m->capacity = 16;
	while (m->capacity < 2 * n + 2)
		m->capacity *= 2;
	m->keys = or_xcalloc(m->capacity, sizeof(*m->keys));
	m->values = or_xcalloc(m->capacity, sizeof(*m->values));
	m->count = 0;
}

static void map_dispose(name_map *m)
{
	free(m->keys);
	free(m->values);
	memset(m, 0, sizeof(*m));
}

static size_t map_slot(const name_map *m, const char *key)
{
	size_t i = (size_t)name_hash(key) & (m->capacity - 1);

	while (m->keys[i] && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & (m->capacity - 1);
	return i;
}

/* The first value given for `key`: false when there is none. */
static bool map_get(const name_map *m, const char *key, size_t *value)
{
	size_t i = map_slot(m, key);

	if (!m->keys[i])
		return false;
	*value = m->values[i];
	return true;
}

/* Give `key` (kept, not copied) `value`, unless it has one already and
 * `replace` is false. */
static void map_set(name_map *m, const char *key, size_t value, bool replace)
{
	size_t i = map_slot(m, key);

	if (m->keys[i]) {
		if (replace)
			m->values[i] = value;
		return;
	}
	if (2 * (m->count + 1) > m->capacity) {
		name_map bigger;
		size_t j;

		map_init(&bigger, m->capacity);
		for (j = 0; j < m->capacity; j++)
			if (m->keys[j])
				map_set(&bigger, m->keys[j], m->values[j], false);
		map_dispose(m);
		*m = bigger;
		i = map_slot(m, key);
	}
	m->keys[i] = key;
	m->values[i] = value;
	m->count++;
}

static void map_put(name_map *m, const char *key, size_t value)
{
	map_set(m, key, value, false);
}

/* The lookup key of `s` (or_text_key), in the arena. */
static const char *key_of(or_arena *arena, or_buf *scratch, const char *s)
{
	or_buf_clear(scratch);
	or_text_key(scratch, s, strlen(s));
	return or_arena_strdup(arena, or_buf_cstr(scratch));
}

/* The names of the matrix: exact ids, then lookup keys (course ids and titles, teams). */
typedef struct matrix_names {
	name_map course_ids, course_last, course_keys, person_ids, team_keys;
	or_arena *arena;     /* the keys */
	or_buf scratch;
} matrix_names;

static int find_course(matrix_names *n, const char *ref)
{
	size_t i;

	if (map_get(&n->course_ids, ref, &i))
		return (int)i;
	or_buf_clear(&n->scratch);
	or_text_key(&n->scratch, ref, strlen(ref));
	if (map_get(&n->course_keys, or_buf_cstr(&n->scratch), &i))
		return (int)i;
	return -1;
}

static int find_person(matrix_names *n, const char *ref)
{
	size_t i;

	return map_get(&n->person_ids, ref, &i) ? (int)i : -1;
}

/* Courses of the pack, then the records file's, by id. */
static void build_courses(or_training *t, or_arena *arena, const or_training_records *records,
			  const or_ruleset *rules, int default_valid, matrix_names *names)
{
	const json_t *pack = or_ruleset_param(rules, "training.missing", "courses");
	size_t i, j, cap = json_array_size(pack) + records->ncourses;

	t->courses = or_arena_alloc(arena, (cap ? cap : 1) * sizeof(or_matrix_course));
	map_init(&names->course_ids, cap);
	map_init(&names->course_last, cap);
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
		map_put(&names->course_ids, mc->id, t->ncourses - 1);
		map_set(&names->course_last, mc->id, t->ncourses - 1, true);
	}
	for (i = 0; i < records->ncourses; i++) {
		const or_course *rc = &records->courses[i];
		or_matrix_course *mc;

		/* the last course of that id (the pack's may repeat one) */
		if (map_get(&names->course_last, rc->id, &j)) {
			mc = &t->courses[j];
		} else {
			mc = &t->courses[t->ncourses++];
			mc->id = rc->id;
			mc->hours = -1;
			mc->valid_for_days = default_valid;
			map_put(&names->course_ids, mc->id, t->ncourses - 1);
			map_put(&names->course_last, mc->id, t->ncourses - 1);
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
	/* a reference by key: the first course whose id or title has it */
	map_init(&names->course_keys, 2 * t->ncourses);
	for (i = 0; i < t->ncourses; i++) {
		map_put(&names->course_keys, key_of(names->arena, &names->scratch, t->courses[i].id),
			i);
		if (t->courses[i].title)
			map_put(&names->course_keys,
				key_of(names->arena, &names->scratch, t->courses[i].title), i);
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

/* Is course c in the sorted list [from, to)? */
static bool listed(const size_t *from, const size_t *to, size_t c)
{
	while (from < to) {
		const size_t *mid = from + (to - from) / 2;

		if (*mid == c)
			return true;
		if (*mid < c)
			from = mid + 1;
		else
			to = mid;
	}
	return false;
}

static bool course_required(const or_training *t, size_t p, size_t c)
{
	size_t team = t->people[p].team_index;

	if (!t->courses[c].mandatory)
		return false;
	if (!t->courses[c].nrequired_for)
		return true;
	return team != OR_NO_TEAM &&
	       listed(t->team_courses + t->team_first[team],
		      t->team_courses + t->team_first[team + 1], c);
}

/* A required cell without a record: missing, or due for a new joiner. */
static void unrecorded_cell(const or_training *t, size_t p, size_t c, bool required,
			    or_matrix_cell *out)
{
	const or_matrix_person *person = &t->people[p];

	memset(out, 0, sizeof(*out));
	out->course = c;
	out->required = required;
	if (!required) {
		out->state = OR_CELL_NOT_REQUIRED;
	} else if (person->has_joined && t->now < person->joined + t->grace_days) {
		out->state = OR_CELL_DUE;
		out->due = person->joined + t->grace_days;
	} else {
		out->state = OR_CELL_MISSING;
	}
}

/* People, each id once (a repeat is a problem). */
static void build_people(or_training *t, or_arena *arena, const or_training_records *records,
			 matrix_names *names, size_t *problems_cap)
{
	or_buf text = OR_BUF_INIT, subject = OR_BUF_INIT;
	size_t i;

	t->people = or_arena_alloc(arena, (records->npeople ? records->npeople : 1) *
						  sizeof(or_matrix_person));
	map_init(&names->person_ids, records->npeople);
	for (i = 0; i < records->npeople; i++) {
		const or_person *rp = &records->people[i];
		or_matrix_person *p;

		if (find_person(names, rp->id) >= 0) {
			or_buf_clear(&text);
			or_buf_printf(&text, "person '%s' is listed twice", rp->id);
			or_buf_clear(&subject);
			or_buf_printf(&subject, "person:%s:duplicate", rp->id);
			add_problem(t, problems_cap, arena, rp->line, subject.ptr, text.ptr);
			continue;
		}
		p = &t->people[t->npeople++];
		p->id = rp->id;
		p->name = rp->name;
		p->team = rp->team;
		p->team_index = OR_NO_TEAM;
		p->has_joined = rp->has_joined;
		p->joined = rp->joined;
		p->line = rp->line;
		map_put(&names->person_ids, p->id, t->npeople - 1);
	}
	or_buf_dispose(&text);
	or_buf_dispose(&subject);
}

/* The team of lookup key `key`, made (named `name`) when new. */
static size_t team_of(or_training *t, matrix_names *names, const char *name)
{
	const char *key = key_of(names->arena, &names->scratch, name);
	size_t i;

	if (map_get(&names->team_keys, key, &i))
		return i;
	memset(&t->teams[t->nteams], 0, sizeof(t->teams[0]));
	t->teams[t->nteams].name = name;
	map_put(&names->team_keys, key, t->nteams);
	return t->nteams++;
}

/* Teams: the records' teams first, then those only the escalation names;
 * then the courses each team must hold (required_for), in course order. */
static void build_teams(or_training *t, or_arena *arena, matrix_names *names,
			const or_escalation_level *levels, size_t nlevels)
{
	size_t i, j, k, pass, total = 0, *last;

	t->teams = or_arena_alloc(arena, (t->npeople + nlevels + 1) * sizeof(or_matrix_team));
	map_init(&names->team_keys, t->npeople + nlevels);
	for (i = 0; i < t->npeople; i++)
		if (t->people[i].team)
			t->people[i].team_index = team_of(t, names, t->people[i].team);
	for (j = 0; j < nlevels; j++) {
		or_matrix_team *team;

		if (!levels[j].team)
			continue;
		team = &t->teams[team_of(t, names, levels[j].team)];
		if (!team->in_escalation) {
			team->in_escalation = true;
			team->level = &levels[j];
		}
	}

	t->everyone = or_arena_alloc(arena, (t->ncourses + 1) * sizeof(size_t));
	t->team_first = or_arena_alloc(arena, (t->nteams + 1) * sizeof(size_t));
	memset(t->team_first, 0, (t->nteams + 1) * sizeof(size_t));
	last = or_xcalloc(t->nteams + 1, sizeof(size_t));
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < t->nteams; i++)
			last[i] = OR_NO_TEAM;
		for (k = 0; k < t->ncourses; k++) {
			const or_matrix_course *c = &t->courses[k];

			if (!c->mandatory)
				continue;
			if (!c->nrequired_for) {
				if (pass == 0)
					t->everyone[t->neveryone++] = k;
				continue;
			}
			for (j = 0; j < c->nrequired_for; j++) {
				or_buf_clear(&names->scratch);
				or_text_key(&names->scratch, c->required_for[j],
					    strlen(c->required_for[j]));
				if (!map_get(&names->team_keys, or_buf_cstr(&names->scratch), &i) ||
				    last[i] == k)
					continue; /* nobody's team, or named twice */
				last[i] = k;
				if (pass == 0)
					t->team_first[i + 1]++;
				else
					t->team_courses[t->team_first[i]++] = k;
			}
		}
		if (pass == 0) {
			for (i = 0; i < t->nteams; i++)
				t->team_first[i + 1] += t->team_first[i];
			total = t->team_first[t->nteams];
			t->team_courses = or_arena_alloc(arena, (total ? total : 1) * sizeof(size_t));
		} else {
			/* team_first[i] moved to the end of team i: the start of i + 1 */
			memmove(t->team_first + 1, t->team_first, t->nteams * sizeof(size_t));
			t->team_first[0] = 0;
		}
	}
	free(last);
}

/* A recorded cell while the completions are read, with its person. */
typedef struct held_cell {
	size_t person;
	or_matrix_cell cell;
} held_cell;

static int compare_held(const void *a, const void *b)
{
	const held_cell *x = a, *y = b;

	if (x->person != y->person)
		return x->person < y->person ? -1 : 1;
	return x->cell.course < y->cell.course ? -1 : x->cell.course > y->cell.course;
}

/* (person, course) -> index in the held cells: open addressing on the pair. */
typedef struct cell_map {
	uint64_t *keys;   /* person * ncourses + course, + 1; 0: an empty slot */
	size_t *values;
	size_t capacity;
} cell_map;

static size_t cell_slot(const cell_map *m, uint64_t key)
{
	size_t i = (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 17) & (m->capacity - 1);

	while (m->keys[i] && m->keys[i] != key)
		i = (i + 1) & (m->capacity - 1);
	return i;
}

/* The completions, each the latest of its person and course; the problems
 * of those that name nobody, no course, a future date, or repeat one. */
static void build_cells(or_training *t, or_arena *arena, const or_training_records *records,
			matrix_names *names, size_t *problems_cap)
{
	or_buf text = OR_BUF_INIT, subject = OR_BUF_INIT;
	held_cell *held = or_xcalloc(records->ncompletions + 1, sizeof(*held));
	size_t nheld = 0, i, p;
	cell_map map;
	char when[11];

	map.capacity = 16;
	while (map.capacity < 2 * records->ncompletions + 2)
		map.capacity *= 2;
	map.keys = or_xcalloc(map.capacity, sizeof(*map.keys));
	map.values = or_xcalloc(map.capacity, sizeof(*map.values));
	for (i = 0; i < records->ncompletions; i++) {
		const or_completion *rc = &records->completions[i];
		int pi = find_person(names, rc->person), k = find_course(names, rc->course);
		or_matrix_cell *cell;
		size_t slot;

		or_buf_clear(&subject);
		or_buf_printf(&subject, "completion:%s:%s", rc->person, rc->course);
		or_buf_clear(&text);
		if (pi < 0) {
			or_buf_printf(&text, "completion of '%s' by unknown person '%s'", rc->course,
				      rc->person);
			add_problem(t, problems_cap, arena, rc->line, subject.ptr, text.ptr);
			continue;
		}
		if (k < 0) {
			or_buf_printf(&text, "completion by %s of unknown course '%s'", rc->person,
				      rc->course);
			add_problem(t, problems_cap, arena, rc->line, subject.ptr, text.ptr);
			continue;
		}
		if (rc->date > t->now) {
			or_date_format(rc->date, when);
			or_buf_printf(&text, "completion of %s by %s is dated %s, in the future",
				      t->courses[k].id, rc->person, when);
			add_problem(t, problems_cap, arena, rc->line, subject.ptr, text.ptr);
			continue;
		}
		slot = cell_slot(&map, (uint64_t)pi * t->ncourses + (uint64_t)k + 1);
		if (!map.keys[slot]) {
			map.keys[slot] = (uint64_t)pi * t->ncourses + (uint64_t)k + 1;
			map.values[slot] = nheld;
			held[nheld].person = (size_t)pi;
			held[nheld].cell.course = (size_t)k;
			nheld++;
		}
		cell = &held[map.values[slot]].cell;
		if (cell->line && cell->completed == rc->date) {
			or_date_format(rc->date, when);
			or_buf_printf(&text, "duplicate completion of %s by %s on %s (also on line %d)",
				      t->courses[k].id, rc->person, when, cell->line);
			or_buf_puts(&subject, ":duplicate");
			add_problem(t, problems_cap, arena, rc->line, subject.ptr, text.ptr);
			continue;
		}
		if (!cell->line || rc->date > cell->completed) {
			cell->completed = rc->date;
			cell->line = rc->line;
		}
	}
	free(map.keys);
	free(map.values);

	qsort(held, nheld, sizeof(*held), compare_held);
	t->cells = or_arena_alloc(arena, (nheld ? nheld : 1) * sizeof(or_matrix_cell));
	t->person_cells = or_arena_alloc(arena, (t->npeople + 1) * sizeof(size_t));
	t->ncells = nheld;
	for (p = 0, i = 0; p <= t->npeople; p++) {
		t->person_cells[p] = i;
		while (p < t->npeople && i < nheld && held[i].person == p)
			i++;
	}
	for (i = 0; i < nheld; i++)
		t->cells[i] = held[i].cell;
	free(held);
	or_buf_dispose(&text);
	or_buf_dispose(&subject);
}

size_t or_training_required_cells(const or_training *t)
{
	size_t p, n = 0;

	for (p = 0; p < t->npeople; p++) {
		size_t team = t->people[p].team_index;

		n += t->neveryone;
		if (team != OR_NO_TEAM)
			n += t->team_first[team + 1] - t->team_first[team];
	}
	return n;
}

void or_training_build(or_training *out, or_arena *arena, const or_training_records *records,
		       const or_ruleset *rules, const or_escalation_level *levels, size_t nlevels,
		       or_date now)
{
	int default_valid = (int)rule_int(rules, "training.expired", "valid_for_days", 365);
	int expiring_window = (int)rule_int(rules, "training.expired", "expiring_within_days", 30);
	size_t problems_cap = 0, i, p;
	matrix_names names;

	memset(out, 0, sizeof(*out));
	memset(&names, 0, sizeof(names));
	names.arena = or_arena_new();
	out->path = records->path;
	out->now = now;
	out->grace_days = (int)rule_int(rules, "training.missing", "grace_days", 30);
	build_courses(out, arena, records, rules, default_valid, &names);
	build_people(out, arena, records, &names, &problems_cap);
	/* the reader's problems come after the repeated people, in file order */
	for (i = 0; i < records->nproblems; i++)
		add_problem(out, &problems_cap, arena, records->problems[i].line,
			    records->problems[i].subject, records->problems[i].message);
	build_teams(out, arena, &names, levels, nlevels);
	build_cells(out, arena, records, &names, &problems_cap);

	/* the states of the recorded cells */
	for (p = 0; p < out->npeople; p++) {
		for (i = out->person_cells[p]; i < out->person_cells[p + 1]; i++) {
			or_matrix_cell *cell = &out->cells[i];

			cell->required = course_required(out, p, cell->course);
			cell->expires = cell->completed + out->courses[cell->course].valid_for_days;
			if (now >= cell->expires)
				cell->state = OR_CELL_EXPIRED;
			else if (cell->expires - now <= expiring_window)
				cell->state = OR_CELL_EXPIRING;
			else
				cell->state = OR_CELL_DONE;
		}
	}

	/* the counts per course, person and team: one walk over the required cells */
	for (p = 0; p < out->npeople; p++) {
		or_matrix_person *person = &out->people[p];
		or_matrix_team *team =
			person->team_index != OR_NO_TEAM ? &out->teams[person->team_index] : NULL;
		or_training_row row;
		or_matrix_cell cell;

		person->fully_trained = true;
		or_training_row_start(&row, out, p);
		while (or_training_row_next(&row, &cell)) {
			bool valid = cell.state == OR_CELL_DONE || cell.state == OR_CELL_EXPIRING;

			if (!cell.required)
				continue;
			if (!valid)
				person->fully_trained = false;
			if (cell.state == OR_CELL_DUE)
				continue;
			out->courses[cell.course].required++;
			out->courses[cell.course].valid += valid;
			if (team) {
				team->required++;
				team->valid += valid;
			}
		}
		if (team) {
			team->members++;
			team->fully_trained += person->fully_trained;
		}
	}

	/* the problems grew on the heap; they live in the arena like the rest */
	if (out->nproblems) {
		or_record_problem *copy = or_arena_alloc(arena, out->nproblems * sizeof(*copy));
		memcpy(copy, out->problems, out->nproblems * sizeof(*copy));
		free(out->problems);
		out->problems = copy;
	}
	map_dispose(&names.course_ids);
	map_dispose(&names.course_last);
	map_dispose(&names.course_keys);
	map_dispose(&names.person_ids);
	map_dispose(&names.team_keys);
	or_buf_dispose(&names.scratch);
	or_arena_free(names.arena);
}

void or_training_cell(const or_training *training, size_t p, size_t c, or_matrix_cell *out)
{
	size_t lo = training->person_cells[p], hi = training->person_cells[p + 1];

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (training->cells[mid].course == c) {
			*out = training->cells[mid];
			return;
		}
		if (training->cells[mid].course < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	unrecorded_cell(training, p, c, course_required(training, p, c), out);
}

void or_training_row_start(or_training_row *row, const or_training *training, size_t person)
{
	size_t team = training->people[person].team_index;

	memset(row, 0, sizeof(*row));
	row->training = training;
	row->person = person;
	if (team != OR_NO_TEAM) {
		row->team = training->team_first[team];
		row->team_end = training->team_first[team + 1];
	}
	row->recorded = training->person_cells[person];
	row->recorded_end = training->person_cells[person + 1];
}

bool or_training_row_next(or_training_row *row, or_matrix_cell *cell)
{
	const or_training *t = row->training;
	size_t next = (size_t)-1;
	bool required = false;

	if (row->everyone < t->neveryone)
		next = t->everyone[row->everyone];
	if (row->team < row->team_end && t->team_courses[row->team] < next)
		next = t->team_courses[row->team];
	if (row->recorded < row->recorded_end && t->cells[row->recorded].course < next)
		next = t->cells[row->recorded].course;
	if (next == (size_t)-1)
		return false;
	if (row->everyone < t->neveryone && t->everyone[row->everyone] == next) {
		row->everyone++;
		required = true;
	}
	if (row->team < row->team_end && t->team_courses[row->team] == next) {
		row->team++;
		required = true;
	}
	if (row->recorded < row->recorded_end && t->cells[row->recorded].course == next)
		*cell = t->cells[row->recorded++];
	else
		unrecorded_cell(t, row->person, next, required, cell);
	return true;
}

size_t or_training_count_cells(const or_training *training)
{
	size_t p, n = 0;

	for (p = 0; p < training->npeople; p++) {
		or_training_row row;
		or_matrix_cell cell;

		or_training_row_start(&row, training, p);
		while (or_training_row_next(&row, &cell))
			n++;
	}
	return n;
}
