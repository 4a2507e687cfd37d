/*
 * or_arena: many small allocations that die together (a document's nodes
 * and strings, a scan's evaluations). Built with OR_ARENA_DEBUG, every
 * allocation is a separate malloc so that sanitizers see each one.
 */
#ifndef OR_UTIL_ARENA_H
#define OR_UTIL_ARENA_H

#include <stddef.h>

typedef struct or_arena or_arena;

or_arena *or_arena_new(void);
/* Frees the arena and everything allocated from it; NULL is a no-op. */
void or_arena_free(or_arena *arena);
/* Zeroed, aligned for any type; never NULL. */
void *or_arena_alloc(or_arena *arena, size_t size);
char *or_arena_strndup(or_arena *arena, const char *s, size_t len);
/* NULL in, NULL out. */
char *or_arena_strdup(or_arena *arena, const char *s);
char *or_arena_printf(or_arena *arena, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
