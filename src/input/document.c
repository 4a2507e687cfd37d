#include "input/document.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <yaml.h>

#include "util/alloc.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/text.h"
#include "util/utf8.h"

/* At most this many libyaml events are read from front matter. */
#define FRONT_MATTER_MAX_EVENTS 100000
/* libyaml's scanner is quadratic in the depth of flow collections: refuse
 * deeper nesting before it costs minutes. */
#define FRONT_MATTER_MAX_DEPTH 64

/* ------------------------------------------------------------------------ */
/* Status markers                                                           */

typedef struct status_seq {
	const char *bytes;
	or_item_status status;
} status_seq;

static const status_seq status_emoji[] = {
	{ "\xE2\x9C\x85", OR_ITEM_COMPLETE },     /* ✅ */
	{ "\xE2\x98\x91", OR_ITEM_COMPLETE },     /* ☑ */
	{ "\xE2\x9C\x94", OR_ITEM_COMPLETE },     /* ✔ */
	{ "\xE2\x9C\x93", OR_ITEM_COMPLETE },     /* ✓ */
	{ "\xE2\x9A\xA0", OR_ITEM_IN_PROGRESS },  /* ⚠ */
	{ "\xF0\x9F\x9A\xA7", OR_ITEM_IN_PROGRESS }, /* 🚧 */
	{ "\xE2\x8F\xB3", OR_ITEM_IN_PROGRESS },  /* ⏳ */
	{ "\xE2\x8C\x9B", OR_ITEM_IN_PROGRESS },  /* ⌛ */
	{ "\xE2\x9D\x8C", OR_ITEM_MISSING },      /* ❌ */
	{ "\xE2\x9D\x8E", OR_ITEM_MISSING },      /* ❎ */
	{ "\xE2\x9C\x96", OR_ITEM_MISSING },      /* ✖ */
	{ "\xE2\x9C\x97", OR_ITEM_MISSING },      /* ✗ */
};

static const status_seq status_shortcodes[] = {
	{ ":white_check_mark:", OR_ITEM_COMPLETE },
	{ ":heavy_check_mark:", OR_ITEM_COMPLETE },
	{ ":ballot_box_with_check:", OR_ITEM_COMPLETE },
	{ ":warning:", OR_ITEM_IN_PROGRESS },
	{ ":construction:", OR_ITEM_IN_PROGRESS },
	{ ":hourglass:", OR_ITEM_IN_PROGRESS },
	{ ":hourglass_flowing_sand:", OR_ITEM_IN_PROGRESS },
	{ ":x:", OR_ITEM_MISSING },
	{ ":negative_squared_cross_mark:", OR_ITEM_MISSING },
	{ ":heavy_multiplication_x:", OR_ITEM_MISSING },
};

/* Longer phrases first so that "in progress" is not cut short. */
static const status_seq status_words[] = {
	{ "in progress", OR_ITEM_IN_PROGRESS },
	{ "in-progress", OR_ITEM_IN_PROGRESS },
	{ "wip", OR_ITEM_IN_PROGRESS },
	{ "draft", OR_ITEM_IN_PROGRESS },
	{ "pending", OR_ITEM_IN_PROGRESS },
	{ "completed", OR_ITEM_COMPLETE },
	{ "complete", OR_ITEM_COMPLETE },
	{ "done", OR_ITEM_COMPLETE },
	{ "not started", OR_ITEM_MISSING },
	{ "missing", OR_ITEM_MISSING },
	{ "todo", OR_ITEM_MISSING },
};

#define N_ITEMS(a) (sizeof(a) / sizeof((a)[0]))

typedef struct status_hit {
	or_item_status status;
	size_t offset, len;
} status_hit;

