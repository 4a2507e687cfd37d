/*
 * The HTML report for auditors: one self-contained page built from
 * templates/report.html and templates/report.css (compiled into the binary).
 *
 * The template is parsed with libxml2's HTML parser, its placeholder elements
 * are found by id and filled through the tree API, and the tree is
 * serialised. Text from the scanned repository only ever becomes text nodes
 * and attribute values, so it is escaped by the serialiser by construction;
 * no HTML is assembled from strings.
 *
 * The tables with a row per document and per contact (10,000s in an
 * organisation's report) are not held as a tree: the page is serialised with
 * a marker comment in their <tbody>, and at the marker each row is built,
 * serialised and freed in turn (write_page).
 *
 * Large reports stay usable: findings are grouped by area and rule, the
 * rule's description is shown once per group, and at most
 * HTML_FINDINGS_PER_RULE findings of a rule are listed in full, followed by
 * a count of the rest and a count per file.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

#include "report/value.h"
#include "render/reporter.h"
#include "render/xml_output.h"
#include "util/alloc.h"
#include "util/embed.h"

#define HTML_FINDINGS_PER_RULE 200
#define HTML_FILES_PER_RULE 100
#define NONE "\xe2\x80\x94" /* an em dash for an absent value */

struct html_rows;

typedef struct html_ctx {
	const json_t *report;
	const or_finding_table *findings;
	struct html_rows *rows; /* the tables whose rows are written as the page is */
	json_t *rules;          /* rule id -> index into the report's rules (or_report_rule) */
	const char *repo_url;   /* NULL unless an http(s) template */
	const char *commit;     /* NULL outside git */
	int fail_on;            /* severity rank at which the gate fails */
} html_ctx;

typedef struct finding_ref {
	const or_report_finding *finding;
	const char *area;
	const char *rule;
	size_t area_rank;
	int severity_rank;
	int inactive;           /* 0 for active findings, listed first */
	size_t index;
} finding_ref;

/* Adds one <tr> for `item` to `tbody`. */
typedef void (*row_fn)(xmlNodePtr tbody, const html_ctx *ctx, const json_t *item);

#define MAX_STREAMED_TABLES 4
#define ROWS_MARKER "<!--or-rows:"

/* The tables whose rows are built while the page is written: table k's
 * <tbody> holds the comment "or-rows:k". */
typedef struct html_rows {
	struct {
		const json_t *items;
		row_fn row;
	} tables[MAX_STREAMED_TABLES];
	size_t n;
} html_rows;

typedef struct file_count {
	const char *file;
	size_t count;
} file_count;

/* ---- small tree helpers ---- */

static xmlNodePtr add(xmlNodePtr parent, const char *tag, const char *cls)
{
	xmlNodePtr node = xmlNewChild(parent, NULL, BAD_CAST tag, NULL);
	if (cls)
		xmlNewProp(node, BAD_CAST "class", BAD_CAST cls);
	return node;
}

static void text(xmlNodePtr node, const char *s)
{
	if (s && *s)
		xmlNodeAddContent(node, BAD_CAST s);
}

static void textf(xmlNodePtr node, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void textf(xmlNodePtr node, const char *fmt, ...)
{
	or_buf buf = OR_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	or_buf_vprintf(&buf, fmt, ap);
	va_end(ap);
	text(node, or_buf_cstr(&buf));
	or_buf_dispose(&buf);
}

static xmlNodePtr add_text(xmlNodePtr parent, const char *tag, const char *cls, const char *s)
{
	xmlNodePtr node = add(parent, tag, cls);
	text(node, s);
	return node;
}

/* Text where `code spans` (as rule packs write them) become <code>. */
static xmlNodePtr add_prose(xmlNodePtr parent, const char *tag, const char *cls, const char *s)
{
	xmlNodePtr node = add(parent, tag, cls);
	or_buf part = OR_BUF_INIT;
	const char *p, *close;

	for (p = s; *p;) {
		const char *open = strchr(p, '`');
		if (!open || !(close = strchr(open + 1, '`'))) {
			text(node, p);
			break;
		}
		or_buf_clear(&part);
		or_buf_put(&part, p, (size_t)(open - p));
		text(node, or_buf_cstr(&part));
		or_buf_clear(&part);
		or_buf_put(&part, open + 1, (size_t)(close - open - 1));
		add_text(node, "code", NULL, or_buf_cstr(&part));
		p = close + 1;
	}
	or_buf_dispose(&part);
	return node;
}

/* A <span class=cls> set off from the text before it by a space, so that the
 * page's text reads right when copied or read aloud. */
static xmlNodePtr aside(xmlNodePtr parent, const char *cls)
{
	text(parent, " ");
	return add(parent, "span", cls);
}

static void attr(xmlNodePtr node, const char *name, const char *value)
{
	xmlNewProp(node, BAD_CAST name, BAD_CAST value);
}

static xmlNodePtr find_id(xmlNodePtr node, const char *id)
{
	for (; node; node = node->next) {
		xmlNodePtr found;
		if (node->type == XML_ELEMENT_NODE) {
			xmlChar *value = xmlGetProp(node, BAD_CAST "id");
			bool match = value && strcmp((const char *)value, id) == 0;
			xmlFree(value);
			if (match)
				return node;
		}
		found = find_id(node->children, id);
		if (found)
			return found;
	}
	return NULL;
}

static void clear_children(xmlNodePtr node)
{
	while (node->children) {
		xmlNodePtr child = node->children;
		xmlUnlinkNode(child);
		xmlFreeNode(child);
	}
}

/* "12,345" */
static void put_count(or_buf *out, long long n)
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
static void put_counted(or_buf *out, long long n, const char *word)
{
	put_count(out, n);
	or_buf_printf(out, " %s%s", word, n == 1 ? "" : "s");
}

static json_int_t int_at(const json_t *object, const char *key)
{
	return json_integer_value(json_object_get(object, key));
}

/* A JSON scalar as text ("—" for null or absent), appended to `out`. */
static void scalar(or_buf *out, const json_t *value)
{
	if (json_is_string(value))
		or_buf_puts(out, json_string_value(value));
	else if (json_is_integer(value))
		put_count(out, (long long)json_integer_value(value));
	else if (json_is_real(value))
		or_buf_printf(out, "%g", json_real_value(value));
	else if (json_is_true(value))
		or_buf_puts(out, "yes");
	else if (json_is_false(value))
		or_buf_puts(out, "no");
	else if (json_is_array(value)) {
		size_t i;
		for (i = 0; i < json_array_size(value); i++) {
			if (i)
				or_buf_puts(out, ", ");
			scalar(out, json_array_get(value, i));
		}
		if (!json_array_size(value))
			or_buf_puts(out, NONE);
	} else
		or_buf_puts(out, NONE);
}

static xmlNodePtr cell(xmlNodePtr row, const char *cls, const json_t *value)
{
	or_buf buf = OR_BUF_INIT;
	xmlNodePtr td = add(row, "td", cls);

	scalar(&buf, value);
	text(td, or_buf_cstr(&buf));
	or_buf_dispose(&buf);
	return td;
}

static xmlNodePtr cell_str(xmlNodePtr row, const char *cls, const char *s)
{
	return add_text(row, "td", cls, s && *s ? s : NONE);
}

static xmlNodePtr header_row(xmlNodePtr table, const char *const *titles)
{
	xmlNodePtr row = add(add(table, "thead", NULL), "tr", NULL);
	size_t i;

	for (i = 0; titles[i]; i++) {
		const char *title = titles[i];
		bool numeric = title[0] == '#';
		attr(add_text(row, "th", numeric ? "num" : NULL, numeric ? title + 1 : title),
		     "scope", "col");
	}
	return row;
}

/* A table inside a horizontally scrolling wrapper; returns its <tbody>. */
static xmlNodePtr new_table(xmlNodePtr parent, const char *cls, const char *const *titles)
{
	xmlNodePtr table = add(add(parent, "div", "table-wrap"), "table", cls);
	header_row(table, titles);
	return add(table, "tbody", NULL);
}

/* A table with a row per item of `items`, each built by `row` only when the
 * page is written. */
static void streamed_table(xmlNodePtr parent, const html_ctx *ctx, const char *cls,
			   const char *const *titles, const json_t *items, row_fn row)
{
	xmlNodePtr tbody = new_table(parent, cls, titles);
	html_rows *rows = ctx->rows;
	char marker[32];

	if (rows->n == MAX_STREAMED_TABLES) { /* not expected: built now instead */
		size_t i;
		for (i = 0; i < json_array_size(items); i++)
			row(tbody, ctx, json_array_get(items, i));
		return;
	}
	snprintf(marker, sizeof(marker), "or-rows:%zu", rows->n);
	xmlAddChild(tbody, xmlNewComment(BAD_CAST marker));
	rows->tables[rows->n].items = items;
	rows->tables[rows->n].row = row;
	rows->n++;
}

/* A badge: colour from its class, meaning from its text. */
static xmlNodePtr badge(xmlNodePtr parent, const char *prefix, const char *value,
			const char *label)
{
	or_buf cls = OR_BUF_INIT;
	xmlNodePtr node;
	const char *p;

	or_buf_printf(&cls, "badge %s-", prefix);
	for (p = value; *p; p++)
		or_buf_putc(&cls, (*p >= 'a' && *p <= 'z') || *p == '-' ? *p : '-');
	node = add_text(parent, "span", or_buf_cstr(&cls), label ? label : value);
	or_buf_dispose(&cls);
	return node;
}

static void empty(xmlNodePtr parent, const char *message)
{
	add_text(parent, "p", "empty", message);
}

static void score_text(or_buf *out, const json_t *score)
{
	if (json_is_number(score))
		or_buf_printf(out, "%.1f", json_number_value(score));
	else
		or_buf_puts(out, NONE);
}

/* A progress bar for a percentage; purely decorative, the number is beside it. */
static void bar(xmlNodePtr parent, const json_t *percent)
{
	double value = json_number_value(percent);
	or_buf style = OR_BUF_INIT;
	xmlNodePtr node;

	if (!json_is_number(percent))
		return;
	node = add(parent, "div", value < 60 ? "bar low" : value < 90 ? "bar mid" : "bar");
	attr(node, "aria-hidden", "true");
	or_buf_printf(&style, "width:%.1f%%", value < 0 ? 0 : value > 100 ? 100 : value);
	attr(add(node, "span", NULL), "style", or_buf_cstr(&style));
	or_buf_dispose(&style);
}

/* ---- links to the repository ---- */

static bool is_http_url(const char *url)
{
	static const char *const schemes[] = { "https://", "http://" };
	size_t s, i;

	for (s = 0; s < 2; s++) {
		for (i = 0; schemes[s][i]; i++) {
			char c = url[i];
			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if (c != schemes[s][i])
				break;
		}
		if (!schemes[s][i])
			return true;
	}
	return false;
}

static void percent_encode(or_buf *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
			or_buf_putc(out, *p);
		else
			or_buf_printf(out, "%%%c%c", hex[*p >> 4], hex[*p & 15]);
	}
}

