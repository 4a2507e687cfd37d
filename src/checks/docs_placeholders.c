/*
 * The docs-placeholders family: placeholder text (TODO, TBD, "lorem
 * ipsum") left in a document, and commands that use a reserved example
 * domain. One placeholder repeated in a file is one finding, at its first
 * line, that says how many times and where.
 */
#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "checks/docs_common.h"
#include "input/contact.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/text.h"

/* ---- docs.placeholder ------------------------------------------------- */

static bool all_upper(const char *s)
{
	bool letter = false;

	for (; *s; s++) {
		if (*s >= 'a' && *s <= 'z')
			return false;
		if (*s >= 'A' && *s <= 'Z')
			letter = true;
	}
	return letter;
}

/* The placeholder words of the rule: all-capital words (TODO, TBD) match
 * in capitals only, phrases in any case. */
static or_text_word *placeholder_words(const json_t *words, size_t *count)
{
	or_text_word *out = or_xcalloc(json_array_size(words) + 1, sizeof(*out));
	size_t w;

	for (w = 0; w < json_array_size(words); w++) {
		const char *word = json_string_value(json_array_get(words, w));

		out[w].word = word ? word : "";
		out[w].len = strlen(out[w].word);
		out[w].exact = all_upper(out[w].word);
	}
	*count = w;
	return out;
}

/* The rule's reserved domains as the strings or_domain_reserved takes
 * (borrowed from the rule); the caller frees the array. */
static const char **reserved_domains(const json_t *domains, size_t *count)
{
	const char **out = or_xcalloc(json_array_size(domains) + 1, sizeof(*out));
	size_t i;

	*count = 0;
	for (i = 0; i < json_array_size(domains); i++)
		if (json_is_string(json_array_get(domains, i)))
			out[(*count)++] = json_string_value(json_array_get(domains, i));
	return out;
}

/* Tasks are in line order and lines are read in order: *cursor is the first
 * task not before the lines already read. */
static bool line_is_status_marker_of(const or_document *doc, size_t *cursor, int line,
				     const char *word)
{
	size_t t;

	while (*cursor < doc->ntasks && doc->tasks[*cursor].line < line)
		(*cursor)++;
	for (t = *cursor; t < doc->ntasks && doc->tasks[t].line == line; t++) {
		const or_task *task = &doc->tasks[t];
		if (task->marker && or_text_find_word(task->marker, strlen(task->marker), word))
			return true;
	}
	return false;
}

/*
 * Every hit of a placeholder on a line, gathered per document so that one
 * placeholder (a word, or a reserved host) is one finding however often it
 * stands in the file.
 */
typedef struct placeholder_hit {
	bool alone;       /* on a line an inline suppression of the rule covers */
	size_t word;      /* index of the word; nwords for a reserved host */
	const char *host; /* the host as written (in the document's source) */
	size_t hlen;
	int line, column;
} placeholder_hit;

static int compare_ci(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i;

	for (i = 0; i < alen && i < blen; i++) {
		int x = (unsigned char)a[i], y = (unsigned char)b[i];

		x = x >= 'A' && x <= 'Z' ? x - 'A' + 'a' : x;
		y = y >= 'A' && y <= 'Z' ? y - 'A' + 'a' : y;
		if (x != y)
			return x - y;
	}
	return alen < blen ? -1 : alen > blen;
}

/* By placeholder (word, then host case-insensitively), then by line. */
static int compare_hits(const void *pa, const void *pb)
{
	const placeholder_hit *a = pa, *b = pb;
	int c;

	if (a->alone != b->alone)
		return a->alone ? -1 : 1;
	if (a->word != b->word)
		return a->word < b->word ? -1 : 1;
	if (a->host && (c = compare_ci(a->host, a->hlen, b->host, b->hlen)) != 0)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return a->column - b->column;
}

static bool same_placeholder(const placeholder_hit *a, const placeholder_hit *b)
{
	return !a->alone && !b->alone && a->word == b->word &&
	       (!a->host || compare_ci(a->host, a->hlen, b->host, b->hlen) == 0);
}

/* How many lines a repeated placeholder's message names. */
#define LINES_LISTED 5

/* One finding for the hits [first, first + n) of one placeholder, at the
 * first; its subject is the one that hit alone would have had. */
