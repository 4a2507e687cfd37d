/*
 * The document model (input/document.h): the cmark-gfm walk that turns one
 * Markdown file into sections, key/value pairs, tasks, code blocks, links
 * and tables, and the lookups on the result. Front matter, status markers
 * and the commands of code blocks are read in their own files.
 */
#include "input/document.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include "input/document_builder.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/text.h"

/* ------------------------------------------------------------------------ */
/* Builder                                                                  */

static size_t hash_str(const char *s)
{
	size_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static slug_entry *slug_find(slug_map *map, const char *slug, bool insert)
{
	size_t i;

	if (insert && (map->used + 1) * 2 > map->cap) {
		size_t ncap = map->cap ? map->cap * 2 : 64, k;
		slug_entry *nslots = or_xcalloc(ncap, sizeof(slug_entry));
		for (k = 0; k < map->cap; k++) {
			if (!map->slots[k].slug)
				continue;
			i = hash_str(map->slots[k].slug) & (ncap - 1);
			while (nslots[i].slug)
				i = (i + 1) & (ncap - 1);
			nslots[i] = map->slots[k];
		}
		free(map->slots);
		map->slots = nslots;
		map->cap = ncap;
	}
	if (!map->cap)
		return NULL;
	i = hash_str(slug) & (map->cap - 1);
	while (map->slots[i].slug) {
		if (strcmp(map->slots[i].slug, slug) == 0)
			return &map->slots[i];
		i = (i + 1) & (map->cap - 1);
	}
	if (!insert)
		return NULL;
	map->slots[i].slug = slug;
	map->slots[i].count = 0;
	map->used++;
	return &map->slots[i];
}

/* GitHub's deduplication (github-slugger): "x", "x-1", "x-2"... */
static const char *unique_anchor(parse_ctx *ctx, const char *base)
{
	slug_entry *e = slug_find(&ctx->slugs, base, false);
	const char *slug = base;

	if (e) {
		slug_entry *orig = e;
		do {
			orig->count++;
			slug = or_arena_printf(ctx->arena, "%s-%lu", base, orig->count);
			/* the table may not grow inside this loop: lookups only */
		} while (slug_find(&ctx->slugs, slug, false));
	}
	slug_find(&ctx->slugs, slug, true);
	return slug;
}

/* ------------------------------------------------------------------------ */
/* Lines                                                                    */

static void build_lines(parse_ctx *ctx)
{
	or_document *doc = ctx->doc;
	const char *s = doc->source;
	size_t len = doc->source_len, i, n = 0, cap = 0;
	size_t *starts = NULL;

	if (len == 0) {
		doc->line_starts = NULL;
		doc->nlines = 0;
		return;
	}
	starts = or_xgrow(starts, &cap, 1, sizeof(size_t));
	starts[n++] = 0;
	for (i = 0; i < len; i++) {
		if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
			i++;
		else if (s[i] != '\n' && s[i] != '\r')
			continue;
		if (i + 1 < len) {
			starts = or_xgrow(starts, &cap, n + 1, sizeof(size_t));
			starts[n++] = i + 1;
		}
	}
	doc->line_starts = or_arena_alloc(ctx->arena, n * sizeof(size_t));
	memcpy((size_t *)doc->line_starts, starts, n * sizeof(size_t));
	doc->nlines = n;
	free(starts);
}

const char *or_document_line(const or_document *doc, int line, size_t *len)
{
	size_t start, end;

	if (!doc || line < 1 || (size_t)line > doc->nlines) {
		if (len)
			*len = 0;
		return NULL;
	}
	start = doc->line_starts[line - 1];
	end = (size_t)line < doc->nlines ? doc->line_starts[line] : doc->source_len;
	if (end > start && doc->source[end - 1] == '\n')
		end--;
	if (end > start && doc->source[end - 1] == '\r')
		end--;
	if (len)
		*len = end - start;
	return doc->source + start;
}

/* ------------------------------------------------------------------------ */
/* Inline text                                                              */

static bool node_is_block(cmark_node *node)
{
	return (cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
}

static void flatten_leaf(or_buf *out, cmark_node *node)
{
	const char *lit;

	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
		lit = cmark_node_get_literal(node);
		if (lit)
			or_buf_puts(out, lit);
		break;
	case CMARK_NODE_SOFTBREAK:
	case CMARK_NODE_LINEBREAK:
		or_buf_putc(out, ' ');
		break;
	default:
		break;
	}
}

/* Append the text of `root` and its descendants (iterative: no recursion
 * on deeply nested input). */
static void flatten_node(or_buf *out, cmark_node *root)
{
	cmark_node *n = root;

	for (;;) {
		cmark_node *child = cmark_node_first_child(n);
		flatten_leaf(out, n);
		if (child) {
			n = child;
			continue;
		}
		while (n != root && !cmark_node_next(n))
			n = cmark_node_parent(n);
		if (n == root)
			return;
		n = cmark_node_next(n);
	}
}

/* The text of the siblings [first, stop). */
static void flatten_range(or_buf *out, cmark_node *first, cmark_node *stop)
{
	for (; first && first != stop; first = cmark_node_next(first))
		flatten_node(out, first);
}

static const char *arena_trimmed(parse_ctx *ctx, const char *s, size_t len)
{
	const char *t = or_text_trim(s, &len);
	return or_arena_strndup(ctx->arena, t, len);
}

/* The leaf block (paragraph, heading, table cell) holding an inline node. */
static cmark_node *enclosing_block(cmark_node *node)
{
	while (node && !node_is_block(node))
		node = cmark_node_parent(node);
	return node;
}

/*
 * cmark-gfm gives inline nodes on the continuation lines of a paragraph the
 * block's start column plus their offset in the stripped line, not their
 * column in the file. Rebuild it from the line's own content start.
 */
static int inline_column(parse_ctx *ctx, cmark_node *block, int line, int col)
{
	int bline, bcol;
	size_t len, i = 0;
	const char *s;

	if (!block || col <= 0)
		return col > 0 ? col : 1;
	bline = cmark_node_get_start_line(block);
	bcol = cmark_node_get_start_column(block);
	if (line <= bline)
		return col;
	if (line == ctx->content_line) {
		i = ctx->content_start;
	} else {
		s = or_document_line(ctx->doc, line, &len);
		if (!s)
			return col;
		while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '>'))
			i++;
		ctx->content_line = line;
		ctx->content_start = i;
	}
	col = (int)i + 1 + (col - bcol);
	return col > 0 ? col : 1;
}

