/*
 * Private to the document parser: document.c (the cmark-gfm walk),
 * front_matter.c, shell_words.c and status_markers.c. The builder state one
 * Markdown file is parsed with, the ASCII tests the pieces share, and the
 * entry points through which the walk hands the front matter and the
 * commands of code blocks to their readers. The rest of opsready uses
 * input/document.h.
 */
#ifndef OR_INPUT_DOCUMENT_BUILDER_H
#define OR_INPUT_DOCUMENT_BUILDER_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "input/document.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/buf.h"

#define N_ITEMS(a) (sizeof(a) / sizeof((a)[0]))

static inline int lower_ascii(int c)
{
	return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

static inline bool is_alnum_ascii(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static inline bool is_space_ascii(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* ------------------------------------------------------------------------ */
/* Builder                                                                  */

typedef struct vec {
	void *items;
	size_t n, cap;
} vec;

static inline void *vec_push(vec *v, size_t size)
{
	void *p;

	v->items = or_xgrow(v->items, &v->cap, v->n + 1, size);
	p = (char *)v->items + v->n * size;
	memset(p, 0, size);
	v->n++;
	return p;
}

/* An anchor already given out, and how many duplicates it had. */
typedef struct slug_entry {
	const char *slug; /* NULL: free slot */
	unsigned long count;
} slug_entry;

typedef struct slug_map {
	slug_entry *slots;
	size_t cap, used;
} slug_map;

typedef struct parse_ctx {
	or_document *doc;
	or_arena *arena;
	vec sections, kvs, tasks, blocks, commands, links, tables;
	int open[8];        /* sections whose range is still open, by level */
	int nopen;
	int cur_section;
	int item_depth;
	/* per open list, innermost last: true when it is a legend of markers
	 * ("- ✅ Approved", "- ❌ Rejected"), whose items carry no status */
	bool *legend;
	size_t nlegend, legend_cap;
	/* markers the document itself gives another meaning: a key ("Rejected:
	 * ❌") or a do/don't pair ("❌ leverage — ✔️ use"); plain items opening
	 * with one carry no status. Each a NUL-terminated copy, U+FE0F dropped. */
	or_buf redefined;
	/* the last line of the last table, or of a heading read as its row */
	int table_row_line;
	slug_map slugs;
	or_buf scratch, scratch2;
	/* command tokenisation scratch */
	or_buf cmd;
	int *cmd_line, *cmd_col;
	size_t cmd_cap;
	/* where the code block's commands run: NULL where it starts, a relative
	 * folder after `cd x`, or elsewhere (outside the repository's folders) */
	const char *cd_dir;
	bool cd_elsewhere;
	/* where the last bare autolink was found, so that a line full of them
	 * is searched once */
	int link_line;
	size_t link_from;
	/* the content start of the last continuation line looked at */
	int content_line;
	size_t content_start;
} parse_ctx;

/* ------------------------------------------------------------------------ */
/* The readers the walk calls                                               */

/* front_matter.c: detect and parse the front matter (its keys into
 * ctx->kvs); the text cmark should see in *cm_out, or NULL. */
void or_doc_front_matter(parse_ctx *ctx, char **cm_out, size_t *cm_len);

/* shell_words.c: the repository paths that the commands of code block `cb`
 * (index `block`) run or read, into ctx->commands. */
/* The kind of a code block with info string `info` (shell_words.c). */
or_code_kind or_doc_code_kind(const char *info);
void or_doc_scan_code_commands(parse_ctx *ctx, const or_code_block *cb, int block);

#endif
