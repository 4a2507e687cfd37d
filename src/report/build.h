/* Turn a finished scan (model, evaluations, gate) into the report value. */
#ifndef OR_REPORT_BUILD_H
#define OR_REPORT_BUILD_H

#include <jansson.h>

#include "report/value.h"
#include "gate/exceptions.h"
#include "gate/gate.h"
#include "model/model.h"
#include "checks/results.h"

typedef struct or_report_inputs {
	const or_model *model;
	const or_results *results;
	const or_gate *gate;
	const or_gate_options *gate_options;
	const char *config_path;   /* the config used, or NULL for the defaults */
	const or_exceptions *exceptions;
	double duration;           /* seconds the scan took (--timings), or < 0: none */
} or_report_inputs;

/* A new reference to the report's root object: everything but the findings
 * and evaluations, whose arrays are left empty. */
json_t *or_report_build(const or_report_inputs *inputs);

/* The findings and the evaluations that are not findings, into the
 * report's typed tables (report/value.h). They need only `results`
 * (after or_results_detach): the model may be gone, and its memory serves
 * the largest part of the report. */
void or_report_add_results(or_report *report, const or_results *results);

#endif