/*
 * cmark-gfm 0.29 loses the positions of a paragraph whose last line became a
 * table header ("**Owner:** x" right above "| a | b |"): the paragraph has
 * line 0, its inlines lines counted inside it, and the table and its header
 * row take the paragraph's first line. The first line of such a paragraph
 * (from the table after it), else 0.
 */
static int orphan_paragraph_line(cmark_node *block)
{
	cmark_node *next;

	if (!block || cmark_node_get_type(block) != CMARK_NODE_PARAGRAPH ||
	    cmark_node_get_start_line(block) > 0)
		return 0;
	next = cmark_node_next(block);
	if (!next || strcmp(cmark_node_get_type_string(next), "table") != 0)
		return 0;
	return cmark_node_get_start_line(next) > 0 ? cmark_node_get_start_line(next) : 0;
}

/* Line breaks in `block` before `node` (all of them when `node` is NULL). */
static int breaks_before(cmark_node *block, cmark_node *node)
{
	cmark_iter *iter = cmark_iter_new(block);
	cmark_event_type ev;
	int breaks = 0;

	while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
		cmark_node *cur = cmark_iter_get_node(iter);

		if (cur == node)
			break;
		if (ev == CMARK_EVENT_ENTER && (cmark_node_get_type(cur) == CMARK_NODE_SOFTBREAK ||
						cmark_node_get_type(cur) == CMARK_NODE_LINEBREAK))
			breaks++;
	}
	cmark_iter_free(iter);
	return breaks;
}

/* 1-based column of `text` in `line` at or after byte `from`, or 0. */
static int column_of_text(const parse_ctx *ctx, int line, size_t from, const char *text)
{
	size_t len, tlen = strlen(text), i;
	const char *s = or_document_line(ctx->doc, line, &len);

	for (i = from; s && tlen && i + tlen <= len; i++)
		if (memcmp(s + i, text, tlen) == 0)
			return (int)i + 1;
	return 0;
}

/* 1-based column of the first non-blank of `line` (1 when none). */
static int content_column(const parse_ctx *ctx, int line)
{
	size_t len, i = 0;
	const char *s = or_document_line(ctx->doc, line, &len);

	while (s && i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '>'))
		i++;
	return (int)i + 1;
}

static void node_position(parse_ctx *ctx, cmark_node *node, int *line, int *col)
{
	cmark_node *block = enclosing_block(node);
	int l = cmark_node_get_start_line(node);
	int c = cmark_node_get_start_column(node);
	int orphan = orphan_paragraph_line(block);

	if (orphan) {
		*line = orphan + breaks_before(block, node);
		*col = content_column(ctx, *line);
		return;
	}
	if (l <= 0 && block) {
		*line = cmark_node_get_start_line(block);
		*col = cmark_node_get_start_column(block);
		return;
	}
	*line = l;
	*col = inline_column(ctx, block, l, c);
}

/* ------------------------------------------------------------------------ */
/* Sections                                                                 */

static void mark_open_content(parse_ctx *ctx)
{
	int k;
	or_section *secs = ctx->sections.items;

	for (k = 0; k < ctx->nopen; k++)
		secs[ctx->open[k]].has_content = true;
}

static void add_heading(parse_ctx *ctx, cmark_node *node)
{
	or_section *sec;
	int idx = (int)ctx->sections.n;
	int level = cmark_node_get_heading_level(node);
	or_section *secs;

	if (level < 1)
		level = 1;
	if (level > 6)
		level = 6;
	or_buf_clear(&ctx->scratch);
	flatten_range(&ctx->scratch, cmark_node_first_child(node), NULL);
	sec = vec_push(&ctx->sections, sizeof(or_section));
	sec->level = level;
	sec->title = arena_trimmed(ctx, or_buf_cstr(&ctx->scratch), ctx->scratch.size);
	or_buf_clear(&ctx->scratch2);
	or_text_heading_name(&ctx->scratch2, sec->title, strlen(sec->title));
	sec->name = or_arena_strndup(ctx->arena, or_buf_cstr(&ctx->scratch2), ctx->scratch2.size);
	or_buf_clear(&ctx->scratch2);
	or_text_slug(&ctx->scratch2, sec->title, strlen(sec->title));
	sec->anchor = unique_anchor(ctx, or_arena_strndup(ctx->arena, or_buf_cstr(&ctx->scratch2),
							  ctx->scratch2.size));
	sec->line = cmark_node_get_start_line(node);
	sec->column = cmark_node_get_start_column(node);
	sec->parent = -1;
	sec->has_content = false;

	/* Close the sections this heading ends; the rest now have content. */
	secs = ctx->sections.items;
	while (ctx->nopen > 0 && secs[ctx->open[ctx->nopen - 1]].level >= level)
		ctx->nopen--;
	mark_open_content(ctx);
	ctx->open[ctx->nopen++] = idx;
	ctx->cur_section = idx;
	if (!ctx->doc->title && level == 1 && secs[idx].title[0])
		ctx->doc->title = secs[idx].title;
}

static void finish_sections(parse_ctx *ctx)
{
	or_section *secs = ctx->sections.items;
	size_t n = ctx->sections.n, i;
	int *stack = or_xmalloc((n + 1) * sizeof(int));
	size_t depth = 0;

	for (i = 0; i < n; i++) {
		while (depth > 0 && secs[stack[depth - 1]].level >= secs[i].level) {
			int e = secs[i].line - 1;
			secs[stack[depth - 1]].end_line = e < secs[stack[depth - 1]].line ?
				secs[stack[depth - 1]].line : e;
			depth--;
		}
		secs[i].parent = depth > 0 ? stack[depth - 1] : -1;
		stack[depth++] = (int)i;
	}
	while (depth > 0) {
		int last = (int)ctx->doc->nlines;
		or_section *s = &secs[stack[--depth]];
		s->end_line = last < s->line ? s->line : last;
	}
	free(stack);
}

static bool html_is_comment_only(cmark_node *node)
{
	const char *lit = cmark_node_get_literal(node);
	size_t len;
	const char *t;

	if (!lit)
		return true;
	len = strlen(lit);
	t = or_text_trim(lit, &len);
	return len >= 7 && memcmp(t, "<!--", 4) == 0 && memcmp(t + len - 3, "-->", 3) == 0;
}

/* ------------------------------------------------------------------------ */
/* Key/value labels                                                         */

static bool is_break(cmark_node *node)
{
	cmark_node_type t = cmark_node_get_type(node);
	return t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK;
}