static int lower_ascii(int c)
{
	return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

static bool is_alnum_ascii(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool is_space_ascii(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static void hit_offer(status_hit *best, or_item_status status, size_t offset, size_t len)
{
	if (best->status == OR_ITEM_NONE || offset < best->offset) {
		best->status = status;
		best->offset = offset;
		best->len = len;
	}
}

/* An emoji marker at s[i..len): its length (with a following U+FE0F), or 0. */
static size_t emoji_at(const char *s, size_t len, size_t i, or_item_status *status)
{
	size_t k;

	for (k = 0; k < N_ITEMS(status_emoji); k++) {
		size_t n = strlen(status_emoji[k].bytes);
		if (len - i >= n && memcmp(s + i, status_emoji[k].bytes, n) == 0) {
			if (len - i - n >= 3 && memcmp(s + i + n, "\xEF\xB8\x8F", 3) == 0)
				n += 3;
			*status = status_emoji[k].status;
			return n;
		}
	}
	return 0;
}

/* A status word/phrase matching case-insensitively at s[i..len) and ending
 * at a word boundary: its length, or 0. */
static size_t word_at(const char *s, size_t len, size_t i, or_item_status *status)
{
	size_t k, j;

	for (k = 0; k < N_ITEMS(status_words); k++) {
		const char *w = status_words[k].bytes;
		size_t n = strlen(w);
		if (len - i < n)
			continue;
		for (j = 0; j < n; j++)
			if (lower_ascii((unsigned char)s[i + j]) != w[j])
				break;
		if (j < n)
			continue;
		if (i + n < len && is_alnum_ascii((unsigned char)s[i + n]))
			continue;
		*status = status_words[k].status;
		return n;
	}
	return 0;
}

static bool only_trailing_punct(const char *s, size_t len, size_t i)
{
	for (; i < len; i++) {
		char c = s[i];
		if (!is_space_ascii((unsigned char)c) && c != '.' && c != '!' && c != ',' &&
		    c != ';' && c != ':')
			return false;
	}
	return true;
}

static void find_status_emoji(const char *text, size_t len, status_hit *best)
{
	size_t i;
	or_item_status st;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		size_t n;
		if (best->status != OR_ITEM_NONE && i >= best->offset)
			return;
		if (c == ':') {
			size_t k;
			for (k = 0; k < N_ITEMS(status_shortcodes); k++) {
				size_t m = strlen(status_shortcodes[k].bytes);
				if (len - i >= m && memcmp(text + i, status_shortcodes[k].bytes, m) == 0) {
					hit_offer(best, status_shortcodes[k].status, i, m);
					return;
				}
			}
			continue;
		}
		if (c != 0xE2 && c != 0xF0)
			continue;
		n = emoji_at(text, len, i, &st);
		if (n) {
			hit_offer(best, st, i, n);
			return;
		}
	}
}

static void find_status_mojibake(const char *text, size_t len, status_hit *best)
{
	or_mojibake m;
	size_t start = 0;

	while (start < len && or_mojibake_next(text, len, start, &m)) {
		or_item_status st;
		size_t ilen = strlen(m.intended);
		size_t j;

		if (best->status != OR_ITEM_NONE && m.offset >= best->offset)
			return;
		/* The run may carry other characters before the emoji. */
		for (j = 0; j < ilen; j++) {
			if (emoji_at(m.intended, ilen, j, &st)) {
				hit_offer(best, st, m.offset, m.length);
				return;
			}
		}
		if (m.length == 0)
			break;
		start = m.offset + m.length;
	}
}

static void find_status_words(const char *text, size_t len, status_hit *best)
{
	size_t i, n, tlen = len;
	const char *t;
	or_item_status st;

	/* The whole text is the word(s). */
	t = or_text_trim(text, &tlen);
	if (tlen) {
		size_t off = (size_t)(t - text);
		n = word_at(text, len, off, &st);
		if (n && only_trailing_punct(text, len, off + n))
			hit_offer(best, st, off, n);
		/* "TODO ..." / "WIP ..." at the start, or "Word: ..." */
		else if (n && ((len - off >= 4 && memcmp(t, "TODO", 4) == 0) ||
			       (len - off >= 3 && memcmp(t, "WIP", 3) == 0) ||
			       (off + n < len && text[off + n] == ':')))
			hit_offer(best, st, off, n);
	}
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if (best->status != OR_ITEM_NONE && i >= best->offset)
			return;
		if (c == '(' || c == '[') {
			char close = c == '(' ? ')' : ']';
			size_t j = i + 1;
			while (j < len && (text[j] == ' ' || text[j] == '\t'))
				j++;
			n = j < len ? word_at(text, len, j, &st) : 0;
			if (n) {
				size_t k = j + n;
				while (k < len && (text[k] == ' ' || text[k] == '\t'))
					k++;
				if (k < len && text[k] == close)
					hit_offer(best, st, i, k + 1 - i);
			}
		} else if (c == '-' || (c == 0xE2 && len - i >= 3 && (unsigned char)text[i + 1] == 0x80 &&
					((unsigned char)text[i + 2] == 0x93 ||
					 (unsigned char)text[i + 2] == 0x94))) {
			/* " - Word" at the end of the text */
			size_t dlen = c == '-' ? 1 : 3;
			size_t j = i + dlen;
			if (i > 0 && !is_space_ascii((unsigned char)text[i - 1]))
				continue;
			if (j >= len || !is_space_ascii((unsigned char)text[j]))
				continue;
			while (j < len && is_space_ascii((unsigned char)text[j]))
				j++;
			n = j < len ? word_at(text, len, j, &st) : 0;
			if (n && only_trailing_punct(text, len, j + n))
				hit_offer(best, st, j, n);
		} else if ((c == 's' || c == 'S') && (i == 0 || !is_alnum_ascii((unsigned char)text[i - 1])) &&
			   len - i >= 7) {
			/* "Status: Word" */
			static const char status_label[] = "status";
			size_t j;
			for (j = 0; j < 6; j++)
				if (lower_ascii((unsigned char)text[i + j]) != status_label[j])
					break;
			if (j < 6 || text[i + 6] != ':')
				continue;
			j = i + 7;
			while (j < len && (text[j] == ' ' || text[j] == '\t' || text[j] == '*' || text[j] == '_'))
				j++;
			n = j < len ? word_at(text, len, j, &st) : 0;
			if (n)
				hit_offer(best, st, j, n);
		}
	}
}

or_item_status or_status_parse(const char *text, size_t len, size_t *marker_offset,
			       size_t *marker_len)
{
	status_hit best = { OR_ITEM_NONE, 0, 0 };

	if (text && len) {
		find_status_emoji(text, len, &best);
		find_status_mojibake(text, len, &best);
		find_status_words(text, len, &best);
	}
	if (marker_offset)
		*marker_offset = best.offset;
	if (marker_len)
		*marker_len = best.len;
	return best.status;
}

const char *or_item_status_name(or_item_status status)
{
	switch (status) {
	case OR_ITEM_COMPLETE:
		return "complete";
	case OR_ITEM_IN_PROGRESS:
		return "in-progress";
	case OR_ITEM_MISSING:
		return "missing";
	case OR_ITEM_NONE:
	default:
		return "none";
	}
}

/* ------------------------------------------------------------------------ */
/* Builder                                                                  */

typedef struct vec {
	void *items;
	size_t n, cap;
} vec;

static void *vec_push(vec *v, size_t size)
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
	slug_map slugs;
	or_buf scratch, scratch2;
	/* command tokenisation scratch */
	or_buf cmd;
	int *cmd_line, *cmd_col;
	size_t cmd_cap;
	/* where the last bare autolink was found, so that a line full of them
	 * is searched once */
	int link_line;
	size_t link_from;
	/* the content start of the last continuation line looked at */
	int content_line;
	size_t content_start;
} parse_ctx;

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
/* Front matter                                                             */