/* The repository link for file:line, from scan.repo_url's {commit} {path}
 * {line}; false when there is none. */
static bool repo_link(or_buf *out, const html_ctx *ctx, const char *file, long long line)
{
	const char *p, *skip_from = NULL, *skip_to = NULL, *line_at;

	if (!ctx->repo_url || !file || !*file)
		return false;
	if (strstr(ctx->repo_url, "{commit}") && !ctx->commit)
		return false;
	/*
	 * No line (a finding on the whole file): the file, without the
	 * template's line part, from its separator to "{line}": "#L{line}",
	 * "?line={line}" or "&line={line}" (a "?" taken away passes its role
	 * to the "&" that follows).
	 */
	if (line <= 0 && (line_at = strstr(ctx->repo_url, "{line}")) != NULL) {
		const char *sep = line_at;

		while (sep > ctx->repo_url && !strchr("#?&}", *sep))
			sep--;
		if (*sep && strchr("#?&", *sep)) {
			skip_from = sep;
			skip_to = line_at + 6;
		}
	}
	for (p = ctx->repo_url; *p;) {
		if (p == skip_from) {
			bool question = *p == '?';

			p = skip_to;
			if (question && *p == '&') {
				or_buf_putc(out, '?');
				p++;
			}
			continue;
		}
		if (strncmp(p, "{commit}", 8) == 0) {
			or_buf_puts(out, ctx->commit);
			p += 8;
		} else if (strncmp(p, "{path}", 6) == 0) {
			percent_encode(out, file);
			p += 6;
		} else if (strncmp(p, "{line}", 6) == 0) {
			or_buf_printf(out, "%lld", line > 0 ? line : 1);
			p += 6;
		} else {
			or_buf_putc(out, *p++);
		}
	}
	return true;
}

/* "path:line:column", a link when the report has repo_url. */
static void location(xmlNodePtr parent, const html_ctx *ctx, const char *file, long long line,
		     long long column)
{
	or_buf label = OR_BUF_INIT, href = OR_BUF_INIT;
	xmlNodePtr node;

	if (!file) {
		text(parent, "repository-wide");
		return;
	}
	or_buf_puts(&label, file);
	if (line > 0) {
		or_buf_printf(&label, ":%lld", line);
		if (column > 0)
			or_buf_printf(&label, ":%lld", column);
	}
	if (repo_link(&href, ctx, file, line)) {
		node = add_text(parent, "a", "mono", or_buf_cstr(&label));
		attr(node, "href", or_buf_cstr(&href));
	} else {
		add_text(parent, "span", "mono", or_buf_cstr(&label));
	}
	or_buf_dispose(&label);
	or_buf_dispose(&href);
}

/* ---- banner and summary ---- */

static void gate_reason(or_buf *out, const html_ctx *ctx)
{
	const json_t *summary = json_object_get(ctx->report, "summary");
	const json_t *counts = json_object_get(summary, "counts");
	const json_t *gate = json_object_get(ctx->report, "gate");
	const json_t *min_score = json_object_get(gate, "min_score");
	static const char *const levels[] = { "notice", "warning", "error" };
	double score = json_number_value(json_object_get(summary, "score"));
	long long blocking = 0;
	int rank;

	for (rank = ctx->fail_on; rank <= 2; rank++)
		blocking += (long long)int_at(counts, levels[rank]);
	if (ctx->fail_on > 2)
		or_buf_puts(out, "Findings never fail the gate (fail_on: never)");
	else if (blocking) {
		put_count(out, blocking);
		or_buf_printf(out, " active finding%s of severity %s%s", blocking == 1 ? "" : "s",
			      levels[ctx->fail_on], ctx->fail_on < 2 ? " or above" : "");
	} else
		or_buf_printf(out, "No active finding of severity %s%s", levels[ctx->fail_on],
			      ctx->fail_on < 2 ? " or above" : "");
	if (json_is_number(min_score))
		or_buf_printf(out, "; score %.1f %s the minimum %.1f", score,
			      score < json_number_value(min_score) ? "is below" : "meets",
			      json_number_value(min_score));
	else
		or_buf_puts(out, "; no minimum score");
	or_buf_putc(out, '.');
}

static void render_banner(xmlNodePtr banner, xmlNodePtr title, const html_ctx *ctx)
{
	const json_t *summary = json_object_get(ctx->report, "summary");
	const json_t *scan = json_object_get(ctx->report, "scan");
	bool passed = strcmp(or_report_str(summary, "verdict", "fail"), "pass") == 0;
	const char *root = or_report_str(scan, "root", "?");
	or_buf buf = OR_BUF_INIT;
	xmlNodePtr headline, score;

	or_buf_printf(&buf, "banner %s", passed ? "pass" : "fail");
	xmlSetProp(banner, BAD_CAST "class", BAD_CAST or_buf_cstr(&buf));
	add_text(banner, "div", "verdict", passed ? "PASS" : "FAIL");

	headline = add(banner, "div", "headline");
	add_text(headline, "h1", NULL, "Operational readiness report");
	or_buf_clear(&buf);
	or_buf_puts(&buf, root);
	if (ctx->commit)
		or_buf_printf(&buf, " \xc2\xb7 %s@%.12s",
			      or_report_str(scan, "branch", "(detached)"), ctx->commit);
	or_buf_printf(&buf, " \xc2\xb7 as of %s", or_report_str(scan, "now", "?"));
	add_text(headline, "p", "subtitle", or_buf_cstr(&buf));
	or_buf_clear(&buf);
	or_buf_puts(&buf, passed ? "Gate passed. " : "Gate failed. ");
	gate_reason(&buf, ctx);
	add_text(headline, "p", "gate-reason", or_buf_cstr(&buf));

	score = add(banner, "div", "score");
	or_buf_clear(&buf);
	score_text(&buf, json_object_get(summary, "score"));
	text(score, or_buf_cstr(&buf));
	add_text(score, "small", NULL, "readiness score / 100");

	clear_children(title);
	or_buf_clear(&buf);
	or_buf_printf(&buf, "%s ", passed ? "PASS" : "FAIL");
	score_text(&buf, json_object_get(summary, "score"));
	or_buf_printf(&buf, "/100 \xe2\x80\x94 opsready readiness report \xe2\x80\x94 %s", root);
	text(title, or_buf_cstr(&buf));
	or_buf_dispose(&buf);
}

static void card(xmlNodePtr parent, const char *label, const json_t *score, const char *detail)
{
	xmlNodePtr node = add(parent, "div", "card");
	or_buf buf = OR_BUF_INIT;

	add_text(node, "div", "label", label);
	score_text(&buf, score);
	add_text(node, "div", "value", or_buf_cstr(&buf));
	bar(node, score);
	add_text(node, "div", "detail", detail);
	or_buf_dispose(&buf);
}

