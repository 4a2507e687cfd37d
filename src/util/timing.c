#include "util/timing.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void or_timing_init(or_timing *t)
{
	const char *env = getenv("OPSREADY_TIMING");

	t->on = env && *env && *env != '0';
	t->start = t->last = t->on ? now_seconds() : 0;
}

void or_timing_mark(or_timing *t, const char *phase)
{
	struct rusage usage;
	double now;

	if (!t || !t->on)
		return;
	now = now_seconds();
	getrusage(RUSAGE_SELF, &usage);
	fprintf(stderr, "opsready: timing: %-18s %8.3f s  (total %8.3f s, peak %ld MB)\n", phase,
		now - t->last, now - t->start, usage.ru_maxrss / 1024);
	t->last = now;
}
