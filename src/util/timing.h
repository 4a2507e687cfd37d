/*
 * Phase timings of a scan or a render: each phase's wall time and the
 * process's memory go to a callback (the CLI prints them with --timings).
 * Without a callback, every call is a test of one pointer.
 */
#ifndef OR_UTIL_TIMING_H
#define OR_UTIL_TIMING_H

#include "opsready/common.h"

typedef struct {
	or_event_fn fn;   /* NULL: off */
	void *data;
	double start, last;
} or_timing;

/* Seconds on a monotonic clock. */
double or_timing_now(void);

/* Starts the clock; off when `fn` is NULL. */
void or_timing_init(or_timing *t, or_event_fn fn, void *data);

/* Reports the time since the last mark (or init) under `phase`. */
void or_timing_mark(or_timing *t, const char *phase);

#endif
