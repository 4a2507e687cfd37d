/*
 * Phase timings for profiling a scan: with OPSREADY_TIMING=1 in the
 * environment, each phase's wall time and the process's peak memory so far
 * go to standard error. Off, every call is a test of one flag.
 */
#ifndef OR_UTIL_TIMING_H
#define OR_UTIL_TIMING_H

#include <stdbool.h>

typedef struct {
	bool on;
	double start, last;
} or_timing;

/* Starts the clock; `on` comes from OPSREADY_TIMING. */
void or_timing_init(or_timing *t);

/* Prints the time since the last mark (or init) under `phase`; NULL: nothing. */
void or_timing_mark(or_timing *t, const char *phase);

#endif
