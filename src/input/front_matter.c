/* Front matter: the YAML header of a Markdown file, between "---" lines;
 * its top-level scalars become the document's key/value pairs. */
#include <string.h>

#include <yaml.h>

#include "input/document.h"
#include "input/document_builder.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/date.h"

/* At most this many libyaml events are read from front matter. */
#define FRONT_MATTER_MAX_EVENTS 100000
/* libyaml's scanner is quadratic in the depth of flow collections: refuse
 * deeper nesting before it costs minutes. */
#define FRONT_MATTER_MAX_DEPTH 64

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
void or_doc_front_matter(parse_ctx *ctx, char **cm_out, size_t *cm_len)
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
