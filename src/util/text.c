#include "util/text.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/utf8.h"

static bool is_ascii_alpha(int ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static bool is_ascii_digit(int ch)
{
	return ch >= '0' && ch <= '9';
}

static bool is_ascii_alnum(int ch)
{
	return is_ascii_alpha(ch) || is_ascii_digit(ch);
}

static bool is_ascii_space(int ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' ||
	       ch == '\v';
}

static int ascii_lower(int ch)
{
	return (ch >= 'A' && ch <= 'Z') ? ch - 'A' + 'a' : ch;
}

/* White space beyond ASCII: NBSP, the U+2000 spaces, ideographic space. */
static bool is_unicode_space(unsigned int cp)
{
	return (cp < 0x80 && is_ascii_space((int)cp)) || cp == 0x00A0 ||
	       cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
	       cp == 0x205F || cp == 0x3000;
}

/*
 * Code points that are decoration, not words: ASCII punctuation, Latin-1
 * symbols, general punctuation, arrows, technical and dingbat symbols,
 * emoji, variation selectors, joiners, keycaps and tag characters.
 * Letters of every script (and digits) are not symbols.
 */
static bool is_symbol(unsigned int cp)
{
	if (cp < 0x80)
		return !is_ascii_alnum((int)cp) && !is_ascii_space((int)cp) && cp >= 0x21;
	if (cp >= 0x80 && cp <= 0xBF)
		return cp != 0xAA && cp != 0xB5 && cp != 0xBA; /* ª µ º are letters */
	if (cp == 0xD7 || cp == 0xF7)
		return true;
	return (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
	       (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF ||
	       (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0xE0000 && cp <= 0xE007F) ||
	       cp == 0xF8FF || cp == 0xFFFD;
}

/* A word character beyond ASCII: anything that is neither symbol nor space. */
static bool is_word_cp(unsigned int cp)
{
	if (cp < 0x80)
		return is_ascii_alnum((int)cp);
	return !is_symbol(cp) && !is_unicode_space(cp);
}

/* Decode at s[i]; invalid bytes count as one-byte word characters. */
static size_t decode_at(const char *s, size_t len, size_t i, unsigned int *cp)
{
	int n = or_utf8_decode(s + i, len - i, cp);

	if (n < 0) {
		*cp = 0x110000u + (unsigned char)s[i];
		return 1;
	}
	return (size_t)n;
}

/*
 * A leading section number: "1.", "2.3", "10)", "4.1.2." or a single capital
 * letter with a dot ("A."), followed by white space. Returns its length
 * without the space, or 0.
 */
static size_t section_number_len(const char *s, size_t len)
{
	size_t i = 0;
	bool dotted = false;

	if (len >= 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] == '.' &&
	    is_ascii_space((unsigned char)s[2]))
		return 2;
	while (i < len && is_ascii_digit((unsigned char)s[i])) {
		while (i < len && is_ascii_digit((unsigned char)s[i]))
			i++;
		if (i < len && s[i] == '.') {
			dotted = true;
			i++;
		} else {
			break;
		}
	}
	if (i > 0 && !dotted && i < len && s[i] == ')') {
		dotted = true;
		i++;
	}
	if (!dotted || i >= len || !is_ascii_space((unsigned char)s[i]))
		return 0;
	return i;
}

/* A keycap emoji ("1️⃣", "#⃣"): a digit, '#' or '*', an optional U+FE0F and
 * U+20E3. Returns its length in bytes, or 0. */
static size_t keycap_len(const char *s, size_t len)
{
	size_t i = 1;

	if (len < 4 || !(is_ascii_digit((unsigned char)s[0]) || s[0] == '#' || s[0] == '*'))
		return 0;
	if (len >= 7 && memcmp(s + 1, "\xef\xb8\x8f", 3) == 0)
		i += 3;
	if (i + 3 <= len && memcmp(s + i, "\xe2\x83\xa3", 3) == 0)
		return i + 3;
	return 0;
}

/* Skip leading symbols, spaces and section numbers; returns the new start. */
static size_t skip_decoration(const char *s, size_t len)
{
	size_t i = 0;

	for (;;) {
		size_t before = i, num;

		while (i < len) {
			unsigned int cp;
			size_t n = decode_at(s, len, i, &cp);

			if (cp == 0x200D || cp == 0x20E3 || is_symbol(cp) ||
			    is_unicode_space(cp))
				i += n;
			else if (keycap_len(s + i, len - i))
				i += keycap_len(s + i, len - i);
			else
				break;
		}
		num = section_number_len(s + i, len - i);
		i += num;
		if (i == before)
			return i;
	}
}

void or_text_heading_name(or_buf *out, const char *s, size_t len)
{
	or_buf fixed = OR_BUF_INIT;
	const char *t;
	size_t i, n, start_size = out->size;
	bool pending_space = false;

	or_mojibake_repair(&fixed, s, len);
	t = or_buf_cstr(&fixed);
	n = fixed.size;
	i = skip_decoration(t, n);
	while (i < n) {
		unsigned int cp;
		size_t clen = decode_at(t, n, i, &cp);

		if (is_unicode_space(cp)) {
			pending_space = true;
		} else {
			if (pending_space && out->size > start_size)
				or_buf_putc(out, ' ');
			pending_space = false;
			or_buf_put(out, t + i, clen);
		}
		i += clen;
	}
	/* trailing colons (and the spaces before them) */
	while (out->size > start_size &&
	       (out->ptr[out->size - 1] == ':' || out->ptr[out->size - 1] == ' '))
		or_buf_truncate(out, out->size - 1);
	if (out->size == start_size)
		or_buf_put(out, "", 0);
	or_buf_dispose(&fixed);
}

void or_text_key(or_buf *out, const char *s, size_t len)
{
	size_t i = 0, start_size = out->size;
	bool pending_space = false;
	unsigned int prev = 0;

	while (i < len) {
		unsigned int cp;
		size_t clen = decode_at(s, len, i, &cp);

		if (is_word_cp(cp)) {
			/* camelCase keys: "majorRevisions" is "major revisions" */
			if (cp >= 'A' && cp <= 'Z' && prev >= 'a' && prev <= 'z')
				pending_space = true;
			if (pending_space && out->size > start_size)
				or_buf_putc(out, ' ');
			pending_space = false;
			if (cp < 0x80)
				or_buf_putc(out, ascii_lower((int)cp));
			else
				or_buf_put(out, s + i, clen);
		} else {
			pending_space = true;
		}
		prev = cp;
		i += clen;
	}
	if (out->size == start_size)
		or_buf_put(out, "", 0);
}

bool or_text_key_equal(const char *a, const char *b)
{
	or_buf ka = OR_BUF_INIT, kb = OR_BUF_INIT;
	bool equal;

	if (!a || !b)
		return a == b;
	or_text_key(&ka, a, strlen(a));
	or_text_key(&kb, b, strlen(b));
	equal = strcmp(or_buf_cstr(&ka), or_buf_cstr(&kb)) == 0;
	or_buf_dispose(&ka);
	or_buf_dispose(&kb);
	return equal;
}

/* The lower case of a capital letter of the Latin-1, Latin Extended-A,
 * Greek and Cyrillic blocks (as JavaScript's toLowerCase gives it, which
 * GitHub's anchors use); other code points are returned as they are. */
static unsigned int unicode_lower(unsigned int cp)
{
	if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) ||
	    (cp >= 0x410 && cp <= 0x42F))
		return cp + 0x20;
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 0x50;
	if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x138 && cp != 0x149 &&
	    cp != 0x17F) {
		if (cp == 0x178)
			return 0xFF;
		/* pairs start even, except in U+0139..U+0148 and U+0179..U+017E */
		if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
			return (cp & 1) ? cp + 1 : cp;
		return (cp & 1) ? cp : cp + 1;
	}
	if (cp == 0x386)
		return 0x3AC;
	if (cp >= 0x388 && cp <= 0x38A)
		return cp + 0x25;
	if (cp == 0x38C)
		return 0x3CC;
	if (cp == 0x38E || cp == 0x38F)
		return cp + 0x3F;
	return cp;
}

