/*
 * Locations in the HTML report, linked to the repository when the report
 * has an http(s) repo_url: its {commit}, {path} and {line} filled in.
 */
#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>

#include "render/html.h"

bool or_html_is_http_url(const char *url)
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
void or_html_location(xmlNodePtr parent, const html_ctx *ctx, const char *file, long long line,
		      long long column)
{
	or_buf label = OR_BUF_INIT, href = OR_BUF_INIT;
	xmlNodePtr node;

	if (!file) {
		or_html_text(parent, "repository-wide");
		return;
	}
	or_buf_puts(&label, file);
	if (line > 0) {
		or_buf_printf(&label, ":%lld", line);
		if (column > 0)
			or_buf_printf(&label, ":%lld", column);
	}
	if (repo_link(&href, ctx, file, line)) {
		node = or_html_add_text(parent, "a", "mono", or_buf_cstr(&label));
		or_html_attr(node, "href", or_buf_cstr(&href));
	} else {
		or_html_add_text(parent, "span", "mono", or_buf_cstr(&label));
	}
	or_buf_dispose(&label);
	or_buf_dispose(&href);
}