static void label_line(parse_ctx *ctx, cmark_node *block, cmark_node *first, cmark_node *stop)
{
	cmark_node_type t = cmark_node_get_type(first);
	cmark_node *rest = cmark_node_next(first);
	const char *label, *lit;
	size_t llen, vlen, skip_colon = 0;
	bool colon_inside;
	or_kv *kv;
	int line, col, end_col;
	const char *src;
	size_t slen, i;

	if (t != CMARK_NODE_STRONG && t != CMARK_NODE_EMPH)
		return;
	if (rest == stop)
		rest = NULL;
	or_buf_clear(&ctx->scratch);
	flatten_node(&ctx->scratch, first);
	llen = ctx->scratch.size;
	label = or_text_trim(or_buf_cstr(&ctx->scratch), &llen);
	colon_inside = llen > 0 && label[llen - 1] == ':';
	if (!colon_inside) {
		if (!rest || cmark_node_get_type(rest) != CMARK_NODE_TEXT)
			return;
		lit = cmark_node_get_literal(rest);
		if (!lit)
			return;
		while (lit[skip_colon] == ' ' || lit[skip_colon] == '\t')
			skip_colon++;
		if (lit[skip_colon] != ':')
			return;
		skip_colon++;
	}
	while (llen > 0 && (label[llen - 1] == ':' || is_space_ascii((unsigned char)label[llen - 1])))
		llen--;
	if (llen == 0)
		return;

	kv = vec_push(&ctx->kvs, sizeof(or_kv));
	kv->key = or_arena_strndup(ctx->arena, label, llen);
	or_buf_clear(&ctx->scratch2);
	if (rest) {
		if (skip_colon) {
			or_buf_puts(&ctx->scratch2, cmark_node_get_literal(rest) + skip_colon);
			flatten_range(&ctx->scratch2, cmark_node_next(rest), stop);
		} else {
			flatten_range(&ctx->scratch2, rest, stop);
		}
	}
	vlen = ctx->scratch2.size;
	lit = or_text_trim(or_buf_cstr(&ctx->scratch2), &vlen);
	kv->value = or_arena_strndup(ctx->arena, lit, vlen);
	node_position(ctx, first, &line, &col);
	kv->line = line;
	kv->column = col;
	/* The value starts at the first non-blank after the label (and its ':'). */
	end_col = inline_column(ctx, block, line, cmark_node_get_end_column(first));
	if (orphan_paragraph_line(block)) {
		/* no positions: the value is where its text is, after the key */
		end_col = column_of_text(ctx, line, (size_t)col - 1, kv->key);
		end_col = end_col ? column_of_text(ctx, line, (size_t)end_col - 1 + strlen(kv->key),
						   kv->value) : 0;
		end_col = end_col ? end_col - 1 : 0;
	}
	src = or_document_line(ctx->doc, line, &slen);
	i = end_col > 0 ? (size_t)end_col : slen;
	if (src) {
		while (i < slen && (src[i] == ' ' || src[i] == '\t'))
			i++;
		if (skip_colon && i < slen && src[i] == ':')
			i++;
		while (i < slen && (src[i] == ' ' || src[i] == '\t'))
			i++;
	}
	kv->value_column = vlen ? (int)i + 1 : 0;
	kv->source = OR_KV_LABEL;
	kv->section = ctx->cur_section;
	kv->in_list = ctx->item_depth > 0;
}

static void scan_labels(parse_ctx *ctx, cmark_node *para)
{
	cmark_node *n = cmark_node_first_child(para);

	while (n) {
		cmark_node *end = n;
		while (end && !is_break(end))
			end = cmark_node_next(end);
		if (end != n)
			label_line(ctx, para, n, end);
		n = end ? cmark_node_next(end) : NULL;
	}
}

/* ------------------------------------------------------------------------ */
/* Tasks                                                                    */

/* Column of `marker` in the source lines of `block`, or 0. */
static int find_in_block(const parse_ctx *ctx, cmark_node *block, const char *needle, size_t nlen)
{
	int line = cmark_node_get_start_line(block);
	int last = cmark_node_get_end_line(block);
	int startcol = cmark_node_get_start_column(block);

	if (last < line)
		last = line;
	for (; line <= last && nlen; line++) {
		size_t len, i;
		const char *s = or_document_line(ctx->doc, line, &len);
		if (!s)
			break;
		i = (line == cmark_node_get_start_line(block) && startcol > 1) ? (size_t)startcol - 1 : 0;
		for (; i + nlen <= len; i++)
			if (memcmp(s + i, needle, nlen) == 0)
				return (int)i + 1;
	}
	return 0;
}

static bool item_is_task(cmark_node *item)
{
	return strcmp(cmark_node_get_type_string(item), "tasklist") == 0;
}

/* The flattened, trimmed text of the item's first paragraph, in `buf`;
 * *para gets that paragraph, or NULL when the item opens with another block. */
static const char *item_text(or_buf *buf, cmark_node *item, cmark_node **para, size_t *tlen)
{
	cmark_node *first = cmark_node_first_child(item);

	or_buf_clear(buf);
	if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH)
		flatten_range(buf, cmark_node_first_child(first), NULL);
	else
		first = NULL;
	if (para)
		*para = first;
	*tlen = buf->size;
	return or_text_trim(or_buf_cstr(buf), tlen);
}

/*
 * "- `In Progress`: tickets here have an assignee", "- ✅ — merged and
 * deployed": a marker that opens a plain item and is followed by ':' (or a
 * dash) and more text is the term of a definition, not a status.
 */
static bool item_is_definition(const char *text, size_t tlen, size_t off, size_t mlen)
{
	size_t i = off + mlen;

	if (off != 0)
		return false;
	while (i < tlen && (text[i] == ' ' || text[i] == '\t'))
		i++;
	if (i < tlen && (text[i] == ':' || text[i] == '-' || text[i] == '='))
		i++;
	else if (tlen - i >= 3 && (unsigned char)text[i] == 0xE2 && (unsigned char)text[i + 1] == 0x80 &&
		 ((unsigned char)text[i + 2] == 0x93 || (unsigned char)text[i + 2] == 0x94))
		i += 3; /* en or em dash */
	else
		return false;
	while (i < tlen && is_space_ascii((unsigned char)text[i]))
		i++;
	return i < tlen;
}

/* The length of `s` without a trailing U+FE0F (the emoji presentation
 * selector), so that "⌛️" and "⌛" are one marker. */
