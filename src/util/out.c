#include "util/out.h"

#include <stdio.h>
#include <string.h>

/* Pending bytes past this go to the sink. */
#define OR_OUT_CHUNK (64 * 1024)

void or_out_init_sink(or_out *out, or_out_sink_fn sink, void *ctx)
{
	or_buf empty = OR_BUF_INIT;

	out->buf = empty;
	out->sink = sink;
	out->ctx = ctx;
	out->failed = false;
}

static void drain(or_out *out)
{
	if (!out->failed && out->buf.size && out->sink(out->ctx, out->buf.ptr, out->buf.size) != 0)
		out->failed = true;
	or_buf_clear(&out->buf);
}

void or_out_put(or_out *out, const void *data, size_t len)
{
	if (out->sink && out->failed)
		return;
	if (out->sink && len >= OR_OUT_CHUNK) { /* a large piece goes straight through */
		drain(out);
		if (!out->failed && out->sink(out->ctx, data, len) != 0)
			out->failed = true;
		return;
	}
	or_buf_put(&out->buf, data, len);
	if (out->sink && out->buf.size >= OR_OUT_CHUNK)
		drain(out);
}

void or_out_puts(or_out *out, const char *s)
{
	or_out_put(out, s, strlen(s));
}

void or_out_putc(or_out *out, int c)
{
	char ch = (char)c;

	or_out_put(out, &ch, 1);
}

void or_out_printf(or_out *out, const char *fmt, ...)
{
	va_list ap;

	if (out->sink && out->failed)
		return;
	va_start(ap, fmt);
	or_buf_vprintf(&out->buf, fmt, ap);
	va_end(ap);
	if (out->sink && out->buf.size >= OR_OUT_CHUNK)
		drain(out);
}

int or_out_finish(or_out *out)
{
	if (out->sink)
		drain(out);
	return out->failed ? -1 : 0;
}

int or_out_write_cb(const char *data, size_t len, void *ctx)
{
	or_out *out = ctx;

	or_out_put(out, data, len);
	return out->sink && out->failed ? -1 : 0;
}

void or_out_dispose(or_out *out)
{
	or_buf_dispose(&out->buf);
}