static void count_row(xmlNodePtr tbody, const char *label, const char *cls, const json_t *value,
		      const char *meaning)
{
	xmlNodePtr row = add(tbody, "tr", NULL);
	xmlNodePtr th = add(row, "th", NULL);

	attr(th, "scope", "row");
	if (cls)
		badge(th, cls, label, NULL);
	else
		text(th, label);
	cell(row, "num", value);
	add_text(row, "td", "note", meaning);
}

static void render_summary(xmlNodePtr parent, const html_ctx *ctx)
{
	static const char *const count_titles[] = { "Findings", "#Count", "Meaning", NULL };
	const json_t *summary = json_object_get(ctx->report, "summary");
	const json_t *counts = json_object_get(summary, "counts");
	const json_t *areas = json_object_get(summary, "areas");
	const json_t *gate = json_object_get(ctx->report, "gate");
	xmlNodePtr cards = add(parent, "div", "cards");
	xmlNodePtr columns, left, right, tbody, facts;
	or_buf buf = OR_BUF_INIT;
	const char *area;
	json_t *value;

	/* every finding overall, with how many are active; per area, the
	 * active ones (the summary counts areas that way) */
	put_counted(&buf, (long long)int_at(summary, "evaluations"), "evaluation");
	or_buf_puts(&buf, ", ");
	put_counted(&buf, (long long)int_at(summary, "findings"), "finding");
	or_buf_puts(&buf, " (");
	put_count(&buf, (long long)(int_at(counts, "error") + int_at(counts, "warning") +
				    int_at(counts, "notice")));
	or_buf_puts(&buf, " active)");
	card(cards, "Overall", json_object_get(summary, "score"), or_buf_cstr(&buf));
	json_object_foreach((json_t *)areas, area, value) {
		or_buf_clear(&buf);
		if (json_is_number(json_object_get(value, "score"))) {
			put_counted(&buf, (long long)int_at(value, "evaluations"), "evaluation");
			or_buf_puts(&buf, ", ");
			put_counted(&buf, (long long)int_at(value, "findings"), "active finding");
		} else {
			or_buf_puts(&buf, "not evaluated");
		}
		card(cards, area, json_object_get(value, "score"), or_buf_cstr(&buf));
	}

	columns = add(parent, "div", "columns");
	left = add(columns, "div", NULL);
	add_text(left, "h3", NULL, "Counts");
	tbody = new_table(left, "compact", count_titles);
	count_row(tbody, "error", "sev", json_object_get(counts, "error"), "active errors");
	count_row(tbody, "warning", "sev", json_object_get(counts, "warning"), "active warnings");
	count_row(tbody, "notice", "sev", json_object_get(counts, "notice"), "active notices");
	count_row(tbody, "waived", "st", json_object_get(summary, "waived"),
		  "accepted by a waiver in the config (see Waivers)");
	count_row(tbody, "suppressed", "st", json_object_get(summary, "suppressed"),
		  "suppressed in the document");
	count_row(tbody, "baseline", "st", json_object_get(summary, "baseline"),
		  "known before, in the baseline");
	count_row(tbody, "outside-change", "st", json_object_get(summary, "outside_change"),
		  "outside the change (--since)");
	count_row(tbody, "Total findings", NULL, json_object_get(summary, "findings"),
		  "failed evaluations");
	count_row(tbody, "Evaluations", NULL, json_object_get(summary, "evaluations"),
		  "rule \xc3\x97 subject checks made");

	right = add(columns, "div", NULL);
	add_text(right, "h3", NULL, "Gate");
	facts = add(right, "dl", "facts");
	add_text(facts, "dt", NULL, "Fails on");
	or_buf_clear(&buf);
	or_buf_printf(&buf, "%s", or_report_str(gate, "fail_on", "error"));
	if (ctx->fail_on <= 2)
		or_buf_puts(&buf, " (an active finding of this severity or above fails the gate)");
	add_text(facts, "dd", NULL, or_buf_cstr(&buf));
	add_text(facts, "dt", NULL, "Minimum score");
	or_buf_clear(&buf);
	if (json_is_number(json_object_get(gate, "min_score")))
		or_buf_printf(&buf, "%.1f", json_number_value(json_object_get(gate, "min_score")));
	else
		or_buf_puts(&buf, "none");
	add_text(facts, "dd", NULL, or_buf_cstr(&buf));
	add_text(facts, "dt", NULL, "Verdict");
	or_buf_clear(&buf);
	or_buf_puts(&buf, strcmp(or_report_str(summary, "verdict", "fail"), "pass") == 0 ? "PASS: "
											: "FAIL: ");
	gate_reason(&buf, ctx);
	add_text(facts, "dd", NULL, or_buf_cstr(&buf));
	add_text(facts, "dt", NULL, "Score");
	add_text(facts, "dd", NULL,
		 "100 \xc3\x97 weighted passed evaluations \xc3\xb7 all weighted evaluations "
		 "(error 3, warning 1, notice 0). Waived and suppressed findings count as "
		 "passed; baseline and outside-change findings as failed (they only do not "
		 "fail the gate); skipped evaluations are left out.");
	or_buf_dispose(&buf);
}

static void fact(xmlNodePtr facts, const char *name, const char *value, bool mono)
{
	add_text(facts, "dt", NULL, name);
	add_text(facts, "dd", mono ? "mono" : NULL, value && *value ? value : NONE);
}

static void render_scan(xmlNodePtr parent, const html_ctx *ctx)
{
	static const char *const skipped_titles[] = { "File", "Why it was not read", NULL };
	static const char *const change_titles[] = { "Rule", "Change", "Where", NULL };
	const json_t *scan = json_object_get(ctx->report, "scan");
	const json_t *changes = json_object_get(scan, "rule_changes");
	const json_t *history = json_object_get(scan, "history");
	const json_t *since = json_object_get(scan, "since");
	const json_t *inputs = json_object_get(scan, "inputs");
	const json_t *skipped = json_object_get(scan, "skipped");
	const json_t *tool = json_object_get(ctx->report, "tool");
	xmlNodePtr facts = add(parent, "dl", "facts");
	or_buf buf = OR_BUF_INIT;
	size_t i;

	fact(facts, "Root", or_report_str(scan, "root", NULL), true);
	fact(facts, "Commit", ctx->commit ? ctx->commit
			      : json_is_true(json_object_get(scan, "git")) ? "no commit yet"
									 : "not a git repository",
	     ctx->commit != NULL);
	fact(facts, "Branch", or_report_str(scan, "branch", NULL), true);
	if (json_is_true(json_object_get(scan, "git"))) {
		fact(facts, "Working tree",
		     json_is_true(json_object_get(scan, "dirty"))
			     ? "dirty (uncommitted changes were scanned)"
			     : "clean",
		     false);
		fact(facts, "Clone", json_is_true(json_object_get(scan, "shallow")) ? "shallow" : "full",
		     false);
	}
	fact(facts, "Date used as now", or_report_str(scan, "now", NULL), false);
	fact(facts, "Rules digest", or_report_str(scan, "rules_digest", NULL), true);
	scalar(&buf, json_object_get(scan, "packs"));
	fact(facts, "Rule packs", or_buf_cstr(&buf), false);
	fact(facts, "Configuration", or_report_str(scan, "config", "built-in defaults"), true);
	or_buf_clear(&buf);
	or_buf_printf(&buf, "%s %s", or_report_str(tool, "name", "opsready"),
		      or_report_str(tool, "version", "?"));
	fact(facts, "Tool", or_buf_cstr(&buf), false);
	or_buf_clear(&buf);
	if (json_is_true(json_object_get(history, "available")))
		or_buf_puts(&buf, "read");
	else
		or_buf_printf(&buf, "not available: %s", or_report_str(history, "reason", "unknown"));
	fact(facts, "Git history", or_buf_cstr(&buf), false);
	or_buf_clear(&buf);
	if (json_is_object(since)) {
		or_buf_printf(&buf, "changes since %s (merge base %.12s): ",
			      or_report_str(since, "rev", "?"), or_report_str(since, "merge_base", "?"));
		put_count(&buf, (long long)int_at(since, "changed_files"));
		or_buf_puts(&buf, " changed files gated; findings elsewhere are outside-change");
	} else {
		or_buf_puts(&buf, "the whole repository (no --since)");
	}
	fact(facts, "Scope", or_buf_cstr(&buf), false);
	or_buf_clear(&buf);
	put_count(&buf, (long long)int_at(scan, "files"));
	or_buf_puts(&buf, " files, ");
	put_count(&buf, (long long)int_at(scan, "documents"));
	or_buf_puts(&buf, " documents, ");
	put_count(&buf, (long long)json_array_size(skipped));
	or_buf_puts(&buf, " not read");
	fact(facts, "Files", or_buf_cstr(&buf), false);
	fact(facts, "Training records", or_report_str(inputs, "training", "none configured"), true);
	fact(facts, "Drill log", or_report_str(inputs, "drills", "none configured"), true);
	fact(facts, "Contact registry", or_report_str(inputs, "contacts", "none configured"), true);
	fact(facts, "Baseline",
	     or_report_str(scan, "baseline",
			   "none (no finding is marked baseline)"),
	     or_report_str(scan, "baseline", NULL) != NULL);
	fact(facts, "Inline suppressions",
	     json_is_false(json_object_get(scan, "inline_suppressions"))
		     ? "ignored (--no-inline-suppressions): every suppressed finding is active"
		     : "honoured (<!-- opsready-disable ... --> comments)",
	     false);
	if (json_is_number(json_object_get(scan, "duration_seconds"))) {
		or_buf_clear(&buf);
		or_buf_printf(&buf, "%.3f s (--timings; without it no report holds a time)",
			      json_number_value(json_object_get(scan, "duration_seconds")));
		fact(facts, "Scan took", or_buf_cstr(&buf), false);
	}
	fact(facts, "Repository links",
	     ctx->repo_url ? ctx->repo_url
			   : or_report_str(scan, "repo_url", NULL)
				     ? "repo_url is not an http(s) address; locations are not linked"
				     : "none (set repo_url to link locations)",
	     ctx->repo_url != NULL);
	or_buf_clear(&buf);
	if (json_array_size(changes)) {
		put_counted(&buf, (long long)json_array_size(changes), "change");
		or_buf_puts(&buf, " by the config or --rule, listed below");
	} else if (json_is_array(changes)) {
		or_buf_puts(&buf, "none: every rule as its pack defines it");
	} else {
		or_buf_puts(&buf, "not recorded (a report from an older opsready)");
	}
	fact(facts, "Rule changes", or_buf_cstr(&buf), false);
	or_buf_dispose(&buf);

	if (json_array_size(changes)) {
		xmlNodePtr tbody;

		add_text(parent, "h3", NULL, "Rules changed from their packs");
		tbody = new_table(parent, "compact", change_titles);
		for (i = 0; i < json_array_size(changes); i++) {
			const json_t *c = json_array_get(changes, i);
			xmlNodePtr row = add(tbody, "tr", NULL);

			cell_str(row, "mono nowrap", or_report_str(c, "rule", "?"));
			cell_str(row, NULL, or_report_str(c, "change", "?"));
			cell_str(row, "mono", or_report_str(c, "source", "?"));
		}
	}

	if (json_array_size(skipped)) {
		xmlNodePtr tbody;
		add_text(parent, "h3", NULL, "Files not read");
		tbody = new_table(parent, "compact", skipped_titles);
		for (i = 0; i < json_array_size(skipped); i++) {
			const json_t *s = json_array_get(skipped, i);
			xmlNodePtr row = add(tbody, "tr", NULL);
			location(add(row, "td", NULL), ctx, or_report_str(s, "path", "?"), 0, 0);
			cell_str(row, NULL, or_report_str(s, "reason", NULL));
		}
	}
}