static size_t marker_base_len(const char *s, size_t len)
{
	if (len >= 3 && memcmp(s + len - 3, "\xEF\xB8\x8F", 3) == 0)
		return len - 3;
	return len;
}

/* Has the document given `marker` (U+FE0F dropped) a meaning of its own? */
static bool marker_redefined(const parse_ctx *ctx, const char *marker, size_t len)
{
	const char *p = ctx->redefined.ptr, *end = p + ctx->redefined.size;

	while (p && p < end) {
		size_t n = strlen(p);
		if (n == len && memcmp(p, marker, len) == 0)
			return true;
		p += n + 1;
	}
	return false;
}

/* Note that the document gives `marker` a meaning of its own. */
static void redefine_marker(parse_ctx *ctx, const char *marker, size_t len)
{
	len = marker_base_len(marker, len);
	if (!len || marker_redefined(ctx, marker, len))
		return;
	or_buf_put(&ctx->redefined, marker, len);
	or_buf_putc(&ctx->redefined, '\0');
}

/* Items a legend may have: more are a checklist. */
#define LEGEND_MAX_ITEMS 16
#define LEGEND_MAX_MARKER 32

/*
 * The marker of a legend entry: one that opens the item ("✅ Approved") or
 * one that closes it after its label ("Rejected: ❌", "Superseded ⌛️").
 * Sets *off and *mlen to the marker; false when the item is neither.
 */
static bool legend_entry(const char *text, size_t tlen, size_t *off, size_t *mlen)
{
	size_t o = 0, m = 0, end;

	if (or_status_parse(text, tlen, &o, &m) == OR_ITEM_NONE || m == 0 ||
	    m > LEGEND_MAX_MARKER)
		return false;
	if (o != 0) {
		/* "Label: ❌": the first marker is the last thing in the item and
		 * a colon ends its label ("Restore tested ✅" is a checklist line) */
		size_t colon = o;

		end = o + m;
		while (end < tlen && (text[end] == ' ' || text[end] == '\t'))
			end++;
		while (colon > 0 && (text[colon - 1] == ' ' || text[colon - 1] == '\t'))
			colon--;
		if (end != tlen || colon == 0 || text[colon - 1] != ':' ||
		    or_status_parse(text, o, NULL, NULL) != OR_ITEM_NONE)
			return false;
	}
	*off = o;
	*mlen = m;
	return true;
}

/* Words a legend entry's label may have ("Needs more work: 🔁"). */
#define LEGEND_MAX_LABEL_WORDS 4

/*
 * "Amended: ♻️": an entry of a key whose symbol opsready does not read as
 * a status. The text is a short label, a ':', and one symbol (non-ASCII
 * bytes only) at the end.
 */
