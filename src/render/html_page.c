/*
 * The HTML report's page machinery: elements and text, counts, cells,
 * tables, badges, and the tables with a row per document and per contact
 * (10,000s in an organisation's report), which are not held as a tree: the
 * page is serialised with a marker comment in their <tbody>, and at the
 * marker each row is built, serialised and freed in turn
 * (or_html_write_page).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

#include "render/html.h"
#include "util/alloc.h"

#define MAX_STREAMED_TABLES 4
#define ROWS_MARKER "<!--or-rows:"

/* The tables whose rows are built while the page is written: table k's
 * <tbody> holds the comment "or-rows:k". */
struct html_rows {
	struct {
		size_t count;
		or_html_row_fn row;
	} tables[MAX_STREAMED_TABLES];
	size_t n;
};

/* ---- small tree helpers ---- */

xmlNodePtr or_html_add(xmlNodePtr parent, const char *tag, const char *cls)
{
	xmlNodePtr node = xmlNewChild(parent, NULL, BAD_CAST tag, NULL);
	if (cls)
		xmlNewProp(node, BAD_CAST "class", BAD_CAST cls);
	return node;
}

void or_html_text(xmlNodePtr node, const char *s)
{
	if (s && *s)
		xmlNodeAddContent(node, BAD_CAST s);
}

void or_html_textf(xmlNodePtr node, const char *fmt, ...)
{
	or_buf buf = OR_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	or_buf_vprintf(&buf, fmt, ap);
	va_end(ap);
	or_html_text(node, or_buf_cstr(&buf));
	or_buf_dispose(&buf);
}

xmlNodePtr or_html_add_text(xmlNodePtr parent, const char *tag, const char *cls, const char *s)
{
	xmlNodePtr node = or_html_add(parent, tag, cls);
	or_html_text(node, s);
	return node;
}

/* Text where `code spans` (as rule packs write them) become <code>. */
xmlNodePtr or_html_add_prose(xmlNodePtr parent, const char *tag, const char *cls, const char *s)
{
	xmlNodePtr node = or_html_add(parent, tag, cls);
	or_buf part = OR_BUF_INIT;
	const char *p, *close;

	for (p = s; *p;) {
		const char *open = strchr(p, '`');
		if (!open || !(close = strchr(open + 1, '`'))) {
			or_html_text(node, p);
			break;
		}
		or_buf_clear(&part);
		or_buf_put(&part, p, (size_t)(open - p));
		or_html_text(node, or_buf_cstr(&part));
		or_buf_clear(&part);
		or_buf_put(&part, open + 1, (size_t)(close - open - 1));
		or_html_add_text(node, "code", NULL, or_buf_cstr(&part));
		p = close + 1;
	}
	or_buf_dispose(&part);
	return node;
}

/* A <span class=cls> set off from the text before it by a space, so that the
 * page's text reads right when copied or read aloud. */
xmlNodePtr or_html_aside(xmlNodePtr parent, const char *cls)
{
	or_html_text(parent, " ");
	return or_html_add(parent, "span", cls);
}

void or_html_attr(xmlNodePtr node, const char *name, const char *value)
{
	xmlNewProp(node, BAD_CAST name, BAD_CAST value);
}

void or_html_clear_children(xmlNodePtr node)
{
	while (node->children) {
		xmlNodePtr child = node->children;
		xmlUnlinkNode(child);
		xmlFreeNode(child);
	}
}

/* "12,345" */
void or_html_put_count(or_buf *out, long long n)
{
	char digits[32];
	size_t len, i;

	if (n < 0) {
		or_buf_putc(out, '-');
		n = -n;
	}
	len = (size_t)snprintf(digits, sizeof(digits), "%lld", n);
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			or_buf_putc(out, ',');
		or_buf_putc(out, digits[i]);
	}
}

/* "1 finding", "1,204 findings" */
void or_html_put_counted(or_buf *out, long long n, const char *word)
{
	or_html_put_count(out, n);
	or_buf_printf(out, " %s%s", word, n == 1 ? "" : "s");
}

void or_html_put_strings(or_buf *out, const or_report_strings *list)
{
	size_t i;

	for (i = 0; i < list->count; i++) {
		const char *s = or_report_strings_at(list, i);
		if (i)
			or_buf_puts(out, ", ");
		or_buf_puts(out, s ? s : NONE);
	}
	if (!list->count)
		or_buf_puts(out, NONE);
}

