#include "util/strset.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/buf.h"
#include "util/utf8.h"

static uint64_t hash_of(const char *key, size_t len)
{
	uint64_t h = 14695981039346656037ull;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)key[i];
		h *= 1099511628211ull;
	}
	return h;
}

/* The slot of `key`, or the empty slot where it would go. */
static size_t find(const or_strset *set, const char *key, size_t len, uint64_t hash)
{
	size_t mask = set->capacity - 1, i = (size_t)hash & mask;

	while (set->keys[i] &&
	       !(set->hashes[i] == hash && strncmp(set->keys[i], key, len) == 0 &&
		 set->keys[i][len] == '\0'))
		i = (i + 1) & mask;
	return i;
}

static void grow(or_strset *set)
{
	or_strset bigger = *set;
	size_t i;

	bigger.capacity = set->capacity ? set->capacity * 2 : 64;
	bigger.keys = or_xcalloc(bigger.capacity, sizeof(*bigger.keys));
	bigger.hashes = or_xcalloc(bigger.capacity, sizeof(*bigger.hashes));
	for (i = 0; i < set->capacity; i++) {
		if (set->keys[i]) {
			size_t mask = bigger.capacity - 1, j = (size_t)set->hashes[i] & mask;

			while (bigger.keys[j])
				j = (j + 1) & mask;
			bigger.keys[j] = set->keys[i];
			bigger.hashes[j] = set->hashes[i];
		}
	}
	free(set->keys);
	free(set->hashes);
	*set = bigger;
}

bool or_strset_contains(const or_strset *set, const char *key, size_t len)
{
	return set->capacity && set->keys[find(set, key, len, hash_of(key, len))] != NULL;
}

/* The slot holding `key`, added when new; *added tells which. */
static size_t insert(or_strset *set, const char *key, size_t len, bool *added)
{
	uint64_t hash = hash_of(key, len);
	size_t slot;

	if ((set->count + 1) * 2 > set->capacity) /* at most half full */
		grow(set);
	slot = find(set, key, len, hash);
	*added = !set->keys[slot];
	if (*added) {
		if (!set->arena)
			set->arena = or_arena_new();
		set->keys[slot] = or_arena_strndup(set->arena, key, len);
		set->hashes[slot] = hash;
		set->count++;
	}
	return slot;
}

bool or_strset_add(or_strset *set, const char *key, size_t len)
{
	bool added;

	insert(set, key, len, &added);
	return added;
}

const char *or_strset_intern(or_strset *set, const char *key, size_t len)
{
	bool added;
	size_t slot = insert(set, key, len, &added); /* before reading keys: it may grow */

	return set->keys[slot];
}

const char *or_strset_intern_text(or_strset *set, const char *s)
{
	or_buf clean = OR_BUF_INIT;
	const char *kept;
	size_t len;

	if (!s)
		return NULL;
	len = strlen(s);
	if (or_utf8_invalid_offset(s, len) == (size_t)-1)
		return or_strset_intern(set, s, len);
	or_utf8_put_ascii(&clean, s);
	kept = or_strset_intern(set, or_buf_cstr(&clean), clean.size);
	or_buf_dispose(&clean);
	return kept;
}

void or_strset_dispose(or_strset *set)
{
	free(set->keys);
	free(set->hashes);
	or_arena_free(set->arena);
	memset(set, 0, sizeof(*set));
}