static bool symbol_entry(const char *text, size_t tlen)
{
	size_t end = tlen, start, words = 0, i;
	bool in_word = false;

	while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t'))
		end--;
	start = end;
	while (start > 0 && (unsigned char)text[start - 1] >= 0x80)
		start--;
	if (start == end || end - start > LEGEND_MAX_MARKER || start == 0)
		return false;
	for (i = start; i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t'); i--)
		;
	if (i == 0 || text[i - 1] != ':')
		return false; /* "Amended: ♻️": a key's entry names its symbol */
	for (i = 0; i < start; i++) {
		unsigned char c = (unsigned char)text[i];

		if (c == ' ' || c == '\t' || c == ':') {
			in_word = false;
		} else if (!in_word) {
			in_word = true;
			words++;
		}
	}
	return words >= 1 && words <= LEGEND_MAX_LABEL_WORDS;
}

/*
 * A legend: a plain list of two or more items (up to LEGEND_MAX_ITEMS) that
 * are each one entry per symbol ("- ✅ Approved", "- ❌ Rejected", or
 * "- Rejected: ❌"), every item with a different marker: the possible
 * outcomes rather than the state of things. A checklist repeats its markers.
 * An entry whose label gives its marker another meaning than the marker's
 * own ("Rejected: ❌", where ❌ would say "missing") is a key to the whole
 * document: that marker is noted in ctx->redefined.
 */
static bool list_is_legend(parse_ctx *ctx, cmark_node *list)
{
	char markers[LEGEND_MAX_ITEMS][LEGEND_MAX_MARKER];
	size_t lens[LEGEND_MAX_ITEMS], keys[LEGEND_MAX_ITEMS];
	size_t n = 0, nkeys = 0, entries = 0, k;
	cmark_node *item;

	for (item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
		size_t tlen, off = 0, mlen = 0;
		const char *text;

		if (n == LEGEND_MAX_ITEMS || item_is_task(item))
			return false;
		text = item_text(&ctx->scratch2, item, NULL, &tlen);
		if (++entries > LEGEND_MAX_ITEMS)
			return false;
		if (!legend_entry(text, tlen, &off, &mlen)) {
			/* "Amended: ♻️": an entry for a symbol that is no marker */
			if (!symbol_entry(text, tlen))
				return false;
			continue;
		}
		for (k = 0; k < n; k++)
			if (lens[k] == mlen && memcmp(markers[k], text + off, mlen) == 0)
				return false;
		if (off != 0) /* "Rejected: ❌": the label is no status word */
			keys[nkeys++] = n;
		memcpy(markers[n], text + off, mlen);
		lens[n++] = mlen;
	}
	if (n < 2)
		return false; /* a key has two marker entries at least */
	for (k = 0; k < nkeys; k++)
		redefine_marker(ctx, markers[keys[k]], lens[keys[k]]);
	return true;
}

static void enter_list(parse_ctx *ctx, cmark_node *list)
{
	ctx->legend = or_xgrow(ctx->legend, &ctx->legend_cap, ctx->nlegend + 1, sizeof(bool));
	ctx->legend[ctx->nlegend++] = list_is_legend(ctx, list);
}

static void add_item(parse_ctx *ctx, cmark_node *item)
{
	bool is_task = item_is_task(item);
	cmark_node *para;
	or_item_status status;
	size_t off = 0, mlen = 0, tlen;
	const char *text;
	or_task *task;

	text = item_text(&ctx->scratch, item, &para, &tlen);
	status = or_status_parse(text, tlen, &off, &mlen);
	if (!is_task && status == OR_ITEM_NONE)
		return;
	/*
	 * A plain item has a status only as a checklist line ("Restore
	 * tested ✅", "DR drill (In Progress)"): not as the term of a
	 * definition, nor as an entry of a legend.
	 */
	if (!is_task && (item_is_definition(text, tlen, off, mlen) ||
			 (ctx->nlegend && ctx->legend[ctx->nlegend - 1])))
		return;
	/*
	 * "- ⚠️ Repacking is IO intensive": a warning sign that opens a plain
	 * list item is a callout, not a status. It is a status only when a word
	 * says so ("⚠️ In Progress") or the item is a checkbox.
	 */
	if (!is_task && status == OR_ITEM_IN_PROGRESS && off == 0 &&
	    ((unsigned char)text[0] >= 0x80 || text[0] == ':') &&
	    or_status_parse(text + mlen, tlen - mlen, NULL, NULL) != OR_ITEM_IN_PROGRESS)
		return;
	/*
	 * "- ❌ leverage — ✔️ use": a missing marker answered by a done marker
	 * in the same plain item is a don't and its do, and the document uses
	 * the marker that way throughout (see filter_redefined).
	 */
	if (!is_task && status == OR_ITEM_MISSING && off == 0 &&
	    or_status_parse(text + mlen, tlen - mlen, NULL, NULL) == OR_ITEM_COMPLETE) {
		redefine_marker(ctx, text, mlen);
		return;
	}
	task = vec_push(&ctx->tasks, sizeof(or_task));
	task->is_task = is_task;
	task->checked = is_task && cmark_gfm_extensions_get_tasklist_item_checked(item);
	task->status = status;
	task->text = or_arena_strndup(ctx->arena, text, tlen);
	task->line = cmark_node_get_start_line(item);
	task->column = cmark_node_get_start_column(item);
	task->section = ctx->cur_section;
	if (status != OR_ITEM_NONE) {
		task->marker = or_arena_strndup(ctx->arena, text + off, mlen);
		task->marker_column = para ? find_in_block(ctx, para, text + off, mlen) : 0;
	}
}

/*
 * Plain items whose marker the document gave a meaning of its own, in a key
 * ("Rejected: ❌") or a do/don't pair, carry no status: "❌ 18. Dedicated
 * ingress" in a list of decisions is a rejected one, not a missing one.
 * A key may come after the list it explains, so this runs at the end.
 */
static void filter_redefined(parse_ctx *ctx)
{
	or_task *tasks = ctx->tasks.items;
	size_t i, kept = 0;

	if (!ctx->redefined.size)
		return;
	for (i = 0; i < ctx->tasks.n; i++) {
		const or_task *t = &tasks[i];

		if (!t->is_task && t->marker &&
		    marker_redefined(ctx, t->marker, marker_base_len(t->marker, strlen(t->marker))))
			continue;
		tasks[kept++] = *t;
	}
	ctx->tasks.n = kept;
}

/* ------------------------------------------------------------------------ */
/* Code blocks                                                              */

static void add_code_block(parse_ctx *ctx, cmark_node *node)
{
	or_code_block *cb;
	const char *info = cmark_node_get_fence_info(node);
	const char *lit = cmark_node_get_literal(node);
	int flen = 0, foff = 0, nl = 0;
	char fch = 0;
	bool fenced = cmark_node_get_fenced(node, &flen, &foff, &fch) != 0;
	size_t ilen;
	const char *p;
	int block = (int)ctx->blocks.n;

	if (!lit)
		lit = "";
	if (!info || !fenced)
		info = "";
	for (p = lit; (p = strchr(p, '\n')) != NULL; p++)
		nl++;
	if (*lit && lit[strlen(lit) - 1] != '\n')
		nl++;
	cb = vec_push(&ctx->blocks, sizeof(or_code_block));
	ilen = strlen(info);
	info = or_text_trim(info, &ilen);
	cb->info = or_arena_strndup(ctx->arena, info, ilen);
	cb->kind = or_doc_code_kind(cb->info);
	cb->literal = or_arena_strdup(ctx->arena, lit);
	cb->line = cmark_node_get_start_line(node);
	cb->first_line = fenced ? cb->line + 1 : cb->line;
	cb->last_line = cb->first_line + nl - 1;
	/* an indented block's end may count trailing blank lines: use the content */
	cb->end_line = fenced ? cmark_node_get_end_line(node) : cb->last_line;
	if (cb->end_line < cb->last_line)
		cb->end_line = cb->last_line;
	if (cb->end_line < cb->line)
		cb->end_line = cb->line;
	cb->section = ctx->cur_section;
	or_doc_scan_code_commands(ctx, cb, block);
}

/* ------------------------------------------------------------------------ */
/* Links and tables                                                         */

static const char *find_bytes(const char *s, size_t len, const char *needle, size_t nlen)
{
	size_t i;

	for (i = 0; nlen && i + nlen <= len; i++)
		if (memcmp(s + i, needle, nlen) == 0)
			return s + i;
	return NULL;
}

/*
 * Check a link's column against its source line: "[", "![" or "<" must be
 * there. Bare autolinks (the autolink extension) carry the position of their
 * paragraph: find their text, else "](dest", on the line instead.
 */
static int link_column(parse_ctx *ctx, cmark_node *node, int line, int col, const char *text,
		       const char *dest)
{
	size_t len, from;
	const char *s = or_document_line(ctx->doc, line, &len);
	const char *hit;
	bool image = cmark_node_get_type(node) == CMARK_NODE_IMAGE;

	if (!s || col < 1)
		return col;
	from = (size_t)col - 1;
	if (from < len && (s[from] == (image ? '!' : '[') || (!image && s[from] == '<')))
		return col;
	if (from > len)
		from = 0;
	if (line == ctx->link_line && ctx->link_from > from && ctx->link_from <= len)
		from = ctx->link_from;
	hit = find_bytes(s + from, len - from, text, strlen(text));
	if (!hit && from > 0)
		hit = find_bytes(s, len, text, strlen(text));
	if (hit) {
		ctx->link_line = line;
		ctx->link_from = (size_t)(hit - s) + strlen(text);
		if (!image && hit > s && hit[-1] == '<')
			hit--;
		return (int)(hit - s) + 1;
	}
	or_buf_clear(&ctx->scratch2);
	or_buf_printf(&ctx->scratch2, "](%s", dest);
	hit = find_bytes(s, len, or_buf_cstr(&ctx->scratch2), ctx->scratch2.size);
	if (hit) {
		/* back to the opening bracket */
		while (hit > s && *hit != '[')
			hit--;
		if (image && hit > s && hit[-1] == '!')
			hit--;
		return (int)(hit - s) + 1;
	}
	return col;
}

static void add_link(parse_ctx *ctx, cmark_node *node)
{
	or_link *link;
	const char *url = cmark_node_get_url(node);
	int line, col;

	or_buf_clear(&ctx->scratch);
	flatten_range(&ctx->scratch, cmark_node_first_child(node), NULL);
	link = vec_push(&ctx->links, sizeof(or_link));
	link->dest = or_arena_strdup(ctx->arena, url ? url : "");
	link->text = arena_trimmed(ctx, or_buf_cstr(&ctx->scratch), ctx->scratch.size);
	node_position(ctx, node, &line, &col);
	link->line = line;
	link->column = link_column(ctx, node, line, col, link->text, link->dest);
	link->is_image = cmark_node_get_type(node) == CMARK_NODE_IMAGE;
	link->section = ctx->cur_section;
}

static int cell_column(const parse_ctx *ctx, cmark_node *cell)
{
	int line = cmark_node_get_start_line(cell);
	int col = cmark_node_get_start_column(cell);
	size_t len, i;
	const char *s = or_document_line(ctx->doc, line, &len);

	if (!s || col < 1)
		return col;
	i = (size_t)col - 1;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return (int)i + 1;
}

static void add_table(parse_ctx *ctx, cmark_node *node)
{
	or_table *table;
	cmark_node *row, *cell, *prev;
	size_t nrows = 0, r;

	for (row = cmark_node_first_child(node); row; row = cmark_node_next(row))
		nrows++;
	table = vec_push(&ctx->tables, sizeof(or_table));
	table->ncols = cmark_gfm_extensions_get_table_columns(node);
	table->line = cmark_node_get_start_line(node);
	prev = cmark_node_previous(node);
	if (orphan_paragraph_line(prev))
		table->line += breaks_before(prev, NULL) + 1;
	table->section = ctx->cur_section;
	table->rows = or_arena_alloc(ctx->arena, (nrows ? nrows : 1) * sizeof(or_table_row));
	table->nrows = nrows;
	for (row = cmark_node_first_child(node), r = 0; row; row = cmark_node_next(row), r++) {
		or_table_row *tr = &table->rows[r];
		size_t ncells = 0, k;

		for (cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell))
			ncells++;
		tr->line = cmark_node_get_start_line(row);
		tr->is_header = strcmp(cmark_node_get_type_string(row), "table_header") == 0;
		if (tr->is_header)
			tr->line = table->line; /* cmark-gfm's is wrong after an orphan paragraph */
		tr->cells = or_arena_alloc(ctx->arena, (ncells ? ncells : 1) * sizeof(or_table_cell));
		tr->ncells = ncells;
		for (cell = cmark_node_first_child(row), k = 0; cell; cell = cmark_node_next(cell), k++) {
			or_buf_clear(&ctx->scratch);
			flatten_range(&ctx->scratch, cmark_node_first_child(cell), NULL);
			tr->cells[k].text = arena_trimmed(ctx, or_buf_cstr(&ctx->scratch), ctx->scratch.size);
			tr->cells[k].column = cell_column(ctx, cell);
			if (tr->is_header && table->line != cmark_node_get_start_line(node)) {
				/* the header's cells have offsets into the paragraph: find them */
				size_t from = k ? (size_t)tr->cells[k - 1].column : 0;
				int found = column_of_text(ctx, tr->line, from, tr->cells[k].text);
				tr->cells[k].column = found ? found : content_column(ctx, tr->line);
			}
		}
		if (table->ncols == 2 && ncells >= 1) {
			const char *key = tr->cells[0].text;
			size_t klen = strlen(key);
			or_kv *kv;

			while (klen > 0 && (key[klen - 1] == ':' || is_space_ascii((unsigned char)key[klen - 1])))
				klen--;
			if (klen == 0)
				continue;
			kv = vec_push(&ctx->kvs, sizeof(or_kv));
			kv->key = or_arena_strndup(ctx->arena, key, klen);
			kv->value = ncells >= 2 ? tr->cells[1].text : "";
			kv->line = tr->line;
			kv->column = tr->cells[0].column;
			kv->value_column = ncells >= 2 ? tr->cells[1].column : 0;
			kv->source = OR_KV_TABLE;
			kv->section = ctx->cur_section;
			kv->in_list = ctx->item_depth > 0;
		}
	}
}