void or_html_score_text(or_buf *out, or_report_real score)
{
	if (score.known)
		or_buf_printf(out, "%.1f", score.value);
	else
		or_buf_puts(out, NONE);
}

/* ---- cells ---- */

xmlNodePtr or_html_cell_str(xmlNodePtr row, const char *cls, const char *s)
{
	return or_html_add_text(row, "td", cls, s && *s ? s : NONE);
}

xmlNodePtr or_html_cell_text(xmlNodePtr row, const char *cls, const char *s)
{
	return or_html_add_text(row, "td", cls, s ? s : NONE);
}

xmlNodePtr or_html_cell_int(xmlNodePtr row, const char *cls, or_report_int n)
{
	or_buf buf = OR_BUF_INIT;
	xmlNodePtr td;

	if (n.known)
		or_html_put_count(&buf, n.value);
	else
		or_buf_puts(&buf, NONE);
	td = or_html_add_text(row, "td", cls, or_buf_cstr(&buf));
	or_buf_dispose(&buf);
	return td;
}

xmlNodePtr or_html_cell_real(xmlNodePtr row, const char *cls, or_report_real n)
{
	or_buf buf = OR_BUF_INIT;
	xmlNodePtr td;

	if (n.known)
		or_buf_printf(&buf, "%g", n.value);
	else
		or_buf_puts(&buf, NONE);
	td = or_html_add_text(row, "td", cls, or_buf_cstr(&buf));
	or_buf_dispose(&buf);
	return td;
}

xmlNodePtr or_html_cell_bool(xmlNodePtr row, const char *cls, or_report_bool b)
{
	return or_html_add_text(row, "td", cls, !b.known ? NONE : b.value ? "yes" : "no");
}

xmlNodePtr or_html_cell_strings(xmlNodePtr row, const char *cls, const or_report_strings *list)
{
	or_buf buf = OR_BUF_INIT;
	xmlNodePtr td;

	or_html_put_strings(&buf, list);
	td = or_html_add_text(row, "td", cls, or_buf_cstr(&buf));
	or_buf_dispose(&buf);
	return td;
}

/* ---- tables ---- */

static xmlNodePtr header_row(xmlNodePtr table, const char *const *titles)
{
	xmlNodePtr row = or_html_add(or_html_add(table, "thead", NULL), "tr", NULL);
	size_t i;

	for (i = 0; titles[i]; i++) {
		const char *title = titles[i];
		bool numeric = title[0] == '#';
		or_html_attr(or_html_add_text(row, "th", numeric ? "num" : NULL,
					      numeric ? title + 1 : title),
			     "scope", "col");
	}
	return row;
}

/* A table inside a horizontally scrolling wrapper; returns its <tbody>. */
xmlNodePtr or_html_new_table(xmlNodePtr parent, const char *cls, const char *const *titles)
{
	xmlNodePtr table = or_html_add(or_html_add(parent, "div", "table-wrap"), "table", cls);
	header_row(table, titles);
	return or_html_add(table, "tbody", NULL);
}

/* A table with a row per item, each built by `row` only when the page is
 * written. */
void or_html_streamed_table(xmlNodePtr parent, const html_ctx *ctx, const char *cls,
			    const char *const *titles, size_t count, or_html_row_fn row)
{
	xmlNodePtr tbody = or_html_new_table(parent, cls, titles);
	html_rows *rows = ctx->rows;
	char marker[32];

	if (rows->n == MAX_STREAMED_TABLES) { /* not expected: built now instead */
		size_t i;
		for (i = 0; i < count; i++)
			row(tbody, ctx, i);
		return;
	}
	snprintf(marker, sizeof(marker), "or-rows:%zu", rows->n);
	xmlAddChild(tbody, xmlNewComment(BAD_CAST marker));
	rows->tables[rows->n].count = count;
	rows->tables[rows->n].row = row;
	rows->n++;
}

html_rows *or_html_rows_new(void)
{
	return or_xcalloc(1, sizeof(html_rows));
}

void or_html_rows_free(html_rows *rows)
{
	free(rows);
}

