/*
 * The HTML report's private interface (html.c and the html_*.c files): the
 * context its sections are built with, the page machinery they build with
 * (html_page.c: elements, tables, badges, rows streamed as the page is
 * written; html_link.c: locations linked to the repository), and the
 * sections (html_summary.c, html_findings.c, html_people.c,
 * html_documents.c). html.c fills the template's sections and writes the
 * page.
 *
 * Text from the scanned repository only ever becomes text nodes and
 * attribute values (the tree API escapes it); nodes belong to the document
 * they are added to.
 */
#ifndef OR_RENDER_HTML_H
#define OR_RENDER_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "report/read.h"
#include "util/buf.h"

#define NONE "\xe2\x80\x94" /* an em dash for an absent value */

/* `s`, or `fallback` when the report lacks it (NULL). */
static inline const char *or_html_or(const char *s, const char *fallback)
{
	return s ? s : fallback;
}

struct html_rows;

typedef struct html_ctx {
	const or_report *report;
	struct html_rows *rows;           /* the tables whose rows are written as the page is */
	const or_report_rule_ids *rules;  /* the report's rules by id */
	const char *repo_url;   /* NULL unless an http(s) template */
	const char *commit;     /* NULL outside git */
	int fail_on;            /* severity rank at which the gate fails */
} html_ctx;

/* ---- elements (html_page.c) ---- */

xmlNodePtr or_html_add(xmlNodePtr parent, const char *tag, const char *cls);
void or_html_text(xmlNodePtr node, const char *s);
void or_html_textf(xmlNodePtr node, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
xmlNodePtr or_html_add_text(xmlNodePtr parent, const char *tag, const char *cls, const char *s);
/* Text where `code spans` (as rule packs write them) become <code>. */
xmlNodePtr or_html_add_prose(xmlNodePtr parent, const char *tag, const char *cls, const char *s);
/* A <span class=cls> set off from the text before it by a space. */
xmlNodePtr or_html_aside(xmlNodePtr parent, const char *cls);
/* An attribute; its '&' and '<' are written as "&amp;" and "&lt;", never
 * verbatim (libxml2 would write "&{...}" and "<!--...-->" as they are). */
void or_html_attr(xmlNodePtr node, const char *name, const char *value);
void or_html_clear_children(xmlNodePtr node);

/* "12,345" */
void or_html_put_count(or_buf *out, long long n);
/* "1 finding", "1,204 findings" */
void or_html_put_counted(or_buf *out, long long n, const char *word);
/* "a, b, c"; "—" for an item that is not a string, and for no items. */
void or_html_put_strings(or_buf *out, const or_report_strings *list);
/* "89.2", or "—" when not known. */
void or_html_score_text(or_buf *out, or_report_real score);

/* Cells of a row. or_html_cell_str writes "—" for NULL and ""; the others
 * "—" for what is not known (NULL), and "" as it is. */
xmlNodePtr or_html_cell_str(xmlNodePtr row, const char *cls, const char *s);
xmlNodePtr or_html_cell_text(xmlNodePtr row, const char *cls, const char *s);
xmlNodePtr or_html_cell_int(xmlNodePtr row, const char *cls, or_report_int n);
xmlNodePtr or_html_cell_real(xmlNodePtr row, const char *cls, or_report_real n);
xmlNodePtr or_html_cell_bool(xmlNodePtr row, const char *cls, or_report_bool b);
xmlNodePtr or_html_cell_strings(xmlNodePtr row, const char *cls, const or_report_strings *list);

/* A table inside a horizontally scrolling wrapper, with a header row of
 * `titles` (NULL-terminated; "#Title" is a numeric column); returns its
 * <tbody>. */
xmlNodePtr or_html_new_table(xmlNodePtr parent, const char *cls, const char *const *titles);

/* Adds one <tr> for item `i` to `tbody`. */
typedef void (*or_html_row_fn)(xmlNodePtr tbody, const html_ctx *ctx, size_t i);

/* A table with a row per item, 0 to `count`, each built by `row` only when
 * the page is written (or_html_write_page). */
void or_html_streamed_table(xmlNodePtr parent, const html_ctx *ctx, const char *cls,
			    const char *const *titles, size_t count, or_html_row_fn row);

/* A badge: colour from its class (`prefix`-`value`), meaning from its text
 * (`label`, or `value`). */
xmlNodePtr or_html_badge(xmlNodePtr parent, const char *prefix, const char *value,
			 const char *label);
void or_html_empty(xmlNodePtr parent, const char *message);
/* A progress bar for a percentage; purely decorative, the number is beside it. */
void or_html_bar(xmlNodePtr parent, or_report_real percent);

/* The tables whose rows or_html_streamed_table defers. */
typedef struct html_rows html_rows;
html_rows *or_html_rows_new(void);
void or_html_rows_free(html_rows *rows);

/* The page: the tree serialised, with each streamed table's rows written
 * in place. */
int or_html_write_page(xmlOutputBufferPtr output, xmlDocPtr doc, const html_ctx *ctx);

/* ---- links to the repository (html_link.c) ---- */

bool or_html_is_http_url(const char *url);
/* "path:line:column", a link when the report has repo_url. */
void or_html_location(xmlNodePtr parent, const html_ctx *ctx, const char *file, long long line,
		      long long column);

/* ---- the sections ---- */

/* html_summary.c: the banner (and the page's <title>), the summary, the
 * scan's facts, the footer. */
void or_html_banner(xmlNodePtr banner, xmlNodePtr title, const html_ctx *ctx);
void or_html_summary(xmlNodePtr parent, const html_ctx *ctx);
void or_html_scan(xmlNodePtr parent, const html_ctx *ctx);
void or_html_footer(xmlNodePtr footer, const html_ctx *ctx);

/* html_findings.c: the findings by area and rule, the waivers. */
void or_html_findings(xmlNodePtr parent, const html_ctx *ctx);
void or_html_waivers(xmlNodePtr parent, const html_ctx *ctx);

/* html_people.c: the training records and the drill log. */
void or_html_training(xmlNodePtr parent, const html_ctx *ctx);
void or_html_drills(xmlNodePtr parent, const html_ctx *ctx);

/* html_documents.c: the documents and the contacts (streamed tables). */
void or_html_documents(xmlNodePtr parent, const html_ctx *ctx);
void or_html_contacts(xmlNodePtr parent, const html_ctx *ctx);

#endif
