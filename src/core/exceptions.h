/*
 * Exceptions: what keeps a finding from failing the gate while it is still
 * reported. Applied to the evaluations after the checks and before the
 * score and gate.
 */
#ifndef OR_CORE_EXCEPTIONS_H
#define OR_CORE_EXCEPTIONS_H

#include "core/model.h"
#include "core/results.h"

/* Pre-merge mode: findings in files outside the change are marked
 * outside-change. */
void or_exceptions_apply(or_results *results, const or_model *model);

#endif