/* ---- findings ---- */

static int compare_refs(const void *a, const void *b)
{
	const finding_ref *x = a, *y = b;
	int c;

	if (x->area_rank != y->area_rank)
		return x->area_rank < y->area_rank ? -1 : 1;
	if ((c = strcmp(x->area, y->area)) != 0)
		return c;
	if (x->severity_rank != y->severity_rank)
		return x->severity_rank > y->severity_rank ? -1 : 1;
	if ((c = strcmp(x->rule, y->rule)) != 0)
		return c;
	if (x->inactive != y->inactive)
		return x->inactive - y->inactive;
	return x->index < y->index ? -1 : x->index > y->index;
}

static int compare_file_counts(const void *a, const void *b)
{
	const file_count *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->file, y->file);
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void finding_row(xmlNodePtr tbody, const html_ctx *ctx, const finding_ref *ref)
{
	const or_report_finding *f = ref->finding;
	const char *severity = f->severity;
	const char *status = f->status;
	const char *evidence = f->evidence;
	xmlNodePtr row = add(tbody, "tr", "finding");
	xmlNodePtr td;

	attr(row, "data-severity", severity);
	attr(row, "data-area", ref->area);
	attr(row, "data-status", status);
	location(add(row, "td", "loc"), ctx, f->file, f->line, f->column);
	td = add(row, "td", NULL);
	add_text(td, "div", "message", f->message);
	if (evidence && *evidence)
		add_text(td, "code", "evidence", evidence);

	td = add(row, "td", "status");
	badge(td, "sev", severity, NULL);
	text(td, " ");
	badge(td, "st", status, NULL);
	if (strcmp(status, "active") == 0 && or_report_severity_rank(severity) >= ctx->fail_on &&
	    ctx->fail_on <= 2) {
		text(aside(td, "blocks"), "fails the gate");
	}
	if (f->waived) {
		xmlNodePtr detail = aside(td, "waiver-detail");
		textf(detail, "Waiver: %s", f->waiver.reason ? f->waiver.reason : "(no reason)");
		add(detail, "br", NULL);
		textf(detail, "Approved by %s",
		      f->waiver.approved_by ? f->waiver.approved_by : "nobody named");
		add(detail, "br", NULL);
		textf(detail, "Expires %s", f->waiver.expires ? f->waiver.expires : "?");
	} else if (f->reason) {
		text(aside(td, "status-reason"), f->reason);
	}
}

static void per_file_counts(xmlNodePtr parent, const finding_ref *refs, size_t n)
{
	static const char *const titles[] = { "File", "#Findings of this rule", NULL };
	const char **files = or_xmalloc((n ? n : 1) * sizeof(*files));
	file_count *counts = or_xmalloc((n ? n : 1) * sizeof(*counts));
	size_t i, distinct = 0;
	xmlNodePtr tbody;

	for (i = 0; i < n; i++)
		files[i] = refs[i].finding->file ? refs[i].finding->file : "(repository-wide)";
	qsort(files, n, sizeof(*files), compare_strings);
	for (i = 0; i < n; i++) {
		if (distinct && strcmp(counts[distinct - 1].file, files[i]) == 0) {
			counts[distinct - 1].count++;
			continue;
		}
		counts[distinct].file = files[i];
		counts[distinct].count = 1;
		distinct++;
	}
	qsort(counts, distinct, sizeof(*counts), compare_file_counts);
	tbody = new_table(parent, "compact per-file", titles);
	for (i = 0; i < distinct && i < HTML_FILES_PER_RULE; i++) {
		xmlNodePtr row = add(tbody, "tr", NULL);
		or_buf buf = OR_BUF_INIT;
		add_text(add(row, "td", NULL), "span", "mono", counts[i].file);
		put_count(&buf, (long long)counts[i].count);
		add_text(row, "td", "num", or_buf_cstr(&buf));
		or_buf_dispose(&buf);
	}
	if (distinct > HTML_FILES_PER_RULE) {
		or_buf buf = OR_BUF_INIT;
		or_buf_puts(&buf, "\xe2\x80\xa6 and ");
		put_count(&buf, (long long)(distinct - HTML_FILES_PER_RULE));
		or_buf_puts(&buf, " more files");
		add_text(parent, "p", "note", or_buf_cstr(&buf));
		or_buf_dispose(&buf);
	}
	free(files);
	free(counts);
}

