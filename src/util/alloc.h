/*
 * Allocation that never returns NULL: on exhaustion the process prints a
 * message and aborts, as cmark and jq do. Callers therefore never test the
 * result, and every error path is about input, not memory.
 */
#ifndef OR_UTIL_ALLOC_H
#define OR_UTIL_ALLOC_H

#include <stddef.h>

void *or_xmalloc(size_t size);
void *or_xcalloc(size_t count, size_t size);
void *or_xrealloc(void *ptr, size_t size);
/* Grow an array of `*cap` items of `item_size` so that it holds `need`. */
void *or_xgrow(void *ptr, size_t *cap, size_t need, size_t item_size);
char *or_xstrdup(const char *s);
char *or_xstrndup(const char *s, size_t len);

/* Give memory freed in bulk back to the system (glibc keeps freed pages,
 * and those of a worker thread's arena cannot serve the main thread). A
 * hint: nothing elsewhere. */
void or_release_free_memory(void);

#endif