static bool is_fence_line(const char *s, size_t len, const char *fence)
{
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	return len == 3 && memcmp(s, fence, 3) == 0;
}

/* Byte column (1-based) of character column `chars` (0-based) on `line`. */
static int char_to_byte_column(const or_document *doc, int line, size_t chars)
{
	size_t len, i;
	const char *s = or_document_line(doc, line, &len);

	if (!s)
		return (int)chars + 1;
	for (i = 0; i < len && chars; i++) {
		if (i + 1 >= len || ((unsigned char)s[i + 1] & 0xC0) != 0x80)
			chars--;
	}
	return (int)i + 1;
}

typedef struct fm_state {
	int depth;
	bool top_mapping;
	size_t node_index;    /* nodes seen at depth 1 of the top mapping */
	const char *key;      /* the pending key, NULL when not a plain scalar */
	yaml_mark_t key_mark;
	bool in_seq;          /* collecting a sequence value */
	yaml_mark_t seq_mark;
	or_buf seq;
	/* A sequence of mappings with a `date` key (majorRevisions: - date: Jun 1
	 * 2018): the value is the latest date found. */
	size_t item_index;    /* nodes seen in the current mapping item */
	bool item_key_is_date;
	bool has_latest;
	or_date latest;
	or_buf latest_text;
} fm_state;

static void fm_emit(parse_ctx *ctx, const fm_state *st, const char *value, size_t value_len,
		    yaml_mark_t value_mark, int first_line)
{
	or_kv *kv;
	int line;

	if (!st->key)
		return;
	kv = vec_push(&ctx->kvs, sizeof(or_kv));
	kv->key = st->key;
	kv->value = or_arena_strndup(ctx->arena, value, value_len);
	line = first_line + (int)st->key_mark.line;
	kv->line = line;
	kv->column = char_to_byte_column(ctx->doc, line, st->key_mark.column);
	kv->value_column = char_to_byte_column(ctx->doc, first_line + (int)value_mark.line,
					       value_mark.column);
	kv->source = OR_KV_FRONT_MATTER;
	kv->section = -1;
	kv->in_list = false;
}