/* A badge: colour from its class, meaning from its text. */
xmlNodePtr or_html_badge(xmlNodePtr parent, const char *prefix, const char *value,
			 const char *label)
{
	or_buf cls = OR_BUF_INIT;
	xmlNodePtr node;
	const char *p;

	or_buf_printf(&cls, "badge %s-", prefix);
	for (p = value; *p; p++)
		or_buf_putc(&cls, (*p >= 'a' && *p <= 'z') || *p == '-' ? *p : '-');
	node = or_html_add_text(parent, "span", or_buf_cstr(&cls), label ? label : value);
	or_buf_dispose(&cls);
	return node;
}

void or_html_empty(xmlNodePtr parent, const char *message)
{
	or_html_add_text(parent, "p", "empty", message);
}

/* A progress bar for a percentage; purely decorative, the number is beside it. */
void or_html_bar(xmlNodePtr parent, or_report_real percent)
{
	double value = percent.value;
	or_buf style = OR_BUF_INIT;
	xmlNodePtr node;

	if (!percent.known)
		return;
	node = or_html_add(parent, "div", value < 60 ? "bar low" : value < 90 ? "bar mid" : "bar");
	or_html_attr(node, "aria-hidden", "true");
	or_buf_printf(&style, "width:%.1f%%", value < 0 ? 0 : value > 100 ? 100 : value);
	or_html_attr(or_html_add(node, "span", NULL), "style", or_buf_cstr(&style));
	or_buf_dispose(&style);
}

/* ---- writing the page ---- */

static int buf_write_cb(void *ctx, const char *data, int len)
{
	if (len > 0)
		or_buf_put(ctx, data, (size_t)len);
	return len;
}

static int buf_close_cb(void *ctx)
{
	(void)ctx;
	return 0;
}

/* Rows of streamed table `k`, each built under a detached <tbody>, written
 * and freed. */
static void write_rows(xmlOutputBufferPtr output, xmlDocPtr doc, const html_ctx *ctx, size_t k)
{
	size_t count = ctx->rows->tables[k].count;
	xmlNodePtr scratch = xmlNewDocNode(doc, NULL, BAD_CAST "tbody", NULL);
	size_t i;

	/* laid out as the serialiser lays out a <tbody> it holds whole */
	xmlOutputBufferWrite(output, 1, "\n");
	for (i = 0; i < count; i++) {
		ctx->rows->tables[k].row(scratch, ctx, i);
		while (scratch->children) {
			xmlNodePtr row = scratch->children;
			htmlNodeDumpFormatOutput(output, doc, row, NULL, 1);
			xmlOutputBufferWrite(output, 1, "\n");
			xmlUnlinkNode(row);
			xmlFreeNode(row);
		}
	}
	xmlFreeNode(scratch);
}

/* The page: the tree serialised, with each streamed table's rows written
 * in place of its marker. Repository text cannot forge a marker: in text
 * and attribute values the serialiser writes '<' as "&lt;". */
int or_html_write_page(xmlOutputBufferPtr output, xmlDocPtr doc, const html_ctx *ctx)
{
	or_buf page = OR_BUF_INIT;
	xmlOutputBufferPtr shell = xmlOutputBufferCreateIO(buf_write_cb, buf_close_cb, &page, NULL);
	const char *p, *end, *at;

	if (!shell)
		return -1;
	htmlDocContentDumpFormatOutput(shell, doc, NULL, 1);
	xmlOutputBufferClose(shell);
	p = or_buf_cstr(&page);
	end = p + page.size;
	while ((at = strstr(p, ROWS_MARKER)) != NULL) {
		char *after;
		unsigned long k = strtoul(at + strlen(ROWS_MARKER), &after, 10);

		if (k >= ctx->rows->n || strncmp(after, "-->", 3) != 0) {
			/* not one of ours (cannot happen): written as it is */
			xmlOutputBufferWrite(output, (int)(at + 1 - p), p);
			p = at + 1;
			continue;
		}
		xmlOutputBufferWrite(output, (int)(at - p), p);
		write_rows(output, doc, ctx, (size_t)k);
		p = after + 3;
	}
	xmlOutputBufferWrite(output, (int)(end - p), p);
	or_buf_dispose(&page);
	return 0;
}
