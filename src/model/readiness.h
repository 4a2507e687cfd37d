/*
 * Readiness derived from the records: the training matrix (people x
 * courses), per-course and per-team completion, the escalation teams, and
 * the drill record per drill type. Built once per scan from the model's
 * inputs and the rules' params; the checks judge it and the report shows it.
 * One header per fact; this one includes them all.
 */
#ifndef OR_MODEL_READINESS_H
#define OR_MODEL_READINESS_H

#include "model/drill_record.h"
#include "model/escalation.h"
#include "model/training_matrix.h"

#endif