/* ------------------------------------------------------------------------ */
/* The walk                                                                 */

/* Does the heading's own text hold a '|'? */
static bool heading_holds_bar(cmark_node *heading)
{
	cmark_node *c;
	const char *p;

	for (c = cmark_node_first_child(heading); c; c = cmark_node_next(c)) {
		p = cmark_node_get_type(c) == CMARK_NODE_TEXT ? cmark_node_get_literal(c) : NULL;
		if (p && strchr(p, '|'))
			return true;
	}
	return false;
}

/*
 * "# Deployer | deployer.example.net" on the line after a table's last row
 * (or after such a row): a row that opens with '#', which some renderers
 * keep in the table. A heading there that holds a '|' is read as that row,
 * not as a section. ctx->table_row_line is the last line of the table or of
 * the last such row, so each heading is looked at once.
 */
static bool heading_continues_table(parse_ctx *ctx, cmark_node *heading)
{
	cmark_node *prev = cmark_node_previous(heading);

	if (!prev || !heading_holds_bar(heading) || ctx->table_row_line <= 0 ||
	    cmark_node_get_end_line(prev) != ctx->table_row_line ||
	    ctx->table_row_line + 1 != cmark_node_get_start_line(heading))
		return false;
	ctx->table_row_line = cmark_node_get_end_line(heading);
	return true;
}

/*
 * "- **Impact**:" then "  -" on the next line: in a list item, a lone '-'
 * under a line makes it a setext heading for CommonMark, but it was written
 * as an empty item of a sub-list (a template's blank to fill in). Such a
 * heading is read as the paragraph it was meant to be.
 */
