/*
 * The JUnit XML report, for CI test views (Jenkins, GitLab):
 *
 *   <testsuites name="opsready" tests failures errors time>
 *     <testsuite name=AREA tests failures errors skipped time>   one per area
 *       <properties><property name="score" value="92.2"/></properties>
 *       <testcase name="FILE: SUBJECT" classname=RULE time="0">  one per evaluation
 *         <failure message type=SEVERITY>...</failure>           an active finding
 *         <skipped>...</skipped>                                 waived, suppressed,
 *       </testcase>                                              baseline, outside the
 *     </testsuite>                                               change, or skipped
 *   </testsuites>
 *
 * It is valid against the Jenkins JUnit XSD (junit-4.xsd as the JUnit 5
 * project keeps it), which allows neither `file`/`line` on <testcase>, nor
 * `skipped` on <testsuites>, nor attributes on <skipped>: the location goes
 * into the test name (the file) and the failure (file:line:col), the skip
 * reason into the text of <skipped>, and the skipped count onto each suite.
 *
 * Test names are "file: subject", never the line, so that a test keeps its
 * identity when the lines above it move (GitLab compares test reports by
 * classname and name). They are unique within their suite after GitLab's key
 * sanitisation (every character but [0-9A-Za-z] becomes '-'): a clash gets
 * " #2", " #3"...
 *
 * The tree is built with libxml2 and serialised by it, so escaping is by
 * construction; text is first made into valid XML 1.0 characters (C0 controls
 * but tab, LF and CR become their U+2400 pictures; invalid UTF-8 and U+FFFE/
 * U+FFFF become U+FFFD). No times: every time is "0", reports are reproducible.
 */
#include <string.h>

#include <libxml/tree.h>

#include "report/reporter.h"
#include "util/utf8.h"

typedef struct junit_ctx {
	json_t *rules; /* rule id -> the report's rule object */
	json_int_t tests, failures;
} junit_ctx;

typedef struct junit_counts {
	json_int_t tests, failures, skipped;
} junit_counts;

/* Append `s` as valid XML 1.0 character data (see the top of the file). */
static void xml_clean(or_buf *out, const char *s)
{
	size_t len = strlen(s), i = 0;

	while (i < len) {
		unsigned int cp;
		int n = or_utf8_decode(s + i, len - i, &cp);

		if (n < 0) {
			or_utf8_encode(out, 0xFFFD);
			i++;
			continue;
		}
		if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r')
			or_utf8_encode(out, 0x2400 + cp);
		else if (cp == 0xFFFE || cp == 0xFFFF)
			or_utf8_encode(out, 0xFFFD);
		else
			or_buf_put(out, s + i, (size_t)n);
		i += (size_t)n;
	}
}

static void set_attr(xmlNodePtr node, const char *name, const char *value)
{
	or_buf clean = OR_BUF_INIT;

	xml_clean(&clean, value);
	xmlNewProp(node, (const xmlChar *)name, (const xmlChar *)or_buf_cstr(&clean));
	or_buf_dispose(&clean);
}

static void set_count(xmlNodePtr node, const char *name, json_int_t value)
{
	char text[32];

	snprintf(text, sizeof(text), "%lld", (long long)value);
	xmlNewProp(node, (const xmlChar *)name, (const xmlChar *)text);
}

/* A child element holding `text` as character data. */
static xmlNodePtr text_child(xmlNodePtr parent, const char *name, const char *text)
{
	xmlNodePtr node = xmlNewChild(parent, NULL, (const xmlChar *)name, NULL);
	or_buf clean = OR_BUF_INIT;

	xml_clean(&clean, text);
	xmlNodeAddContent(node, (const xmlChar *)or_buf_cstr(&clean));
	or_buf_dispose(&clean);
	return node;
}

/* GitLab's key of a test case: classname "_" name, every character but
 * [0-9A-Za-z] replaced by '-'. */
