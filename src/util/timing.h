/*
 * Phase timings for profiling a scan: with --timings, or OPSREADY_TIMING=1
 * in the environment, each phase's wall time and the process's peak memory
 * so far go to standard error. Off, every call is a test of one flag.
 */
#ifndef OR_UTIL_TIMING_H
#define OR_UTIL_TIMING_H

#include <stdbool.h>

typedef struct {
	bool on;
	double start, last;
} or_timing;

/* Starts the clock; on when `on` (--timings) or OPSREADY_TIMING says so. */
void or_timing_init(or_timing *t, bool on);

/* Seconds since or_timing_init (0 when off). */
double or_timing_total(const or_timing *t);

/* Prints the time since the last mark (or init) under `phase`; NULL: nothing. */
void or_timing_mark(or_timing *t, const char *phase);

#endif
