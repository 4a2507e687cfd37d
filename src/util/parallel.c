#include "util/parallel.h"

#include <pthread.h>
#include <unistd.h>

/* Threads besides the caller, at most. */
#define OR_PARALLEL_MAX 7

void or_parallel(void *(*worker)(void *ctx), void *ctx, size_t max_extra)
{
	pthread_t threads[OR_PARALLEL_MAX];
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t want = cpus > 1 ? (size_t)cpus - 1 : 0, started = 0, i;

	if (want > max_extra)
		want = max_extra;
	if (want > OR_PARALLEL_MAX)
		want = OR_PARALLEL_MAX;
	/* a thread that cannot be started leaves its share to the others */
	for (i = 0; i < want; i++)
		if (pthread_create(&threads[started], NULL, worker, ctx) == 0)
			started++;
	worker(ctx);
	for (i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
}
