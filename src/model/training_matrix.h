/*
 * The training matrix of a scan (people x courses): the state of each
 * person's courses, per-course and per-team completion, and the teams the
 * escalation matrix names. Built from the training records and the rules'
 * params; the checks judge it and the report shows it.
 *
 * Only the cells that exist are held: those with a completion in the
 * records. A required cell without one (missing or due) is computed when it
 * is visited, from the courses required of everyone and of the person's
 * team; a cell that is neither recorded nor required is not visited at all.
 * Memory is linear in the records, not in people x courses.
 */
#ifndef OR_MODEL_TRAINING_MATRIX_H
#define OR_MODEL_TRAINING_MATRIX_H

#include <stdbool.h>
#include <stddef.h>

#include "input/records.h"
#include "model/escalation.h"
#include "rules/ruleset.h"
#include "util/arena.h"
#include "util/date.h"

typedef enum or_cell_state {
	OR_CELL_NOT_REQUIRED = 0, /* recommended, or not for this person's team, and not taken */
	OR_CELL_DONE,             /* completed and valid */
	OR_CELL_EXPIRING,         /* completed, valid, expires within the warning window */
	OR_CELL_EXPIRED,          /* completed, but longer ago than the course's validity */
	OR_CELL_MISSING,          /* required and never completed */
	OR_CELL_DUE               /* required, not completed, joined within grace_days */
} or_cell_state;

/* "not-required", "done", "expiring", "expired", "missing", "due" (static). */
const char *or_cell_state_name(or_cell_state state);

typedef struct or_matrix_course {
	const char *id;
	const char *title;
	double hours;
	bool mandatory;
	const char *const *required_for; /* team names; none: everyone */
	size_t nrequired_for;
	int valid_for_days;
	size_t required;         /* people who must hold it (not counting those still due) */
	size_t valid;            /* of those, how many hold it now (done or expiring) */
} or_matrix_course;

typedef struct or_matrix_person {
	const char *id;
	size_t team_index;       /* in or_training.teams, or OR_NO_TEAM */
	const char *name;
	const char *team;
	bool has_joined;
	or_date joined;
	int line;
	bool fully_trained;      /* every required course done or expiring */
} or_matrix_person;

#define OR_NO_TEAM ((size_t)-1)

typedef struct or_matrix_cell {
	size_t course;           /* in or_training.courses */
	or_cell_state state;
	bool required;
	or_date completed;       /* the latest completion, when there is one */
	or_date expires;         /* completed + validity */
	or_date due;             /* joined + grace, for OR_CELL_DUE */
	int line;                /* of the latest completion in the records */
} or_matrix_cell;

typedef struct or_matrix_team {
	const char *name;
	size_t members;
	size_t fully_trained;
	size_t required;         /* required cells of its members (not counting due ones) */
	size_t valid;            /* of those, done or expiring */
	bool in_escalation;      /* named by an escalation level */
	const or_escalation_level *level; /* the first level naming it, or NULL */
} or_matrix_team;

typedef struct or_training {
	const char *path;                 /* the records file */
	or_matrix_course *courses; size_t ncourses;
	or_matrix_person *people; size_t npeople;
	or_matrix_cell *cells; size_t ncells; /* recorded cells only, by person then course */
	size_t *person_cells;             /* npeople + 1: person p's recorded cells are
					     cells[person_cells[p] .. person_cells[p + 1]) */
	size_t *everyone; size_t neveryone; /* courses mandatory for everyone, in order */
	size_t *team_courses;             /* courses mandatory for a team (required_for) */
	size_t *team_first;               /* nteams + 1: team t's are team_courses[team_first[t]
					     .. team_first[t + 1]), in course order */
	or_matrix_team *teams; size_t nteams;   /* records' teams, then escalation-only teams */
	or_date now;
	int grace_days;                   /* after joining: due, not missing */
	or_record_problem *problems; size_t nproblems; /* reader problems + unknown references,
							  duplicates, future dates */
} or_training;

/*
 * Build the matrix. Courses: those of the rule training.missing's `courses`
 * param, then the records file's (same id: the file's fields win).
 * Validity: the course's valid_for_days, else training.expired's
 * `valid_for_days`; the warning window: its `expiring_within_days`; the
 * grace after joining: training.missing's `grace_days`. A completion names
 * a course by id, or by title (compared as lookup keys).
 */
void or_training_build(or_training *out, or_arena *arena, const or_training_records *records,
		       const or_ruleset *rules, const or_escalation_level *levels, size_t nlevels,
		       or_date now);

/* The person x course cells the records require (each mandatory course of
 * each person): each one is an evaluation, and a missing one a finding. */
size_t or_training_required_cells(const or_training *training);

/* The most required cells a scan evaluates: past it, the records are refused
 * (exit 2) rather than made into millions of findings (2,000 people x 2,000
 * courses for everyone is 4,000,000; a 20,000-person organisation with 50
 * mandatory courses fits). */
#define OR_TRAINING_MAX_REQUIRED_CELLS ((size_t)1000000)

/* The cell of person p and course c (recorded, required, or neither). */
void or_training_cell(const or_training *training, size_t p, size_t c, or_matrix_cell *out);

/* A walk over one person's cells that are recorded or required, in course
 * order: O(recorded + required) for the person, whatever the number of
 * courses. */
typedef struct or_training_row {
	const or_training *training;
	size_t person;
	size_t everyone, team, team_end, recorded, recorded_end; /* positions */
} or_training_row;

void or_training_row_start(or_training_row *row, const or_training *training, size_t person);
/* The next cell (its course in cell->course); false at the end of the row. */
bool or_training_row_next(or_training_row *row, or_matrix_cell *cell);

/* The cells a walk over every row visits (recorded or required). */
size_t or_training_count_cells(const or_training *training);

#endif
