/*
 * Helpers private to the docs check families (checks/docs_*.c): quoting a
 * document line as the evidence of a finding. Owned by the docs checks.
 */
#ifndef OR_CHECKS_DOCS_COMMON_H
#define OR_CHECKS_DOCS_COMMON_H

#include "input/document.h"

/* Line `line` (1-based) of the document, trimmed and cut to about 200
 * bytes on a character boundary, as evidence; "" when there is no such
 * line. The caller frees it. */
char *or_docs_line_evidence(const or_document *doc, int line);

#endif
