#include "util/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

static void out_of_memory(size_t size)
{
	fprintf(stderr, "opsready: out of memory (asked for %zu bytes)\n", size);
	abort();
}

void *or_xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		out_of_memory(size);
	return p;
}

void *or_xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		out_of_memory(count * size);
	return p;
}

void *or_xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		out_of_memory(size);
	return p;
}

void *or_xgrow(void *ptr, size_t *cap, size_t need, size_t item_size)
{
	size_t n = *cap;
	if (need <= n)
		return ptr;
	if (n < 8)
		n = 8;
	while (n < need) {
		if (n > ((size_t)-1) / 2 / item_size)
			out_of_memory(need * item_size);
		n *= 2;
	}
	*cap = n;
	return or_xrealloc(ptr, n * item_size);
}

char *or_xstrndup(const char *s, size_t len)
{
	char *p = or_xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *or_xstrdup(const char *s)
{
	return s ? or_xstrndup(s, strlen(s)) : NULL;
}

void or_release_free_memory(void)
{
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}
