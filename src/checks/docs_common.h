/*
 * Helpers private to the docs check families (checks/docs_*.c): quoting a
 * document line as the evidence of a finding, and the shapes of text that
 * decide whether something is a finding at all. Owned by the docs checks.
 */
#ifndef OR_CHECKS_DOCS_COMMON_H
#define OR_CHECKS_DOCS_COMMON_H

#include <stdbool.h>
#include <stddef.h>

#include "input/document.h"

/* Line `line` (1-based) of the document, trimmed and cut to about 200
 * bytes on a character boundary, as evidence; "" when there is no such
 * line. The caller frees it. */
char *or_docs_line_evidence(const or_document *doc, int line);

/* A heading that is a label and its value ("Date: 2021-02-09", "Owner:
 * Team X", "Status: Active"): the label is one to three words of letters,
 * with no numeral ("Step 2: ..." and "Part II: ..." are titles, not labels),
 * and a value follows the colon. Such a heading is its own content. */
bool or_docs_heading_carries_value(const char *title);

/* True when `child` is numbered as a sub-section of `parent`: "4. Recovery"
 * and "4.1 Restore", "2.3" and "2.3.1 ...". */
bool or_docs_heading_numbered_under(const char *parent, const char *child);

/*
 * Whether `next` is the step after `step` ("6. Push the feature branch
 * now", then "7. Merge it"; "Step 2:", then "Step 3:") and `step` reads as
 * a whole instruction, four words or more after its number: a procedure
 * whose steps are headings. "1. Assess impact" is a step still to write.
 */
bool or_docs_heading_next_step(const char *step, const char *next);

/* True when the placeholder word at line[at, at + wlen) is part of a longer
 * name: joined by '_' or '-' to other letters (XXX_API_KEY, X-XXX-Header,
 * with emphasis inside it: credential-**XXX**-queue).
 * A mask of X's and digits (XXX-XXX-XXXX) is no name. *name_end (if not
 * NULL) is set to the end of the run of name characters around the word. */
bool or_docs_word_in_name(const char *line, size_t len, size_t at, size_t wlen,
			  size_t *name_end);

/*
 * The next host-shaped name on a line from *pos: a run of letters, digits,
 * '-' and '.' with a dot between two of its labels. A leading dot ("ls
 * *.test") is a file extension and trailing dots ("run the test.") end a
 * sentence, so neither makes a host of one word. A run with an underscore
 * is a code identifier (data.aws_route53_zone.example_zone), and the address
 * of "Name <user@host>" is an identity being quoted; neither is returned.
 * On a host, sets *at and *hlen and moves *pos past it; false at the end.
 */
bool or_docs_next_host(const char *line, size_t len, size_t *pos, size_t *at, size_t *hlen);

/* True when a code line starts with a shell prompt ("$ cmd"). */
bool or_docs_line_is_prompt(const char *line, size_t len);

#endif
