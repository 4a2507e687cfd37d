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

void or_timing_init(or_timing *t, bool on)
{
	const char *env = getenv("OPSREADY_TIMING");

	t->on = on || (env && *env && *env != '0');
	t->start = t->last = t->on ? now_seconds() : 0;
}

double or_timing_total(const or_timing *t)
{
	return t->on ? now_seconds() - t->start : 0;
}

/* Resident memory now, in MB: anonymous (the heap) and file-backed (mapped
 * packs and libraries); -1 where /proc is not there. */
static void resident_now(long *anon, long *file)
{
	char line[128];
	FILE *f = fopen("/proc/self/status", "r");

	*anon = *file = -1;
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "RssAnon: %ld", anon) == 1)
			*anon /= 1024;
		else if (sscanf(line, "RssFile: %ld", file) == 1)
			*file /= 1024;
	}
	fclose(f);
}

void or_timing_mark(or_timing *t, const char *phase)
{
	long anon, file;
	struct rusage usage;
	double now;

	if (!t || !t->on)
		return;
	now = now_seconds();
	getrusage(RUSAGE_SELF, &usage);
	resident_now(&anon, &file);
	fprintf(stderr,
		"opsready: timing: %-18s %8.3f s  (total %8.3f s, peak %ld MB; now %ld MB heap, %ld MB mapped files)\n",
		phase, now - t->last, now - t->start, usage.ru_maxrss / 1024, anon, file);
	t->last = now;
}