static bool key_is(const char *key, const char *want)
{
	for (; *key && *want; key++, want++)
		if (lower_ascii((unsigned char)*key) != *want)
			return false;
	return *key == '\0' && *want == '\0';
}

static void parse_front_matter(parse_ctx *ctx, const char *yaml, size_t len, int first_line)
{
	or_document *doc = ctx->doc;
	yaml_parser_t parser;
	yaml_event_t event;
	fm_state st;
	size_t nevents = 0, k;
	int nesting = 0;
	bool done = false;

	memset(&st, 0, sizeof(st));
	if (!yaml_parser_initialize(&parser)) {
		doc->front_matter_error = "cannot initialise the YAML parser";
		return;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)yaml, len);
	while (!done) {
		if (!yaml_parser_parse(&parser, &event)) {
			doc->front_matter_error = or_arena_printf(ctx->arena, "%s%s%s",
				parser.context ? parser.context : "",
				parser.context ? ": " : "",
				parser.problem ? parser.problem : "invalid YAML");
			doc->front_matter_error_line = first_line + (int)parser.problem_mark.line;
			doc->front_matter_error_column = char_to_byte_column(doc,
				doc->front_matter_error_line, parser.problem_mark.column);
			break;
		}
		if (event.type == YAML_SEQUENCE_START_EVENT || event.type == YAML_MAPPING_START_EVENT)
			nesting++;
		else if (event.type == YAML_SEQUENCE_END_EVENT || event.type == YAML_MAPPING_END_EVENT)
			nesting--;
		if (++nevents > FRONT_MATTER_MAX_EVENTS || nesting > FRONT_MATTER_MAX_DEPTH) {
			doc->front_matter_error = nesting > FRONT_MATTER_MAX_DEPTH ?
				"front matter nested too deeply" : "front matter too large";
			doc->front_matter_error_line = first_line + (int)event.start_mark.line;
			doc->front_matter_error_column = 1;
			yaml_event_delete(&event);
			break;
		}
		switch (event.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_SCALAR_EVENT:
			if (st.depth == 1 && st.top_mapping) {
				const char *v = (const char *)event.data.scalar.value;
				size_t vlen = event.data.scalar.length;
				if (st.node_index % 2 == 0) {
					st.key = or_arena_strndup(ctx->arena, v, vlen);
					if (strlen(st.key) != vlen)
						st.key = NULL; /* a key with a NUL in it */
					st.key_mark = event.start_mark;
				} else {
					fm_emit(ctx, &st, v, vlen, event.start_mark, first_line);
				}
				st.node_index++;
			} else if (st.depth == 2 && st.in_seq) {
				if (st.seq.size)
					or_buf_puts(&st.seq, ", ");
				or_buf_put(&st.seq, event.data.scalar.value, event.data.scalar.length);
			} else if (st.depth == 3 && st.in_seq) {
				const char *v = (const char *)event.data.scalar.value;
				size_t vlen = event.data.scalar.length;
				or_date date;
				if (st.item_index % 2 == 0) {
					st.item_key_is_date = vlen == 4 && key_is(v, "date");
				} else if (st.item_key_is_date &&
					   or_date_parse(&date, v, vlen, OR_DATE_ORDER_NONE, NULL) ==
						   OR_DATE_OK &&
					   (!st.has_latest || date >= st.latest)) {
					st.has_latest = true;
					st.latest = date;
					or_buf_clear(&st.latest_text);
					or_buf_put(&st.latest_text, v, vlen);
				}
				st.item_index++;
			}
			break;
		case YAML_ALIAS_EVENT:
			/* aliases are never expanded: the value is absent */
			if (st.depth == 1 && st.top_mapping) {
				if (st.node_index % 2 == 0)
					st.key = NULL;
				st.node_index++;
			}
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (st.depth == 0) {
				st.top_mapping = event.type == YAML_MAPPING_START_EVENT;
			} else if (st.depth == 1 && st.top_mapping) {
				if (st.node_index % 2 == 0) {
					st.key = NULL;
				} else if (event.type == YAML_SEQUENCE_START_EVENT) {
					st.in_seq = true;
					st.seq_mark = event.start_mark;
					st.has_latest = false;
					or_buf_clear(&st.seq);
				}
			} else if (st.depth == 2 && st.in_seq) {
				st.item_index = 0;
				st.item_key_is_date = false;
			}
			st.depth++;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			st.depth--;
			if (st.depth == 1 && st.top_mapping) {
				if (st.in_seq && !st.seq.size && st.has_latest)
					fm_emit(ctx, &st, or_buf_cstr(&st.latest_text),
						st.latest_text.size, st.seq_mark, first_line);
				else if (st.in_seq)
					fm_emit(ctx, &st, or_buf_cstr(&st.seq), st.seq.size, st.seq_mark,
						first_line);
				st.in_seq = false;
				st.node_index++;
			}
			break;
		default:
			break;
		}
		yaml_event_delete(&event);
	}
	yaml_parser_delete(&parser);
	or_buf_dispose(&st.seq);
	or_buf_dispose(&st.latest_text);

	for (k = 0; k < ctx->kvs.n; k++) {
		const or_kv *kv = (const or_kv *)ctx->kvs.items + k;
		if (!doc->title && key_is(kv->key, "title") && kv->value[0])
			doc->title = kv->value;
		if (!doc->type && key_is(kv->key, "type") && kv->value[0])
			doc->type = kv->value;
	}
}