static void rule_group(xmlNodePtr parent, const html_ctx *ctx, const finding_ref *refs, size_t n)
{
	static const char *const finding_titles[] = { "Location", "Finding and evidence", "Status",
						       NULL };
	const char *id = refs[0].rule;
	const json_t *rule = or_report_rule(ctx->report, ctx->rules, id);
	const char *severity = or_report_str(rule, "severity", refs[0].finding->severity);
	const json_t *references = json_object_get(rule, "references");
	or_buf buf = OR_BUF_INIT;
	xmlNodePtr section, heading, meta, tbody;
	size_t i, active = 0;

	for (i = 0; i < n; i++)
		if (!refs[i].inactive)
			active++;
	or_buf_printf(&buf, "rule sev-%s", or_report_severity_rank(severity) <= 2 ? severity : "error");
	section = add(parent, "section", or_buf_cstr(&buf));
	or_buf_clear(&buf);
	or_buf_printf(&buf, "rule-%s", id);
	attr(section, "id", or_buf_cstr(&buf));

	heading = add(section, "h4", NULL);
	badge(heading, "sev", severity, NULL);
	add_text(heading, "code", NULL, id);
	add_text(heading, "span", "rule-title", or_report_str(rule, "title", "(rule not listed in this report)"));
	or_buf_clear(&buf);
	put_counted(&buf, (long long)n, "finding");
	or_buf_puts(&buf, ", ");
	put_count(&buf, (long long)active);
	or_buf_puts(&buf, " active");
	add_text(heading, "span", "rule-count", or_buf_cstr(&buf));

	if (rule) {
		add_prose(section, "p", "description", or_report_str(rule, "description", ""));
		meta = add(section, "dl", "rule-meta");
		if (json_is_string(json_object_get(rule, "rationale"))) {
			add_text(meta, "dt", NULL, "Why it matters");
			add_prose(meta, "dd", NULL, or_report_str(rule, "rationale", ""));
		}
		add_text(meta, "dt", NULL, "Remediation");
		add_prose(meta, "dd", NULL, or_report_str(rule, "remediation", NONE));
		add_text(meta, "dt", NULL, "Standards");
		if (json_array_size(references)) {
			xmlNodePtr list = add(add(meta, "dd", NULL), "ul", NULL);
			for (i = 0; i < json_array_size(references); i++)
				add_text(list, "li", NULL,
					 json_string_value(json_array_get(references, i)));
		} else {
			add_text(meta, "dd", NULL, "none cited");
		}
		add_text(meta, "dt", NULL, "Pack");
		add_text(meta, "dd", NULL, or_report_str(rule, "pack", NONE));
	}

	tbody = new_table(section, "findings", finding_titles);
	for (i = 0; i < n && i < HTML_FINDINGS_PER_RULE; i++)
		finding_row(tbody, ctx, &refs[i]);
	if (n > HTML_FINDINGS_PER_RULE) {
		or_buf_clear(&buf);
		or_buf_puts(&buf, "\xe2\x80\xa6 and ");
		put_count(&buf, (long long)(n - HTML_FINDINGS_PER_RULE));
		or_buf_printf(&buf, " more finding%s of this rule (the first ",
			      n - HTML_FINDINGS_PER_RULE == 1 ? "" : "s");
		put_count(&buf, HTML_FINDINGS_PER_RULE);
		or_buf_puts(&buf, " are listed, active ones first; the JSON report has them all). "
				  "Findings of this rule per file:");
		add_text(section, "p", "more", or_buf_cstr(&buf));
		per_file_counts(section, refs, n);
	}
	or_buf_dispose(&buf);
}

static size_t area_rank(const json_t *areas, const char *area)
{
	const char *key;
	json_t *value;
	size_t rank = 0;

	json_object_foreach((json_t *)areas, key, value) {
		if (strcmp(key, area) == 0)
			return rank;
		rank++;
	}
	return (size_t)-1;
}

static void render_findings(xmlNodePtr parent, const html_ctx *ctx)
{
	const or_finding_table *findings = ctx->findings;
	const json_t *areas = json_object_get(json_object_get(ctx->report, "summary"), "areas");
	size_t n = findings->count, i, start, rules = 0;
	finding_ref *refs;
	xmlNodePtr area_section = NULL;
	or_buf buf = OR_BUF_INIT;

	if (!n) {
		empty(parent, "No findings: every rule evaluated on this repository passed.");
		return;
	}
	refs = or_xcalloc(n, sizeof(*refs));
	for (i = 0; i < n; i++) {
		const or_report_finding *f = &findings->items[i];
		const json_t *def = or_report_rule(ctx->report, ctx->rules, f->rule);
		refs[i].finding = f;
		refs[i].area = f->area ? f->area : "other";
		refs[i].rule = f->rule;
		refs[i].area_rank = area_rank(areas, refs[i].area);
		refs[i].severity_rank =
			or_report_severity_rank(or_report_str(def, "severity", f->severity));
		refs[i].inactive = strcmp(f->status, "active") != 0;
		refs[i].index = i;
	}
	qsort(refs, n, sizeof(*refs), compare_refs);
	for (i = 0; i < n; i++)
		if (i == 0 || strcmp(refs[i].rule, refs[i - 1].rule) != 0 ||
		    strcmp(refs[i].area, refs[i - 1].area) != 0)
			rules++;

	put_counted(&buf, (long long)n, "finding");
	or_buf_puts(&buf, " of ");
	put_counted(&buf, (long long)rules, "rule");
	or_buf_puts(&buf, ", grouped by area and rule; each rule's description, remediation "
			  "and standards are given once. Locations are path:line:column");
	or_buf_puts(&buf, ctx->repo_url ? ", linked to the repository at the scanned commit." : ".");
	add_text(parent, "p", "note", or_buf_cstr(&buf));

	for (start = 0; start < n;) {
		size_t end = start + 1;
		while (end < n && strcmp(refs[end].rule, refs[start].rule) == 0 &&
		       strcmp(refs[end].area, refs[start].area) == 0)
			end++;
		if (start == 0 || strcmp(refs[start].area, refs[start - 1].area) != 0) {
			const json_t *summary_area = json_object_get(areas, refs[start].area);
			xmlNodePtr h3;
			area_section = add(parent, "section", "area");
			or_buf_clear(&buf);
			or_buf_printf(&buf, "area-%s", refs[start].area);
			attr(area_section, "id", or_buf_cstr(&buf));
			attr(area_section, "data-area", refs[start].area);
			h3 = add(area_section, "h3", NULL);
			text(h3, refs[start].area);
			if (summary_area) {
				or_buf_clear(&buf);
				or_buf_puts(&buf, "score ");
				score_text(&buf, json_object_get(summary_area, "score"));
				or_buf_puts(&buf, " \xc2\xb7 ");
				put_counted(&buf, (long long)int_at(summary_area, "findings"),
					    "active finding");
				or_buf_puts(&buf, " in ");
				put_counted(&buf, (long long)int_at(summary_area, "evaluations"),
					    "evaluation");
				add_text(h3, "span", "area-score", or_buf_cstr(&buf));
			}
		}
		rule_group(area_section, ctx, refs + start, end - start);
		start = end;
	}
	or_buf_dispose(&buf);
	free(refs);
}

/* ---- waivers ---- */

static void render_waivers(xmlNodePtr parent, const html_ctx *ctx)
{
	static const char *const titles[] = { "Rule", "Subject", "Path", "Reason", "Approved by",
					      "Expires", "Status", "#Findings waived", NULL };
	const json_t *waivers = json_object_get(ctx->report, "waivers");
	xmlNodePtr tbody;
	size_t i;

	if (!waivers) {
		empty(parent, "This report carries no waiver list; waived findings, if any, are "
			      "shown with their waiver under Findings.");
		return;
	}
	if (!json_array_size(waivers)) {
		empty(parent, "No waivers configured.");
		return;
	}
	tbody = new_table(parent, "compact", titles);
	for (i = 0; i < json_array_size(waivers); i++) {
		const json_t *w = json_array_get(waivers, i);
		const char *status = or_report_str(w, "status", NULL);
		xmlNodePtr row = add(tbody, "tr", NULL), td;
		td = add(row, "td", NULL);
		add_text(td, "code", NULL, or_report_str(w, "rule", NONE));
		if (int_at(w, "line"))
			textf(aside(td, "status-reason"), "configuration line %lld",
			      (long long)int_at(w, "line"));
		if (json_is_string(json_object_get(w, "repository")))
			textf(aside(td, "status-reason"), "repository %s",
			      or_report_str(w, "repository", ""));
		cell(row, NULL, json_object_get(w, "subject"));
		cell(row, "mono", json_object_get(w, "path"));
		cell(row, NULL, json_object_get(w, "reason"));
		cell(row, NULL, json_object_get(w, "approved_by"));
		cell(row, "nowrap", json_object_get(w, "expires"));
		td = add(row, "td", NULL);
		if (status)
			badge(td, "wv", status, NULL);
		else
			text(td, NONE);
		cell(row, "num", json_object_get(w, "matched"));
	}
}

/* ---- training ---- */

static const char *person_label(const json_t *person)
{
	return or_report_str(person, "name", or_report_str(person, "id", "?"));
}

static void matrix_cell(xmlNodePtr row, const json_t *entry)
{
	const char *status = or_report_str(entry, "status", "unknown");
	xmlNodePtr td = add(row, "td", "cell");
	const char *date = NULL, *label = status;

	if (!entry) {
		badge(td, "st", "unknown", "no record");
		return;
	}
	if (strcmp(status, "done") == 0 || strcmp(status, "expiring") == 0) {
		date = or_report_str(entry, "completed", NULL);
	} else if (strcmp(status, "expired") == 0) {
		date = or_report_str(entry, "expires", NULL);
	} else if (strcmp(status, "due") == 0) {
		date = or_report_str(entry, "due", NULL);
	} else if (strcmp(status, "not-required") == 0) {
		add_text(td, "span", "not-required", "not required");
		return;
	}
	badge(td, "st", status, label);
	if (date) {
		xmlNodePtr d;
		text(td, " ");
		d = add(td, "span", "date");
		if (strcmp(status, "expiring") == 0)
			textf(d, "until %s", or_report_str(entry, "expires", date));
		else
			text(d, date);
	}
}

