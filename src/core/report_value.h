/*
 * The finished report as one value: a jansson tree whose serialisation is
 * the JSON report. The engine builds it; reporters only read it.
 */
#ifndef OR_CORE_REPORT_VALUE_H
#define OR_CORE_REPORT_VALUE_H

#include <jansson.h>

#include "opsready/report.h"

struct or_report {
	json_t *root; /* owned */
};

/* Wrap `root` (the reference is stolen). */
or_report *or_report_wrap(json_t *root);

#endif
