/* Inline suppressions in Markdown comments (see or_suppression). */
#include <stdint.h>
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

/*
 * The open blocks an enable may close, so that each enable finds its block
 * in amortised constant time: a chain of all open blocks (latest first) and,
 * per rule list, a chain of the open blocks with that list, its head found
 * by hashing (open addressing, FNV-1a). A block closed through one chain is
 * skipped, and dropped, when the other reaches it.
 */
typedef struct open_blocks {
	size_t *prev_any, *prev_same; /* per item: the next older open block, or NONE */
	size_t any;                   /* the latest open block, or NONE */
	const char **keys;            /* NULL: an empty slot */
	size_t *heads;                /* per slot: the latest open block with the key */
	size_t count, capacity;       /* capacity: 0 or a power of two */
} open_blocks;

#define NONE ((size_t)-1)

static uint64_t hash_rules(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static size_t *head_of(open_blocks *o, const char *rules, bool add)
{
	size_t i, mask;

	if (add && (o->count + 1) * 2 > o->capacity) {
		size_t cap = o->capacity ? o->capacity * 2 : 16, j;
		const char **keys = or_xcalloc(cap, sizeof(*keys));
		size_t *heads = or_xcalloc(cap, sizeof(*heads));

		for (j = 0; j < o->capacity; j++) {
			if (!o->keys[j])
				continue;
			for (i = hash_rules(o->keys[j]) & (cap - 1); keys[i]; i = (i + 1) & (cap - 1))
				;
			keys[i] = o->keys[j];
			heads[i] = o->heads[j];
		}
		free(o->keys);
		free(o->heads);
		o->keys = keys;
		o->heads = heads;
		o->capacity = cap;
	}
	if (!o->capacity)
		return NULL;
	mask = o->capacity - 1;
	for (i = hash_rules(rules) & mask; o->keys[i]; i = (i + 1) & mask)
		if (strcmp(o->keys[i], rules) == 0)
			return &o->heads[i];
	if (!add)
		return NULL;
	o->keys[i] = rules;
	o->heads[i] = NONE;
	o->count++;
	return &o->heads[i];
}

static bool is_open(const or_suppression *items, size_t i, int end)
{
	return items[i].last_line == end;
}

/* Closes the latest open block with `rules` (any, when empty) at `line`. */
static void close_block(open_blocks *o, or_suppression *items, const char *rules, int line,
			int end)
{
	size_t *head, i;

	if (!*rules) {
		while (o->any != NONE && !is_open(items, o->any, end))
			o->any = o->prev_any[o->any];
		if (o->any == NONE)
			return;
		i = o->any;
		o->any = o->prev_any[i];
		items[i].last_line = line;
		return;
	}
	head = head_of(o, rules, false);
	if (!head)
		return;
	while (*head != NONE && !is_open(items, *head, end))
		*head = o->prev_same[*head];
	if (*head == NONE)
		return;
	i = *head;
	*head = o->prev_same[i];
	items[i].last_line = line;
}

void or_document_find_suppressions(or_document *doc)
{
	or_suppression *items = NULL;
	open_blocks o;
	size_t n = 0, cap = 0, cap_any = 0, cap_same = 0, i;
	int line, end = (int)doc->nlines + 1;

	memset(&o, 0, sizeof(o));
	o.any = NONE;
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
			close_block(&o, items, d.rules, line, end);
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
		s->last_line = d.kind == 0 ? line + 1 : end;
		if (d.kind == 1) {
			size_t *head = head_of(&o, d.rules, true);

			o.prev_any = or_xgrow(o.prev_any, &cap_any, n, sizeof(*o.prev_any));
			o.prev_same = or_xgrow(o.prev_same, &cap_same, n, sizeof(*o.prev_same));
			o.prev_any[n - 1] = o.any;
			o.any = n - 1;
			o.prev_same[n - 1] = *head;
			*head = n - 1;
		}
	}
	for (i = 0; i < n; i++)
		if (items[i].last_line > (int)doc->nlines)
			items[i].last_line = (int)doc->nlines;
	if (n) {
		doc->suppressions = or_arena_alloc(doc->arena, n * sizeof(*items));
		memcpy(doc->suppressions, items, n * sizeof(*items));
		doc->nsuppressions = n;
	}
	free(o.prev_any);
	free(o.prev_same);
	free(o.keys);
	free(o.heads);
	free(items);
}
