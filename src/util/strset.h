/*
 * or_strset: a set of strings (open addressing, FNV-1a), for telling names
 * apart when there are hundreds of thousands of them (the JUnit report's
 * test names; the strings of a report's evaluations). The set keeps its own
 * copies.
 */
#ifndef OR_UTIL_STRSET_H
#define OR_UTIL_STRSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

typedef struct or_strset {
	const char **keys; /* NULL: an empty slot */
	uint64_t *hashes;
	size_t count, capacity; /* capacity: 0 or a power of two */
	or_arena *arena;
} or_strset;

#define OR_STRSET_INIT { NULL, NULL, 0, 0, NULL }

bool or_strset_contains(const or_strset *set, const char *key, size_t len);
/* Adds `key` (its first `len` bytes); false when it was there already. */
bool or_strset_add(or_strset *set, const char *key, size_t len);
/* The set's copy of `key`, added when new: one copy of each string. */
const char *or_strset_intern(or_strset *set, const char *key, size_t len);
/* The set's copy of the C string `s` as the report keeps text: jansson
 * refuses strings that are not UTF-8, and scanned text may not be, so such
 * a string is kept with '?' for each byte past ASCII (or_utf8_put_ascii).
 * NULL stays NULL. */
const char *or_strset_intern_text(or_strset *set, const char *s);
void or_strset_dispose(or_strset *set);

#endif
