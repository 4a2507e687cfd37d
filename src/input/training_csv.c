/* Training records in CSV, as a learning-management system exports them:
 * one completion a row, columns found by their header names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "input/records_loader.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/text.h"
#include "util/utf8.h"

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
		or_records_add_problem(ld, r->row_line, 1, row_subject,
				       "row at line %d has %zu column%s; expected at least "
				       "%zu (%s)",
				       r->row_line, r->nfields, r->nfields == 1 ? "" : "s",
				       r->min_fields, or_buf_cstr(&text));
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
		or_records_add_problem(ld, r->row_line, 1, row_subject,
				       "row at line %d has no value for %s", r->row_line,
				       or_buf_cstr(&text));
		ok = false;
	}
	if (person_len) {
		person = csv_person(ld, person_id, person_len, r->row_line);
		if (!person->team && team_len)
			person->team = or_arena_strndup(ld->arena, team, team_len);
		if (!person->has_joined && joined_len) {
			if (or_records_parse_whole_date(&person->joined, joined, joined_len,
							ld->order, &why) == 0) {
				person->has_joined = true;
			} else {
				subject = or_arena_printf(ld->arena, "person:%s", person->id);
				or_records_add_problem(ld, r->row_line, 1, subject,
						       "person %s: %s '%.*s' %s", person->id,
						       header_name(r, r->columns[COL_JOINED]),
						       (int)joined_len, joined, why);
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
	if (or_records_parse_whole_date(&completion.date, completed, completed_len, ld->order,
					&why) != 0) {
		or_records_add_problem(ld, r->row_line, 1, subject, "%s: '%.*s' %s", what,
				       (int)completed_len, completed, why);
		ok = false;
	}
	if (hours_len && or_records_parse_number(&value, hours, hours_len, r->comma_decimal) != 0) {
		or_records_add_problem(ld, r->row_line, 1, subject,
				       "%s: hours '%.*s' is not a number", what, (int)hours_len,
				       hours);
		ok = false;
	} else if (hours_len && value < 0) {
		or_records_add_problem(ld, r->row_line, 1, subject, "%s: negative hours (%.*s)",
				       what, (int)hours_len, hours);
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

int or_training_csv(loader *ld, const char *text, size_t len, or_diag *diag)
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
