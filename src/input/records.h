/*
 * opsready's own record files, read into plain structs: training records
 * (YAML, or CSV as a learning-management system exports it) and the drill
 * log (YAML). Both are named in the config (`inputs:`).
 *
 * A file that is missing, unreadable or not valid YAML/CSV is an error
 * (OR_EXIT_USAGE, with file, line and column). A record that is wrong in
 * itself — a bad date, a row with missing columns, negative hours — is kept
 * out and listed in `problems` with its line, and the rest of the file is
 * still read; the checks turn problems into findings.
 */
#ifndef OR_INPUT_RECORDS_H
#define OR_INPUT_RECORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "opsready/common.h"
#include "util/arena.h"
#include "util/date.h"

/* The largest record file read (training records, drill log); larger is an error. */
#define OR_RECORDS_MAX_BYTES ((size_t)16 * 1024 * 1024)

/*
 * Subjects: "completion:PERSON:COURSE", "person:ID", "course:ID", "drill:LINE";
 * a record without its id by line: "completion:line:23", "person:line:17",
 * "course:line:4"; a CSV row that cannot be read at all "row:LINE"; an
 * unknown top-level key "key:NAME". CSV problems have column 1.
 */
typedef struct or_record_problem {
	int line, column;     /* in the records file */
	const char *subject;  /* stable: "row:12", "completion:alice:incident-response" */
	const char *message;  /* for people */
} or_record_problem;

typedef struct or_course {
	const char *id;               /* "incident-response" */
	const char *title;            /* NULL when the file does not give one */
	double hours;                 /* < 0 when not given */
	int mandatory;                /* 1, 0, or -1 when not given */
	const char *const *required_for; /* team names; NULL when not given */
	size_t nrequired_for;
	int valid_for_days;           /* 0 when not given */
	int line;
} or_course;

typedef struct or_person {
	const char *id;               /* "alice"; in CSV the Person column */
	const char *name;             /* NULL when not given */
	const char *team;             /* NULL when not given */
	bool has_joined;
	or_date joined;
	int line;
} or_person;

typedef struct or_completion {
	const char *person;           /* a person id as written */
	const char *course;           /* a course id or title as written */
	or_date date;
	double hours;                 /* < 0 when not given */
	int line;
} or_completion;

typedef struct or_training_records {
	or_arena *arena;              /* every string and array below */
	const char *path;             /* as named in the config */
	bool csv;
	or_course *courses; size_t ncourses;       /* YAML `courses:` only */
	or_person *people; size_t npeople;         /* YAML `people:`; CSV: one per distinct person */
	or_completion *completions; size_t ncompletions;
	or_record_problem *problems; size_t nproblems;
} or_training_records;

/*
 * Read training records from `path` (relative to `root`); CSV when the name
 * ends in .csv (any case), else YAML.
 *
 * YAML: { courses: [{id, title, hours, mandatory, required_for, valid_for_days}],
 *         people: [{id, name, team, joined}],
 *         completions: [{person, course, date, hours}] } — unknown keys are
 * problems, not errors.
 *
 * CSV: one completion a row, a header row first; ',' or ';' (whichever the
 * header uses), quoted fields, a UTF-8 BOM, CRLF. Columns by header name,
 * case- and punctuation-insensitive, with aliases: person (Person, Name,
 * Employee, Learner, User), team (Team, Role, Department, Group), course
 * (Course, Training, Course ID, Module), completed (Completed, Completion
 * Date, Date, Completed On), hours (Hours, Duration), joined (Joined, Start
 * Date, Hire Date). person, course and completed are required columns (a
 * header without them is an error); team, hours and joined are optional.
 * The people list is built from the rows (a person's team and joined date:
 * the first row that gives them).
 *
 * Dates: or_date_parse with `order`; an impossible or unreadable date is a
 * problem. Hours: a number >= 0, else a problem. A person whose joined date
 * is unreadable is a problem but kept, without it (has_joined false):
 * leaving them out would hide their training.
 */
int or_training_load(or_training_records *out, const char *root, const char *path,
		     or_date_order order, or_diag *diag);
void or_training_dispose(or_training_records *records);

typedef struct or_drill {
	const char *type;             /* "disaster-recovery" */
	or_date date;
	int outcome;                  /* 1 pass, 0 fail, -1 not given */
	bool has_rto;
	double rto_minutes;
	bool has_rpo;
	double rpo_seconds;
	const char *const *participants;
	size_t nparticipants;
	const char *notes;            /* `notes:` or NULL */
	int line;
} or_drill;

typedef struct or_drill_log {
	or_arena *arena;
	const char *path;
	or_drill *drills; size_t ndrills;          /* in file order */
	or_record_problem *problems; size_t nproblems;
} or_drill_log;

/*
 * Read the drill log at `path` (relative to `root`): a YAML sequence of
 * drills, or a mapping with `drills:` holding one. Each drill:
 * { type, date, outcome: pass|fail, rto_minutes, rpo_seconds, participants: [..], notes }.
 * A drill without type or date, with an unreadable date, an outcome other
 * than pass/fail (also passed/failed, success/failure), or a negative or
 * non-numeric objective is a problem.
 */
int or_drills_load(or_drill_log *out, const char *root, const char *path, or_date_order order,
		   or_diag *diag);
void or_drills_dispose(or_drill_log *log);

#endif
