/*
 * Helpers shared by the docs check families: a document line as evidence.
 */
#include "checks/docs_common.h"

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
