/*
 * Private to the readers of record files (input/records.h is the public
 * header): the loader a file's records and problems are collected in, and
 * the pieces the readers share.
 *
 *   records_common.c  the loader, reading the file, values shared by YAML and CSV
 *   records_yaml.c    one YAML record's fields, problems with its subject (or_rec_)
 *   training.c        or_training_load: YAML or CSV by the file name
 *   training_yaml.c   training records in YAML
 *   training_csv.c    training records in CSV
 *   drill_log.c       the drill log
 */
#ifndef OR_INPUT_RECORDS_LOADER_H
#define OR_INPUT_RECORDS_LOADER_H

#include <stdbool.h>
#include <stddef.h>

#include <yaml.h>

#include "input/records.h"
#include "input/yaml.h"
#include "opsready/common.h"
#include "util/arena.h"
#include "util/date.h"

/* ---- the loader (records_common.c) */

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

void or_records_loader_init(loader *ld, const char *path, or_date_order order);
void or_records_loader_dispose(loader *ld);
/* `n` items copied into `arena`; NULL when n is 0. */
void *or_records_arena_copy(or_arena *arena, const void *items, size_t n, size_t item_size);
/* A record problem at line:column (1 when not positive); subject and message are copied. */
void or_records_add_problem(loader *ld, int line, int column, const char *subject,
			    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* The file at `path` (relative to `root`), at most OR_RECORDS_MAX_BYTES; `what` names
 * it in errors. */
int or_records_read_file(char **out, size_t *len, const char *root, const char *path,
			 const char *what, or_diag *diag);

/* ---- values shared by YAML and CSV (records_common.c) */

/* A date that is the whole of `text`: 0, or -1 and why not in *why. */
int or_records_parse_whole_date(or_date *out, const char *text, size_t len, or_date_order order,
				const char **why);
/* A decimal number that is the whole of `text`, "," as the decimal mark with
 * `comma_decimal`: 0, or -1. */
int or_records_parse_number(double *out, const char *text, size_t len, bool comma_decimal);

/* ---- YAML records: one record's fields, problems with its subject (records_yaml.c) */

typedef struct record {
	loader *ld;
	const yaml_node_t *node; /* the record's mapping */
	const char *subject;
	const char *what;        /* "completion of incident-response by alice" */
	bool ok;                 /* false: kept out */
} record;

/* A problem of the record, at `at` (NULL: the record), its message after
 * rec->what; with `keep_out` the record is kept out. */
void or_rec_problem(record *rec, const yaml_node_t *at, bool keep_out, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* "a mapping", "a list" or "a scalar", for messages. */
const char *or_rec_node_kind(const yaml_node_t *node);
/* The text of a scalar value, trimmed, or NULL when absent, null or empty. */
const char *or_rec_scalar_text(const yaml_node_t *node);
/* `s` trimmed, in `arena`. */
const char *or_rec_trimmed(or_arena *arena, const char *s);
/* Unknown, duplicate and non-scalar keys: problems that keep the record in. */
void or_rec_keys(record *rec, const char *const *allowed, size_t nallowed);
/* A text field: *out in the arena or NULL. A missing required one keeps the record out. */
void or_rec_text(record *rec, const char *key, bool required, const char **out);
/* A number >= 0; *given false when absent. */
void or_rec_number(record *rec, const char *key, double *out, bool *given);
/* A date; a problem (keeping the record out when `keep_out`) when unreadable,
 * its message after `label`. */
void or_rec_date(record *rec, const char *key, const char *label, bool required,
		 bool keep_out, or_date *out, bool *given);
/* A list of names, or one name; NULL and 0 when absent. */
void or_rec_names(record *rec, const char *key, const char *const **out, size_t *n);
/* `s` is one of the NULL-terminated lower-case `words`, ignoring ASCII case. */
bool or_rec_word_in(const char *s, const char *const *words);
/* A list section (`people:`): each item read by `read`. A null value is empty. */
int or_rec_read_section(loader *ld, const yaml_node_t *value, const char *name,
			void (*read)(loader *, const yaml_node_t *), or_diag *diag);
/* A top-level key that is none of `known`: a problem, the rest is still read. */
void or_rec_unknown_top_key(loader *ld, const yaml_node_t *key_node, const char *const *known,
			    size_t nknown, const char *where);

/* ---- the formats of training records (training_yaml.c, training_csv.c) */

/* Read `len` bytes of `text` into `ld`: 0, or -1 with `diag` set. */
int or_training_yaml(loader *ld, const char *text, size_t len, or_diag *diag);
int or_training_csv(loader *ld, const char *text, size_t len, or_diag *diag);

#endif
