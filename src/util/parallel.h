/*
 * or_parallel: run one worker function on the calling thread and on up to
 * `max_extra` more threads (never more than the processors online, less
 * one), and wait for all of them. The workers share `ctx` and take their
 * jobs from it (an atomic counter of the next job): how the jobs fall on
 * threads must not change what they produce.
 */
#ifndef OR_UTIL_PARALLEL_H
#define OR_UTIL_PARALLEL_H

#include <stddef.h>

void or_parallel(void *(*worker)(void *ctx), void *ctx, size_t max_extra);

#endif
