/*
 * A linear look at a Markdown file before cmark-gfm parses it, for the
 * shapes that Debian 12's cmark-gfm (0.29.0.gfm.6) parses in quadratic
 * time or worse: a few hundred kilobytes of them take minutes. Each
 * measure below counts the work cmark-gfm would do for one such cause;
 * a file over a limit is not parsed, and is listed as not read with the
 * reason. The limits are far above what any real document reaches.
 */
#ifndef OR_INPUT_MARKDOWN_GUARD_H
#define OR_INPUT_MARKDOWN_GUARD_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

/* Cells in one table line: the table extension appends each cell to the
 * end of a linked list it walks from the start (quadratic in the cells of
 * a line). GitHub's own cmark-gfm keeps a table's columns in 16 bits. */
#define OR_MD_MAX_TABLE_COLUMNS 1000
/* Table cells of a file, the ones a short row is filled up with included
 * (a header of 1,000 columns over rows of one byte each): a base and so
 * many per byte. */
#define OR_MD_TABLE_CELLS_BASE 65536
#define OR_MD_TABLE_CELLS_PER_BYTE_DIV 2 /* one cell per 2 bytes */
/* The steps of those list walks, summed over the lines: cells * (cells - 1) / 2. */
#define OR_MD_TABLE_STEPS_BASE 4000000
#define OR_MD_TABLE_STEPS_PER_BYTE 16
/* After each link, cmark-gfm walks the bracket openers still open below
 * it, past every image opener ("![[]()" repeated): the sum of those walks. */
#define OR_MD_BRACKET_STEPS_BASE 1000000
#define OR_MD_BRACKET_STEPS_PER_BYTE 16
/* The autolink extension scans from each "www." and each '@' to the end of
 * the run of domain characters it stands in ("www.a_" or "a@" repeated). */
#define OR_MD_AUTOLINK_STEPS_BASE 1000000
#define OR_MD_AUTOLINK_STEPS_PER_BYTE 16
/* Each line of a paragraph inside block quotes walks every quote still
 * open ("> > > ... x" then lines of lazy continuation): the sum of those
 * depths over the lines. */
#define OR_MD_QUOTE_STEPS_BASE 1000000
#define OR_MD_QUOTE_STEPS_PER_BYTE 16

/*
 * True when `data` (len bytes) has a shape cmark-gfm would take too long
 * on; `reason` then gets why ("a table line of 50001 cells on line 3
 * (limit 1000)"). One pass over the bytes.
 */
bool or_markdown_too_costly(const char *data, size_t len, or_buf *reason);

#endif
