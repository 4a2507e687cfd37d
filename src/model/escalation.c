/*
 * The escalation matrix: escalation levels read from a document's
 * "Level N: Name (window)" headings and from its tables with Level and Team
 * columns.
 */
#include "model/escalation.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/buf.h"
#include "util/text.h"

/* "Level 2: Technical Response (15-60 minutes)" -> 2, or 0 when the text
 * does not start with a level. */
static int level_number(const char *text)
{
	or_buf key = OR_BUF_INIT;
	const char *k;
	int n = 0;

	or_text_key(&key, text, strlen(text));
	k = or_buf_cstr(&key);
	if (strncmp(k, "level ", 6) == 0)
		k += 6;
	else if (strncmp(k, "tier ", 5) == 0)
		k += 5;
	else if (k[0] == 'l' && k[1] >= '0' && k[1] <= '9')
		k += 1;
	while (*k >= '0' && *k <= '9' && n < 1000)
		n = n * 10 + (*k++ - '0');
	if (*k && *k != ' ')
		n = 0;
	or_buf_dispose(&key);
	return n;
}

/* The text inside the first parentheses that hold a digit: "0-15 minutes". */
static const char *window_of(or_arena *arena, const char *title)
{
	const char *open = title, *close;

	while ((open = strchr(open, '(')) != NULL) {
		close = strchr(open, ')');
		if (!close)
			return NULL;
		if (strpbrk(open, "0123456789") && strpbrk(open, "0123456789") < close)
			return or_arena_strndup(arena, open + 1, (size_t)(close - open - 1));
		open = close;
	}
	return NULL;
}

/* "Initial Response" from "Level 1: Initial Response (0-15 minutes)". */
static const char *level_name(or_arena *arena, const char *title)
{
	const char *colon = strchr(title, ':'), *end;
	size_t len;

	if (!colon)
		return NULL;
	colon++;
	end = strchr(colon, '(');
	len = end ? (size_t)(end - colon) : strlen(colon);
	colon = or_text_trim(colon, &len);
	return len ? or_arena_strndup(arena, colon, len) : NULL;
}

static int column_of(const or_table *table, const char *const *names)
{
	size_t c, n;

	if (!table->nrows || !table->rows[0].is_header)
		return -1;
	for (c = 0; c < table->rows[0].ncells; c++)
		for (n = 0; names[n]; n++)
			if (or_text_key_equal(table->rows[0].cells[c].text, names[n]))
				return (int)c;
	return -1;
}

size_t or_escalation_extract(or_escalation_level **out, or_arena *arena, const or_document *doc)
{
	static const char *const level_cols[] = { "level", "escalation level", "tier", NULL };
	static const char *const team_cols[] = { "team", "escalate to team", "owner team", NULL };
	static const char *const window_cols[] = { "window", "time", "response time", "timeframe",
						   "time frame", NULL };
	or_escalation_level *levels = NULL;
	size_t n = 0, cap = 0, s, k, t, r;

	for (s = 0; s < doc->nsections; s++) {
		const or_section *sec = &doc->sections[s];
		int number = level_number(sec->name);
		or_escalation_level *l;

		if (!number)
			continue;
		levels = or_xgrow(levels, &cap, n + 1, sizeof(*levels));
		l = &levels[n++];
		memset(l, 0, sizeof(*l));
		l->level = number;
		l->name = level_name(arena, sec->title);
		l->window = window_of(arena, sec->title);
		l->file = doc->path;
		l->line = sec->line;
		for (k = 0; k < doc->nkvs; k++) {
			const or_kv *kv = &doc->kvs[k];
			if (kv->section == (int)s && *kv->value && or_text_key_equal(kv->key, "team")) {
				l->team = kv->value;
				break;
			}
		}
	}
	for (t = 0; t < doc->ntables; t++) {
		const or_table *table = &doc->tables[t];
		int lc = column_of(table, level_cols), tc = column_of(table, team_cols);
		int wc = column_of(table, window_cols);

		if (lc < 0 || tc < 0)
			continue;
		for (r = 1; r < table->nrows; r++) {
			const or_table_row *row = &table->rows[r];
			int number;
			or_escalation_level *l;

			if ((size_t)lc >= row->ncells || (size_t)tc >= row->ncells)
				continue;
			number = level_number(row->cells[lc].text);
			if (!number && row->cells[lc].text[0] >= '0' && row->cells[lc].text[0] <= '9')
				number = atoi(row->cells[lc].text);
			if (number <= 0)
				continue;
			levels = or_xgrow(levels, &cap, n + 1, sizeof(*levels));
			l = &levels[n++];
			memset(l, 0, sizeof(*l));
			l->level = number;
			l->team = *row->cells[tc].text ? row->cells[tc].text : NULL;
			l->window = wc >= 0 && (size_t)wc < row->ncells && *row->cells[wc].text
					    ? row->cells[wc].text
					    : NULL;
			l->file = doc->path;
			l->line = row->line;
		}
	}
	if (n) {
		*out = or_arena_alloc(arena, n * sizeof(**out));
		memcpy(*out, levels, n * sizeof(**out));
	} else {
		*out = NULL;
	}
	free(levels);
	return n;
}
