/*
 * The drill record of a scan: per drill type, its cadence and objectives
 * from the rules' params, and the latest drill of the log with when the
 * next one is due.
 */
#ifndef OR_MODEL_DRILL_RECORD_H
#define OR_MODEL_DRILL_RECORD_H

#include <stdbool.h>
#include <stddef.h>

#include "input/records.h"
#include "rules/ruleset.h"
#include "util/arena.h"
#include "util/date.h"

typedef struct or_drill_type {
	const char *type;
	int every_days;          /* 0 when the pack sets no cadence for it */
	bool has_rto;            /* objectives */
	double rto_minutes;
	bool has_rpo;
	double rpo_seconds;
	const or_drill *latest;  /* the latest drill of this type on or before now, or NULL */
	or_date next_due;        /* latest + every_days (with a cadence and a latest) */
	size_t count;            /* drills of this type in the log */
} or_drill_type;

typedef struct or_drill_record {
	const char *path;
	or_drill_type *types; size_t ntypes;   /* the pack's types in order, then others by name */
} or_drill_record;

/* Cadences from drills.overdue's `drills` param, objectives from
 * drills.objective-missed's `objectives`. */
void or_drill_record_build(or_drill_record *out, or_arena *arena, const or_drill_log *log,
			   const or_ruleset *rules, or_date now);

#endif