static bool lone_dash_underline(parse_ctx *ctx, cmark_node *heading)
{
	int start = cmark_node_get_start_line(heading), end = cmark_node_get_end_line(heading);
	cmark_node *parent = cmark_node_parent(heading);
	const char *text;
	size_t len, i;

	if (end <= start || !parent || cmark_node_get_type(parent) != CMARK_NODE_ITEM)
		return false;
	/* the underline: the last line of the block that is not blank (cmark
	 * may count a blank line after it in a loose list) */
	for (;;) {
		text = or_document_line(ctx->doc, end, &len);
		if (!text)
			return false;
		for (i = 0; i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r'); i++)
			;
		if (i < len || end == start + 1)
			break;
		end--;
	}
	if (i >= len || text[i] != '-')
		return false;
	for (i++; i < len; i++)
		if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r')
			return false;
	return true;
}

/* A block inside a container (list item, block quote) that is content of
 * the section a heading in the same container opened. */
static bool nested_leaf_block(cmark_node *node, cmark_node_type type)
{
	switch (type) {
	case CMARK_NODE_PARAGRAPH:
	case CMARK_NODE_CODE_BLOCK:
		return true;
	case CMARK_NODE_HTML_BLOCK:
		return !html_is_comment_only(node);
	default:
		return strcmp(cmark_node_get_type_string(node), "table") == 0;
	}
}

static void walk(parse_ctx *ctx, cmark_node *root)
{
	cmark_iter *iter = cmark_iter_new(root);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(iter);
		cmark_node_type type = cmark_node_get_type(node);

		if (ev == CMARK_EVENT_EXIT) {
			if (type == CMARK_NODE_ITEM && ctx->item_depth > 0)
				ctx->item_depth--;
			else if (type == CMARK_NODE_LIST && ctx->nlegend > 0)
				ctx->nlegend--;
			continue;
		}
		if (node == root)
			continue;
		if (cmark_node_parent(node) == root && type != CMARK_NODE_HEADING &&
		    type != CMARK_NODE_THEMATIC_BREAK &&
		    !(type == CMARK_NODE_HTML_BLOCK && html_is_comment_only(node)))
			mark_open_content(ctx);
		else if (cmark_node_parent(node) != root && nested_leaf_block(node, type))
			mark_open_content(ctx); /* after a heading inside a list item */
		switch (type) {
		case CMARK_NODE_HEADING:
			if (heading_continues_table(ctx, node) || lone_dash_underline(ctx, node))
				mark_open_content(ctx);
			else
				add_heading(ctx, node);
			break;
		case CMARK_NODE_PARAGRAPH:
			scan_labels(ctx, node);
			break;
		case CMARK_NODE_LIST:
			enter_list(ctx, node);
			break;
		case CMARK_NODE_ITEM:
			add_item(ctx, node);
			ctx->item_depth++;
			break;
		case CMARK_NODE_CODE_BLOCK:
			add_code_block(ctx, node);
			break;
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			add_link(ctx, node);
			break;
		default:
			if (strcmp(cmark_node_get_type_string(node), "table") == 0) {
				add_table(ctx, node);
				ctx->table_row_line = cmark_node_get_end_line(node);
			}
			break;
		}
	}
	cmark_iter_free(iter);
}

static void *arena_copy(or_arena *arena, const vec *v, size_t size, size_t *n_out)
{
	void *p;

	*n_out = v->n;
	if (!v->n)
		return NULL;
	p = or_arena_alloc(arena, v->n * size);
	memcpy(p, v->items, v->n * size);
	return p;
}

/* ---- explicit anchors --------------------------------------------------- */

static bool is_attr_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_' || c == ':' || c == '.';
}

typedef struct anchor_list {
	const char **items;
	size_t n, cap;
} anchor_list;

static void anchor_add(or_document *doc, anchor_list *list, const char *s, size_t n)
{
	if (n == 0 || n > 512)
		return;
	list->items = or_xgrow(list->items, &list->cap, list->n + 1, sizeof(*list->items));
	list->items[list->n++] = or_arena_strndup(doc->arena, s, n);
}

/* The name= and id= values of the HTML tags on one line. */
static void anchors_of_html(or_document *doc, anchor_list *list, const char *line, size_t len)
{
	size_t i = 0;

	while (i < len) {
		const char *lt = memchr(line + i, '<', len - i);
		size_t j;

		if (!lt)
			break;
		j = (size_t)(lt - line) + 1;
		if (j >= len || !((line[j] >= 'a' && line[j] <= 'z') || (line[j] >= 'A' && line[j] <= 'Z'))) {
			i = j;
			continue;
		}
		/* the attributes up to '>': name="x", id='x', id=x */
		while (j < len && line[j] != '>' && line[j] != '<') {
			size_t k = j;
			bool name_attr;

			while (k < len && is_attr_char(line[k]))
				k++;
			name_attr = (k - j == 2 && strncasecmp(line + j, "id", 2) == 0) ||
				    (k - j == 4 && strncasecmp(line + j, "name", 4) == 0);
			if (k > j && k < len && line[k] == '=' && j > 0 &&
			    (line[j - 1] == ' ' || line[j - 1] == '\t')) {
				size_t v = k + 1, end;
				char quote = 0;

				if (v < len && (line[v] == '"' || line[v] == '\''))
					quote = line[v++];
				end = v;
				while (end < len && (quote ? line[end] != quote :
						     line[end] != ' ' && line[end] != '>'))
					end++;
				if (name_attr)
					anchor_add(doc, list, line + v, end - v);
				j = end < len && quote ? end + 1 : end;
				continue;
			}
			j = k > j ? k : j + 1;
		}
		i = j;
	}
}

size_t or_document_title_text_len(const char *title)
{
	size_t n = strlen(title);
	const char *open;

	if (n < 3 || title[n - 1] != '}' || !(open = strrchr(title, '{')))
		return n;
	if (open[1] != '#' && open[1] != ':')
		return n;
	n = (size_t)(open - title);
	while (n && (title[n - 1] == ' ' || title[n - 1] == '\t'))
		n--;
	return n;
}

/* A heading's attribute list "{#x}" / "{: #x .class}": its id. */
static void anchors_of_heading(or_document *doc, anchor_list *list, const char *title)
{
	size_t n = strlen(title), text = or_document_title_text_len(title);
	const char *p;

	if (text == n)
		return;
	for (p = strrchr(title, '{'); p && *p && *p != '}'; p++) {
		if (*p == '#' && (p[-1] == '{' || p[-1] == ' ')) {
			size_t k = 1;
			while (p[k] && p[k] != ' ' && p[k] != '}')
				k++;
			anchor_add(doc, list, p + 1, k - 1);
			return;
		}
	}
}

