/*
 * The finished report as one value: a jansson tree whose serialisation is
 * the JSON report, and beside it the evaluations that are not findings,
 * held typed (the tree's "evaluations" is an empty array that keeps their
 * place; the JSON reporter writes them there). The engine builds it;
 * reporters only read it.
 */
#ifndef OR_CORE_REPORT_VALUE_H
#define OR_CORE_REPORT_VALUE_H

#include <jansson.h>

#include "core/eval_table.h"
#include "opsready/report.h"

struct or_report {
	json_t *root;                 /* owned */
	or_eval_table evaluations;    /* owned */
};

/* Wrap `root` (the reference is stolen) and `evaluations` (moved: left
 * empty; NULL for none). */
or_report *or_report_wrap(json_t *root, or_eval_table *evaluations);

/* A saved report's value (`root` is stolen): checked to be one opsready
 * wrote, its evaluations taken into the typed table. Errors name `path`
 * and are OR_EXIT_USAGE. */
int or_report_from_json(or_report **out, json_t *root, const char *path, or_diag *diag);

#endif
