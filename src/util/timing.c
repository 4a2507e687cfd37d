#include "util/timing.h"

#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

double or_timing_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void or_timing_init(or_timing *t, or_event_fn fn, void *data)
{
	t->fn = fn;
	t->data = data;
	t->start = t->last = fn ? or_timing_now() : 0;
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
	or_event event = { OR_EVENT_PHASE, 0, 0, phase, 0, 0, 0, 0, 0 };
	struct rusage usage;
	double now;

	if (!t || !t->fn)
		return;
	now = or_timing_now();
	getrusage(RUSAGE_SELF, &usage);
	resident_now(&event.heap_mb, &event.mapped_mb);
	event.seconds = now - t->last;
	event.total_seconds = now - t->start;
	event.peak_mb = usage.ru_maxrss / 1024;
	t->fn(&event, t->data);
	t->last = now;
}
