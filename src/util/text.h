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
/* The closest candidate within a small edit distance, or NULL. */
const char *or_text_did_you_mean(const char *word, const char *const *candidates,
				 size_t count);

#endif