static void report_placeholder(or_check_ctx *ctx, const or_document *doc,
			       const or_text_word *words, const placeholder_hit *hits, size_t n,
			       or_buf *subject, or_buf *message)
{
	const placeholder_hit *h = &hits[0];
	size_t len, i, lines = 0;
	const char *text = or_document_line(doc, h->line, &len);
	char *evidence = or_docs_line_evidence(doc, h->line);

	or_buf_clear(subject);
	or_buf_clear(message);
	if (h->host) {
		or_buf_printf(subject, "reserved-domain:%.*s:", (int)h->hlen, h->host);
		or_buf_printf(message,
			      "command uses the reserved example domain '%.*s': it cannot work as written",
			      (int)h->hlen, h->host);
	} else {
		or_buf_printf(subject, "placeholder:%s:", words[h->word].word);
		or_buf_printf(message, "placeholder text '%.*s'", (int)words[h->word].len,
			      text + h->column - 1);
	}
	or_text_key(subject, text, len);
	/* a line counts once, however often the placeholder stands on it */
	for (i = 0; i < n; i++)
		lines += i == 0 || hits[i].line != hits[i - 1].line;
	if (lines > 1) {
		size_t listed = 0;

		or_buf_printf(message, "; %zu times in this file (lines", lines);
		for (i = 0; i < n && listed < LINES_LISTED; i++) {
			if (i > 0 && hits[i].line == hits[i - 1].line)
				continue;
			or_buf_printf(message, "%s %d", listed++ ? "," : "", hits[i].line);
		}
		or_buf_puts(message, lines > LINES_LISTED ? ", \xe2\x80\xa6)" : ")");
	}
	or_eval_fail(ctx, doc->path, h->line, h->column, subject->ptr, evidence, "%s",
		     message->ptr);
	free(evidence);
}

/* Is the byte at `at` inside a code span: after an odd number of
 * backticks on the line? (A span across lines is rare enough to miss.) */
static bool in_code_span(const char *text, size_t at)
{
	size_t i, ticks = 0;

	for (i = 0; i < at; i++)
		if (text[i] == '`')
			ticks++;
	return ticks % 2 == 1;
}

static bool word_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The word at [at, at + wlen) is written about: alone in a code span
 * ("collect the `TODO` items"), or just after an opening quote (", ', “,
 * ‘). A word in a longer span ("`pg_restore -d TODO`") is a command's gap. */
static bool written_about(const char *text, size_t len, size_t at, size_t wlen)
{
	unsigned char before = at ? (unsigned char)text[at - 1] : 0;

	if (before == '`' && at + wlen < len && text[at + wlen] == '`' && in_code_span(text, at))
		return true;
	return before == '"' || before == '\'' ||
	       (at >= 3 && (unsigned char)text[at - 3] == 0xE2 &&
		(unsigned char)text[at - 2] == 0x80 &&
		((unsigned char)text[at - 1] == 0x9C || (unsigned char)text[at - 1] == 0x98));
}

/*
 * Is a comment open before `at` on a line of code? A template's or C's
 * comment opener ("{{", slash-star) always; with `any`, also '#' at a
 * word's start, "//", " --" and "<!--". In a shell block only the first
 * kind is a sample's own: "# TODO: set the bucket" is a gap in the script.
 */
