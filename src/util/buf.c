#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

void or_buf_grow(or_buf *buf, size_t target_size)
{
	size_t n;

	if (target_size + 1 <= buf->asize)
		return;
	n = buf->asize ? buf->asize : 64;
	while (n < target_size + 1)
		n += n / 2 + 64;
	buf->ptr = or_xrealloc(buf->ptr, n);
	buf->asize = n;
}

void or_buf_put(or_buf *buf, const void *data, size_t len)
{
	or_buf_grow(buf, buf->size + len);
	if (len)
		memcpy(buf->ptr + buf->size, data, len);
	buf->size += len;
	buf->ptr[buf->size] = '\0';
}

void or_buf_puts(or_buf *buf, const char *s)
{
	or_buf_put(buf, s, strlen(s));
}

void or_buf_putc(or_buf *buf, int c)
{
	char ch = (char)c;
	or_buf_put(buf, &ch, 1);
}

void or_buf_vprintf(or_buf *buf, const char *fmt, va_list ap)
{
	va_list copy;
	int needed;

	va_copy(copy, ap);
	needed = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (needed < 0)
		return;
	or_buf_grow(buf, buf->size + (size_t)needed);
	vsnprintf(buf->ptr + buf->size, (size_t)needed + 1, fmt, ap);
	buf->size += (size_t)needed;
}

void or_buf_printf(or_buf *buf, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	or_buf_vprintf(buf, fmt, ap);
	va_end(ap);
}

void or_buf_truncate(or_buf *buf, size_t len)
{
	if (len < buf->size) {
		buf->size = len;
		buf->ptr[len] = '\0';
	}
}

void or_buf_clear(or_buf *buf)
{
	or_buf_truncate(buf, 0);
}

const char *or_buf_cstr(const or_buf *buf)
{
	return buf->ptr ? buf->ptr : "";
}

char *or_buf_detach(or_buf *buf)
{
	char *p = buf->ptr ? buf->ptr : or_xstrdup("");
	buf->ptr = NULL;
	buf->size = buf->asize = 0;
	return p;
}

void or_buf_dispose(or_buf *buf)
{
	free(buf->ptr);
	buf->ptr = NULL;
	buf->size = buf->asize = 0;
}
