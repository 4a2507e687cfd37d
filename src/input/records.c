#include "input/records.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>
#include <yaml.h>

#include "input/yaml.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/text.h"
#include "util/utf8.h"

/*
 * Records are collected in malloc'd arrays while a file is read and copied
 * into the arena at the end; every string goes to the arena directly.
 */
typedef struct loader {
	or_arena *arena;
	const char *path; /* in the arena */
	or_date_order order;
	or_yaml yaml;
	or_record_problem *problems;
	size_t nproblems, problems_cap;
	or_course *courses;
	size_t ncourses, courses_cap;
	or_person *people;
	size_t npeople, people_cap;
	or_completion *completions;
	size_t ncompletions, completions_cap;
	or_drill *drills;
	size_t ndrills, drills_cap;
	/* CSV: person id -> index + 1 into people (0: empty slot), open addressing */
	size_t *person_slots;
	size_t person_slots_cap;
} loader;

static void loader_init(loader *ld, const char *path, or_date_order order)
{
	memset(ld, 0, sizeof(*ld));
	ld->arena = or_arena_new();
	ld->path = or_arena_strdup(ld->arena, path);
	ld->order = order;
	ld->yaml = (or_yaml)OR_YAML_INIT;
}

static void loader_dispose(loader *ld)
{
	or_arena_free(ld->arena);
	or_yaml_dispose(&ld->yaml);
	free(ld->problems);
	free(ld->courses);
	free(ld->people);
	free(ld->completions);
	free(ld->drills);
	free(ld->person_slots);
	memset(ld, 0, sizeof(*ld));
}

static void *arena_copy(or_arena *arena, const void *items, size_t n, size_t item_size)
{
	void *copy;

	if (n == 0)
		return NULL;
	copy = or_arena_alloc(arena, n * item_size);
	memcpy(copy, items, n * item_size);
	return copy;
}