/* Marks that GitHub's slugger keeps though opsready reads them as
 * decoration: the variation selectors (U+FE00..U+FE0F, U+E0100..U+E01EF)
 * and the combining keycap U+20E3 (Unicode category M). The emoji before
 * them is a symbol and is dropped. */
static bool is_slug_mark(unsigned int cp)
{
	return (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x20E3 || (cp >= 0xE0100 && cp <= 0xE01EF);
}

void or_text_slug(or_buf *out, const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned int cp;
		size_t clen = decode_at(s, len, i, &cp);

		if (cp == ' ')
			or_buf_putc(out, '-');
		else if (cp == '-' || cp == '_')
			or_buf_putc(out, (int)cp);
		else if (cp < 0x80 && is_ascii_alnum((int)cp))
			or_buf_putc(out, ascii_lower((int)cp));
		else if (cp >= 0x110000u)
			or_buf_put(out, s + i, clen); /* an invalid byte, kept as it is */
		else if (cp >= 0x80 && (is_word_cp(cp) || is_slug_mark(cp)))
			or_utf8_encode(out, unicode_lower(cp));
		i += clen;
	}
	or_buf_put(out, "", 0);
}

/* The ASCII letter a Latin-1 letter decomposes to ("Ü" to 'U', as NFKD
 * then dropping the marks does), or 0 for another code point. */
