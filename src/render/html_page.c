/*
 * The HTML report's page machinery: elements and text, counts, cells,
 * tables, badges, and the tables with a row per document and per contact
 * (10,000s in an organisation's report), which are not held as a tree: the
 * page is serialised with a marker comment in their <tbody>, and at the
 * marker each row is built, serialised and freed in turn
 * (or_html_write_page).
 *
 * Repository text must never be taken for a marker: each marker carries a
 * nonce drawn when the page is written (128 random bits), and the written
 * page is checked to hold each marker once and in order before it is
 * spliced; any other count draws a new nonce. Attribute values never carry
 * a raw "&{" or "<!--", which libxml2 would write verbatim (or_html_attr).
 */
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

#include "render/html.h"
#include "util/alloc.h"

#define MAX_STREAMED_TABLES 4
#define MARKER_TRIES 8
#define NONCE_HEX 32

/* The tables whose rows are built while the page is written: table k's
 * <tbody> holds the comment "or-rows-NONCE:k". */
struct html_rows {
	struct {
		size_t count;
		or_html_row_fn row;
		xmlNodePtr marker; /* the comment, owned by the page's tree */
	} tables[MAX_STREAMED_TABLES];
	size_t n;
	char nonce[NONCE_HEX + 1];
};

/* ---- small tree helpers ---- */