static bool code_comment_before(const char *text, size_t at, bool any)
{
	size_t i;

	for (i = 0; i < at; i++) {
		bool pair = i + 1 < at;

		if (pair && ((text[i] == '{' && text[i + 1] == '{') ||
			     (text[i] == '/' && text[i + 1] == '*')))
			return true;
		if (!any)
			continue;
		if (text[i] == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t'))
			return true;
		if (pair && ((text[i] == '/' && text[i + 1] == '/') ||
			     (text[i] == '-' && text[i + 1] == '-' && (i == 0 || text[i - 1] == ' ')) ||
			     (text[i] == '<' && text[i + 1] == '!')))
			return true;
	}
	return false;
}

/* A block of output ("text", "log", "output"): shown, never run or filled in. */
static bool output_block(const or_code_block *b)
{
	static const char *const outputs[] = { "text", "txt", "plain", "plaintext", "output",
					       "log", NULL };
	size_t i, n = strcspn(b->info, " \t{,");

	for (i = 0; outputs[i]; i++)
		if (strlen(outputs[i]) == n && strncmp(b->info, outputs[i], n) == 0)
			return true;
	return false;
}

/* A line of a block quote: '>' after at most three spaces. */
static bool quote_line(const char *text, size_t len)
{
	size_t i = 0;

	while (i < len && i < 3 && text[i] == ' ')
		i++;
	return i < len && text[i] == '>';
}

/* "XXX", "XXXX": a run of X's is a mask for a value. */
static bool x_mask(const or_text_word *w)
{
	size_t i;

	for (i = 0; i < w->len; i++)
		if (w->word[i] != 'X')
			return false;
	return w->len >= 3;
}

/* Does the line go on, at `end`, with one of `mentions` ("items" after
 * "TODO"), as a whole word in any case? */
static bool mentions_follow(const char *text, size_t len, size_t end, const json_t *mentions)
{
	size_t i, n;

	if (end >= len || text[end] != ' ')
		return false;
	end++;
	for (i = 0; i < json_array_size(mentions); i++) {
		const char *m = json_string_value(json_array_get(mentions, i));

		n = m ? strlen(m) : 0;
		if (n && len - end >= n && or_text_find_ci(text + end, n, m) == text + end &&
		    (end + n == len || !word_char((unsigned char)text[end + n])))
			return true;
	}
	return false;
}

/*
 * A placeholder word that is written about rather than left in place:
 *   - in a code span: "collect the `TODO` items", "`principal=XXX` gives
 *     the user" (the word itself, or the value a reader reads off);
 *   - just after an opening quote: "a note such as \"TODO: ...\"";
 *   - a mask in a code block ("ssh XXX@bastion", "order number XXX"):
 *     the value the reader fills in when running it; and any word in a
 *     sample file or program ("yaml", "hcl": OR_CODE_DATA, OR_CODE_OTHER)
 *     or in a template's comment (after "{{" or a slash-star), which are
 *     the sample's own;
 *   - a word the rule's `mentions` say is a noun there ("TODO items");
 *   - a phrase the sentence goes on from ("RBAC to be assigned to groups"):
 *     a phrase stands in for a value only where the value would end.
 */
static bool word_is_mentioned(const or_code_block *block, int line, const char *text, size_t len,
			      const char *hit, const or_text_word *w, const json_t *mentions)
{
	size_t at = (size_t)(hit - text), end = at + w->len;

	if (written_about(text, len, at, w->len) || (x_mask(w) && in_code_span(text, at)))
		return true;
	if (block && line >= block->first_line && line <= block->last_line) {
		bool shell = block->kind == OR_CODE_SCRIPT || block->kind == OR_CODE_CONSOLE;

		if (x_mask(w) || output_block(block) ||
		    code_comment_before(text, at, !shell))
			return true;
	}
	if (mentions_follow(text, len, end, mentions))
		return true;
	if (memchr(w->word, ' ', w->len)) {
		while (end < len && text[end] == ' ')
			end++;
		if (end > at + w->len && end < len && word_char((unsigned char)text[end]))
			return true;
	}
	return false;
}

/*
 * The lines of a code block that are commands: none in a block of data
 * (OR_CODE_DATA) or of another language's program ("hcl", "python": its
 * sample values are the reader's to fill in, not a command run as
 * written). In a block where some line starts with a prompt ("$ gpg
 * --list-keys"), the lines without one are the output pasted after it (and
 * a command's continuation after a trailing '\'), which is quoted, not run;
 * a "console" block without any prompt is all output.
 */
typedef struct code_cursor {
	size_t block;     /* the block at or after the line */
	int prompts_for;  /* index + 1 of the block `prompts` is about, 0 if none */
	bool prompts;
	bool continued;   /* the previous command line ended with '\' */
	char quote;       /* the quote left open by the line before, or 0 */
	bool was_command; /* the line before was (part of) a command */
} code_cursor;

/* The quote open after `text`, given the one open before it: a string
 * that goes on to the next line ('"' or '\''), or 0. */
static char quote_after(const char *text, size_t len, char quote)
{
	size_t i;

	for (i = 0; i < len; i++) {
		char ch = text[i];

		if (quote == '\'') {
			if (ch == '\'')
				quote = 0;
		} else if (ch == '\\') {
			i++;
		} else if (quote == '"') {
			if (ch == '"')
				quote = 0;
		} else if (ch == '"' || ch == '\'') {
			quote = ch;
		} else if (ch == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t')) {
			break; /* a comment */
		}
	}
	return quote;
}

static bool blank(const char *text, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r')
			return false;
	return true;
}

/* "level=info msg=\"Desired change ...\"": a line of NAME=value words and
 * nothing else sets variables and runs nothing (pasted log output looks so). */
static bool assignments_only(const char *text, size_t len)
{
	size_t i = 0, words = 0;

	for (;;) {
		size_t start;
		char quote = 0;

		while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r'))
			i++;
		if (i == len)
			return words > 0;
		start = i;
		if (!((text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= 'a' && text[i] <= 'z') ||
		      text[i] == '_'))
			return false;
		while (i < len && ((text[i] >= 'A' && text[i] <= 'Z') ||
				   (text[i] >= 'a' && text[i] <= 'z') ||
				   (text[i] >= '0' && text[i] <= '9') || text[i] == '_'))
			i++;
		if (i == len || text[i] != '=' || i == start)
			return false;
		for (i++; i < len && (quote || (text[i] != ' ' && text[i] != '\t')); i++) {
			if (quote && text[i] == quote)
				quote = 0;
			else if (!quote && (text[i] == '"' || text[i] == '\''))
				quote = text[i];
		}
		words++;
	}
}

static bool block_has_prompt(const or_document *doc, const or_code_block *b)
{
	int line;
	size_t len;

	for (line = b->first_line; line <= b->last_line; line++) {
		const char *text = or_document_line(doc, line, &len);

		if (text && or_docs_line_is_prompt(text, len))
			return true;
	}
	return false;
}

static bool line_is_command(const or_document *doc, code_cursor *c, int line, const char *text,
			    size_t len)
{
	const or_code_block *b;
	bool command;

	while (c->block < doc->ncode_blocks && doc->code_blocks[c->block].end_line < line)
		c->block++;
	if (c->block == doc->ncode_blocks || doc->code_blocks[c->block].line > line)
		return true; /* not in a block we know of: as before, a command */
	b = &doc->code_blocks[c->block];
	if (line >= b->first_line && line <= b->last_line &&
	    (b->kind == OR_CODE_DATA || b->kind == OR_CODE_OTHER))
		return false;
	if (c->prompts_for != (int)c->block + 1) {
		c->prompts_for = (int)c->block + 1;
		c->prompts = block_has_prompt(doc, b);
		c->continued = false;
		c->quote = 0;
		c->was_command = false;
	}
	if (line < b->first_line || line > b->last_line)
		return true;
	if (!c->prompts) {
		if (b->kind == OR_CODE_CONSOLE)
			return false; /* a console block without a prompt is output only */
		/* a line inside a string the line before opened belongs to that
		 * line's command (or to its log line) */
		if (blank(text, len))
			c->quote = 0; /* a blank line ends a pasted record */
		command = c->quote ? c->was_command : !assignments_only(text, len);
		c->quote = quote_after(text, len, c->quote);
		c->was_command = command;
		return command;
	}
	command = c->continued || or_docs_line_is_prompt(text, len);
	while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t' || text[len - 1] == '\r'))
		len--;
	c->continued = command && len > 0 && text[len - 1] == '\\';
	return command;
}

/*
 * The lines (1-based) an inline suppression of the rule covers: covered[line]
 * > 0; NULL when the document has none. A hit on such a line stays a finding
 * of its own, so that each suppression still covers exactly what it names
 * and a repeat of the placeholder outside it is not hidden with it.
 */
static int *suppressed_lines(const or_document *doc, const char *rule_id)
{
	int *covered;
	size_t i;
	int line, n = (int)doc->nlines;

	if (!doc->nsuppressions || n <= 0)
		return NULL;
	covered = or_xcalloc((size_t)n + 2, sizeof(*covered));
	for (i = 0; i < doc->nsuppressions; i++) {
		const or_suppression *s = &doc->suppressions[i];
		int first = s->first_line < 1 ? 1 : s->first_line;
		int last = s->last_line > n ? n : s->last_line;

		if (first > last || !or_suppression_covers(s, rule_id, first))
			continue;
		covered[first]++;
		covered[last + 1]--;
	}
	for (line = 1; line <= n; line++)
		covered[line] += covered[line - 1];
	return covered;
}

static void check_placeholders(or_check_ctx *ctx)
{
	const json_t *words = or_rule_param_array(ctx->rule, "words");
	const json_t *mentions = or_rule_param_array(ctx->rule, "mentions");
	or_buf subject = OR_BUF_INIT, message = OR_BUF_INIT;
	size_t nwords, ndomains, d, w, i, n;
	const char **domains =
		reserved_domains(or_rule_param_array(ctx->rule, "reserved_domains"), &ndomains);
	or_text_word *placeholders = placeholder_words(words, &nwords);
	const char **hits = or_xcalloc(nwords + 1, sizeof(*hits));
	bool *mentioned = or_xcalloc(nwords + 1, sizeof(*mentioned));
	placeholder_hit *found = NULL;
	size_t cap = 0;
	int line;

	for (d = 0; d < ctx->model->ndocs; d++) {
		const or_model_doc *md = &ctx->model->docs[d];
		const or_document *doc = md->doc;
		code_cursor cursor = { 0, 0, false, false, 0, false };
		size_t nfound = 0, task = 0, bcur = 0, scur = 0;
		int *covered;

		if (!or_model_rule_applies(md, ctx->rule, false))
			continue;
		covered = suppressed_lines(doc, ctx->rule->id);
		memset(mentioned, 0, (nwords + 1) * sizeof(*mentioned));
		for (line = doc->front_matter_end_line + 1; line <= (int)doc->nlines; line++) {
			size_t len, at, hlen, pos = 0;
			const char *text = or_document_line(doc, line, &len);
			bool alone = covered && covered[line] > 0;
			const or_code_block *block;

			while (bcur < doc->ncode_blocks && doc->code_blocks[bcur].end_line < line)
				bcur++;
			block = bcur < doc->ncode_blocks ? &doc->code_blocks[bcur] : NULL;
			/* a mention holds in its own section only */
			while (scur < doc->nsections && doc->sections[scur].line <= line) {
				scur++;
				memset(mentioned, 0, (nwords + 1) * sizeof(*mentioned));
			}

			or_text_find_words(text, len, placeholders, nwords, hits);
			for (w = 0; w < nwords; w++) {
				const char *hit = hits[w];
				size_t name_end;
				bool named = false;

				/* a capital word inside a name (XXX_API_KEY, X-XXX-Header)
				 * is part of the name: look further along the line */
				while (hit && placeholders[w].exact &&
				       or_docs_word_in_name(text, len, (size_t)(hit - text),
							    placeholders[w].len, &name_end)) {
					const char *next = NULL;

					/* past the whole name: each byte is looked at once */
					or_text_find_words(text + name_end, len - name_end,
							   &placeholders[w], 1, &next);
					hit = next;
					named = true;
				}
				/* "named TEAMS-WEBHOOK-XXX, where XXX is the service": after
				 * a mask in a name, the mask on that line is its variable */
				if (hit && written_about(text, len, (size_t)(hit - text),
							 placeholders[w].len))
					mentioned[w] = true;
				/* after 'prefix notes with "TODO"', a quoted "> TODO: ..." in
				 * the same section is an example of such a note */
				if (hit && mentioned[w] && quote_line(text, len))
					continue;
				if (!hit || (named && x_mask(&placeholders[w])) ||
				    line_is_status_marker_of(doc, &task, line,
								     placeholders[w].word) ||
				    word_is_mentioned(block, line, text, len, hit, &placeholders[w],
						      mentions))
					continue;
				found = or_xgrow(found, &cap, nfound + 1, sizeof(*found));
				found[nfound++] = (placeholder_hit){ alone, w, NULL, 0, line,
								     (int)(hit - text) + 1 };
			}
			if (!or_document_line_in_code(doc, line) ||
			    !line_is_command(doc, &cursor, line, text, len))
				continue;
			while (or_docs_next_host(text, len, &pos, &at, &hlen)) {
				if (!or_domain_reserved(text + at, hlen, domains, ndomains))
					continue;
				found = or_xgrow(found, &cap, nfound + 1, sizeof(*found));
				found[nfound++] = (placeholder_hit){ alone, nwords, text + at, hlen,
								     line, (int)at + 1 };
			}
		}
		if (nfound > 1)
			qsort(found, nfound, sizeof(*found), compare_hits);
		for (i = 0; i < nfound; i += n) {
			for (n = 1; i + n < nfound && same_placeholder(&found[i], &found[i + n]); n++)
				;
			report_placeholder(ctx, doc, placeholders, found + i, n, &subject, &message);
		}
		if (!nfound)
			or_eval_pass(ctx, doc->path, "placeholders");
		free(covered);
	}
	free(found);
	free(placeholders);
	free(hits);
	free(mentioned);
	free(domains);
	or_buf_dispose(&subject);
	or_buf_dispose(&message);
}

static const or_check docs_placeholders_checks[] = {
	{ "placeholders", check_placeholders },
	{ NULL, NULL },
};

const or_check_family or_docs_placeholders_family = {
	"docs-placeholders", docs_placeholders_checks, OR_PHASE_CHECKS
};