static void render_matrix(xmlNodePtr parent, const json_t *training)
{
	const json_t *courses = json_object_get(training, "courses");
	const json_t *people = json_object_get(training, "people");
	const json_t *matrix = json_object_get(training, "matrix");
	json_t *index = json_object();
	or_buf key = OR_BUF_INIT;
	xmlNodePtr table, row, tbody, foot;
	size_t i, c;

	for (i = 0; i < json_array_size(matrix); i++) {
		const json_t *entry = json_array_get(matrix, i);
		or_buf_clear(&key);
		or_buf_printf(&key, "%s\n%s", or_report_str(entry, "person", ""),
			      or_report_str(entry, "course", ""));
		json_object_set_new(index, or_buf_cstr(&key), json_integer((json_int_t)i));
	}
	table = add(add(parent, "div", "table-wrap"), "table", "matrix compact");
	row = add(add(table, "thead", NULL), "tr", NULL);
	attr(add_text(row, "th", NULL, "Person"), "scope", "col");
	for (c = 0; c < json_array_size(courses); c++) {
		const json_t *course = json_array_get(courses, c);
		xmlNodePtr th = add(row, "th", "course");

		attr(th, "scope", "col");
		text(th, or_report_str(course, "title", or_report_str(course, "id", "?")));
		attr(th, "title", or_report_str(course, "id", ""));
	}
	tbody = add(table, "tbody", NULL);
	for (i = 0; i < json_array_size(people); i++) {
		const json_t *person = json_array_get(people, i);
		const char *id = or_report_str(person, "id", "");
		xmlNodePtr th;
		row = add(tbody, "tr", NULL);
		th = add(row, "th", NULL);
		attr(th, "scope", "row");
		add_text(th, "span", "person-name", person_label(person));
		textf(aside(th, "person-team"), "%s%s",
		      or_report_str(person, "team", "no team"),
		      json_is_true(json_object_get(person, "fully_trained")) ? " \xc2\xb7 fully trained"
									     : "");
		for (c = 0; c < json_array_size(courses); c++) {
			const json_t *position;
			or_buf_clear(&key);
			or_buf_printf(&key, "%s\n%s", id,
				      or_report_str(json_array_get(courses, c), "id", ""));
			position = json_object_get(index, or_buf_cstr(&key));
			matrix_cell(row, position ? json_array_get(matrix, (size_t)json_integer_value(position))
						  : NULL);
		}
	}
	foot = add(add(table, "tfoot", NULL), "tr", NULL);
	add_text(foot, "td", NULL, "Completion");
	for (c = 0; c < json_array_size(courses); c++) {
		const json_t *course = json_array_get(courses, c);
		xmlNodePtr td = add(foot, "td", "cell");
		or_buf buf = OR_BUF_INIT;
		if (!int_at(course, "required")) {
			text(td, "nobody required");
			continue;
		}
		score_text(&buf, json_object_get(course, "percent"));
		if (json_is_number(json_object_get(course, "percent")))
			or_buf_putc(&buf, '%');
		text(td, or_buf_cstr(&buf));
		text(td, " ");
		or_buf_clear(&buf);
		or_buf_printf(&buf, "%lld of %lld", (long long)int_at(course, "valid"),
			      (long long)int_at(course, "required"));
		add_text(td, "span", "date", or_buf_cstr(&buf));
		or_buf_dispose(&buf);
	}
	or_buf_dispose(&key);
	json_decref(index);
}

static void render_training(xmlNodePtr parent, const html_ctx *ctx)
{
	static const char *const course_titles[] = { "Course", "Title", "#Hours", "Mandatory",
						     "#Valid for (days)", "Required for",
						     "#Valid / required", "#Completion", NULL };
	static const char *const team_titles[] = { "Team", "#Members", "#Fully trained",
						   "#Valid / required", "#Completion",
						   "Escalation level", NULL };
	const json_t *training = json_object_get(ctx->report, "training");
	const json_t *summary = json_object_get(training, "summary");
	const json_t *courses = json_object_get(training, "courses");
	const json_t *teams = json_object_get(training, "teams");
	or_buf buf = OR_BUF_INIT;
	xmlNodePtr tbody, legend;
	size_t i;

	if (!json_is_object(training)) {
		empty(parent, "No training records configured (inputs.training in .opsready.yml).");
		return;
	}
	or_buf_printf(&buf, "Records: %s. ", or_report_str(training, "records", "?"));
	put_count(&buf, (long long)int_at(summary, "fully_trained"));
	or_buf_puts(&buf, " of ");
	put_count(&buf, (long long)int_at(summary, "people"));
	or_buf_printf(&buf, " people fully trained; %lld missing, %lld expired, %lld expiring, "
			    "%lld due (course completions).",
		      (long long)int_at(summary, "missing"), (long long)int_at(summary, "expired"),
		      (long long)int_at(summary, "expiring"), (long long)int_at(summary, "due"));
	add_text(parent, "p", NULL, or_buf_cstr(&buf));
	or_buf_dispose(&buf);

	add_text(parent, "h3", NULL, "Training matrix");
	if (!json_array_size(json_object_get(training, "people")) || !json_array_size(courses)) {
		empty(parent, "No people or no courses in the training records.");
	} else {
		legend = add(parent, "p", "note");
		text(legend, "Each cell: ");
		badge(legend, "st", "done", NULL);
		text(legend, " with the completion date, ");
		badge(legend, "st", "expiring", NULL);
		text(legend, " soon, with the date it lapses, ");
		badge(legend, "st", "expired", NULL);
		text(legend, " with the date it lapsed, ");
		badge(legend, "st", "missing", NULL);
		text(legend, " (never completed), ");
		badge(legend, "st", "due", NULL);
		text(legend, " with the date it is due by (new joiners), ");
		add_text(legend, "span", "not-required", "not required");
		text(legend, ".");
		render_matrix(parent, training);
	}

	add_text(parent, "h3", NULL, "Completion per course");
	if (!json_array_size(courses)) {
		empty(parent, "No courses configured.");
	} else {
		tbody = new_table(parent, "compact", course_titles);
		for (i = 0; i < json_array_size(courses); i++) {
			const json_t *c = json_array_get(courses, i);
			xmlNodePtr row = add(tbody, "tr", NULL);
			or_buf pct = OR_BUF_INIT;
			add_text(add(row, "td", NULL), "code", NULL, or_report_str(c, "id", "?"));
			cell(row, NULL, json_object_get(c, "title"));
			cell(row, "num", json_object_get(c, "hours"));
			cell(row, NULL, json_object_get(c, "mandatory"));
			cell(row, "num", json_object_get(c, "valid_for_days"));
			if (json_array_size(json_object_get(c, "required_for")))
				cell(row, NULL, json_object_get(c, "required_for"));
			else
				cell_str(row, NULL, json_is_true(json_object_get(c, "mandatory"))
							    ? "everyone"
							    : "optional");
			or_buf_printf(&pct, "%lld / %lld", (long long)int_at(c, "valid"),
				      (long long)int_at(c, "required"));
			cell_str(row, "num", or_buf_cstr(&pct));
			or_buf_clear(&pct);
			score_text(&pct, json_object_get(c, "percent"));
			if (json_is_number(json_object_get(c, "percent")))
				or_buf_putc(&pct, '%');
			cell_str(row, "num", or_buf_cstr(&pct));
			or_buf_dispose(&pct);
		}
	}

	add_text(parent, "h3", NULL, "Completion per team");
	if (!json_array_size(teams)) {
		empty(parent, "No teams in the training records.");
	} else {
		tbody = new_table(parent, "compact", team_titles);
		for (i = 0; i < json_array_size(teams); i++) {
			const json_t *t = json_array_get(teams, i);
			const json_t *level = json_object_get(t, "escalation");
			xmlNodePtr row = add(tbody, "tr", NULL);
			or_buf b = OR_BUF_INIT;
			cell_str(row, NULL, or_report_str(t, "name", NULL));
			cell(row, "num", json_object_get(t, "members"));
			cell(row, "num", json_object_get(t, "fully_trained"));
			or_buf_printf(&b, "%lld / %lld", (long long)int_at(t, "valid"),
				      (long long)int_at(t, "required"));
			cell_str(row, "num", or_buf_cstr(&b));
			or_buf_clear(&b);
			score_text(&b, json_object_get(t, "percent"));
			if (json_is_number(json_object_get(t, "percent")))
				or_buf_putc(&b, '%');
			cell_str(row, "num", or_buf_cstr(&b));
			or_buf_clear(&b);
			if (json_is_object(level)) {
				or_buf_printf(&b, "Level %lld", (long long)int_at(level, "level"));
				if (json_is_string(json_object_get(level, "window")))
					or_buf_printf(&b, " (%s)", or_report_str(level, "window", ""));
			}
			cell_str(row, NULL, or_buf_cstr(&b));
			or_buf_dispose(&b);
		}
	}
}

