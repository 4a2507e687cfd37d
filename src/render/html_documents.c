/*
 * The HTML report's inventory of what the repository holds: a row per
 * document (owner, review dates, last commit, checklist) and per contact
 * (where it is, when it was verified and how we know). Both tables are
 * streamed: their rows are built as the page is written (html_page.c).
 */
#include <string.h>

#include <libxml/tree.h>

#include "render/html.h"

/* ---- documents ---- */

/* "Reviewed-by: A, B" under a commit: one of its trailers, when it has any. */
static void trailer_line(xmlNodePtr td, const char *trailer, const or_report_strings *names)
{
	or_buf line = OR_BUF_INIT;
	size_t i;

	if (!names->count)
		return;
	or_buf_printf(&line, "%s: ", trailer);
	for (i = 0; i < names->count; i++)
		or_buf_printf(&line, "%s%s", i ? ", " : "", or_report_strings_at(names, i));
	or_html_text(or_html_aside(td, "status-reason"), or_buf_cstr(&line));
	or_buf_dispose(&line);
}

static void document_row(xmlNodePtr tbody, const html_ctx *ctx, size_t i)
{
	or_report_document_view d;
	xmlNodePtr row = or_html_add(tbody, "tr", NULL), td;
	or_buf b = OR_BUF_INIT;

	or_report_read_document(ctx->report, i, &d);
	td = or_html_add(row, "td", "doc");
	if (d.title)
		or_html_add_text(td, "div", "doc-title", d.title);
	or_html_location(td, ctx, or_html_or(d.path, "?"), 0, 0);
	or_html_text(td, " ");
	or_html_badge(td, "st", "none", or_html_or(d.type, "document"));
	td = or_html_cell_str(row, NULL, d.owner);
	if (d.owner && d.owner_source && strcmp(d.owner_source, "codeowners") == 0)
		or_html_textf(or_html_aside(td, "status-reason"), "from %s line %lld",
			      or_html_or(d.owner_file, "CODEOWNERS"), d.owner_line.value);
	else if (d.owner && d.owner_source && strcmp(d.owner_source, "site-default") == 0)
		or_html_textf(or_html_aside(td, "status-reason"), "site default (%s in %s)",
			      or_html_or(d.owner_key, "?"), or_html_or(d.owner_file, "?"));
	else if (d.owner && d.owner_source && d.owner_key)
		or_html_textf(or_html_aside(td, "status-reason"), "from '%s'", d.owner_key);
	td = or_html_cell_str(row, NULL, d.version);
	if (d.status)
		or_html_text(or_html_aside(td, "status-reason"), d.status);
	or_html_cell_str(row, "nowrap", d.last_updated);
	td = or_html_cell_str(row, "nowrap", d.next_review);
	if (d.next_review_derived)
		or_html_textf(or_html_aside(td, "status-reason"), "derived from %s",
			      or_html_or(d.review_period, "the review period"));

	td = or_html_add(row, "td", NULL);
	if (d.has_last_commit) {
		const char *time = or_html_or(d.last_commit.time, "");
		or_buf_printf(&b, "%.10s", or_html_or(d.last_commit.id, ""));
		or_html_add_text(td, "code", NULL, or_buf_cstr(&b));
		or_buf_clear(&b);
		or_html_textf(td, " %.10s", time);
		or_html_textf(or_html_aside(td, "status-reason"), "%s%s%s",
			      or_html_or(d.last_commit.author, "unknown author"),
			      d.last_commit.summary ? ": " : "",
			      or_html_or(d.last_commit.summary, ""));
		trailer_line(td, "Reviewed-by", &d.last_commit.reviewed_by);
		trailer_line(td, "Approved-by", &d.last_commit.approved_by);
	} else {
		or_html_text(td, NONE);
	}
	if (d.uncommitted)
		or_html_text(or_html_aside(td, "blocks"), "uncommitted changes");

	if (d.checklist_items.value)
		or_buf_printf(&b, "%lld / %lld", d.checklist_done.value, d.checklist_items.value);
	or_html_cell_str(row, "num", or_buf_cstr(&b));
	or_html_cell_int(row, "num", d.findings);
	or_buf_dispose(&b);
}

void or_html_documents(xmlNodePtr parent, const html_ctx *ctx)
{
	static const char *const titles[] = { "Document", "Owner", "Version and status",
					      "Last updated", "Next review", "Last commit",
					      "#Checklist done", "#Findings", NULL };
	size_t n = or_report_ndocuments(ctx->report);

	if (!n) {
		or_html_empty(parent, "No documents were found in scope (paths.include).");
		return;
	}
	or_html_streamed_table(parent, ctx, "compact", titles, n, document_row);
}

/* ---- contacts ---- */

static void contact_row(xmlNodePtr tbody, const html_ctx *ctx, size_t i)
{
	or_report_contact_view c;
	xmlNodePtr row = or_html_add(tbody, "tr", NULL), td;

	or_report_read_contact(ctx->report, i, &c);
	or_html_cell_str(row, NULL, c.role);
	or_html_cell_str(row, NULL, c.name);
	or_html_cell_str(row, NULL, c.kind);
	or_html_cell_str(row, "mono", c.value);
	or_html_location(or_html_add(row, "td", "nowrap"), ctx, or_html_or(c.file, "?"),
			 c.line.value, 0);
	if (c.changed_on_or_before) {
		/* followed back only as far as contacts.stale needed */
		xmlNodePtr when = or_html_add(row, "td", "nowrap");
		or_html_textf(when, "on or before %s", c.changed_on_or_before);
	} else {
		or_html_cell_str(row, "nowrap", c.verified);
	}
	td = or_html_cell_str(row, NULL, or_html_or(c.verified_source, "never verified"));
	if (c.commit)
		or_html_textf(or_html_aside(td, "status-reason"), "commit %.10s", c.commit);
	or_html_cell_int(row, "num", c.age_days);
	or_html_badge(or_html_add(row, "td", NULL), "st", or_html_or(c.status, "ok"), NULL);
}

void or_html_contacts(xmlNodePtr parent, const html_ctx *ctx)
{
	static const char *const titles[] = { "Role", "Name", "Kind", "Value", "Source",
					      "Verified", "How known", "#Age (days)", "Status",
					      NULL };
	size_t n = or_report_ncontacts(ctx->report);

	if (!n) {
		or_html_empty(parent, "No contacts found in the documents or a contact registry.");
		return;
	}
	or_html_streamed_table(parent, ctx, "compact", titles, n, contact_row);
}
