/*
 * The shapes of Markdown that cmark-gfm 0.29.0.gfm.6 parses in quadratic
 * time, measured in one pass over the lines before it parses them. Each
 * measure follows the code that is quadratic (a walk cmark-gfm repeats)
 * and over-counts rather than under-counts: brackets in code spans count,
 * a paragraph ends only at a blank line.
 */
#include "input/markdown_guard.h"

#include <stdint.h>
#include <string.h>

typedef struct guard {
	uint64_t len;
	/* tables */
	bool in_table;           /* the lines after a delimiter row, to a blank line */
	size_t header_cells;     /* the cells a row is filled up to */
	size_t para_cells;       /* the most cells of a line of this paragraph */
	bool prev_blank;
	uint64_t table_cells, table_steps;
	/* brackets: openers still open in this paragraph */
	uint64_t open_brackets, bracket_steps;
	/* autolinks */
	uint64_t autolink_steps;
	/* containers (block quotes, list items) open in this paragraph, the
	 * list items among them, the line that opened the most, the lines
	 * since, and the lines' walks over them */
	uint64_t quotes_open, lists_open, quote_steps;
	size_t deepest_line, lines_after;
} guard;

static bool is_blank(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
			return false;
	return true;
}

static bool is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * The containers a line opens in its prefix ("> > - 1. > text"): '>'
 * markers, and list markers ('-', '*', '+', "N." or "N)" followed by a
 * space, a tab or the end of the line), counted apart in *lists.
 */
static size_t container_depth(const char *p, size_t n, size_t *lists)
{
	size_t i = 0, j, depth = 0;

	*lists = 0;
	while (i < n) {
		if (p[i] == ' ' || p[i] == '\t') {
			i++;
			continue;
		}
		if (p[i] == '>') {
			depth++;
			i++;
			continue;
		}
		j = i;
		if (p[j] == '-' || p[j] == '*' || p[j] == '+') {
			j++;
		} else {
			while (j < n && j - i < 9 && p[j] >= '0' && p[j] <= '9')
				j++;
			if (j == i || j >= n || (p[j] != '.' && p[j] != ')'))
				break;
			j++;
		}
		if (j < n && p[j] != ' ' && p[j] != '\t')
			break;
		depth++;
		(*lists)++;
		i = j;
	}
	return depth;
}

/* The cells of a line read as a table row: the unescaped pipes, less a
 * leading and a trailing one, plus one. */
static size_t row_cells(const char *p, size_t n)
{
	size_t i, pipes = 0, first = n, last = n;

	for (i = 0; i < n; i++) {
		if (p[i] == '\\') {
			i++;
			continue;
		}
		if (p[i] == '|') {
			if (first == n)
				first = i;
			last = i;
			pipes++;
		}
	}
	if (!pipes)
		return 1;
	if (is_blank(p, first))
		pipes--;
	if (pipes && last != first && is_blank(p + last + 1, n - last - 1))
		pipes--;
	return pipes + 1;
}

/* A line the table extension takes for a delimiter row ("|---|:-:|"). */
static bool is_delimiter_row(const char *p, size_t n)
{
	size_t i;
	bool dash = false;

	for (i = 0; i < n; i++) {
		switch (p[i]) {
		case '-':
			dash = true;
			break;
		case '|': case ':': case ' ': case '\t': case '\v': case '\f': case '\r':
			break;
		default:
			return false;
		}
	}
	return dash;
}

static void charge_row(guard *g, size_t cells, size_t filled)
{
	g->table_cells += filled > cells ? filled : cells;
	g->table_steps += (uint64_t)cells * (cells - 1) / 2;
}

/*
 * Brackets: each ']' followed by '(' or '[' may close a link, after which
 * cmark-gfm walks every opener below it to the first inactive link opener,
 * stepping over image openers: counted as the openers still open.
 */
static void scan_brackets(guard *g, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] == '\\') {
			i++;
		} else if (p[i] == '[') {
			g->open_brackets++;
		} else if (p[i] == ']' && g->open_brackets) {
			g->open_brackets--;
			if (i + 1 < n && (p[i + 1] == '(' || p[i + 1] == '['))
				g->bracket_steps += g->open_brackets;
		}
	}
}

/*
 * Autolinks: from each "www." the extension scans the domain characters
 * to the end of their run, and from each '@' the address characters: the
 * sum of those scans, from the count and the positions of the starts in
 * each run (m starts at positions summing to s cost m * end - s).
 */
static void scan_autolinks(guard *g, const char *p, size_t n)
{
	uint64_t www = 0, www_at = 0, at = 0, at_at = 0;
	size_t i;

	for (i = 0; i <= n; i++) {
		unsigned char c = i < n ? (unsigned char)p[i] : ' ';
		bool host = is_alnum(c) || c >= 0x80 || c == '_' || c == '.' || c == '-';
		bool mail = is_alnum(c) || c == '@' || c == '_' || c == '.' || c == '-';

		if (!host && www) {
			g->autolink_steps += www * i - www_at;
			www = www_at = 0;
		}
		if (!mail && at) {
			g->autolink_steps += at * i - at_at;
			at = at_at = 0;
		}
		if (host && c == 'w' && n - i >= 4 && memcmp(p + i, "www.", 4) == 0) {
			www++;
			www_at += i;
		}
		if (c == '@' && i > 0) {
			at++;
			at_at += i;
		}
	}
}

