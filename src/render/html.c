/*
 * The HTML report for auditors: one self-contained page built from
 * templates/report.html and templates/report.css (compiled into the binary).
 *
 * The template is parsed with libxml2's HTML parser, its placeholder elements
 * are found by id (the named slots of html_slots) and filled through the
 * tree API, and the tree is serialised. Text from the scanned repository
 * only ever becomes text nodes and attribute values, so it is escaped by the
 * serialiser by construction; no HTML is assembled from strings.
 *
 * The tables with a row per document and per contact (10,000s in an
 * organisation's report) are not held as a tree: the page is serialised with
 * a marker comment in their <tbody>, and at the marker each row is built,
 * serialised and freed in turn (or_html_write_page, html_page.c).
 *
 * Large reports stay usable: findings are grouped by area and rule, the
 * rule's description is shown once per group, and at most
 * HTML_FINDINGS_PER_RULE findings of a rule are listed in full, followed by
 * a count of the rest and a count per file (html_findings.c).
 *
 * This file holds the reporter: the slots, what fills each, and writing the
 * page. The sections are built in html_summary.c, html_findings.c,
 * html_people.c and html_documents.c, over the report's read accessors
 * (report/read.h).
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "render/html.h"
#include "render/reporter.h"
#include "render/xml_output.h"
#include "report/read.h"
#include "util/embed.h"

/* The template's placeholder elements, one per slot. */
typedef struct html_slots {
	xmlNodePtr title;       /* <title> */
	xmlNodePtr style;       /* <style>, given the stylesheet */
	xmlNodePtr banner;
	xmlNodePtr summary;
	xmlNodePtr scan;
	xmlNodePtr findings;
	xmlNodePtr waivers;
	xmlNodePtr training;
	xmlNodePtr drills;
	xmlNodePtr documents;
	xmlNodePtr contacts;
	xmlNodePtr footer;
	xmlNodePtr filter_area; /* the findings filter's <select> of areas */
} html_slots;

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

/* Every slot of the template, or an error naming the one it lacks. */
static int find_slots(html_slots *slots, xmlDocPtr doc, or_diag *diag)
{
	const struct {
		const char *id; /* in templates/report.html */
		xmlNodePtr *slot;
	} ids[] = {
		{ "or-title", &slots->title },
		{ "or-style", &slots->style },
		{ "or-banner", &slots->banner },
		{ "or-summary", &slots->summary },
		{ "or-scan", &slots->scan },
		{ "or-findings", &slots->findings },
		{ "or-waivers", &slots->waivers },
		{ "or-training", &slots->training },
		{ "or-drills", &slots->drills },
		{ "or-documents", &slots->documents },
		{ "or-contacts", &slots->contacts },
		{ "or-footer", &slots->footer },
		{ "or-filter-area", &slots->filter_area },
	};
	xmlNodePtr root = xmlDocGetRootElement(doc);
	size_t i;

	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		*ids[i].slot = find_id(root, ids[i].id);
		if (!*ids[i].slot)
			return or_diag_set(diag, OR_EXIT_RUNTIME, "report.html", 0, 0,
					   "the HTML template has no element with id '%s'",
					   ids[i].id);
	}
	return 0;
}

/* ---- the page ---- */

static int fill(xmlDocPtr doc, const html_ctx *ctx, const char *css, or_diag *diag)
{
	html_slots slots;
	size_t i, nareas = or_report_nareas(ctx->report);

	if (find_slots(&slots, doc, diag) != 0)
		return -1;
	xmlAddChild(slots.style, xmlNewText(BAD_CAST css));
	xmlUnsetProp(slots.style, BAD_CAST "id");
	or_html_banner(slots.banner, slots.title, ctx);
	or_html_summary(slots.summary, ctx);
	or_html_scan(slots.scan, ctx);
	or_html_findings(slots.findings, ctx);
	or_html_waivers(slots.waivers, ctx);
	or_html_training(slots.training, ctx);
	or_html_drills(slots.drills, ctx);
	or_html_documents(slots.documents, ctx);
	or_html_contacts(slots.contacts, ctx);
	or_html_footer(slots.footer, ctx);
	for (i = 0; i < nareas; i++) {
		or_report_area_view area;
		xmlNodePtr option;

		or_report_read_area(ctx->report, i, &area);
		option = or_html_add_text(slots.filter_area, "option", NULL, area.name);
		or_html_attr(option, "value", area.name);
	}
	return 0;
}

static int render_html(or_out *out, const or_report *report, const or_render_options *options,
		       or_diag *diag)
{
	const or_embedded_file *page = or_embedded_find(or_templates_files, "report.html");
	const or_embedded_file *css = or_embedded_find(or_templates_files, "report.css");
	or_report_scan_view scan;
	or_report_gate_view gate;
	or_report_rule_ids rules;
	html_ctx ctx;
	xmlDocPtr doc = NULL;
	xmlOutputBufferPtr output;
	int error = -1;

	(void)options;
	memset(&ctx, 0, sizeof(ctx));
	if (!page || !css)
		return or_diag_set(diag, OR_EXIT_RUNTIME, NULL, 0, 0,
				   "the HTML report template is not compiled into this opsready");
	or_report_read_scan(report, &scan);
	or_report_read_gate(report, &gate);
	or_report_rule_ids_init(&rules, report);
	ctx.report = report;
	ctx.rows = or_html_rows_new();
	ctx.rules = &rules;
	ctx.repo_url = scan.repo_url && or_html_is_http_url(scan.repo_url) ? scan.repo_url : NULL;
	ctx.commit = scan.commit;
	ctx.fail_on = or_report_severity_rank(gate.fail_on ? gate.fail_on : "error");

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
		or_diag_set(diag, OR_EXIT_RUNTIME, NULL, 0, 0,
			    "the HTML report could not be serialised");
		goto cleanup;
	}
	if (or_html_write_page(output, doc, &ctx) != 0) {
		xmlOutputBufferClose(output);
		or_diag_set(diag, OR_EXIT_RUNTIME, NULL, 0, 0,
			    "the HTML report could not be serialised");
		goto cleanup;
	}
	if (xmlOutputBufferClose(output) < 0 && !out->failed) {
		or_diag_set(diag, OR_EXIT_RUNTIME, NULL, 0, 0,
			    "the HTML report could not be serialised");
		goto cleanup;
	}
	error = 0;
cleanup:
	xmlFreeDoc(doc);
	or_html_rows_free(ctx.rows);
	or_report_rule_ids_dispose(&rules);
	return error;
}

const or_reporter or_reporter_html = { "html", "html", render_html };