static int latin1_base(unsigned int cp)
{
	static const char upper[] = "AAAAAA\0CEEEEIIII\0NOOOOO\0\0UUUUY";   /* U+00C0..U+00DD */
	static const char lower[] = "aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0y"; /* U+00E0..U+00FF */

	if (cp >= 0xC0 && cp <= 0xDD)
		return upper[cp - 0xC0];
	if (cp >= 0xE0 && cp <= 0xFF)
		return lower[cp - 0xE0];
	return 0;
}

/* Python-Markdown's toc slugify (MkDocs' default): NFKD, non-ASCII
 * dropped, [^\w\s-] dropped, lower-cased, runs of '-' and space to one '-'. */
static void slug_python_markdown(or_buf *out, const char *s, size_t len)
{
	size_t i = 0, start = out->size;
	bool sep = false, sep_dash = false;

	while (i < len) {
		unsigned int cp;
		size_t clen = decode_at(s, len, i, &cp);
		int ch = cp < 0x80 ? (int)cp : latin1_base(cp);

		i += clen;
		if (ch == '-' || (ch && is_ascii_space(ch))) {
			sep = true;
			sep_dash |= ch == '-';
		} else if (ch && (is_ascii_alnum(ch) || ch == '_')) {
			/* strip(): white space alone at the start is no separator */
			if (sep && (sep_dash || out->size > start))
				or_buf_putc(out, '-');
			sep = sep_dash = false;
			or_buf_putc(out, ascii_lower(ch));
		}
	}
	if (sep_dash)
		or_buf_putc(out, '-');
	or_buf_put(out, "", 0);
}

/* kramdown's auto ids (Jekyll's default converter): leading non-letters
 * dropped, then everything but ASCII letters, digits, ' ' and '-'; each
 * space to '-', lower-cased. */
static void slug_kramdown(or_buf *out, const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && !is_ascii_alpha((unsigned char)s[i]))
		i++;
	for (; i < len; i++) {
		int ch = (unsigned char)s[i];

		if (ch == ' ')
			or_buf_putc(out, '-');
		else if (ch == '-' || is_ascii_alnum(ch))
			or_buf_putc(out, ascii_lower(ch));
	}
	or_buf_put(out, "", 0);
}

/* Redcarpet's header anchors (Middleman, GOV.UK tech-docs) over the
 * heading's HTML-escaped text: a run of stripped characters or non-ASCII
 * bytes is one '-', none at the end; newer versions skip an entity
 * ("&#39;") whole, older ones read it as characters ("-39-"). */