/*
 * Detect front matter; parse it; return the text cmark should see (the
 * front-matter lines emptied, line endings kept) in *cm_out (malloc'd) or
 * NULL when the source can be given as it is.
 */
static void front_matter(parse_ctx *ctx, char **cm_out, size_t *cm_len)
{
	or_document *doc = ctx->doc;
	const char *s;
	size_t len, skip = 0, yaml_start, yaml_end, end_of_close, i, o;
	int line;
	char *cm;

	*cm_out = NULL;
	*cm_len = 0;
	s = or_document_line(doc, 1, &len);
	if (!s)
		return;
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		skip = 3;
	if (!is_fence_line(s + skip, len - skip, "---"))
		return;
	for (line = 2; (size_t)line <= doc->nlines; line++) {
		const char *l = or_document_line(doc, line, &len);
		if (is_fence_line(l, len, "---") || is_fence_line(l, len, "..."))
			break;
	}
	if ((size_t)line > doc->nlines)
		return;
	doc->has_front_matter = true;
	doc->front_matter_end_line = line;
	yaml_start = doc->nlines >= 2 ? doc->line_starts[1] : doc->source_len;
	yaml_end = doc->line_starts[line - 1];
	parse_front_matter(ctx, doc->source + yaml_start, yaml_end - yaml_start, 2);

	or_document_line(doc, line, &len);
	end_of_close = doc->line_starts[line - 1] + len;
	cm = or_xmalloc(doc->source_len + 1);
	for (i = 0, o = 0; i < end_of_close; i++)
		if (doc->source[i] == '\n' || doc->source[i] == '\r')
			cm[o++] = doc->source[i];
	memcpy(cm + o, doc->source + end_of_close, doc->source_len - end_of_close);
	o += doc->source_len - end_of_close;
	cm[o] = '\0';
	*cm_out = cm;
	*cm_len = o;
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

static void add_item(parse_ctx *ctx, cmark_node *item)
{
	bool is_task = strcmp(cmark_node_get_type_string(item), "tasklist") == 0;
	cmark_node *para = cmark_node_first_child(item);
	or_item_status status;
	size_t off = 0, mlen = 0, tlen;
	const char *text;
	or_task *task;

	or_buf_clear(&ctx->scratch);
	if (para && cmark_node_get_type(para) == CMARK_NODE_PARAGRAPH)
		flatten_range(&ctx->scratch, cmark_node_first_child(para), NULL);
	else
		para = NULL;
	tlen = ctx->scratch.size;
	text = or_text_trim(or_buf_cstr(&ctx->scratch), &tlen);
	status = or_status_parse(text, tlen, &off, &mlen);
	if (!is_task && status == OR_ITEM_NONE)
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

/* ------------------------------------------------------------------------ */
/* Code blocks and the commands in them                                     */

enum shell_kind { SHELL_NONE, SHELL_SCRIPT, SHELL_CONSOLE };

static enum shell_kind shell_kind_of(const char *info)
{
	static const char *const scripts[] = {
		"bash", "sh", "shell", "zsh", "ksh", "powershell", "ps1", "pwsh", "cmd", "bat",
		"batch", "fish"
	};
	static const char *const consoles[] = { "console", "shell-session", "shellsession", "terminal" };
	char word[32];
	size_t n = 0, k;

	while (*info == ' ' || *info == '\t')
		info++;
	while (info[n] && info[n] != ' ' && info[n] != '\t' && info[n] != '{' && info[n] != ',' &&
	       n < sizeof(word) - 1) {
		word[n] = (char)lower_ascii((unsigned char)info[n]);
		n++;
	}
	word[n] = '\0';
	if (n == 0)
		return SHELL_SCRIPT;
	for (k = 0; k < N_ITEMS(scripts); k++)
		if (strcmp(word, scripts[k]) == 0)
			return SHELL_SCRIPT;
	for (k = 0; k < N_ITEMS(consoles); k++)
		if (strcmp(word, consoles[k]) == 0)
			return SHELL_CONSOLE;
	return SHELL_NONE;
}

static void cmd_append(parse_ctx *ctx, const char *s, size_t len, int line, int col)
{
	size_t k, need = ctx->cmd.size + len + 1;

	if (need > ctx->cmd_cap) {
		size_t cap = ctx->cmd_cap;
		ctx->cmd_line = or_xgrow(ctx->cmd_line, &cap, need, sizeof(int));
		ctx->cmd_col = or_xrealloc(ctx->cmd_col, cap * sizeof(int));
		ctx->cmd_cap = cap;
	}
	for (k = 0; k < len; k++) {
		ctx->cmd_line[ctx->cmd.size + k] = line;
		ctx->cmd_col[ctx->cmd.size + k] = col + (int)k;
	}
	or_buf_put(&ctx->cmd, s, len);
}

static bool is_interpreter(const char *tok, size_t len)
{
	static const char *const names[] = {
		"bash", "sh", "zsh", "source", ".", "python", "python3", "ruby", "perl", "node", "pwsh"
	};
	size_t k, base = len;

	while (base > 0 && tok[base - 1] != '/')
		base--;
	for (k = 0; k < N_ITEMS(names); k++)
		if (strlen(names[k]) == len - base && memcmp(tok + base, names[k], len - base) == 0)
			return true;
	return false;
}

static bool ends_with(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);
	return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

static bool path_acceptable(const char *p, size_t len)
{
	size_t i;

	if (len == 0 || p[0] == '/' || p[0] == '\\')
		return false;
	for (i = 0; i < len; i++) {
		if (strchr("$*?{~<>|`", p[i]) || p[i] == '\0')
			return false;
		if (p[i] == ':' && i + 2 < len && p[i + 1] == '/' && p[i + 2] == '/')
			return false;
	}
	return true;
}

typedef struct cmd_token {
	or_buf text;
	int *origin;       /* index into ctx->cmd of each byte of text */
	size_t origin_cap;
} cmd_token;

static void tok_put(cmd_token *tok, char c, size_t origin)
{
	tok->origin = or_xgrow(tok->origin, &tok->origin_cap, tok->text.size + 1, sizeof(int));
	tok->origin[tok->text.size] = (int)origin;
	or_buf_putc(&tok->text, c);
}

static void add_command_ref(parse_ctx *ctx, const cmd_token *tok, size_t start, size_t len,
			    int block, const char *command)
{
	or_command_ref *ref;
	const char *p = tok->text.ptr + start;
	size_t origin;

	if (!path_acceptable(p, len))
		return;
	origin = (size_t)tok->origin[start];
	while (len >= 2 && p[0] == '.' && p[1] == '/') {
		p += 2;
		len -= 2;
		while (len && p[0] == '/') {
			p++;
			len--;
		}
	}
	if (len == 0 || (len == 1 && p[0] == '.') || (len == 2 && p[0] == '.' && p[1] == '.'))
		return;
	ref = vec_push(&ctx->commands, sizeof(or_command_ref));
	ref->path = or_arena_strndup(ctx->arena, p, len);
	ref->command = command;
	ref->line = ctx->cmd_line[origin];
	ref->column = ctx->cmd_col[origin];
	ref->block = block;
	ref->section = ctx->cur_section;
}

/* Length of "NAME=" or "--opt=" at the start of a token, or 0. */
static size_t assignment_prefix(const char *s, size_t len)
{
	size_t i = 0;

	if (len && s[0] == '-') {
		while (i < len && s[i] == '-')
			i++;
		if (i > 2 || i == len || !is_alnum_ascii((unsigned char)s[i]))
			return 0;
		while (i < len && (is_alnum_ascii((unsigned char)s[i]) || s[i] == '-' || s[i] == '_' ||
				   s[i] == '.'))
			i++;
	} else {
		if (!len || !(s[0] == '_' || (is_alnum_ascii((unsigned char)s[0]) &&
					      !(s[0] >= '0' && s[0] <= '9'))))
			return 0;
		while (i < len && (is_alnum_ascii((unsigned char)s[i]) || s[i] == '_'))
			i++;
	}
	return i < len && s[i] == '=' ? i + 1 : 0;
}

static bool is_dot_path(const char *s, size_t len)
{
	return (len >= 2 && s[0] == '.' && s[1] == '/') ||
	       (len >= 3 && s[0] == '.' && s[1] == '.' && s[2] == '/');
}

/* Tokenise the logical command in ctx->cmd and record its path references. */
static void scan_command(parse_ctx *ctx, int block)
{
	const char *c = or_buf_cstr(&ctx->cmd);
	size_t n = ctx->cmd.size, i = 0, tlen;
	const char *command;
	cmd_token tok = { OR_BUF_INIT, NULL, 0 };
	bool cmd_pos = true, interp_arg = false;

	tlen = n;
	command = or_text_trim(c, &tlen);
	if (tlen == 0)
		return;
	command = or_arena_strndup(ctx->arena, command, tlen);

	while (i < n) {
		const char *t;
		size_t len, pre;
		bool sep_after = false;

		while (i < n && is_space_ascii((unsigned char)c[i]))
			i++;
		if (i >= n || c[i] == '#')
			break;
		or_buf_clear(&tok.text);
		while (i < n && !is_space_ascii((unsigned char)c[i])) {
			if (c[i] == '\'') {
				for (i++; i < n && c[i] != '\''; i++)
					tok_put(&tok, c[i], i);
				if (i < n)
					i++;
			} else if (c[i] == '"') {
				for (i++; i < n && c[i] != '"'; i++) {
					if (c[i] == '\\' && i + 1 < n && strchr("\"\\$`", c[i + 1]))
						i++;
					tok_put(&tok, c[i], i);
				}
				if (i < n)
					i++;
			} else if (c[i] == '\\' && i + 1 < n) {
				tok_put(&tok, c[i + 1], i + 1);
				i += 2;
			} else {
				tok_put(&tok, c[i], i);
				i++;
			}
		}
		t = or_buf_cstr(&tok.text);
		len = tok.text.size;
		/* trailing separators */
		for (;;) {
			if (len >= 2 && t[len - 2] == '&' && t[len - 1] == '&') {
				len -= 2;
				sep_after = true;
			} else if (len >= 1 && (t[len - 1] == ';' || t[len - 1] == ')' || t[len - 1] == ',')) {
				if (t[len - 1] == ';')
					sep_after = true;
				len--;
			} else {
				break;
			}
		}
		if (len == 0 || (len <= 2 && strchr("|&(", t[0]))) {
			cmd_pos = true;
			interp_arg = false;
			continue;
		}
		if (cmd_pos) {
			pre = assignment_prefix(t, len);
			if (pre && t[0] != '-') {
				if (is_dot_path(t + pre, len - pre))
					add_command_ref(ctx, &tok, pre, len - pre, block, command);
			} else if ((len == 4 && memcmp(t, "sudo", 4) == 0) ||
				   (len == 3 && memcmp(t, "env", 3) == 0) ||
				   (len == 4 && memcmp(t, "time", 4) == 0) ||
				   (len == 4 && memcmp(t, "exec", 4) == 0) ||
				   (len == 5 && memcmp(t, "nohup", 5) == 0) ||
				   (len == 8 && memcmp(t, "/bin/env", 8) == 0) ||
				   (len == 12 && memcmp(t, "/usr/bin/env", 12) == 0)) {
				/* still in command position */
			} else if (t[0] == '-') {
				/* an option of sudo/env */
			} else {
				if (is_dot_path(t, len))
					add_command_ref(ctx, &tok, 0, len, block, command);
				interp_arg = is_interpreter(t, len);
				cmd_pos = false;
			}
		} else if (interp_arg) {
			if (t[0] == '-') {
				if ((len == 2 && (t[1] == 'c' || t[1] == 'm' || t[1] == 'e')) ||
				    (len > 2 && t[1] == 'c'))
					interp_arg = false;
			} else {
				interp_arg = false;
				if (memchr(t, '/', len) || ends_with(t, len, ".sh") || ends_with(t, len, ".py") ||
				    ends_with(t, len, ".rb") || ends_with(t, len, ".pl") ||
				    ends_with(t, len, ".js") || ends_with(t, len, ".ps1"))
					add_command_ref(ctx, &tok, 0, len, block, command);
			}
		} else {
			pre = is_dot_path(t, len) ? 0 : assignment_prefix(t, len);
			if (is_dot_path(t + pre, len - pre))
				add_command_ref(ctx, &tok, pre, len - pre, block, command);
		}
		if (sep_after) {
			cmd_pos = true;
			interp_arg = false;
		}
	}
	or_buf_dispose(&tok.text);
	free(tok.origin);
}

/* Column (1-based) where code line `t` (a suffix of source line `line`) starts. */
static int code_line_column(const parse_ctx *ctx, int line, const char *t, size_t tlen)
{
	size_t slen;
	const char *s = or_document_line(ctx->doc, line, &slen);

	if (s && tlen <= slen && memcmp(s + slen - tlen, t, tlen) == 0)
		return (int)(slen - tlen) + 1;
	return 1;
}

static void scan_code_commands(parse_ctx *ctx, const or_code_block *cb, int block)
{
	enum shell_kind kind = shell_kind_of(cb->info);
	const char *lit = cb->literal;
	bool has_prompt = false, continuing = false;
	int line = cb->first_line;
	const char *p;

	if (kind == SHELL_NONE)
		return;
	if (kind == SHELL_CONSOLE) {
		for (p = lit; *p; ) {
			const char *e = strchr(p, '\n');
			while (*p == ' ' || *p == '\t')
				p++;
			if ((p[0] == '$' || p[0] == '#') && (p[1] == ' ' || p[1] == '\t'))
				has_prompt = true;
			if (!e)
				break;
			p = e + 1;
		}
	}
	or_buf_clear(&ctx->cmd);
	for (p = lit; *p; line++) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		size_t i = 0, end;
		int col0;

		if (len && p[len - 1] == '\r')
			len--;
		col0 = code_line_column(ctx, line, p, len);
		while (i < len && (p[i] == ' ' || p[i] == '\t'))
			i++;
		if (!continuing) {
			if (kind == SHELL_CONSOLE && has_prompt) {
				if (i + 1 < len && (p[i] == '$' || p[i] == '#') &&
				    (p[i + 1] == ' ' || p[i + 1] == '\t'))
					i += 2;
				else
					goto next; /* output */
			} else if (kind == SHELL_SCRIPT && i < len && p[i] == '#') {
				goto next;
			}
		} else if (kind == SHELL_CONSOLE && i + 1 < len && p[i] == '>' && p[i + 1] == ' ') {
			i += 2;
		}
		end = len;
		while (end > i && (p[end - 1] == ' ' || p[end - 1] == '\t'))
			end--;
		continuing = end > i && p[end - 1] == '\\';
		if (continuing) {
			end--;
			while (end > i && (p[end - 1] == ' ' || p[end - 1] == '\t'))
				end--;
		}
		if (ctx->cmd.size)
			cmd_append(ctx, " ", 1, line, col0 + (int)i);
		cmd_append(ctx, p + i, end - i, line, col0 + (int)i);
		if (!continuing) {
			scan_command(ctx, block);
			or_buf_clear(&ctx->cmd);
		}
next:
		if (!e)
			break;
		p = e + 1;
	}
	if (ctx->cmd.size) {
		scan_command(ctx, block);
		or_buf_clear(&ctx->cmd);
	}
}

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
	scan_code_commands(ctx, cb, block);
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
			continue;
		}
		if (node == root)
			continue;
		if (cmark_node_parent(node) == root && type != CMARK_NODE_HEADING &&
		    type != CMARK_NODE_THEMATIC_BREAK &&
		    !(type == CMARK_NODE_HTML_BLOCK && html_is_comment_only(node)))
			mark_open_content(ctx);
		switch (type) {
		case CMARK_NODE_HEADING:
			add_heading(ctx, node);
			break;
		case CMARK_NODE_PARAGRAPH:
			scan_labels(ctx, node);
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
			if (strcmp(cmark_node_get_type_string(node), "table") == 0)
				add_table(ctx, node);
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

	front_matter(&ctx, &cm, &cm_len);
	if (cm)
		cmark_parser_feed(parser, cm, cm_len);
	else
		cmark_parser_feed(parser, doc->source, doc->source_len);
	root = cmark_parser_finish(parser);
	if (!root)
		goto cleanup;
	walk(&ctx, root);
	finish_sections(&ctx);

	doc->sections = arena_copy(arena, &ctx.sections, sizeof(or_section), &doc->nsections);
	doc->kvs = arena_copy(arena, &ctx.kvs, sizeof(or_kv), &doc->nkvs);
	doc->tasks = arena_copy(arena, &ctx.tasks, sizeof(or_task), &doc->ntasks);
	doc->code_blocks = arena_copy(arena, &ctx.blocks, sizeof(or_code_block), &doc->ncode_blocks);
	doc->commands = arena_copy(arena, &ctx.commands, sizeof(or_command_ref), &doc->ncommands);
	doc->links = arena_copy(arena, &ctx.links, sizeof(or_link), &doc->nlinks);
	doc->tables = arena_copy(arena, &ctx.tables, sizeof(or_table), &doc->ntables);
	build_anchor_index(doc);
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
	or_buf_dispose(&ctx.scratch);
	or_buf_dispose(&ctx.scratch2);
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
