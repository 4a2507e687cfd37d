/*
 * The docs-placeholders family: placeholder text (TODO, TBD, "lorem
 * ipsum") left in a document, and commands that use a reserved example
 * domain.
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

static bool host_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '.';
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

/*
 * The first reserved host name on a line: offset and length. A host is a
 * run of letters, digits, '-' and '.' with a dot between two of its labels:
 * a leading dot ("ls *.test") is a file extension and trailing dots ("run
 * the test.") end a sentence, so neither makes a host of one word. Whether
 * a host is reserved is or_domain_reserved's answer.
 */
static bool find_reserved_host(const char *line, size_t len, const char *const *domains,
			       size_t ndomains, size_t *at, size_t *hlen)
{
	size_t i = 0;

	while (i < len) {
		size_t start, end, last;
		bool dot = false;

		while (i < len && !host_char(line[i]))
			i++;
		start = i;
		while (i < len && host_char(line[i]))
			i++;
		end = i;
		for (last = end; last > start && line[last - 1] == '.'; last--)
			;
		for (i = start + 1; i < last && !dot; i++)
			dot = line[i] == '.';
		i = end;
		/* "user@example.com" splits at '@': the host is what follows. */
		if (dot && or_domain_reserved(line + start, end - start, domains, ndomains)) {
			*at = start;
			*hlen = end - start;
			return true;
		}
	}
	return false;
}

static bool line_is_status_marker_of(const or_document *doc, int line, const char *word)
{
	size_t t;

	/* tasks are in line order; a linear scan is fine for the rare line with a word */
	for (t = 0; t < doc->ntasks; t++) {
		const or_task *task = &doc->tasks[t];
		if (task->line == line && task->marker && or_text_find_word(task->marker,
				strlen(task->marker), word))
			return true;
		if (task->line > line)
			break;
	}
	return false;
}

static void check_placeholders(or_check_ctx *ctx)
{
	const json_t *words = or_rule_param_array(ctx->rule, "words");
	or_buf subject = OR_BUF_INIT, evidence = OR_BUF_INIT;
	size_t nwords, ndomains, d, w;
	const char **domains =
		reserved_domains(or_rule_param_array(ctx->rule, "reserved_domains"), &ndomains);
	or_text_word *placeholders = placeholder_words(words, &nwords);
	const char **hits = or_xcalloc(nwords + 1, sizeof(*hits));
	int line;

	for (d = 0; d < ctx->model->ndocs; d++) {
		const or_model_doc *md = &ctx->model->docs[d];
		const or_document *doc = md->doc;
		size_t found = 0;

		if (!or_model_rule_applies(md, ctx->rule, false))
			continue;
		for (line = doc->front_matter_end_line + 1; line <= (int)doc->nlines; line++) {
			size_t len, at, hlen;
			const char *text = or_document_line(doc, line, &len);
			bool in_code = or_document_line_in_code(doc, line);

			or_text_find_words(text, len, placeholders, nwords, hits);
			for (w = 0; w < nwords; w++) {
				const char *word = placeholders[w].word;
				const char *hit = hits[w];

				if (!hit || line_is_status_marker_of(doc, line, word))
					continue;
				or_buf_clear(&subject);
				or_buf_printf(&subject, "placeholder:%s:", word);
				or_text_key(&subject, text, len);
				or_buf_clear(&evidence);
				{
					char *e = or_docs_line_evidence(doc, line);
					or_buf_puts(&evidence, e);
					free(e);
				}
				or_eval_fail(ctx, doc->path, line, (int)(hit - text) + 1, subject.ptr,
					     evidence.ptr, "placeholder text '%.*s'",
					     (int)strlen(word), hit);
				found++;
				break; /* one finding per line is enough */
			}
			if (in_code && find_reserved_host(text, len, domains, ndomains, &at, &hlen)) {
				or_buf_clear(&subject);
				or_buf_printf(&subject, "reserved-domain:%.*s:", (int)hlen, text + at);
				or_text_key(&subject, text, len);
				{
					char *e = or_docs_line_evidence(doc, line);
					or_buf_clear(&evidence);
					or_buf_puts(&evidence, e);
					free(e);
				}
				or_eval_fail(ctx, doc->path, line, (int)at + 1, subject.ptr,
					     evidence.ptr,
					     "command uses the reserved example domain '%.*s': it cannot work as written",
					     (int)hlen, text + at);
				found++;
			}
		}
		if (!found)
			or_eval_pass(ctx, doc->path, "placeholders");
	}
	free(placeholders);
	free(hits);
	free(domains);
	or_buf_dispose(&subject);
	or_buf_dispose(&evidence);
}

static const or_check docs_placeholders_checks[] = {
	{ "placeholders", check_placeholders },
	{ NULL, NULL },
};

const or_check_family or_docs_placeholders_family = {
	"docs-placeholders", docs_placeholders_checks, OR_PHASE_CHECKS
};