static void slug_redcarpet(or_buf *out, const char *s, size_t len, bool skip_entities)
{
	static const char stripped_chars[] = " -&+$,/:;=?@\"#{}|^~[]`\\*()%.!'";
	or_buf escaped = OR_BUF_INIT;
	const char *a;
	size_t i, n, inserted = 0;
	bool stripped = false;

	for (i = 0; i < len; i++) {
		switch (s[i]) {
		case '&': or_buf_puts(&escaped, "&amp;"); break;
		case '<': or_buf_puts(&escaped, "&lt;"); break;
		case '>': or_buf_puts(&escaped, "&gt;"); break;
		case '"': or_buf_puts(&escaped, "&quot;"); break;
		case '\'': or_buf_puts(&escaped, "&#39;"); break;
		default: or_buf_putc(&escaped, s[i]); break;
		}
	}
	a = or_buf_cstr(&escaped);
	n = escaped.size;
	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)a[i];

		if (skip_entities && ch == '&') {
			while (i < n && a[i] != ';')
				i++;
		} else if (ch >= 0x80 || ch == 0 || strchr(stripped_chars, ch)) {
			if (inserted && !stripped)
				or_buf_putc(out, '-');
			stripped = true;
		} else {
			or_buf_putc(out, ascii_lower(ch));
			stripped = false;
			inserted++;
		}
	}
	if (stripped && inserted)
		or_buf_truncate(out, out->size - 1);
	or_buf_dispose(&escaped);
	or_buf_put(out, "", 0);
}

void or_text_slug_generator(or_buf *out, const char *s, size_t len, or_slug_style style)
{
	switch (style) {
	case OR_SLUG_PYTHON_MARKDOWN:
		slug_python_markdown(out, s, len);
		break;
	case OR_SLUG_KRAMDOWN:
		slug_kramdown(out, s, len);
		break;
	case OR_SLUG_REDCARPET:
		slug_redcarpet(out, s, len, true);
		break;
	case OR_SLUG_REDCARPET_OLD:
		slug_redcarpet(out, s, len, false);
		break;
	default:
		or_text_slug(out, s, len);
		break;
	}
}

const char *or_text_trim(const char *s, size_t *len)
{
	while (*len && is_ascii_space((unsigned char)*s)) {
		s++;
		(*len)--;
	}
	while (*len && is_ascii_space((unsigned char)s[*len - 1]))
		(*len)--;
	return s;
}

static bool is_word_char(int ch)
{
	return is_ascii_alnum(ch) || ch == '_';
}

static bool equal_ci_at(const char *s, const char *needle, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (ascii_lower((unsigned char)s[i]) != ascii_lower((unsigned char)needle[i]))
			return false;
	}
	return true;
}

const char *or_text_find_ci(const char *s, size_t len, const char *needle)
{
	size_t n = strlen(needle), i;

	if (n == 0)
		return s;
	if (n > len)
		return NULL;
	for (i = 0; i + n <= len; i++) {
		if (equal_ci_at(s + i, needle, n))
			return s + i;
	}
	return NULL;
}

const char *or_text_find_word(const char *s, size_t len, const char *word)
{
	size_t n = strlen(word), i;
	int first;

	if (n == 0 || n > len)
		return NULL;
	first = ascii_lower((unsigned char)word[0]);
	for (i = 0; i + n <= len; i++) {
		if (ascii_lower((unsigned char)s[i]) != first) /* the cheap test first */
			continue;
		if (i > 0 && is_word_char((unsigned char)s[i - 1]))
			continue;
		if (i + n < len && is_word_char((unsigned char)s[i + n]))
			continue;
		if (equal_ci_at(s + i, word, n))
			return s + i;
	}
	return NULL;
}

void or_text_find_words(const char *s, size_t len, const or_text_word *words, size_t nwords,
			const char **hits)
{
	size_t i, w, left = 0;

	for (w = 0; w < nwords; w++) {
		hits[w] = NULL;
		left += words[w].len > 0;
	}
	/* a word starts where no word character comes before (or_text_find_word) */
	for (i = 0; i < len && left > 0; i++) {
		int first;

		if (i > 0 && is_word_char((unsigned char)s[i - 1]))
			continue;
		first = ascii_lower((unsigned char)s[i]);
		for (w = 0; w < nwords; w++) {
			const or_text_word *word = &words[w];

			if (hits[w] || word->len == 0 || word->len > len - i ||
			    ascii_lower((unsigned char)word->word[0]) != first)
				continue;
			if (i + word->len < len && is_word_char((unsigned char)s[i + word->len]))
				continue;
			if (word->exact ? memcmp(s + i, word->word, word->len) != 0
					: !equal_ci_at(s + i, word->word, word->len))
				continue;
			hits[w] = s + i;
			left--;
		}
	}
}

