/*
 * The docs-encoding family: is every document readable text? Invalid
 * UTF-8, mojibake (UTF-8 decoded as another code page), and binary files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "checks/docs_common.h"
#include "util/alloc.h"
#include "util/utf8.h"

/* The line (1-based) holding byte `offset` of the document. */
static int line_of_offset(const or_document *doc, size_t offset, int *column)
{
	size_t lo = 0, hi = doc->nlines;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc->line_starts[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	if (column)
		*column = (int)(offset - doc->line_starts[lo]) + 1;
	return (int)lo + 1;
}

/* ---- docs.encoding ----------------------------------------------------- */

typedef struct garbled {
	char *text;
	char intended[64];
	const char *codepage;
	size_t count;
	size_t first_offset;
} garbled;

static void check_encoding_doc(or_check_ctx *ctx, const or_document *doc)
{
	garbled *runs = NULL;
	size_t nruns = 0, cap = 0, i, offset = 0;
	size_t bad = or_utf8_invalid_offset(doc->source, doc->source_len);
	or_mojibake m;
	bool clean = true;

	if (bad != (size_t)-1) {
		int column, line = line_of_offset(doc, bad, &column);
		char evidence[64];
		size_t n, count = 0;

		for (n = 0; n < 4 && bad + n < doc->source_len; n++)
			snprintf(evidence + count * 5, sizeof(evidence) - count * 5, "\\x%02X ",
				 (unsigned char)doc->source[bad + n]), count++;
		or_eval_fail(ctx, doc->path, line, column, "invalid-utf8", evidence,
			     "invalid UTF-8 at byte %zu: the file is not UTF-8 (Latin-1 or Windows-1252?)",
			     bad);
		clean = false;
	}
	/* Mojibake only makes sense in text that is otherwise UTF-8. */
	while (bad == (size_t)-1 &&
	       or_mojibake_next(doc->source, doc->source_len, offset, &m)) {
		for (i = 0; i < nruns; i++)
			if (strlen(runs[i].text) == m.length &&
			    memcmp(runs[i].text, doc->source + m.offset, m.length) == 0)
				break;
		if (i == nruns) {
			runs = or_xgrow(runs, &cap, nruns + 1, sizeof(*runs));
			runs[i].text = or_xstrndup(doc->source + m.offset, m.length);
			memcpy(runs[i].intended, m.intended, sizeof(m.intended));
			runs[i].codepage = m.codepage;
			runs[i].count = 0;
			runs[i].first_offset = m.offset;
			nruns++;
		}
		runs[i].count++;
		offset = m.offset + (m.length ? m.length : 1);
	}
	for (i = 0; i < nruns; i++) {
		int column, line = line_of_offset(doc, runs[i].first_offset, &column);
		char subject[128];
		char *evidence = or_docs_line_evidence(doc, line);

		snprintf(subject, sizeof(subject), "mojibake:%s", runs[i].text);
		if (runs[i].count > 1)
			or_eval_fail(ctx, doc->path, line, column, subject, evidence,
				     "mojibake: '%s' should read '%s' (UTF-8 decoded as %s); %zu times in this file",
				     runs[i].text, runs[i].intended, runs[i].codepage, runs[i].count);
		else
			or_eval_fail(ctx, doc->path, line, column, subject, evidence,
				     "mojibake: '%s' should read '%s' (UTF-8 decoded as %s)",
				     runs[i].text, runs[i].intended, runs[i].codepage);
		free(evidence);
		free(runs[i].text);
		clean = false;
	}
	free(runs);
	if (clean)
		or_eval_pass(ctx, doc->path, "encoding");
}

static void check_encoding(or_check_ctx *ctx)
{
	size_t i;

	for (i = 0; i < ctx->model->ndocs; i++)
		if (or_model_rule_applies(&ctx->model->docs[i], ctx->rule, false))
			check_encoding_doc(ctx, ctx->model->docs[i].doc);
	for (i = 0; i < ctx->model->nskipped; i++) {
		const or_skipped_file *s = &ctx->model->skipped[i];
		if (s->kind == OR_SKIP_BINARY)
			or_eval_fail(ctx, s->path, 0, 0, "encoding", NULL, "%s", s->reason);
		else
			or_eval_skip(ctx, s->path, "encoding", s->reason);
	}
}

static const or_check docs_encoding_checks[] = {
	{ "encoding", check_encoding },
	{ NULL, NULL },
};

const or_check_family or_docs_encoding_family = {
	"docs-encoding", docs_encoding_checks, OR_PHASE_CHECKS
};
