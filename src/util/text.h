/*
 * Text helpers shared by the inputs and the checks: heading names, lookup
 * keys, GitHub anchors, and "did you mean".
 */
#ifndef OR_UTIL_TEXT_H
#define OR_UTIL_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

/*
 * The name of a heading as people mean it: mojibake repaired, then leading
 * emoji, symbols, punctuation, variation selectors and spaces dropped,
 * inner white space collapsed, trailing spaces and colons dropped. Case is
 * kept. "🚨 Emergency Procedures" and "üö® Emergency Procedures" both give
 * "Emergency Procedures"; "1. Overview" gives "Overview" (leading section
 * numbers such as "1.", "2.3", "A." are dropped too).
 */
void or_text_heading_name(or_buf *out, const char *s, size_t len);

/*
 * A lookup key: ASCII letters lowercased, every run of anything that is not a
 * letter or digit (spaces, '-', '_', '.', ':', '*', emoji) becomes one space,
 * trimmed. "On-Call", "on call" and "ON_CALL:" all give "on call";
 * "Last Updated", "last_updated" and "lastUpdated" give "last updated"
 * (a lowercase letter followed by a capital starts a word). Non-ASCII letters
 * are kept as they are (lowercasing only ASCII).
 */
void or_text_key(or_buf *out, const char *s, size_t len);
/* Compare two strings by their keys. */
bool or_text_key_equal(const char *a, const char *b);

/* GitHub's anchor for a heading: lowercase, drop punctuation except '-' and
 * '_', spaces to '-'; emoji are dropped but the marks after them (U+FE0F,
 * the keycap U+20E3) are kept, as github-slugger keeps every Unicode mark:
 * "## ⚠️ Notes" gives "\xEF\xB8\x8F-notes". (Deduplication with -1, -2 is
 * the caller's.) */
void or_text_slug(or_buf *out, const char *s, size_t len);

/* The anchor rules of the site generators' Markdown converters. */
typedef enum or_slug_style {
	OR_SLUG_GITHUB = 0,      /* or_text_slug (GitHub, Hugo's goldmark, Docusaurus, kramdown GFM) */
	OR_SLUG_PYTHON_MARKDOWN, /* MkDocs: ASCII only ("Überblick" is "uberblick"), runs to one '-' */
	OR_SLUG_KRAMDOWN,        /* Jekyll's kramdown: leading non-letters and non-ASCII dropped */
	OR_SLUG_REDCARPET,       /* Middleman / tech-docs: punctuation runs to one '-', entities skipped */
	OR_SLUG_REDCARPET_OLD    /* older Redcarpet: "director's" is "director-39-s" */
} or_slug_style;

/* The anchor of heading text `s` under `style` (appended to out). */
void or_text_slug_generator(or_buf *out, const char *s, size_t len, or_slug_style style);

/* Trim ASCII white space at both ends: returns the start, *len adjusted. */
const char *or_text_trim(const char *s, size_t *len);

/* Case-insensitive search for a whole word (ASCII word boundaries) in s. */
const char *or_text_find_word(const char *s, size_t len, const char *word);

/* Several words of or_text_find_word at once, in one pass over s. */
typedef struct or_text_word {
	const char *word;
	size_t len;
	bool exact;   /* matches only in its own case */
} or_text_word;

/* hits[w]: where words[w] first stands in s as a whole word, or NULL. */
void or_text_find_words(const char *s, size_t len, const or_text_word *words, size_t nwords,
			const char **hits);

/* Case-insensitive ASCII substring search. */
const char *or_text_find_ci(const char *s, size_t len, const char *needle);

size_t or_text_levenshtein(const char *a, const char *b);
/*
 * The edit distance of a[0..la) and b[0..lb) when it is at most `max`, else
 * max + 1, computing only the band of 2·max + 1 cells around the diagonal
 * and stopping at the first row with no cell within `max`: O(max · la)
 * time, whatever the lengths. *cells (when not NULL) is increased by the
 * cells computed.
 */
size_t or_text_levenshtein_bounded(const char *a, size_t la, const char *b, size_t lb,
				   size_t max, size_t *cells);

/* "Did you mean": a word longer than this gets no suggestion. */
#define OR_TEXT_SUGGEST_MAX_LEN 128
/* The work (candidates looked at plus Levenshtein cells) one
 * or_text_did_you_mean may do. */
#define OR_TEXT_SUGGEST_BUDGET ((size_t)1 << 20)

/*
 * The closest candidate within a small edit distance (a third of the
 * word's length, at least 2), or NULL; the first one of the closest. Each
 * candidate costs one unit of *budget plus the cells of its bounded
 * Levenshtein (candidates whose length is too far off cost no cells, and
 * the bound shrinks to the best distance so far). When *budget runs out,
 * NULL and *budget 0: the caller's later suggestions are skipped too.
 */
const char *or_text_did_you_mean_within(const char *word, const char *const *candidates,
					size_t count, size_t *budget);
/* Whether `key` is one of the `n` strings of `items`, sorted by strcmp. */
bool or_text_sorted_contains(const char *const *items, size_t n, const char *key);

/* The value of a hexadecimal digit (0-9, a-f, A-F), or -1. */
int or_text_hex_value(unsigned char c);

/* or_text_did_you_mean_within with a budget of OR_TEXT_SUGGEST_BUDGET. */
const char *or_text_did_you_mean(const char *word, const char *const *candidates,
				 size_t count);

#endif
