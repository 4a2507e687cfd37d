/*
 * or_buf: the one growable byte buffer used for all output and scratch text.
 * The contents are always NUL-terminated once anything was written; `ptr` is
 * NULL for an empty, never-written buffer (use or_buf_cstr for a string).
 */
#ifndef OR_UTIL_BUF_H
#define OR_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct or_buf {
	char *ptr;
	size_t size;  /* bytes used, not counting the terminating NUL */
	size_t asize; /* bytes allocated */
} or_buf;

#define OR_BUF_INIT { NULL, 0, 0 }

void or_buf_grow(or_buf *buf, size_t target_size);
void or_buf_put(or_buf *buf, const void *data, size_t len);
void or_buf_puts(or_buf *buf, const char *s);
void or_buf_putc(or_buf *buf, int c);
void or_buf_printf(or_buf *buf, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void or_buf_vprintf(or_buf *buf, const char *fmt, va_list ap);
/* Keep the first `len` bytes. */
void or_buf_truncate(or_buf *buf, size_t len);
void or_buf_clear(or_buf *buf);
/* A NUL-terminated view of the contents ("" when empty); borrowed. */
const char *or_buf_cstr(const or_buf *buf);
/* Hand the storage to the caller (free() it); the buffer is left empty. */
char *or_buf_detach(or_buf *buf);
void or_buf_dispose(or_buf *buf);

#endif
