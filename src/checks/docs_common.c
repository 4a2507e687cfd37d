/*
 * Helpers shared by the docs check families: a document line as evidence,
 * and the shapes of text that decide a finding (a heading that carries its
 * value, a numbered sub-heading, a placeholder word inside a name, a host
 * name in a command line).
 */
#include "checks/docs_common.h"

#include <string.h>

#include "util/alloc.h"
#include "util/buf.h"
#include "util/text.h"

/* Evidence is quoted, not pasted: long lines are cut. */
#define EVIDENCE_MAX 200

char *or_docs_line_evidence(const or_document *doc, int line)
{
	size_t len;
	const char *text = or_document_line(doc, line, &len);
	or_buf out = OR_BUF_INIT;

	if (!text)
		return or_xstrdup("");
	text = or_text_trim(text, &len);
	if (len > EVIDENCE_MAX) {
		/* cut on a character boundary */
		size_t cut = EVIDENCE_MAX;
		while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80)
			cut--;
		or_buf_put(&out, text, cut);
		or_buf_puts(&out, "…");
	} else {
		or_buf_put(&out, text, len);
	}
	return or_buf_detach(&out);
}

/* ---- shapes of headings (docs.empty-section) ---------------------------- */

static bool ascii_letter(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool ascii_digit(int c)
{
	return c >= '0' && c <= '9';
}

static bool ascii_space(int c)
{
	return c == ' ' || c == '\t';
}

/* A word of capital I, V, X, L, C only: "II", "IV" number a part. */
static bool roman_numeral(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!strchr("IVXLC", s[i]))
			return false;
	return len > 0;
}

/* The label of a "Label: value" heading: one to three words, each of two
 * or more letters ('-' and '\'' inside a word allowed), none a numeral. */
static bool heading_label(const char *s, size_t len)
{
	size_t i = 0, words = 0;

	while (i < len) {
		size_t start, letters = 0;

		while (i < len && ascii_space((unsigned char)s[i]))
			i++;
		if (i == len)
			break;
		start = i;
		while (i < len && !ascii_space((unsigned char)s[i])) {
			int c = (unsigned char)s[i];

			if (ascii_letter(c))
				letters++;
			else if (c != '-' && c != '\'')
				return false;
			i++;
		}
		if (letters < 2 || roman_numeral(s + start, i - start) || ++words > 3)
			return false;
	}
	return words > 0;
}

bool or_docs_heading_carries_value(const char *title)
{
	const char *colon = title ? strchr(title, ':') : NULL;
	const char *value;

	if (!colon || !heading_label(title, (size_t)(colon - title)))
		return false;
	for (value = colon + 1; *value && ascii_space((unsigned char)*value); value++)
		;
	return *value != '\0';
}

/* The section number a heading starts with ("4", "4.", "4.1", "4.1.2."):
 * its length without a trailing dot, 0 when there is none. The number must
 * be followed by white space or the end. */
static size_t heading_number(const char *s)
{
	size_t i = 0, end = 0;

	while (ascii_digit((unsigned char)s[i])) {
		while (ascii_digit((unsigned char)s[i]))
			i++;
		end = i;
		if (s[i] != '.')
			break;
		i++;
	}
	if (!end || (s[i] && !ascii_space((unsigned char)s[i])))
		return 0;
	return end;
}

bool or_docs_heading_numbered_under(const char *parent, const char *child)
{
	size_t p, c;

	if (!parent || !child)
		return false;
	p = heading_number(parent);
	c = heading_number(child);
	return p > 0 && c > p + 1 && memcmp(parent, child, p) == 0 && child[p] == '.';
}

/* The step number a heading opens with ("6. Push the branch", "Step 6:"),
 * or -1. */
static long step_number(const char *s)
{
	long n = 0;
	size_t i = 0;

	if (strncmp(s, "Step ", 5) == 0 || strncmp(s, "step ", 5) == 0)
		i = 5;
	if (!ascii_digit((unsigned char)s[i]))
		return -1;
	while (ascii_digit((unsigned char)s[i]) && n < 100000)
		n = n * 10 + (s[i++] - '0');
	if (s[i] != '.' && s[i] != ')' && s[i] != ':')
		return -1;
	return ascii_space((unsigned char)s[i + 1]) ? n : -1;
}