size_t or_text_levenshtein(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, result;
	size_t *prev, *cur, *tmp;

	prev = or_xmalloc((lb + 1) * sizeof(size_t));
	cur = or_xmalloc((lb + 1) * sizeof(size_t));
	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		cur[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
			size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
			size_t best = del < ins ? del : ins;

			cur[j] = sub < best ? sub : best;
		}
		tmp = prev;
		prev = cur;
		cur = tmp;
	}
	result = prev[lb];
	free(prev);
	free(cur);
	return result;
}

/* strlen(s), or `cap` when it is longer: a long candidate is not read to its end. */
static size_t length_upto(const char *s, size_t cap)
{
	size_t n = 0;

	while (n < cap && s[n])
		n++;
	return n;
}

size_t or_text_levenshtein_bounded(const char *a, size_t la, const char *b, size_t lb,
				   size_t max, size_t *cells)
{
	size_t diff = la > lb ? la - lb : lb - la, big, *row, i, j, result;

	if (diff > max)
		return max + 1;
	if (max > la + lb)
		max = la + lb; /* no distance is larger: keeps max + 1 from overflowing */
	big = max + 1;
	row = or_xmalloc((lb + 1) * sizeof(size_t));
	for (j = 0; j <= lb; j++)
		row[j] = j <= max ? j : big;
	for (i = 1; i <= la; i++) {
		/* row i holds the distances of a[0..i) to b[0..j) for j in the
		 * band [i - max, i + max]; the cells right of it still hold
		 * `big` from the start, the band only moves right */
		size_t lo = i > max ? i - max : 1, hi = i + max < lb ? i + max : lb;
		size_t diag = row[lo - 1], left, row_min;

		row[lo - 1] = lo == 1 && i <= max ? i : big;
		left = row_min = row[lo - 1];
		for (j = lo; j <= hi; j++) {
			size_t up = row[j], v = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < v)
				v = up + 1;
			if (left + 1 < v)
				v = left + 1;
			if (v > big)
				v = big;
			diag = up;
			row[j] = left = v;
			if (v < row_min)
				row_min = v;
		}
		if (cells)
			*cells += hi - lo + 1;
		if (row_min > max) {
			free(row);
			return big; /* every path already costs more than max */
		}
	}
	result = row[lb] > big ? big : row[lb];
	free(row);
	return result;
}

const char *or_text_did_you_mean_within(const char *word, const char *const *candidates,
					size_t count, size_t *budget)
{
	const char *best = NULL;
	size_t len, limit, bound, i;

	if (!word || !candidates || !budget)
		return NULL;
	len = strlen(word);
	if (len > OR_TEXT_SUGGEST_MAX_LEN)
		return NULL; /* nobody mistypes a word that long */
	limit = len / 3;
	if (limit < 2)
		limit = 2;
	bound = limit;
	for (i = 0; i < count; i++) {
		size_t cells = 1, clen, d;

		if (!candidates[i])
			continue;
		clen = length_upto(candidates[i], len + bound + 1);
		if ((clen > len ? clen - len : len - clen) <= bound) {
			d = or_text_levenshtein_bounded(word, len, candidates[i], clen, bound, &cells);
			if (d <= bound) {
				best = candidates[i];
				if (d == 0)
					break;
				bound = d - 1; /* only a closer one can replace it */
			}
		}
		if (cells > *budget) {
			*budget = 0;
			return NULL; /* out of budget: no hint, the same whatever came first */
		}
		*budget -= cells;
	}
	return best;
}

const char *or_text_did_you_mean(const char *word, const char *const *candidates,
				 size_t count)
{
	size_t budget = OR_TEXT_SUGGEST_BUDGET;

	return or_text_did_you_mean_within(word, candidates, count, &budget);
}

int or_text_hex_value(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

bool or_text_sorted_contains(const char *const *items, size_t n, const char *key)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(items[mid], key);

		if (c == 0)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}
