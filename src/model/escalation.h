/*
 * The escalation matrix of a scan: the escalation levels found in the
 * documents (headings and tables), each naming the team it escalates to.
 */
#ifndef OR_MODEL_ESCALATION_H
#define OR_MODEL_ESCALATION_H

#include <stddef.h>

#include "input/document.h"
#include "util/arena.h"

/* A level of an escalation matrix found in a runbook. */
typedef struct or_escalation_level {
	int level;              /* 1, 2, 3 ... */
	const char *name;       /* "Initial Response", or NULL */
	const char *window;     /* "0-15 minutes", or NULL */
	const char *team;       /* "Support Engineers", or NULL when none is named */
	const char *file;
	int line;
} or_escalation_level;

/* Levels from "Level N: Name (window)" headings with a "Team:" line, and
 * from tables with Level and Team columns, in document order. */
size_t or_escalation_extract(or_escalation_level **out, or_arena *arena, const or_document *doc);

#endif