static void gitlab_key(or_buf *out, const char *classname, const char *name)
{
	const char *parts[3] = { classname, "_", name };
	size_t p, i;

	for (p = 0; p < 3; p++) {
		size_t len = strlen(parts[p]);
		for (i = 0; i < len;) {
			unsigned int cp;
			int n = or_utf8_decode(parts[p] + i, len - i, &cp);
			bool alnum = (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
				     (cp >= 'a' && cp <= 'z');

			or_buf_putc(out, alnum ? (int)cp : '-');
			i += n > 0 ? (size_t)n : 1;
		}
	}
}

/* Make `name` (already clean) unique in the suite: " #2", " #3"... */
static void unique_name(or_buf *name, json_t *used, const char *classname)
{
	size_t base = name->size;
	or_buf key = OR_BUF_INIT;
	unsigned long n = 1;

	for (;;) {
		or_buf_clear(&key);
		gitlab_key(&key, classname, or_buf_cstr(name));
		if (!json_object_get(used, or_buf_cstr(&key)))
			break;
		or_buf_truncate(name, base);
		or_buf_printf(name, " #%lu", ++n);
	}
	json_object_set_new(used, or_buf_cstr(&key), json_true());
	or_buf_dispose(&key);
}

/* <testcase name="FILE: SUBJECT" classname=RULE time="0"> */
static xmlNodePtr testcase(xmlNodePtr suite, json_t *used, const char *rule, const char *file,
			   const char *subject)
{
	xmlNodePtr node = xmlNewChild(suite, NULL, (const xmlChar *)"testcase", NULL);
	or_buf raw = OR_BUF_INIT, name = OR_BUF_INIT, classname = OR_BUF_INIT;

	if (file && *file)
		or_buf_printf(&raw, "%s%s%s", file, *subject ? ": " : "", subject);
	else
		or_buf_puts(&raw, *subject ? subject : rule);
	xml_clean(&name, or_buf_cstr(&raw));
	xml_clean(&classname, rule);
	unique_name(&name, used, or_buf_cstr(&classname));
	xmlNewProp(node, (const xmlChar *)"name", (const xmlChar *)or_buf_cstr(&name));
	xmlNewProp(node, (const xmlChar *)"classname", (const xmlChar *)or_buf_cstr(&classname));
	xmlNewProp(node, (const xmlChar *)"time", (const xmlChar *)"0");
	or_buf_dispose(&raw);
	or_buf_dispose(&name);
	or_buf_dispose(&classname);
	return node;
}

/* "file:line:col" (as much as is known), or "" */
static void location(or_buf *out, const json_t *finding)
{
	const char *file = or_report_str(finding, "file", NULL);
	json_int_t line = json_integer_value(json_object_get(finding, "line"));
	json_int_t column = json_integer_value(json_object_get(finding, "column"));

	if (!file)
		return;
	or_buf_puts(out, file);
	if (line > 0) {
		or_buf_printf(out, ":%lld", (long long)line);
		if (column > 0)
			or_buf_printf(out, ":%lld", (long long)column);
	}
}

/* "LOC: severity: message [rule]" and the evidence, on their own lines */
static void finding_text(or_buf *out, const json_t *finding)
{
	const char *evidence = or_report_str(finding, "evidence", NULL);
	size_t start = out->size;

	location(out, finding);
	if (out->size > start)
		or_buf_puts(out, ": ");
	or_buf_printf(out, "%s: %s [%s]\n", or_report_str(finding, "severity", "error"),
		      or_report_str(finding, "message", ""), or_report_str(finding, "rule", "?"));
	if (evidence && *evidence)
		or_buf_printf(out, "evidence: %s\n", evidence);
}

static void failure(xmlNodePtr testcase_node, const json_t *finding, const json_t *rule)
{
	const json_t *references = json_object_get(rule, "references");
	const char *remediation = or_report_str(rule, "remediation", NULL);
	or_buf message = OR_BUF_INIT, text = OR_BUF_INIT;
	xmlNodePtr node;
	size_t i;

	location(&message, finding);
	if (message.size)
		or_buf_puts(&message, ": ");
	or_buf_puts(&message, or_report_str(finding, "message", ""));
	finding_text(&text, finding);
	if (remediation && *remediation)
		or_buf_printf(&text, "remediation: %s\n", remediation);
	if (json_array_size(references)) {
		or_buf_puts(&text, "references:\n");
		for (i = 0; i < json_array_size(references); i++) {
			const char *reference = json_string_value(json_array_get(references, i));
			or_buf_printf(&text, "- %s\n", reference ? reference : "");
		}
	}
	node = text_child(testcase_node, "failure", or_buf_cstr(&text));
	set_attr(node, "message", or_buf_cstr(&message));
	set_attr(node, "type", or_report_str(finding, "severity", "error"));
	or_buf_dispose(&message);
	or_buf_dispose(&text);
}

/* The first line of a skipped finding: why it does not count. */
static void skip_reason(or_buf *out, const json_t *finding)
{
	const char *status = or_report_str(finding, "status", "");
	const json_t *waiver = json_object_get(finding, "waiver");
	const char *reason = or_report_str(finding, "reason", NULL);

	if (strcmp(status, "waived") == 0 && json_is_object(waiver)) {
		const char *approver = or_report_str(waiver, "approved_by", NULL);
		const char *expires = or_report_str(waiver, "expires", NULL);

		or_buf_printf(out, "waived: %s", or_report_str(waiver, "reason", reason ? reason : ""));
		if (approver || expires) {
			or_buf_puts(out, " (");
			if (approver)
				or_buf_printf(out, "approved by %s%s", approver, expires ? ", " : "");
			if (expires)
				or_buf_printf(out, "expires %s", expires);
			or_buf_putc(out, ')');
		}
	} else if (strcmp(status, "outside-change") == 0) {
		or_buf_printf(out, "outside the change%s%s", reason ? ": " : "", reason ? reason : "");
	} else if (strcmp(status, "baseline") == 0) {
		or_buf_puts(out, reason ? reason : "in the baseline");
	} else {
		or_buf_printf(out, "%s%s%s", status, reason ? ": " : "", reason ? reason : "");
	}
	or_buf_putc(out, '\n');
}

static const char *area_of_rule(junit_ctx *ctx, const char *rule_id, or_buf *scratch)
{
	const char *area = or_report_str(json_object_get(ctx->rules, rule_id), "area", NULL);
	const char *dot;

	if (area)
		return area;
	dot = strchr(rule_id, '.');
	or_buf_clear(scratch);
	or_buf_put(scratch, rule_id, dot ? (size_t)(dot - rule_id) : strlen(rule_id));
	return or_buf_cstr(scratch);
}

static const char *area_of_finding(junit_ctx *ctx, const json_t *finding, or_buf *scratch)
{
	const char *area = or_report_str(finding, "area", NULL);

	return area ? area : area_of_rule(ctx, or_report_str(finding, "rule", "?"), scratch);
}

/* Every test case of `area`, findings first, then passes and skips. */
static void area_cases(junit_ctx *ctx, xmlNodePtr suite, const json_t *report, const char *area,
		       junit_counts *counts)
{
	const json_t *findings = json_object_get(report, "findings");
	const json_t *evaluations = json_object_get(report, "evaluations");
	json_t *used = json_object();
	or_buf scratch = OR_BUF_INIT, text = OR_BUF_INIT;
	size_t i, s;

	for (i = 0; i < json_array_size(findings); i++) {
		const json_t *f = json_array_get(findings, i);
		const char *rule = or_report_str(f, "rule", "?");
		xmlNodePtr node;

		if (strcmp(area_of_finding(ctx, f, &scratch), area) != 0)
			continue;
		node = testcase(suite, used, rule, or_report_str(f, "file", NULL),
				or_report_str(f, "subject", ""));
		counts->tests++;
		if (strcmp(or_report_str(f, "status", "active"), "active") == 0) {
			failure(node, f, json_object_get(ctx->rules, rule));
			counts->failures++;
			continue;
		}
		or_buf_clear(&text);
		skip_reason(&text, f);
		finding_text(&text, f);
		text_child(node, "skipped", or_buf_cstr(&text));
		counts->skipped++;
	}
	for (i = 0; i < json_array_size(evaluations); i++) {
		const json_t *e = json_array_get(evaluations, i);
		const json_t *subjects = json_object_get(e, "subjects");
		const char *rule = or_report_str(e, "rule", "?");
		const char *reason = or_report_str(e, "reason", NULL);
		bool skipped = strcmp(or_report_str(e, "outcome", "pass"), "skipped") == 0;

		if (strcmp(area_of_rule(ctx, rule, &scratch), area) != 0)
			continue;
		for (s = 0; s < json_array_size(subjects); s++) {
			const char *subject = json_string_value(json_array_get(subjects, s));
			xmlNodePtr node = testcase(suite, used, rule, or_report_str(e, "file", NULL),
						   subject ? subject : "");

			counts->tests++;
			if (!skipped)
				continue;
			or_buf_clear(&text);
			or_buf_printf(&text, "skipped%s%s", reason ? ": " : "", reason ? reason : "");
			text_child(node, "skipped", or_buf_cstr(&text));
			counts->skipped++;
		}
	}
	json_decref(used);
	or_buf_dispose(&scratch);
	or_buf_dispose(&text);
}

/* The areas in summary.areas order, then any other area a rule, finding or
 * evaluation names, in the order first seen (as keys of a new object). */
static json_t *area_order(junit_ctx *ctx, const json_t *report)
{
	const json_t *areas = json_object_get(json_object_get(report, "summary"), "areas");
	const json_t *findings = json_object_get(report, "findings");
	const json_t *evaluations = json_object_get(report, "evaluations");
	json_t *order = json_object();
	or_buf scratch = OR_BUF_INIT;
	const char *key;
	json_t *value;
	size_t i;

	json_object_foreach((json_t *)areas, key, value)
		json_object_set(order, key, value);
	for (i = 0; i < json_array_size(findings); i++) {
		const char *area = area_of_finding(ctx, json_array_get(findings, i), &scratch);
		if (!json_object_get(order, area))
			json_object_set_new(order, area, json_null());
	}
	for (i = 0; i < json_array_size(evaluations); i++) {
		const char *rule = or_report_str(json_array_get(evaluations, i), "rule", "?");
		const char *area = area_of_rule(ctx, rule, &scratch);
		if (!json_object_get(order, area))
			json_object_set_new(order, area, json_null());
	}
	or_buf_dispose(&scratch);
	return order;
}

static void suite(junit_ctx *ctx, xmlNodePtr root, const json_t *report, const char *area,
		  const json_t *area_summary)
{
	xmlNodePtr node = xmlNewChild(root, NULL, (const xmlChar *)"testsuite", NULL);
	const json_t *score = json_object_get(area_summary, "score");
	junit_counts counts = { 0, 0, 0 };

	set_attr(node, "name", area);
	if (json_is_number(score)) {
		xmlNodePtr properties = xmlNewChild(node, NULL, (const xmlChar *)"properties", NULL);
		xmlNodePtr property = xmlNewChild(properties, NULL, (const xmlChar *)"property", NULL);
		char text[32];

		snprintf(text, sizeof(text), "%.1f", json_number_value(score));
		xmlNewProp(property, (const xmlChar *)"name", (const xmlChar *)"score");
		xmlNewProp(property, (const xmlChar *)"value", (const xmlChar *)text);
	}
	area_cases(ctx, node, report, area, &counts);
	if (!counts.tests) {
		xmlUnlinkNode(node);
		xmlFreeNode(node);
		return;
	}
	set_count(node, "tests", counts.tests);
	set_count(node, "failures", counts.failures);
	set_count(node, "errors", 0);
	set_count(node, "skipped", counts.skipped);
	xmlNewProp(node, (const xmlChar *)"time", (const xmlChar *)"0");
	ctx->tests += counts.tests;
	ctx->failures += counts.failures;
}

static int render_junit(or_buf *out, const json_t *report, const or_render_options *options,
			or_diag *diag)
{
	const json_t *rules = json_object_get(report, "rules");
	junit_ctx ctx = { json_object(), 0, 0 };
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	json_t *areas = NULL;
	xmlChar *xml = NULL;
	xmlNodePtr root = NULL;
	const char *area;
	json_t *value;
	int size = 0, error = -1;
	size_t i;

	(void)options;
	for (i = 0; i < json_array_size(rules); i++) {
		json_t *rule = json_array_get(rules, i);
		const char *id = or_report_str(rule, "id", NULL);
		if (id)
			json_object_set(ctx.rules, id, rule);
	}
	if (doc)
		root = xmlNewDocNode(doc, NULL, (const xmlChar *)"testsuites", NULL);
	if (!root) {
		or_diag_set(diag, OR_EXIT_RUNTIME, NULL, 0, 0, "the JUnit report could not be built");
		goto cleanup;
	}
	xmlDocSetRootElement(doc, root);
	xmlNewProp(root, (const xmlChar *)"name", (const xmlChar *)"opsready");
	areas = area_order(&ctx, report);
	json_object_foreach(areas, area, value)
		suite(&ctx, root, report, area, value);
	set_count(root, "tests", ctx.tests);
	set_count(root, "failures", ctx.failures);
	set_count(root, "errors", 0);
	xmlNewProp(root, (const xmlChar *)"time", (const xmlChar *)"0");
	xmlDocDumpFormatMemoryEnc(doc, &xml, &size, "UTF-8", 1);
	if (!xml || size <= 0) {
		or_diag_set(diag, OR_EXIT_RUNTIME, NULL, 0, 0,
			    "the JUnit report could not be serialised");
		goto cleanup;
	}
	or_buf_put(out, xml, (size_t)size);
	error = 0;
cleanup:
	xmlFree(xml);
	xmlFreeDoc(doc);
	json_decref(areas);
	json_decref(ctx.rules);
	return error;
}

const or_reporter or_reporter_junit = { "junit", "xml", render_junit };
