/*
 * or_out: where a reporter writes. Either a buffer that keeps everything
 * (render to memory) or a sink that takes the bytes in 64 KiB pieces (a
 * report file, standard output), so that a report of any size is written
 * without being held whole in memory.
 *
 * The first failed write of a sink is kept in `failed`; later writes are
 * dropped, and or_out_finish returns -1.
 */
#ifndef OR_UTIL_OUT_H
#define OR_UTIL_OUT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

/* Writes all `len` bytes or returns -1. */
typedef int (*or_out_sink_fn)(void *ctx, const char *data, size_t len);

typedef struct or_out {
	or_buf buf;          /* pending bytes; all of them for a memory out */
	or_out_sink_fn sink; /* NULL: keep everything in `buf` */
	void *ctx;
	bool failed;
} or_out;

#define OR_OUT_INIT { OR_BUF_INIT, NULL, NULL, false }

void or_out_init_sink(or_out *out, or_out_sink_fn sink, void *ctx);

void or_out_put(or_out *out, const void *data, size_t len);
void or_out_puts(or_out *out, const char *s);
void or_out_putc(or_out *out, int c);
void or_out_printf(or_out *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Hands pending bytes to the sink: 0, or -1 when any write failed. A memory
 * out keeps its bytes and returns 0. */
int or_out_finish(or_out *out);

/* A callback for jansson's json_dump_callback and libxml2's output buffers:
 * `ctx` is an or_out. Returns 0 (jansson) on success, -1 on failure. */
int or_out_write_cb(const char *data, size_t len, void *ctx);

void or_out_dispose(or_out *out);

#endif