xmlNodePtr or_html_add(xmlNodePtr parent, const char *tag, const char *cls)
{
	xmlNodePtr node = xmlNewChild(parent, NULL, BAD_CAST tag, NULL);
	if (cls)
		or_html_attr(node, "class", cls);
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

/*
 * An attribute. libxml2's HTML serialiser writes two things in an attribute
 * value verbatim, '<' and all: "&{...}" (HTML 4's script entities) and
 * "<!--...-->" (server-side includes). So a value with '&' or '<' is held
 * as text with each of them a reference (&amp; &lt;), which is written as
 * it is; the text between holds neither, and the page never carries a raw
 * "&{" or "<!--" in an attribute.
 */
void or_html_attr(xmlNodePtr node, const char *name, const char *value)
{
	xmlAttrPtr attr;
	const char *p;
	size_t span;

	if (!value || !value[strcspn(value, "&<")]) {
		xmlNewProp(node, BAD_CAST name, BAD_CAST value);
		return;
	}
	attr = xmlNewProp(node, BAD_CAST name, NULL);
	if (!attr)
		return;
	for (p = value; *p; p += span) {
		xmlNodePtr child;

		span = strcspn(p, "&<");
		if (span > INT_MAX)
			span = INT_MAX;
		if (span > 0) {
			child = xmlNewDocTextLen(node->doc, BAD_CAST p, (int)span);
		} else {
			child = xmlNewReference(node->doc, BAD_CAST(*p == '&' ? "&amp;" : "&lt;"));
			span = 1;
		}
		if (child)
			xmlAddChild((xmlNodePtr)attr, child);
	}
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

	if (rows->n == MAX_STREAMED_TABLES) { /* not expected: built now instead */
		size_t i;
		for (i = 0; i < count; i++)
			row(tbody, ctx, i);
		return;
	}
	/* its text (the nonce) is set when the page is written */
	rows->tables[rows->n].marker = xmlAddChild(tbody, xmlNewComment(BAD_CAST "or-rows"));
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

/* 128 bits from the system's random source, else mixed from the clock, the
 * process and the stack's address (the check in write_page holds whatever
 * the nonce: only its unpredictability rests on the source). */
static void draw_nonce(html_rows *rows)
{
	static const char hex[] = "0123456789abcdef";
	static uint64_t counter;
	unsigned char bytes[NONCE_HEX / 2];
	size_t got = 0, i;
	FILE *random = fopen("/dev/urandom", "rb");

	if (random) {
		got = fread(bytes, 1, sizeof(bytes), random);
		fclose(random);
	}
	if (got < sizeof(bytes)) {
		struct timespec now;
		uint64_t x;

		clock_gettime(CLOCK_REALTIME, &now);
		x = (uint64_t)now.tv_sec * 1000000007u ^ (uint64_t)now.tv_nsec ^
		    (uint64_t)getpid() << 32 ^ (uint64_t)(uintptr_t)&now ^ ++counter << 48;
		for (i = 0; i < sizeof(bytes); i++) {
			/* splitmix64 */
			uint64_t z = (x += 0x9e3779b97f4a7c15u);
			z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
			z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
			bytes[i] = (unsigned char)(z ^ (z >> 31));
		}
	}
	for (i = 0; i < sizeof(bytes); i++) {
		rows->nonce[2 * i] = hex[bytes[i] >> 4];
		rows->nonce[2 * i + 1] = hex[bytes[i] & 15];
	}
	rows->nonce[NONCE_HEX] = '\0';
}

/* "<!--or-rows-NONCE:" */
static void marker_prefix(or_buf *out, const html_rows *rows)
{
	or_buf_printf(out, "<!--or-rows-%s:", rows->nonce);
}

/* A fresh nonce in every marker comment. */
static void set_markers(html_rows *rows)
{
	or_buf text = OR_BUF_INIT;
	size_t k;

	draw_nonce(rows);
	for (k = 0; k < rows->n; k++) {
		or_buf_clear(&text);
		or_buf_printf(&text, "or-rows-%s:%zu", rows->nonce, k);
		xmlNodeSetContent(rows->tables[k].marker, BAD_CAST or_buf_cstr(&text));
	}
	or_buf_dispose(&text);
}

/* Whether `page` holds the marker prefix exactly rows->n times, the k-th
 * being "PREFIXk-->": then every marker in it is one of the tree's comments,
 * for each of those is written once. */
static bool markers_are_ours(const char *page, const char *prefix, size_t prefix_len,
			     const html_rows *rows)
{
	const char *p = page, *at;
	size_t k = 0;

	while ((at = strstr(p, prefix)) != NULL) {
		char expect[32];
		int n = snprintf(expect, sizeof(expect), "%zu-->", k);

		if (k >= rows->n || strncmp(at + prefix_len, expect, (size_t)n) != 0)
			return false;
		p = at + prefix_len + (size_t)n;
		k++;
	}
	return k == rows->n;
}

/* The page: the tree serialised, with each streamed table's rows written
 * in place of its marker. */
int or_html_write_page(xmlOutputBufferPtr output, xmlDocPtr doc, const html_ctx *ctx)
{
	or_buf page = OR_BUF_INIT, prefix = OR_BUF_INIT;
	const char *p, *end, *at;
	size_t k, tries;
	bool ours = false;

	for (tries = 0; tries < MARKER_TRIES && !ours; tries++) {
		xmlOutputBufferPtr shell;

		set_markers(ctx->rows);
		or_buf_clear(&prefix);
		marker_prefix(&prefix, ctx->rows);
		or_buf_clear(&page);
		shell = xmlOutputBufferCreateIO(buf_write_cb, buf_close_cb, &page, NULL);
		if (!shell)
			break;
		htmlDocContentDumpFormatOutput(shell, doc, NULL, 1);
		xmlOutputBufferClose(shell);
		ours = markers_are_ours(or_buf_cstr(&page), or_buf_cstr(&prefix), prefix.size,
					ctx->rows);
	}
	if (!ours) {
		or_buf_dispose(&page);
		or_buf_dispose(&prefix);
		return -1;
	}
	p = or_buf_cstr(&page);
	end = p + page.size;
	for (k = 0; k < ctx->rows->n; k++) {
		at = strstr(p, or_buf_cstr(&prefix));
		xmlOutputBufferWrite(output, (int)(at - p), p);
		write_rows(output, doc, ctx, k);
		p = strstr(at + prefix.size, "-->") + 3;
	}
	xmlOutputBufferWrite(output, (int)(end - p), p);
	or_buf_dispose(&page);
	or_buf_dispose(&prefix);
	return 0;
}
