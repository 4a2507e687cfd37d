/* Inline suppressions in Markdown comments (see or_suppression). */
#include <stdlib.h>
#include <string.h>

#include "input/document.h"
#include "util/alloc.h"
#include "util/text.h"

#define DISABLE_NEXT "opsready-disable-next-line"
#define DISABLE "opsready-disable"
#define ENABLE "opsready-enable"

static const char *find(const char *s, size_t len, const char *needle)
{
	size_t n = strlen(needle), i;

	for (i = 0; i + n <= len; i++)
		if (memcmp(s + i, needle, n) == 0)
			return s + i;
	return NULL;
}

bool or_suppression_covers(const or_suppression *s, const char *rule_id, int line)
{
	const char *p = s->rules;
	size_t n = strlen(rule_id);

	if (line < s->first_line || line > s->last_line)
		return false;
	if (!*p)
		return true;
	while (*p) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && memcmp(p, rule_id, n) == 0)
			return true;
		p += len;
		if (*p == ',')
			p++;
	}
	return false;
}

typedef struct directive {
	int kind; /* 0 next line, 1 disable, 2 enable */
	const char *rules;
	const char *reason;
	int column;
} directive;

/* Read "<!-- opsready-... RULES reason -->" on one line. */
static bool parse_directive(or_arena *arena, const char *line, size_t len, directive *out)
{
	const char *open = find(line, len, "<!--"), *p, *end, *close;
	size_t rest, n;

	if (!open)
		return false;
	p = open + 4;
	rest = len - (size_t)(p - line);
	while (rest && (*p == ' ' || *p == '\t')) {
		p++;
		rest--;
	}
	if (rest >= strlen(DISABLE_NEXT) && memcmp(p, DISABLE_NEXT, strlen(DISABLE_NEXT)) == 0) {
		out->kind = 0;
		p += strlen(DISABLE_NEXT);
	} else if (rest >= strlen(DISABLE) && memcmp(p, DISABLE, strlen(DISABLE)) == 0) {
		out->kind = 1;
		p += strlen(DISABLE);
	} else if (rest >= strlen(ENABLE) && memcmp(p, ENABLE, strlen(ENABLE)) == 0) {
		out->kind = 2;
		p += strlen(ENABLE);
	} else {
		return false;
	}
	if (*p && *p != ' ' && *p != '\t' && *p != '-')
		return false; /* "opsready-disabled" is not a directive */
	close = find(p, len - (size_t)(p - line), "-->");
	end = close ? close : line + len;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	/* a rule list has a dot in its first word */
	for (n = 0; p + n < end && p[n] != ' ' && p[n] != '\t'; n++)
		;
	if (n && memchr(p, '.', n)) {
		out->rules = or_arena_strndup(arena, p, n);
		p += n;
	} else {
		out->rules = "";
	}
	n = (size_t)(end - p);
	p = or_text_trim(p, &n);
	out->reason = n ? or_arena_strndup(arena, p, n) : NULL;
	out->column = (int)(open - line) + 1;
	return true;
}

void or_document_find_suppressions(or_document *doc)
{
	or_suppression *items = NULL;
	size_t n = 0, cap = 0, i;
	int line;

	for (line = 1; line <= (int)doc->nlines; line++) {
		size_t len;
		const char *text = or_document_line(doc, line, &len);
		directive d;
		or_suppression *s;

		if (!text || !find(text, len, "opsready-") || or_document_line_in_code(doc, line) ||
		    !parse_directive(doc->arena, text, len, &d))
			continue;
		if (d.kind == 2) {
			/* close the latest open block with the same rules (or any, without) */
			for (i = n; i-- > 0;) {
				if (!items[i].next_line && items[i].last_line == (int)doc->nlines + 1 &&
				    (!*d.rules || strcmp(items[i].rules, d.rules) == 0)) {
					items[i].last_line = line;
					break;
				}
			}
			continue;
		}
		items = or_xgrow(items, &cap, n + 1, sizeof(*items));
		s = &items[n++];
		s->next_line = d.kind == 0;
		s->rules = d.rules;
		s->reason = d.reason;
		s->line = line;
		s->column = d.column;
		s->first_line = d.kind == 0 ? line + 1 : line;
		/* an open block runs to the end; the marker past the end is replaced
		 * when its enable comes */
		s->last_line = d.kind == 0 ? line + 1 : (int)doc->nlines + 1;
	}
	for (i = 0; i < n; i++)
		if (items[i].last_line > (int)doc->nlines)
			items[i].last_line = (int)doc->nlines;
	if (n) {
		doc->suppressions = or_arena_alloc(doc->arena, n * sizeof(*items));
		memcpy(doc->suppressions, items, n * sizeof(*items));
		doc->nsuppressions = n;
	}
	free(items);
}