static void add_problem(loader *ld, int line, int column, const char *subject,
			const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void add_problem(loader *ld, int line, int column, const char *subject,
			const char *fmt, ...)
{
	or_buf message = OR_BUF_INIT;
	or_record_problem *p;
	va_list ap;

	va_start(ap, fmt);
	or_buf_vprintf(&message, fmt, ap);
	va_end(ap);
	ld->problems = or_xgrow(ld->problems, &ld->problems_cap, ld->nproblems + 1,
				sizeof(*ld->problems));
	p = &ld->problems[ld->nproblems++];
	p->line = line > 0 ? line : 1;
	p->column = column > 0 ? column : 1;
	p->subject = or_arena_strdup(ld->arena, subject);
	p->message = or_arena_strndup(ld->arena, or_buf_cstr(&message), message.size);
	or_buf_dispose(&message);
}

/* ---- reading the file */

static int read_records_file(char **out, size_t *len, const char *root, const char *path,
			     const char *what, or_diag *diag)
{
	return or_fs_read_repo_input(out, len, root, path, what, OR_RECORDS_MAX_BYTES, diag);
}

/* ---- values shared by YAML and CSV */

/*
 * A date that is the whole of `text` (a time may follow it, as or_date_parse
 * takes it). 0 and *out, or -1 and why not in *why (after the quoted value).
 */
static int parse_whole_date(or_date *out, const char *text, size_t len, or_date_order order,
			    const char **why)
{
	size_t consumed = 0;
	or_date_status status;
	or_date ignored;

	text = or_text_trim(text, &len);
	status = or_date_parse(out, text, len, order, &consumed);
	if (status == OR_DATE_OK && consumed == len)
		return 0;
	if (status == OR_DATE_INVALID && order == OR_DATE_ORDER_NONE &&
	    (or_date_parse(&ignored, text, len, OR_DATE_ORDER_DMY, &consumed) == OR_DATE_OK ||
	     or_date_parse(&ignored, text, len, OR_DATE_ORDER_MDY, &consumed) == OR_DATE_OK))
		*why = "is ambiguous (day/month or month/day?): write it as YYYY-MM-DD "
		       "or set date_order in the config";
	else if (status == OR_DATE_INVALID)
		*why = "is not a real date";
	else
		*why = "is not a date (expected YYYY-MM-DD)";
	return -1;
}

/*
 * A decimal number, the whole of `text`: [+-]digits[.digits]; with
 * `comma_decimal`, ',' may be the decimal mark ("1,5" in a ';' CSV).
 * Parsed by hand so that the locale does not matter.
 */
static int parse_number(double *out, const char *text, size_t len, bool comma_decimal)
{
	size_t i = 0;
	double value = 0, scale = 1;
	bool negative = false, digits = false;

	text = or_text_trim(text, &len);
	if (i < len && (text[i] == '+' || text[i] == '-'))
		negative = text[i++] == '-';
	for (; i < len && text[i] >= '0' && text[i] <= '9'; i++) {
		value = value * 10 + (text[i] - '0');
		digits = true;
	}
	if (i < len && (text[i] == '.' || (comma_decimal && text[i] == ','))) {
		for (i++; i < len && text[i] >= '0' && text[i] <= '9'; i++) {
			scale /= 10;
			value += (text[i] - '0') * scale;
			digits = true;
		}
	}
	if (!digits || i != len || value > 1e12)
		return -1;
	*out = negative ? -value : value;
	return 0;
}

/* ---- YAML records: one record's fields, problems with its subject */

typedef struct record {
	loader *ld;
	const yaml_node_t *node; /* the record's mapping */
	const char *subject;
	const char *what;        /* "completion of incident-response by alice" */
	bool ok;                 /* false: kept out */
} record;

static void record_problem(record *rec, const yaml_node_t *at, bool keep_out, const char *fmt,
			   ...) __attribute__((format(printf, 4, 5)));

static void record_problem(record *rec, const yaml_node_t *at, bool keep_out, const char *fmt,
			   ...)
{
	or_buf message = OR_BUF_INIT;
	va_list ap;

	if (!at)
		at = rec->node;
	va_start(ap, fmt);
	or_buf_vprintf(&message, fmt, ap);
	va_end(ap);
	add_problem(rec->ld, or_yaml_line(at), or_yaml_column(at), rec->subject, "%s: %s",
		    rec->what, or_buf_cstr(&message));
	or_buf_dispose(&message);
	if (keep_out)
		rec->ok = false;
}

static const char *node_kind(const yaml_node_t *node)
{
	if (or_yaml_is_mapping(node))
		return "a mapping";
	if (or_yaml_is_sequence(node))
		return "a list";
	return "a scalar";
}

/* The text of a scalar value, trimmed, or NULL when absent, null or empty. */
static const char *scalar_text(const yaml_node_t *node)
{
	const char *s = or_yaml_scalar(node);

	if (!s || or_yaml_is_null(node))
		return NULL;
	while (*s == ' ' || *s == '\t')
		s++;
	return *s ? s : NULL;
}

static const char *arena_trimmed(or_arena *arena, const char *s)
{
	size_t len = strlen(s);

	s = or_text_trim(s, &len);
	return or_arena_strndup(arena, s, len);
}

/* Unknown, duplicate and non-scalar keys: problems that keep the record in. */
static void record_keys(record *rec, const char *const *allowed, size_t nallowed)
{
	size_t i, j, n = or_yaml_mapping_size(rec->node);
	yaml_node_t *key_node;
	const char *key, *other, *suggestion;

	for (i = 0; i < n; i++) {
		key_node = or_yaml_pair_key(&rec->ld->yaml, rec->node, i);
		key = or_yaml_scalar(key_node);
		if (!key) {
			record_problem(rec, key_node, false, "a key is %s, not a name",
				       node_kind(key_node));
			continue;
		}
		for (j = 0; j < i; j++) {
			other = or_yaml_scalar(or_yaml_pair_key(&rec->ld->yaml, rec->node, j));
			if (other && strcmp(other, key) == 0)
				break;
		}
		if (j < i) {
			record_problem(rec, key_node, false,
				       "duplicate key '%s' (the first one is used)", key);
			continue;
		}
		for (j = 0; j < nallowed; j++)
			if (strcmp(allowed[j], key) == 0)
				break;
		if (j < nallowed)
			continue;
		suggestion = or_text_did_you_mean(key, allowed, nallowed);
		if (suggestion)
			record_problem(rec, key_node, false,
				       "unknown key '%s' (did you mean '%s'?)", key, suggestion);
		else
			record_problem(rec, key_node, false, "unknown key '%s'", key);
	}
}

/* A text field: *out in the arena or NULL. A missing required one keeps the record out. */
static void record_text(record *rec, const char *key, bool required, const char **out)
{
	yaml_node_t *node = or_yaml_get(&rec->ld->yaml, rec->node, key);
	const char *s;

	*out = NULL;
	if (node && !or_yaml_is_scalar(node)) {
		record_problem(rec, node, true, "%s should be text, not %s", key, node_kind(node));
		return;
	}
	s = scalar_text(node);
	if (!s) {
		if (required)
			record_problem(rec, node, true, "no %s", key);
		return;
	}
	*out = arena_trimmed(rec->ld->arena, s);
}

/* A number >= 0; *given false when absent. */
static void record_number(record *rec, const char *key, double *out, bool *given)
{
	yaml_node_t *node = or_yaml_get(&rec->ld->yaml, rec->node, key);
	const char *s = scalar_text(node);

	*given = false;
	if (node && !or_yaml_is_scalar(node)) {
		record_problem(rec, node, true, "%s should be a number, not %s", key,
			       node_kind(node));
		return;
	}
	if (!s)
		return;
	if (parse_number(out, s, strlen(s), false) != 0) {
		record_problem(rec, node, true, "%s '%s' is not a number", key, s);
		return;
	}
	if (*out < 0) {
		record_problem(rec, node, true, "negative %s (%s)", key, s);
		return;
	}
	*given = true;
}

static void record_date(record *rec, const char *key, const char *label, bool required,
			bool keep_out, or_date *out, bool *given)
{
	yaml_node_t *node = or_yaml_get(&rec->ld->yaml, rec->node, key);
	const char *s = scalar_text(node), *why = NULL;

	*given = false;
	if (node && !or_yaml_is_scalar(node)) {
		record_problem(rec, node, true, "%s should be a date, not %s", key,
			       node_kind(node));
		return;
	}
	if (!s) {
		if (required)
			record_problem(rec, node, true, "no %s", key);
		return;
	}
	if (parse_whole_date(out, s, strlen(s), rec->ld->order, &why) != 0) {
		record_problem(rec, node, keep_out, "%s'%s' %s", label, s, why);
		return;
	}
	*given = true;
}

/* A list of names, or one name; NULL and 0 when absent. */
static void record_names(record *rec, const char *key, const char *const **out, size_t *n)
{
	yaml_node_t *node = or_yaml_get(&rec->ld->yaml, rec->node, key), *item;
	const char **names;
	const char *s;
	size_t i, count;

	*out = NULL;
	*n = 0;
	if (!node || or_yaml_is_null(node))
		return;
	if (or_yaml_is_scalar(node)) {
		s = scalar_text(node);
		if (!s)
			return;
		names = or_arena_alloc(rec->ld->arena, sizeof(char *));
		names[0] = arena_trimmed(rec->ld->arena, s);
		*out = names;
		*n = 1;
		return;
	}
	if (!or_yaml_is_sequence(node)) {
		record_problem(rec, node, true, "%s should be a list of names, not %s", key,
			       node_kind(node));
		return;
	}
	count = or_yaml_sequence_size(node);
	names = or_arena_alloc(rec->ld->arena, (count ? count : 1) * sizeof(char *));
	for (i = 0; i < count; i++) {
		item = or_yaml_item(&rec->ld->yaml, node, i);
		s = scalar_text(item);
		if (!or_yaml_is_scalar(item) || !s) {
			record_problem(rec, item, true, "%s should be a list of names", key);
			return;
		}
		names[i] = arena_trimmed(rec->ld->arena, s);
	}
	*out = names;
	*n = count;
}

static bool word_in(const char *s, const char *const *words)
{
	size_t i;

	for (i = 0; words[i]; i++) {
		const char *a = s, *b = words[i];

		while (*a && *b && (*a | 0x20) == *b) {
			a++;
			b++;
		}
		if (!*a && !*b)
			return true;
	}
	return false;
}

/* A record that is not a mapping: a problem, the record kept out. */
static bool need_mapping(loader *ld, const yaml_node_t *node, const char *kind,
			 const char *subject_kind, const char *expected)
{
	char subject[64];

	if (or_yaml_is_mapping(node))
		return true;
	snprintf(subject, sizeof(subject), "%s:line:%d", subject_kind, or_yaml_line(node));
	add_problem(ld, or_yaml_line(node), or_yaml_column(node), subject,
		    "%s at line %d is %s, not a mapping (expected %s)", kind, or_yaml_line(node),
		    node_kind(node), expected);
	return false;
}

/* The subject and description of a record by its identifying text, or by its line. */
static void name_record(record *rec, const char *subject_kind, const char *kind,
			const char *id)
{
	int line = or_yaml_line(rec->node);

	if (id) {
		rec->subject = or_arena_printf(rec->ld->arena, "%s:%s", subject_kind, id);
		rec->what = or_arena_printf(rec->ld->arena, "%s %s", kind, id);
	} else {
		rec->subject = or_arena_printf(rec->ld->arena, "%s:line:%d", subject_kind, line);
		rec->what = or_arena_printf(rec->ld->arena, "%s at line %d", kind, line);
	}
}

static void read_course(loader *ld, const yaml_node_t *node)
{
	static const char *const keys[] = { "id", "title", "hours", "mandatory",
					    "required_for", "valid_for_days" };
	static const char *const yes[] = { "true", "yes", "on", NULL };
	static const char *const no[] = { "false", "no", "off", NULL };
	record rec = { ld, node, NULL, NULL, true };
	or_course course;
	yaml_node_t *value;
	const char *s;
	bool given;
	double days;

	if (!need_mapping(ld, node, "course", "course", "{id, title, hours, mandatory, ...}"))
		return;
	memset(&course, 0, sizeof(course));
	course.line = or_yaml_line(node);
	course.hours = -1;
	course.mandatory = -1;
	name_record(&rec, "course", "course", scalar_text(or_yaml_get(&ld->yaml, node, "id")));
	record_keys(&rec, keys, sizeof(keys) / sizeof(keys[0]));
	record_text(&rec, "id", true, &course.id);
	record_text(&rec, "title", false, &course.title);
	record_number(&rec, "hours", &course.hours, &given);
	if (!given)
		course.hours = -1;
	value = or_yaml_get(&ld->yaml, node, "mandatory");
	s = scalar_text(value);
	if (s && or_yaml_is_scalar(value) && word_in(s, yes))
		course.mandatory = 1;
	else if (s && or_yaml_is_scalar(value) && word_in(s, no))
		course.mandatory = 0;
	else if (value && !or_yaml_is_null(value))
		record_problem(&rec, value, true, "mandatory should be true or false, not '%s'",
			       s ? s : node_kind(value));
	record_names(&rec, "required_for", &course.required_for, &course.nrequired_for);
	record_number(&rec, "valid_for_days", &days, &given);
	if (given && (days > 100000 || days != (double)(int)days))
		record_problem(&rec, or_yaml_get(&ld->yaml, node, "valid_for_days"), true,
			       "valid_for_days should be a whole number of days");
	else if (given)
		course.valid_for_days = (int)days;
	if (!rec.ok)
		return;
	ld->courses = or_xgrow(ld->courses, &ld->courses_cap, ld->ncourses + 1,
			       sizeof(*ld->courses));
	ld->courses[ld->ncourses++] = course;
}

static void read_person(loader *ld, const yaml_node_t *node)
{
	static const char *const keys[] = { "id", "name", "team", "joined" };
	record rec = { ld, node, NULL, NULL, true };
	or_person person;

	if (!need_mapping(ld, node, "person", "person", "{id, name, team, joined}"))
		return;
	memset(&person, 0, sizeof(person));
	person.line = or_yaml_line(node);
	name_record(&rec, "person", "person", scalar_text(or_yaml_get(&ld->yaml, node, "id")));
	record_keys(&rec, keys, sizeof(keys) / sizeof(keys[0]));
	record_text(&rec, "id", true, &person.id);
	record_text(&rec, "name", false, &person.name);
	record_text(&rec, "team", false, &person.team);
	/* kept without the date: leaving the person out would hide their training */
	record_date(&rec, "joined", "joined ", false, false, &person.joined, &person.has_joined);
	if (!rec.ok)
		return;
	ld->people = or_xgrow(ld->people, &ld->people_cap, ld->npeople + 1, sizeof(*ld->people));
	ld->people[ld->npeople++] = person;
}

static void read_completion(loader *ld, const yaml_node_t *node)
{
	static const char *const keys[] = { "person", "course", "date", "hours" };
	record rec = { ld, node, NULL, NULL, true };
	or_completion completion;
	const char *person_id, *course_id;
	bool given;

	if (!need_mapping(ld, node, "completion", "completion", "{person, course, date, hours}"))
		return;
	memset(&completion, 0, sizeof(completion));
	completion.line = or_yaml_line(node);
	person_id = scalar_text(or_yaml_get(&ld->yaml, node, "person"));
	course_id = scalar_text(or_yaml_get(&ld->yaml, node, "course"));
	if (person_id && course_id) {
		person_id = arena_trimmed(ld->arena, person_id);
		course_id = arena_trimmed(ld->arena, course_id);
		rec.subject = or_arena_printf(ld->arena, "completion:%s:%s", person_id, course_id);
		rec.what = or_arena_printf(ld->arena, "completion of %s by %s", course_id,
					   person_id);
	} else {
		name_record(&rec, "completion", "completion", NULL);
	}
	record_keys(&rec, keys, sizeof(keys) / sizeof(keys[0]));
	record_text(&rec, "person", true, &completion.person);
	record_text(&rec, "course", true, &completion.course);
	record_date(&rec, "date", "", true, true, &completion.date, &given);
	record_number(&rec, "hours", &completion.hours, &given);
	if (!given)
		completion.hours = -1;
	if (!rec.ok)
		return;
	ld->completions = or_xgrow(ld->completions, &ld->completions_cap, ld->ncompletions + 1,
				   sizeof(*ld->completions));
	ld->completions[ld->ncompletions++] = completion;
}

/* A list section (`people:`): each item read by `read`. A null value is empty. */
static int read_section(loader *ld, const yaml_node_t *value, const char *name,
			void (*read)(loader *, const yaml_node_t *), or_diag *diag)
{
	size_t i, n;

	if (or_yaml_is_null(value))
		return 0;
	if (!or_yaml_is_sequence(value))
		return or_yaml_error(diag, &ld->yaml, value, "expected a list for %s, found %s",
				     name, node_kind(value));
	n = or_yaml_sequence_size(value);
	for (i = 0; i < n; i++)
		read(ld, or_yaml_item(&ld->yaml, value, i));
	return 0;
}

/* A top-level key that is none of `known`: a problem, the rest is still read. */
static void unknown_top_key(loader *ld, const yaml_node_t *key_node, const char *const *known,
			    size_t nknown, const char *where)
{
	const char *key = or_yaml_scalar(key_node);
	const char *suggestion = or_text_did_you_mean(key, known, nknown);
	const char *subject = or_arena_printf(ld->arena, "key:%s", key);

	if (suggestion)
		add_problem(ld, or_yaml_line(key_node), or_yaml_column(key_node), subject,
			    "unknown key '%s' in %s (did you mean '%s'?)", key, where, suggestion);
	else
		add_problem(ld, or_yaml_line(key_node), or_yaml_column(key_node), subject,
			    "unknown key '%s' in %s", key, where);
}

static int training_yaml(loader *ld, const char *text, size_t len, or_diag *diag)
{
	static const char *const sections[] = { "courses", "people", "completions" };
	yaml_node_t *root, *key_node, *value;
	const char *key;
	size_t i, n;
	int rc;

	if (or_yaml_load_max(&ld->yaml, text, len, OR_RECORDS_MAX_BYTES, ld->path, diag) != 0)
		return -1;
	root = or_yaml_root(&ld->yaml);
	if (!root)
		return 0;
	if (!or_yaml_is_mapping(root))
		return or_yaml_error(diag, &ld->yaml, root,
				     "expected a mapping with courses, people and completions at "
				     "the top level, found %s",
				     node_kind(root));
	if (or_yaml_check_keys(&ld->yaml, root, NULL, NULL, diag) != 0)
		return -1;
	n = or_yaml_mapping_size(root);
	for (i = 0; i < n; i++) {
		key_node = or_yaml_pair_key(&ld->yaml, root, i);
		value = or_yaml_pair_value(&ld->yaml, root, i);
		key = or_yaml_scalar(key_node);
		if (strcmp(key, "courses") == 0)
			rc = read_section(ld, value, key, read_course, diag);
		else if (strcmp(key, "people") == 0)
			rc = read_section(ld, value, key, read_person, diag);
		else if (strcmp(key, "completions") == 0)
			rc = read_section(ld, value, key, read_completion, diag);
		else {
			unknown_top_key(ld, key_node, sections, 3, "the training records");
			rc = 0;
		}
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* ---- CSV training records */

enum csv_column {
	COL_PERSON,
	COL_TEAM,
	COL_COURSE,
	COL_COMPLETED,
	COL_HOURS,
	COL_JOINED,
	NCOLUMNS
};

static const char *const csv_column_names[NCOLUMNS] = { "person", "team", "course",
							 "completed", "hours", "joined" };
static const bool csv_column_required[NCOLUMNS] = { true, false, true, true, false, false };
/* In order of preference: "Person" wins over "Name" when a register has both. */
static const char *const csv_aliases[NCOLUMNS][6] = {
	{ "Person", "Name", "Employee", "Learner", "User", NULL },
	{ "Team", "Role", "Department", "Group", NULL },
	{ "Course", "Training", "Course ID", "Module", NULL },
	{ "Completed", "Completion Date", "Date", "Completed On", NULL },
	{ "Hours", "Duration", NULL },
	{ "Joined", "Start Date", "Hire Date", NULL },
};

typedef struct csv_reader {
	loader *ld;
	or_diag *diag;
	bool comma_decimal;
	or_buf row;        /* the fields of the current row, each NUL-terminated */
	size_t *starts;    /* offset of each field in row */
	size_t nfields, starts_cap;
	or_buf header;     /* the header's fields, kept for messages */
	size_t *header_starts;
	size_t nheader;
	int line;          /* the physical line being parsed */
	int row_line;      /* where the current row started */
	bool in_row, have_header, failed;
	long columns[NCOLUMNS]; /* field index of each column, or -1 */
	size_t min_fields;
} csv_reader;

static void csv_on_field(void *s, size_t len, void *data)
{
	csv_reader *r = data;

	if (r->failed)
		return;
	r->starts = or_xgrow(r->starts, &r->starts_cap, r->nfields + 1, sizeof(size_t));
	r->starts[r->nfields++] = r->row.size;
	or_buf_put(&r->row, s ? s : "", s ? len : 0);
	or_buf_putc(&r->row, '\0');
}

/* Field i of the current row, trimmed (not NUL-terminated at *len); "" when absent. */
static const char *csv_field(const csv_reader *r, long i, size_t *len)
{
	const char *s;

	*len = 0;
	if (i < 0 || (size_t)i >= r->nfields)
		return "";
	s = r->row.ptr + r->starts[i];
	*len = strlen(s);
	return or_text_trim(s, len);
}

static const char *header_name(const csv_reader *r, long i)
{
	return r->header.ptr + r->header_starts[i];
}

static int csv_header(csv_reader *r)
{
	or_buf message = OR_BUF_INIT, names = OR_BUF_INIT;
	size_t i, a;
	int k, missing = 0, rc = -1;

	for (k = 0; k < NCOLUMNS; k++) {
		r->columns[k] = -1;
		for (a = 0; csv_aliases[k][a] && r->columns[k] < 0; a++) {
			for (i = 0; i < r->nfields; i++) {
				if (or_text_key_equal(r->row.ptr + r->starts[i], csv_aliases[k][a])) {
					r->columns[k] = (long)i;
					break;
				}
			}
		}
		if (csv_column_required[k] && r->columns[k] < 0) {
			or_buf_puts(&message, missing++ ? "; no " : "the header has no ");
			or_buf_printf(&message, "%s column (", csv_column_names[k]);
			for (a = 0; csv_aliases[k][a]; a++)
				or_buf_printf(&message, "%s%s", a ? ", " : "", csv_aliases[k][a]);
			or_buf_putc(&message, ')');
		}
		if (csv_column_required[k] && r->columns[k] >= 0 &&
		    (size_t)r->columns[k] + 1 > r->min_fields)
			r->min_fields = (size_t)r->columns[k] + 1;
	}
	if (missing) {
		for (i = 0; i < r->nfields; i++)
			or_buf_printf(&names, "%s%s", i ? ", " : "", r->row.ptr + r->starts[i]);
		or_diag_set(r->diag, OR_EXIT_USAGE, r->ld->path, r->row_line, 1,
			    "%s; its columns are: %s", or_buf_cstr(&message), or_buf_cstr(&names));
		goto cleanup;
	}
	or_buf_put(&r->header, r->row.ptr, r->row.size);
	r->header_starts = or_xmalloc((r->nfields ? r->nfields : 1) * sizeof(size_t));
	memcpy(r->header_starts, r->starts, r->nfields * sizeof(size_t));
	r->nheader = r->nfields;
	r->have_header = true;
	rc = 0;
cleanup:
	or_buf_dispose(&message);
	or_buf_dispose(&names);
	return rc;
}

static size_t hash_text(const char *s)
{
	size_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The person with this id, added (with its line) when new. */
static or_person *csv_person(loader *ld, const char *id, size_t len, int line)
{
	size_t i, h, mask;
	char *key = or_xstrndup(id, len);
	or_person *person;

	if (ld->npeople * 2 >= ld->person_slots_cap) {
		size_t cap = ld->person_slots_cap ? ld->person_slots_cap * 2 : 64;

		free(ld->person_slots);
		ld->person_slots = or_xcalloc(cap, sizeof(size_t));
		ld->person_slots_cap = cap;
		for (i = 0; i < ld->npeople; i++) {
			h = hash_text(ld->people[i].id) & (cap - 1);
			while (ld->person_slots[h])
				h = (h + 1) & (cap - 1);
			ld->person_slots[h] = i + 1;
		}
	}
	mask = ld->person_slots_cap - 1;
	for (h = hash_text(key) & mask; ld->person_slots[h]; h = (h + 1) & mask) {
		person = &ld->people[ld->person_slots[h] - 1];
		if (strcmp(person->id, key) == 0) {
			free(key);
			return person;
		}
	}
	ld->people = or_xgrow(ld->people, &ld->people_cap, ld->npeople + 1, sizeof(*ld->people));
	person = &ld->people[ld->npeople++];
	memset(person, 0, sizeof(*person));
	person->id = or_arena_strndup(ld->arena, key, len);
	person->line = line;
	ld->person_slots[h] = ld->npeople;
	free(key);
	return person;
}

static void csv_row(csv_reader *r)
{
	loader *ld = r->ld;
	const char *person_id, *course_id, *completed, *team, *hours, *joined, *why = NULL;
	size_t person_len, course_len, completed_len, team_len, hours_len, joined_len, i;
	char row_subject[64];
	const char *subject, *what;
	or_completion completion;
	or_person *person;
	or_buf text = OR_BUF_INIT;
	bool ok = true;
	double value;

	snprintf(row_subject, sizeof(row_subject), "row:%d", r->row_line);
	if (r->nfields < r->min_fields) {
		for (i = 0; i < r->min_fields && i < r->nheader; i++)
			or_buf_printf(&text, "%s%s", i ? ", " : "", header_name(r, (long)i));
		add_problem(ld, r->row_line, 1, row_subject,
			    "row at line %d has %zu column%s; expected at least %zu (%s)",
			    r->row_line, r->nfields, r->nfields == 1 ? "" : "s", r->min_fields,
			    or_buf_cstr(&text));
		goto cleanup;
	}
	person_id = csv_field(r, r->columns[COL_PERSON], &person_len);
	course_id = csv_field(r, r->columns[COL_COURSE], &course_len);
	completed = csv_field(r, r->columns[COL_COMPLETED], &completed_len);
	team = csv_field(r, r->columns[COL_TEAM], &team_len);
	hours = csv_field(r, r->columns[COL_HOURS], &hours_len);
	joined = csv_field(r, r->columns[COL_JOINED], &joined_len);
	if (!person_len || !course_len || !completed_len) {
		if (!person_len)
			or_buf_printf(&text, "%s", header_name(r, r->columns[COL_PERSON]));
		if (!course_len)
			or_buf_printf(&text, "%s%s", text.size ? ", " : "",
				      header_name(r, r->columns[COL_COURSE]));
		if (!completed_len)
			or_buf_printf(&text, "%s%s", text.size ? ", " : "",
				      header_name(r, r->columns[COL_COMPLETED]));
		add_problem(ld, r->row_line, 1, row_subject, "row at line %d has no value for %s",
			    r->row_line, or_buf_cstr(&text));
		ok = false;
	}
	if (person_len) {
		person = csv_person(ld, person_id, person_len, r->row_line);
		if (!person->team && team_len)
			person->team = or_arena_strndup(ld->arena, team, team_len);
		if (!person->has_joined && joined_len) {
			if (parse_whole_date(&person->joined, joined, joined_len, ld->order,
					     &why) == 0) {
				person->has_joined = true;
			} else {
				subject = or_arena_printf(ld->arena, "person:%s", person->id);
				add_problem(ld, r->row_line, 1, subject,
					    "person %s: %s '%.*s' %s", person->id,
					    header_name(r, r->columns[COL_JOINED]), (int)joined_len,
					    joined, why);
			}
		}
	}
	if (!ok)
		goto cleanup;
	memset(&completion, 0, sizeof(completion));
	completion.person = or_arena_strndup(ld->arena, person_id, person_len);
	completion.course = or_arena_strndup(ld->arena, course_id, course_len);
	completion.line = r->row_line;
	completion.hours = -1;
	subject = or_arena_printf(ld->arena, "completion:%s:%s", completion.person,
				  completion.course);
	what = or_arena_printf(ld->arena, "completion of %s by %s", completion.course,
			       completion.person);
	if (parse_whole_date(&completion.date, completed, completed_len, ld->order, &why) != 0) {
		add_problem(ld, r->row_line, 1, subject, "%s: '%.*s' %s", what,
			    (int)completed_len, completed, why);
		ok = false;
	}
	if (hours_len && parse_number(&value, hours, hours_len, r->comma_decimal) != 0) {
		add_problem(ld, r->row_line, 1, subject, "%s: hours '%.*s' is not a number", what,
			    (int)hours_len, hours);
		ok = false;
	} else if (hours_len && value < 0) {
		add_problem(ld, r->row_line, 1, subject, "%s: negative hours (%.*s)", what,
			    (int)hours_len, hours);
		ok = false;
	} else if (hours_len) {
		completion.hours = value;
	}
	if (!ok)
		goto cleanup;
	ld->completions = or_xgrow(ld->completions, &ld->completions_cap, ld->ncompletions + 1,
				   sizeof(*ld->completions));
	ld->completions[ld->ncompletions++] = completion;
cleanup:
	or_buf_dispose(&text);
}

static void csv_on_row(int terminator, void *data)
{
	csv_reader *r = data;

	(void)terminator;
	if (!r->failed) {
		if (!r->have_header) {
			if (csv_header(r) != 0)
				r->failed = true;
		} else {
			csv_row(r);
		}
	}
	r->nfields = 0;
	or_buf_clear(&r->row);
	r->in_row = false;
}

/* Nothing but spaces, tabs and line ends: libcsv skips such a line between rows. */
static bool blank_line(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return false;
	return true;
}

/* The end of the physical line at `pos`, after its '\n', "\r\n" or lone '\r'. */
static size_t line_end(const char *text, size_t len, size_t pos)
{
	while (pos < len && text[pos] != '\n' && text[pos] != '\r')
		pos++;
	if (pos < len && text[pos] == '\r') {
		pos++;
		if (pos < len && text[pos] == '\n')
			pos++;
	} else if (pos < len) {
		pos++;
	}
	return pos;
}

/* ',' or ';': whichever the header line (the first non-blank one) has more of, outside quotes. */
static unsigned char csv_delimiter(const char *text, size_t len)
{
	size_t i = 0, commas = 0, semicolons = 0;
	bool quoted = false;

	while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
		i++;
	for (; i < len; i++) {
		if (text[i] == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (text[i] == '\n' || text[i] == '\r')
			break;
		else if (text[i] == ',')
			commas++;
		else if (text[i] == ';')
			semicolons++;
	}
	return semicolons > commas ? ';' : ',';
}

static int training_csv(loader *ld, const char *text, size_t len, or_diag *diag)
{
	struct csv_parser parser;
	csv_reader reader;
	size_t pos = 0, end, bad, i;
	int line = 1, column = 1, rc = -1;
	bool parser_ready = false;

	memset(&reader, 0, sizeof(reader));
	reader.ld = ld;
	reader.diag = diag;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	bad = or_utf8_invalid_offset(text, len);
	if (bad != (size_t)-1) {
		for (i = 0; i < bad; i++) {
			if (text[i] == '\n') {
				line++;
				column = 1;
			} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
				column++;
			}
		}
		or_diag_set(diag, OR_EXIT_USAGE, ld->path, line, column,
			    "invalid UTF-8 text; export the file as UTF-8");
		goto cleanup;
	}
	if (csv_init(&parser, CSV_APPEND_NULL) != 0) {
		or_diag_set(diag, OR_EXIT_RUNTIME, ld->path, 0, 0, "cannot initialise the CSV parser");
		goto cleanup;
	}
	parser_ready = true;
	csv_set_delim(&parser, csv_delimiter(text, len));
	reader.comma_decimal = csv_get_delim(&parser) == ';';
	/*
	 * One physical line at a time, so that the line number is known when
	 * libcsv reports a field or a row; a row starts on the first non-blank
	 * line fed after the previous row ended.
	 */
	for (line = 1; pos < len && !reader.failed; line++) {
		end = line_end(text, len, pos);
		if (!reader.in_row && !blank_line(text + pos, end - pos)) {
			reader.in_row = true;
			reader.row_line = line;
		}
		reader.line = line;
		if (csv_parse(&parser, text + pos, end - pos, csv_on_field, csv_on_row, &reader) !=
		    end - pos) {
			or_diag_set(diag, OR_EXIT_RUNTIME, ld->path, line, 1, "cannot parse CSV: %s",
				    csv_strerror(csv_error(&parser)));
			goto cleanup;
		}
		pos = end;
	}
	if (!reader.failed)
		csv_fini(&parser, csv_on_field, csv_on_row, &reader);
	if (reader.failed)
		goto cleanup;
	if (!reader.have_header) {
		or_diag_set(diag, OR_EXIT_USAGE, ld->path, 1, 1,
			    "the file is empty; expected a header row with person, course and "
			    "completed columns");
		goto cleanup;
	}
	rc = 0;
cleanup:
	if (parser_ready)
		csv_free(&parser);
	or_buf_dispose(&reader.row);
	or_buf_dispose(&reader.header);
	free(reader.starts);
	free(reader.header_starts);
	return rc;
}

static bool ends_with_csv(const char *path)
{
	size_t n = strlen(path);

	return n >= 4 && path[n - 4] == '.' && (path[n - 3] | 0x20) == 'c' &&
	       (path[n - 2] | 0x20) == 's' && (path[n - 1] | 0x20) == 'v';
}

int or_training_load(or_training_records *out, const char *root, const char *path,
		     or_date_order order, or_diag *diag)
{
	loader ld;
	char *text = NULL;
	size_t len = 0;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	loader_init(&ld, path, order);
	if (read_records_file(&text, &len, root, path, "training records", diag) != 0)
		goto cleanup;
	if (ends_with_csv(path) ? training_csv(&ld, text, len, diag) != 0
				: training_yaml(&ld, text, len, diag) != 0)
		goto cleanup;
	out->path = ld.path;
	out->csv = ends_with_csv(path);
	out->courses = arena_copy(ld.arena, ld.courses, ld.ncourses, sizeof(or_course));
	out->ncourses = ld.ncourses;
	out->people = arena_copy(ld.arena, ld.people, ld.npeople, sizeof(or_person));
	out->npeople = ld.npeople;
	out->completions =
		arena_copy(ld.arena, ld.completions, ld.ncompletions, sizeof(or_completion));
	out->ncompletions = ld.ncompletions;
	out->problems =
		arena_copy(ld.arena, ld.problems, ld.nproblems, sizeof(or_record_problem));
	out->nproblems = ld.nproblems;
	out->arena = ld.arena;
	ld.arena = NULL;
	rc = 0;
cleanup:
	free(text);
	loader_dispose(&ld);
	return rc;
}

void or_training_dispose(or_training_records *records)
{
	if (!records)
		return;
	or_arena_free(records->arena);
	memset(records, 0, sizeof(*records));
}

/* ---- the drill log */

static void read_drill(loader *ld, const yaml_node_t *node)
{
	static const char *const keys[] = { "type",	   "date",	   "outcome", "rto_minutes",
					    "rpo_seconds", "participants", "notes" };
	static const char *const passed[] = { "pass", "passed", "success", "successful", NULL };
	static const char *const failed[] = { "fail", "failed", "failure", "unsuccessful", NULL };
	record rec = { ld, node, NULL, NULL, true };
	or_drill drill;
	yaml_node_t *value;
	const char *type, *s;
	bool given;
	int line = or_yaml_line(node);

	if (!or_yaml_is_mapping(node)) {
		char subject[64];

		snprintf(subject, sizeof(subject), "drill:%d", line);
		add_problem(ld, line, or_yaml_column(node), subject,
			    "drill at line %d is %s, not a mapping (expected {type, date, "
			    "outcome, ...})",
			    line, node_kind(node));
		return;
	}
	memset(&drill, 0, sizeof(drill));
	drill.line = line;
	drill.outcome = -1;
	rec.subject = or_arena_printf(ld->arena, "drill:%d", line);
	type = scalar_text(or_yaml_get(&ld->yaml, node, "type"));
	if (type && or_yaml_is_scalar(or_yaml_get(&ld->yaml, node, "type")))
		rec.what = or_arena_printf(ld->arena, "%s drill at line %d", type, line);
	else
		rec.what = or_arena_printf(ld->arena, "drill at line %d", line);
	record_keys(&rec, keys, sizeof(keys) / sizeof(keys[0]));
	record_text(&rec, "type", true, &drill.type);
	record_date(&rec, "date", "", true, true, &drill.date, &given);
	value = or_yaml_get(&ld->yaml, node, "outcome");
	s = scalar_text(value);
	if (s && or_yaml_is_scalar(value) && word_in(s, passed))
		drill.outcome = 1;
	else if (s && or_yaml_is_scalar(value) && word_in(s, failed))
		drill.outcome = 0;
	else if (value && !or_yaml_is_null(value))
		record_problem(&rec, value, true, "outcome '%s' is not pass or fail",
			       s ? s : node_kind(value));
	record_number(&rec, "rto_minutes", &drill.rto_minutes, &drill.has_rto);
	record_number(&rec, "rpo_seconds", &drill.rpo_seconds, &drill.has_rpo);
	record_names(&rec, "participants", &drill.participants, &drill.nparticipants);
	record_text(&rec, "notes", false, &drill.notes);
	if (!rec.ok)
		return;
	ld->drills = or_xgrow(ld->drills, &ld->drills_cap, ld->ndrills + 1, sizeof(*ld->drills));
	ld->drills[ld->ndrills++] = drill;
}

static int drills_yaml(loader *ld, const char *text, size_t len, or_diag *diag)
{
	static const char *const known[] = { "drills" };
	yaml_node_t *root, *key_node;
	size_t i, n;

	if (or_yaml_load_max(&ld->yaml, text, len, OR_RECORDS_MAX_BYTES, ld->path, diag) != 0)
		return -1;
	root = or_yaml_root(&ld->yaml);
	if (!root)
		return 0;
	if (or_yaml_is_sequence(root))
		return read_section(ld, root, "the drill log", read_drill, diag);
	if (!or_yaml_is_mapping(root) || !or_yaml_get(&ld->yaml, root, "drills"))
		return or_yaml_error(diag, &ld->yaml, root,
				     "expected a list of drills, or a mapping with drills:, at the "
				     "top level");
	if (or_yaml_check_keys(&ld->yaml, root, NULL, NULL, diag) != 0)
		return -1;
	n = or_yaml_mapping_size(root);
	for (i = 0; i < n; i++) {
		key_node = or_yaml_pair_key(&ld->yaml, root, i);
		if (strcmp(or_yaml_scalar(key_node), "drills") != 0)
			unknown_top_key(ld, key_node, known, 1, "the drill log");
		else if (read_section(ld, or_yaml_pair_value(&ld->yaml, root, i), "drills",
				      read_drill, diag) != 0)
			return -1;
	}
	return 0;
}

int or_drills_load(or_drill_log *out, const char *root, const char *path, or_date_order order,
		   or_diag *diag)
{
	loader ld;
	char *text = NULL;
	size_t len = 0;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	loader_init(&ld, path, order);
	if (read_records_file(&text, &len, root, path, "drill log", diag) != 0)
		goto cleanup;
	if (drills_yaml(&ld, text, len, diag) != 0)
		goto cleanup;
	out->path = ld.path;
	out->drills = arena_copy(ld.arena, ld.drills, ld.ndrills, sizeof(or_drill));
	out->ndrills = ld.ndrills;
	out->problems =
		arena_copy(ld.arena, ld.problems, ld.nproblems, sizeof(or_record_problem));
	out->nproblems = ld.nproblems;
	out->arena = ld.arena;
	ld.arena = NULL;
	rc = 0;
cleanup:
	free(text);
	loader_dispose(&ld);
	return rc;
}

void or_drills_dispose(or_drill_log *log)
{
	if (!log)
		return;
	or_arena_free(log->arena);
	memset(log, 0, sizeof(*log));
}