static void lists_reason(guard *g, const char *p, size_t len, uint64_t limit, or_buf *reason)
{
	size_t start = 0;
	uint64_t steps = g->quote_steps;

	while (start < len) {
		const char *nl = memchr(p + start, '\n', len - start);
		size_t n = nl ? (size_t)(nl - (p + start)) : len - start;

		if (is_blank(p + start, n))
			break;
		g->lines_after++;
		steps += g->quotes_open;
		start += n + 1;
	}
	if (g->lists_open == g->quotes_open)
		or_buf_printf(reason, "list items nested %llu deep", (unsigned long long)g->quotes_open);
	else
		or_buf_printf(reason, "list items and block quotes nested %llu deep",
			      (unsigned long long)g->quotes_open);
	or_buf_printf(reason,
		      " on line %zu, walked by each of the %zu lines after them: %llu steps "
		      "exceed %llu, the limit for a file of this size",
		      g->deepest_line, g->lines_after, (unsigned long long)steps,
		      (unsigned long long)limit);
}

static bool over(or_buf *reason, uint64_t value, uint64_t limit, const char *what)
{
	if (value <= limit)
		return false;
	or_buf_printf(reason, "%s exceed %llu, the limit for a file of this size", what,
		      (unsigned long long)limit);
	return true;
}

bool or_markdown_too_costly(const char *data, size_t len, or_buf *reason)
{
	guard g;
	size_t start = 0, line = 0;
	uint64_t cells_limit = OR_MD_TABLE_CELLS_BASE + len / OR_MD_TABLE_CELLS_PER_BYTE_DIV;
	uint64_t steps_limit = OR_MD_TABLE_STEPS_BASE + (uint64_t)len * OR_MD_TABLE_STEPS_PER_BYTE;
	uint64_t bracket_limit = OR_MD_BRACKET_STEPS_BASE +
				 (uint64_t)len * OR_MD_BRACKET_STEPS_PER_BYTE;
	uint64_t autolink_limit = OR_MD_AUTOLINK_STEPS_BASE +
				  (uint64_t)len * OR_MD_AUTOLINK_STEPS_PER_BYTE;
	uint64_t quote_limit = OR_MD_QUOTE_STEPS_BASE + (uint64_t)len * OR_MD_QUOTE_STEPS_PER_BYTE;

	memset(&g, 0, sizeof(g));
	g.prev_blank = true;
	while (start < len) {
		const char *p = data + start, *nl = memchr(p, '\n', len - start);
		size_t n = nl ? (size_t)(nl - p) : len - start, depth, lists, cells, wide;

		start += n + 1;
		line++;
		if (is_blank(p, n)) {
			g.in_table = false;
			g.para_cells = 0;
			g.open_brackets = 0;
			g.quotes_open = 0;
			g.lists_open = 0;
			g.prev_blank = true;
			continue;
		}
		depth = container_depth(p, n, &lists);
		if (depth > g.quotes_open) {
			g.quotes_open = depth;
			g.lists_open = lists;
			g.deepest_line = line;
			g.lines_after = 0;
		} else {
			g.lines_after++;
		}
		g.quote_steps += g.quotes_open;
		if (g.lists_open && g.quote_steps > quote_limit) {
			/* cmark-gfm walks every open list item for each line that
			 * continues the paragraph inside them: count those lines
			 * to the paragraph's end for the reason */
			lists_reason(&g, data + start, start < len ? len - start : 0, quote_limit,
				     reason);
			return true;
		}
		cells = row_cells(p, n);
		if (!g.prev_blank && is_delimiter_row(p, n)) {
			/* the table extension reads the paragraph above as the
			 * header row: count its widest line, whether or not the
			 * two agree and a table begins */
			wide = g.para_cells > cells ? g.para_cells : cells;
			if (wide > OR_MD_MAX_TABLE_COLUMNS) {
				or_buf_printf(reason, "a table of %zu columns on line %zu (limit %d)",
					      wide, line, OR_MD_MAX_TABLE_COLUMNS);
				return true;
			}
			charge_row(&g, g.para_cells, g.para_cells);
			charge_row(&g, cells, cells);
			if (!g.in_table) {
				g.in_table = true;
				g.header_cells = wide;
			}
		} else if (g.in_table) {
			if (cells > OR_MD_MAX_TABLE_COLUMNS) {
				or_buf_printf(reason, "a table row of %zu cells on line %zu (limit %d)",
					      cells, line, OR_MD_MAX_TABLE_COLUMNS);
				return true;
			}
			charge_row(&g, cells, g.header_cells);
		}
		if (cells > g.para_cells)
			g.para_cells = cells;
		g.prev_blank = false;
		scan_brackets(&g, p, n);
		scan_autolinks(&g, p, n);
		if (over(reason, g.table_cells, cells_limit, "table cells in all") ||
		    over(reason, g.table_steps, steps_limit,
			 "steps to list the cells of wide table rows") ||
		    over(reason, g.bracket_steps, bracket_limit,
			 "bracket openers walked after links (unclosed '[' or '![' before links)") ||
		    over(reason, g.autolink_steps, autolink_limit,
			 "bytes scanned for autolinks ('www.' or '@' in long runs)") ||
		    over(reason, g.quote_steps, quote_limit,
			 "block quote levels walked by the lines of deeply quoted paragraphs"))
			return true;
	}
	return false;
}