/* ---- drills ---- */

/* "7.5 min (objective 5 min)" */
static void measured(or_buf *out, const json_t *value, const json_t *objective, const char *unit)
{
	if (json_is_number(value))
		or_buf_printf(out, "%g %s", json_number_value(value), unit);
	else if (json_is_number(objective))
		or_buf_puts(out, "not measured");
	else
		or_buf_puts(out, NONE);
	if (json_is_number(objective))
		or_buf_printf(out, " (objective %g %s%s)", json_number_value(objective), unit,
			      json_is_number(value) &&
					      json_number_value(value) > json_number_value(objective)
				      ? ", missed"
				      : "");
}

static void render_drills(xmlNodePtr parent, const html_ctx *ctx)
{
	static const char *const titles[] = { "Drill", "Cadence", "#Drills", "Latest", "Outcome",
					      "RTO", "RPO", "Next due", "Status", NULL };
	static const char *const history_titles[] = { "Date", "Drill", "Outcome", "RTO", "RPO",
						      "Participants", "#Log line", NULL };
	const json_t *drills = json_object_get(ctx->report, "drills");
	const char *log = or_report_str(json_object_get(json_object_get(ctx->report, "scan"),
							"inputs"),
					 "drills", NULL);
	xmlNodePtr tbody;
	size_t i, j, total = 0;

	if (!json_array_size(drills)) {
		empty(parent, log ? "The drill log has no drills and no drill types are required."
				  : "No drill log configured (inputs.drills in .opsready.yml).");
		return;
	}
	if (log)
		textf(add(parent, "p", "note"), "Drill log: %s. RTO in minutes, RPO in seconds; "
						 "objectives come from the rule pack or the configuration.",
		      log);
	tbody = new_table(parent, "compact", titles);
	for (i = 0; i < json_array_size(drills); i++) {
		const json_t *d = json_array_get(drills, i);
		const json_t *latest = json_object_get(d, "latest");
		const json_t *objectives = json_object_get(d, "objectives");
		const char *outcome = or_report_str(latest, "outcome", NULL);
		xmlNodePtr row = add(tbody, "tr", NULL), td;
		or_buf b = OR_BUF_INIT;

		total += json_array_size(json_object_get(d, "history"));
		cell_str(row, NULL, or_report_str(d, "type", "?"));
		if (json_is_integer(json_object_get(d, "every_days")))
			or_buf_printf(&b, "every %lld days", (long long)int_at(d, "every_days"));
		cell_str(row, "nowrap", b.size ? or_buf_cstr(&b) : "not scheduled");
		cell(row, "num", json_object_get(d, "count"));
		cell_str(row, "nowrap", or_report_str(latest, "date", NULL));
		td = add(row, "td", NULL);
		if (outcome)
			badge(td, "st", outcome, NULL);
		else
			text(td, NONE);
		or_buf_clear(&b);
		if (latest)
			measured(&b, json_object_get(latest, "rto_minutes"),
				 json_object_get(objectives, "rto_minutes"), "min");
		cell_str(row, NULL, or_buf_cstr(&b));
		or_buf_clear(&b);
		if (latest)
			measured(&b, json_object_get(latest, "rpo_seconds"),
				 json_object_get(objectives, "rpo_seconds"), "s");
		cell_str(row, NULL, or_buf_cstr(&b));
		cell_str(row, "nowrap", or_report_str(d, "next_due", NULL));
		badge(add(row, "td", NULL), "st", or_report_str(d, "status", "none"), NULL);
		or_buf_dispose(&b);
	}

	add_text(parent, "h3", NULL, "Drill history");
	if (!total) {
		empty(parent, "No drills recorded.");
		return;
	}
	tbody = new_table(parent, "compact", history_titles);
	for (i = 0; i < json_array_size(drills); i++) {
		const json_t *d = json_array_get(drills, i);
		const json_t *history = json_object_get(d, "history");
		const json_t *objectives = json_object_get(d, "objectives");
		for (j = 0; j < json_array_size(history); j++) {
			const json_t *h = json_array_get(history, j);
			const char *outcome = or_report_str(h, "outcome", NULL);
			xmlNodePtr row = add(tbody, "tr", NULL), td;
			or_buf b = OR_BUF_INIT;
			cell_str(row, "nowrap", or_report_str(h, "date", NULL));
			cell_str(row, NULL, or_report_str(h, "type", NULL));
			td = add(row, "td", NULL);
			if (outcome)
				badge(td, "st", outcome, NULL);
			else
				text(td, "not recorded");
			measured(&b, json_object_get(h, "rto_minutes"),
				 json_object_get(objectives, "rto_minutes"), "min");
			cell_str(row, NULL, or_buf_cstr(&b));
			or_buf_clear(&b);
			measured(&b, json_object_get(h, "rpo_seconds"),
				 json_object_get(objectives, "rpo_seconds"), "s");
			cell_str(row, NULL, or_buf_cstr(&b));
			cell(row, NULL, json_object_get(h, "participants"));
			cell(row, "num", json_object_get(h, "line"));
			or_buf_dispose(&b);
		}
	}
}

/* ---- documents ---- */

/* "Reviewed-by: A, B" under a commit: one of its trailers, when it has any. */
static void trailer_line(xmlNodePtr td, const char *trailer, const json_t *names)
{
	or_buf line = OR_BUF_INIT;
	size_t i;

	if (!json_array_size(names))
		return;
	or_buf_printf(&line, "%s: ", trailer);
	for (i = 0; i < json_array_size(names); i++)
		or_buf_printf(&line, "%s%s", i ? ", " : "",
			      json_string_value(json_array_get(names, i)));
	text(aside(td, "status-reason"), or_buf_cstr(&line));
	or_buf_dispose(&line);
}

static void document_row(xmlNodePtr tbody, const html_ctx *ctx, const json_t *d)
{
	const json_t *commit = json_object_get(d, "last_commit");
	const json_t *checklist = json_object_get(d, "checklist");
	const char *title = or_report_str(d, "title", NULL);
	xmlNodePtr row = add(tbody, "tr", NULL), td;
	or_buf b = OR_BUF_INIT;

	td = add(row, "td", "doc");
	if (title)
		add_text(td, "div", "doc-title", title);
	location(td, ctx, or_report_str(d, "path", "?"), 0, 0);
	text(td, " ");
	badge(td, "st", "none", or_report_str(d, "type", "document"));
	cell_str(row, NULL, or_report_str(d, "owner", NULL));
	td = cell_str(row, NULL, or_report_str(d, "version", NULL));
	if (json_is_string(json_object_get(d, "status")))
		text(aside(td, "status-reason"), or_report_str(d, "status", ""));
	cell_str(row, "nowrap", or_report_str(d, "last_updated", NULL));
	td = cell_str(row, "nowrap", or_report_str(d, "next_review", NULL));
	if (json_is_true(json_object_get(d, "next_review_derived")))
		textf(aside(td, "status-reason"), "derived from %s",
		      or_report_str(d, "review_period", "the review period"));

	td = add(row, "td", NULL);
	if (json_is_object(commit)) {
		const char *time = or_report_str(commit, "time", "");
		or_buf_printf(&b, "%.10s", or_report_str(commit, "id", ""));
		add_text(td, "code", NULL, or_buf_cstr(&b));
		or_buf_clear(&b);
		textf(td, " %.10s", time);
		textf(aside(td, "status-reason"), "%s%s%s",
		      or_report_str(commit, "author", "unknown author"),
		      json_is_string(json_object_get(commit, "summary")) ? ": " : "",
		      or_report_str(commit, "summary", ""));
		trailer_line(td, "Reviewed-by", json_object_get(commit, "reviewed_by"));
		trailer_line(td, "Approved-by", json_object_get(commit, "approved_by"));
	} else {
		text(td, NONE);
	}
	if (json_is_true(json_object_get(d, "uncommitted")))
		text(aside(td, "blocks"), "uncommitted changes");

	if (int_at(checklist, "items"))
		or_buf_printf(&b, "%lld / %lld", (long long)int_at(checklist, "done"),
			      (long long)int_at(checklist, "items"));
	cell_str(row, "num", or_buf_cstr(&b));
	cell(row, "num", json_object_get(d, "findings"));
	or_buf_dispose(&b);
}

static void render_documents(xmlNodePtr parent, const html_ctx *ctx)
{
	static const char *const titles[] = { "Document", "Owner", "Version and status",
					      "Last updated", "Next review", "Last commit",
					      "#Checklist done", "#Findings", NULL };
	const json_t *documents = json_object_get(ctx->report, "documents");

	if (!json_array_size(documents)) {
		empty(parent, "No documents were found in scope (paths.include).");
		return;
	}
	streamed_table(parent, ctx, "compact", titles, documents, document_row);
}