static int compare_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void find_explicit_anchors(or_document *doc)
{
	anchor_list list = { NULL, 0, 0 };
	size_t i;

	for (i = 0; i < doc->nsections; i++)
		anchors_of_heading(doc, &list, doc->sections[i].title);
	for (i = 1; i <= doc->nlines; i++) {
		size_t len;
		const char *line = or_document_line(doc, (int)i, &len);

		if (line && memchr(line, '<', len) && !or_document_line_in_code(doc, (int)i))
			anchors_of_html(doc, &list, line, len);
	}
	if (list.n) {
		const char **items = or_arena_alloc(doc->arena, list.n * sizeof(*items));
		memcpy(items, list.items, list.n * sizeof(*items));
		qsort(items, list.n, sizeof(*items), compare_str);
		doc->explicit_anchors = items;
		doc->nexplicit_anchors = list.n;
	}
	free(list.items);
}

bool or_document_has_explicit_anchor(const or_document *doc, const char *anchor)
{
	return doc && anchor &&
	       or_text_sorted_contains((const char *const *)doc->explicit_anchors,
				       doc->nexplicit_anchors, anchor);
}

static int compare_anchor(const void *a, const void *b)
{
	const or_section *x = *(const or_section *const *)a;
	const or_section *y = *(const or_section *const *)b;
	return strcmp(x->anchor, y->anchor);
}

static void build_anchor_index(or_document *doc)
{
	const or_section **order;
	int *index;
	size_t i;

	if (!doc->nsections)
		return;
	order = or_xmalloc(doc->nsections * sizeof(*order));
	for (i = 0; i < doc->nsections; i++)
		order[i] = &doc->sections[i];
	qsort(order, doc->nsections, sizeof(*order), compare_anchor);
	index = or_arena_alloc(doc->arena, doc->nsections * sizeof(int));
	for (i = 0; i < doc->nsections; i++)
		index[i] = (int)(order[i] - doc->sections);
	doc->anchor_index = index;
	free(order);
}

void or_document_init(void)
{
	cmark_gfm_core_extensions_ensure_registered();
}

int or_document_parse(or_document **out, const char *path, const char *data, size_t len)
{
	or_arena *arena = NULL;
	or_document *doc = NULL;
	parse_ctx ctx;
	cmark_parser *parser = NULL;
	cmark_node *root = NULL;
	cmark_syntax_extension *ext;
	static const char *const extensions[] = { "table", "tasklist", "strikethrough", "autolink" };
	char *cm = NULL;
	size_t cm_len = 0, k;
	int rc = -1;

	*out = NULL;
	memset(&ctx, 0, sizeof(ctx));
	cmark_gfm_core_extensions_ensure_registered();
	parser = cmark_parser_new(CMARK_OPT_DEFAULT);
	if (!parser)
		goto cleanup;
	for (k = 0; k < N_ITEMS(extensions); k++) {
		ext = cmark_find_syntax_extension(extensions[k]);
		if (!ext || !cmark_parser_attach_syntax_extension(parser, ext))
			goto cleanup;
	}

	arena = or_arena_new();
	doc = or_arena_alloc(arena, sizeof(or_document));
	doc->arena = arena;
	doc->path = or_arena_strdup(arena, path ? path : "");
	doc->source = or_arena_strndup(arena, data ? data : "", data ? len : 0);
	doc->source_len = data ? len : 0;
	ctx.doc = doc;
	ctx.arena = arena;
	ctx.cur_section = -1;
	build_lines(&ctx);

	or_doc_front_matter(&ctx, &cm, &cm_len);
	if (cm)
		cmark_parser_feed(parser, cm, cm_len);
	else
		cmark_parser_feed(parser, doc->source, doc->source_len);
	root = cmark_parser_finish(parser);
	if (!root)
		goto cleanup;
	walk(&ctx, root);
	finish_sections(&ctx);
	filter_redefined(&ctx);

	doc->sections = arena_copy(arena, &ctx.sections, sizeof(or_section), &doc->nsections);
	doc->kvs = arena_copy(arena, &ctx.kvs, sizeof(or_kv), &doc->nkvs);
	doc->tasks = arena_copy(arena, &ctx.tasks, sizeof(or_task), &doc->ntasks);
	doc->code_blocks = arena_copy(arena, &ctx.blocks, sizeof(or_code_block), &doc->ncode_blocks);
	doc->commands = arena_copy(arena, &ctx.commands, sizeof(or_command_ref), &doc->ncommands);
	doc->links = arena_copy(arena, &ctx.links, sizeof(or_link), &doc->nlinks);
	doc->tables = arena_copy(arena, &ctx.tables, sizeof(or_table), &doc->ntables);
	build_anchor_index(doc);
	find_explicit_anchors(doc);
	or_document_find_suppressions(doc);

	*out = doc;
	arena = NULL;
	rc = 0;
cleanup:
	if (root)
		cmark_node_free(root);
	if (parser)
		cmark_parser_free(parser);
	free(cm);
	free(ctx.sections.items);
	free(ctx.kvs.items);
	free(ctx.tasks.items);
	free(ctx.blocks.items);
	free(ctx.commands.items);
	free(ctx.links.items);
	free(ctx.tables.items);
	free(ctx.slugs.slots);
	free(ctx.legend);
	or_buf_dispose(&ctx.scratch);
	or_buf_dispose(&ctx.scratch2);
	or_buf_dispose(&ctx.redefined);
	or_buf_dispose(&ctx.cmd);
	free(ctx.cmd_line);
	free(ctx.cmd_col);
	or_arena_free(arena);
	return rc;
}

void or_document_free(or_document *doc)
{
	if (doc)
		or_arena_free(doc->arena);
}

/* ------------------------------------------------------------------------ */
/* Lookups                                                                  */

int or_document_section_at(const or_document *doc, int line)
{
	size_t lo = 0, hi;

	if (!doc || !doc->nsections)
		return -1;
	hi = doc->nsections;
	/* the last section whose heading is on or before `line` */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc->sections[mid].line <= line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo == 0 ? -1 : (int)lo - 1;
}

bool or_document_line_in_code(const or_document *doc, int line)
{
	size_t lo = 0, hi;

	if (!doc || !doc->ncode_blocks)
		return false;
	hi = doc->ncode_blocks;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc->code_blocks[mid].line <= line)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return false;
	return line <= doc->code_blocks[lo - 1].end_line;
}

int or_document_find_anchor(const or_document *doc, const char *anchor)
{
	size_t lo = 0, hi;

	if (!doc || !anchor || !doc->anchor_index)
		return -1;
	hi = doc->nsections;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int idx = doc->anchor_index[mid];
		int c = strcmp(doc->sections[idx].anchor, anchor);
		if (c == 0)
			return idx;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}
