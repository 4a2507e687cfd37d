#include "util/arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

#define ARENA_FIRST_BLOCK 2048   /* most arenas (a short document) stay small */
#define ARENA_BLOCK 65536        /* blocks double up to this */
#define ARENA_ALIGN 16

typedef struct arena_block {
	struct arena_block *next;
	size_t used, size;
	_Alignas(ARENA_ALIGN) unsigned char data[];
} arena_block;

struct or_arena {
	arena_block *head;
	size_t next_block; /* the size of the next block */
};

or_arena *or_arena_new(void)
{
	or_arena *arena = or_xcalloc(1, sizeof(or_arena));
	arena->next_block = ARENA_FIRST_BLOCK;
	return arena;
}

void or_arena_free(or_arena *arena)
{
	arena_block *b, *next;

	if (!arena)
		return;
	for (b = arena->head; b; b = next) {
		next = b->next;
		free(b);
	}
	free(arena);
}

static arena_block *block_new(size_t size)
{
	arena_block *b = or_xmalloc(sizeof(arena_block) + size);
	b->next = NULL;
	b->used = 0;
	b->size = size;
	return b;
}

void *or_arena_alloc(or_arena *arena, size_t size)
{
	arena_block *b;
	void *p;

	size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
#ifdef OR_ARENA_DEBUG
	b = block_new(size);
	b->next = arena->head;
	arena->head = b;
#else
	b = arena->head;
	if (!b || b->size - b->used < size) {
		if (size > arena->next_block / 4) {
			/* A large object gets its own block, behind the current one. */
			arena_block *big = block_new(size);
			if (b) {
				big->next = b->next;
				b->next = big;
			} else {
				arena->head = big;
			}
			b = big;
		} else {
			b = block_new(arena->next_block);
			b->next = arena->head;
			arena->head = b;
			if (arena->next_block < ARENA_BLOCK)
				arena->next_block *= 2;
		}
	}
#endif
	p = b->data + b->used;
	b->used += size;
	memset(p, 0, size);
	return p;
}

char *or_arena_strndup(or_arena *arena, const char *s, size_t len)
{
	char *p = or_arena_alloc(arena, len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *or_arena_strdup(or_arena *arena, const char *s)
{
	return s ? or_arena_strndup(arena, s, strlen(s)) : NULL;
}

char *or_arena_printf(or_arena *arena, const char *fmt, ...)
{
	va_list ap, copy;
	int needed;
	char *p;

	va_start(ap, fmt);
	va_copy(copy, ap);
	needed = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (needed < 0)
		needed = 0;
	p = or_arena_alloc(arena, (size_t)needed + 1);
	vsnprintf(p, (size_t)needed + 1, fmt, ap);
	va_end(ap);
	return p;
}