/* ---- contacts ---- */

static void contact_row(xmlNodePtr tbody, const html_ctx *ctx, const json_t *c)
{
	const json_t *source = json_object_get(c, "verified_source");
	xmlNodePtr row = add(tbody, "tr", NULL), td;

	cell_str(row, NULL, or_report_str(c, "role", NULL));
	cell_str(row, NULL, or_report_str(c, "name", NULL));
	cell_str(row, NULL, or_report_str(c, "kind", NULL));
	cell_str(row, "mono", or_report_str(c, "value", NULL));
	location(add(row, "td", "nowrap"), ctx, or_report_str(c, "file", "?"),
		 (long long)int_at(c, "line"), 0);
	if (json_is_string(json_object_get(c, "changed_on_or_before"))) {
		/* followed back only as far as contacts.stale needed */
		xmlNodePtr when = add(row, "td", "nowrap");
		textf(when, "on or before %s", or_report_str(c, "changed_on_or_before", ""));
	} else {
		cell_str(row, "nowrap", or_report_str(c, "verified", NULL));
	}
	td = cell_str(row, NULL, json_is_string(source) ? json_string_value(source) : "never verified");
	if (json_is_string(json_object_get(c, "commit")))
		textf(aside(td, "status-reason"), "commit %.10s", or_report_str(c, "commit", ""));
	cell(row, "num", json_object_get(c, "age_days"));
	badge(add(row, "td", NULL), "st", or_report_str(c, "status", "ok"), NULL);
}

static void render_contacts(xmlNodePtr parent, const html_ctx *ctx)
{
	static const char *const titles[] = { "Role", "Name", "Kind", "Value", "Source",
					      "Verified", "How known", "#Age (days)", "Status",
					      NULL };
	const json_t *contacts = json_object_get(ctx->report, "contacts");

	if (!json_array_size(contacts)) {
		empty(parent, "No contacts found in the documents or a contact registry.");
		return;
	}
	streamed_table(parent, ctx, "compact", titles, contacts, contact_row);
}

/* ---- footer ---- */

static void render_footer(xmlNodePtr footer, const html_ctx *ctx)
{
	const json_t *scan = json_object_get(ctx->report, "scan");
	const json_t *tool = json_object_get(ctx->report, "tool");
	or_buf b = OR_BUF_INIT;

	or_buf_printf(&b, "Scanned %s", or_report_str(scan, "root", "?"));
	if (ctx->commit)
		or_buf_printf(&b, " at commit %s (%s%s)", ctx->commit,
			      or_report_str(scan, "branch", "detached"),
			      json_is_true(json_object_get(scan, "dirty")) ? ", with uncommitted changes"
									   : "");
	or_buf_puts(&b, ": ");
	put_count(&b, (long long)int_at(scan, "files"));
	or_buf_puts(&b, " files, ");
	put_count(&b, (long long)int_at(scan, "documents"));
	or_buf_printf(&b, " documents; ages measured against %s; rules %s from ",
		      or_report_str(scan, "now", "?"), or_report_str(scan, "rules_digest", "?"));
	scalar(&b, json_object_get(scan, "packs"));
	or_buf_puts(&b, ".");
	add_text(footer, "p", NULL, or_buf_cstr(&b));
	or_buf_clear(&b);
	or_buf_printf(&b, "Generated by %s %s from the report value (JSON schema_version %lld). "
			  "This page is self-contained: it loads nothing from the network and "
			  "works without JavaScript.",
		      or_report_str(tool, "name", "opsready"), or_report_str(tool, "version", "?"),
		      (long long)int_at(ctx->report, "schema_version"));
	add_text(footer, "p", NULL, or_buf_cstr(&b));
	or_buf_dispose(&b);
}

/* ---- the page ---- */

static int fill(xmlDocPtr doc, const html_ctx *ctx, const char *css, or_diag *diag)
{
	static const char *const ids[] = { "or-title", "or-style", "or-banner", "or-summary",
					   "or-scan", "or-findings", "or-waivers", "or-training",
					   "or-drills", "or-documents", "or-contacts", "or-footer",
					   "or-filter-area" };
	const json_t *areas = json_object_get(json_object_get(ctx->report, "summary"), "areas");
	const char *area;
	json_t *value;
	xmlNodePtr nodes[sizeof(ids) / sizeof(ids[0])];
	xmlNodePtr root = xmlDocGetRootElement(doc);
	size_t i;

	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		nodes[i] = find_id(root, ids[i]);
		if (!nodes[i])
			return or_diag_set(diag, OR_EXIT_RUNTIME, "report.html", 0, 0,
					   "the HTML template has no element with id '%s'", ids[i]);
	}
	xmlAddChild(nodes[1], xmlNewText(BAD_CAST css));
	xmlUnsetProp(nodes[1], BAD_CAST "id");
	render_banner(nodes[2], nodes[0], ctx);
	render_summary(nodes[3], ctx);
	render_scan(nodes[4], ctx);
	render_findings(nodes[5], ctx);
	render_waivers(nodes[6], ctx);
	render_training(nodes[7], ctx);
	render_drills(nodes[8], ctx);
	render_documents(nodes[9], ctx);
	render_contacts(nodes[10], ctx);
	render_footer(nodes[11], ctx);
	json_object_foreach((json_t *)areas, area, value) {
		xmlNodePtr option = add_text(nodes[12], "option", NULL, area);
		attr(option, "value", area);
	}
	return 0;
}

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
	const json_t *items = ctx->rows->tables[k].items;
	xmlNodePtr scratch = xmlNewDocNode(doc, NULL, BAD_CAST "tbody", NULL);
	size_t i;

	/* laid out as the serialiser lays out a <tbody> it holds whole */
	xmlOutputBufferWrite(output, 1, "\n");
	for (i = 0; i < json_array_size(items); i++) {
		ctx->rows->tables[k].row(scratch, ctx, json_array_get(items, i));
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
static int write_page(xmlOutputBufferPtr output, xmlDocPtr doc, const html_ctx *ctx)
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

static int render_html(or_out *out, const or_report *value, const or_render_options *options,
		       or_diag *diag)
{
	const json_t *report = value->root;
	const or_embedded_file *page = or_embedded_find(or_templates_files, "report.html");
	const or_embedded_file *css = or_embedded_find(or_templates_files, "report.css");
	const json_t *scan = json_object_get(report, "scan");
	html_ctx ctx;
	html_rows rows;
	xmlDocPtr doc = NULL;
	xmlOutputBufferPtr output;
	const char *repo_url;
	int error = -1;

	(void)options;
	memset(&ctx, 0, sizeof(ctx));
	memset(&rows, 0, sizeof(rows));
	if (!page || !css)
		return or_diag_set(diag, OR_EXIT_RUNTIME, NULL, 0, 0,
				   "the HTML report template is not compiled into this opsready");
	ctx.report = report;
	ctx.findings = &value->findings;
	ctx.rows = &rows;
	ctx.rules = or_report_rule_index(report);
	repo_url = or_report_str(scan, "repo_url", NULL);
	ctx.repo_url = repo_url && is_http_url(repo_url) ? repo_url : NULL;
	ctx.commit = or_report_str(scan, "commit", NULL);
	ctx.fail_on = or_report_severity_rank(or_report_str(json_object_get(report, "gate"), "fail_on", "error"));

	doc = htmlReadMemory((const char *)page->data, (int)page->size, "report.html", "UTF-8",
			     HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
				     HTML_PARSE_NOBLANKS);
	if (!doc) {
		or_diag_set(diag, OR_EXIT_RUNTIME, "report.html", 0, 0,
			    "the HTML report template could not be parsed");
		goto cleanup;
	}
	if (fill(doc, &ctx, (const char *)css->data, diag) != 0)
		goto cleanup;
	/* the template declares UTF-8: written as it is, no conversion */
	output = or_xml_output(out);
	if (!output) {
		or_diag_set(diag, OR_EXIT_RUNTIME, NULL, 0, 0, "the HTML report could not be serialised");
		goto cleanup;
	}
	if (write_page(output, doc, &ctx) != 0) {
		xmlOutputBufferClose(output);
		or_diag_set(diag, OR_EXIT_RUNTIME, NULL, 0, 0, "the HTML report could not be serialised");
		goto cleanup;
	}
	if (xmlOutputBufferClose(output) < 0 && !out->failed) {
		or_diag_set(diag, OR_EXIT_RUNTIME, NULL, 0, 0, "the HTML report could not be serialised");
		goto cleanup;
	}
	error = 0;
cleanup:
	xmlFreeDoc(doc);
	json_decref(ctx.rules);
	return error;
}

const or_reporter or_reporter_html = { "html", "html", render_html };
