/* Status markers: the emoji, shortcodes and words that mark an item done,
 * in progress or missing (or_status_parse, see input/document.h). */
#include <string.h>

#include "input/document.h"
#include "input/document_builder.h"
#include "util/text.h"
#include "util/utf8.h"

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

typedef struct status_hit {
	or_item_status status;
	size_t offset, len;
} status_hit;

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