/* Words in `s` after its first one (the step number). */
static size_t words_after_first(const char *s)
{
	size_t words = 0;
	bool in_word = false;

	for (; *s; s++) {
		if (ascii_space((unsigned char)*s)) {
			in_word = false;
		} else if (!in_word) {
			in_word = true;
			words++;
		}
	}
	return words ? words - 1 : 0;
}

/* Words a step heading needs to be an instruction ("Push your feature
 * branch"), not a label of a step still to write ("Assess impact"). */
#define STEP_INSTRUCTION_WORDS 4

bool or_docs_heading_next_step(const char *step, const char *next)
{
	long a, b;

	if (!step || !next || words_after_first(step) < STEP_INSTRUCTION_WORDS)
		return false;
	a = step_number(step);
	b = step_number(next);
	return a >= 0 && b == a + 1;
}

/* ---- shapes of placeholders (docs.placeholder) -------------------------- */

/* A character of a name; '*' too, so that emphasis inside a name
 * ("credential-**XXX**-queue") does not cut it in two. */
static bool name_char(int c)
{
	return ascii_letter(c) || ascii_digit(c) || c == '_' || c == '-' || c == '*';
}

bool or_docs_word_in_name(const char *line, size_t len, size_t at, size_t wlen,
			  size_t *name_end)
{
	size_t start = at, end = at + wlen, i;

	if (end > len)
		return false;
	while (start > 0 && name_char((unsigned char)line[start - 1]))
		start--;
	while (end < len && name_char((unsigned char)line[end]))
		end++;
	if (name_end)
		*name_end = end;
	/* "XXX-XXX-XXXX" is a mask: beside the word only X, digits and '-' */
	for (i = start; i < end; i++) {
		int c = (unsigned char)line[i];

		if (i >= at && i < at + wlen)
			continue;
		if (c == '_' || (ascii_letter(c) && c != 'X' && c != 'x'))
			return true;
	}
	return false;
}

static bool host_run_char(int c)
{
	return ascii_letter(c) || ascii_digit(c) || c == '-' || c == '.' || c == '_';
}

/* How far back an e-mail's local part is looked at for its '<'. */
#define LOCAL_PART_MAX 64

/* "Name <user@host>": the address of an identity (a gpg uid, a commit's
 * author, a mail header), which is quoted, not run. */
static bool name_addr(const char *line, size_t len, size_t at, size_t end)
{
	size_t i, stop = at > LOCAL_PART_MAX + 1 ? at - LOCAL_PART_MAX - 1 : 0;

	if (at == 0 || line[at - 1] != '@' || end >= len || line[end] != '>')
		return false;
	for (i = at - 1; i > stop; i--) {
		char c = line[i - 1];

		if (c == '<')
			return true;
		if (c == ' ' || c == '\t' || c == '>' || c == '"')
			return false;
	}
	return false;
}

bool or_docs_next_host(const char *line, size_t len, size_t *pos, size_t *at, size_t *hlen)
{
	size_t i = *pos;

	while (i < len) {
		size_t start, end, last, k;
		bool dot = false, underscore = false;

		while (i < len && !host_run_char((unsigned char)line[i]))
			i++;
		start = i;
		while (i < len && host_run_char((unsigned char)line[i]))
			i++;
		end = i;
		for (last = end; last > start && line[last - 1] == '.'; last--)
			;
		for (k = start; k < end; k++) {
			if (line[k] == '_')
				underscore = true;
			else if (line[k] == '.' && k > start && k < last)
				dot = true;
		}
		/* "user@example.com" splits at '@': the host is what follows. An
		 * underscore makes the run a code identifier
		 * (data.aws_route53_zone.example_zone), never a host. */
		if (!dot || underscore || name_addr(line, len, start, end))
			continue;
		*pos = end;
		*at = start;
		*hlen = end - start;
		return true;
	}
	*pos = len;
	return false;
}

bool or_docs_line_is_prompt(const char *line, size_t len)
{
	size_t i = 0;

	while (i < len && ascii_space((unsigned char)line[i]))
		i++;
	if (i < len && line[i] == '$')
		return i + 1 == len || ascii_space((unsigned char)line[i + 1]);
	return false;
}
