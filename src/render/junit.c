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
 * It is written as it is built, with libxml2's xmlTextWriter (so escaping is
 * by construction, and a report of 100,000 test cases is never held whole in
 * memory): one pass counts the tests of each suite, for the attributes that
 * come first, a second writes them. Text is first made into valid XML 1.0
 * characters (C0 controls
 * but tab, LF and CR become their U+2400 pictures; invalid UTF-8 and U+FFFE/
 * U+FFFF become U+FFFD). No times: every time is "0", reports are reproducible.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "render/reporter.h"
#include "render/xml_output.h"
#include "report/read.h"
#include "report/value.h"
#include "util/alloc.h"
#include "util/strset.h"
#include "util/utf8.h"

typedef struct junit_ctx {
	const or_report *report;
	const or_eval_table *evaluations; /* the passes and skips */
	or_report_rule_ids rule_ids;
	or_report_rule_view *rules;       /* the report's rules, read once */
	xmlTextWriterPtr w;
	size_t *finding_area, *evaluation_area; /* the index of each one's area */
	or_buf raw, name, classname, key;       /* scratch of testcase(), reused */
	or_buf clean;                           /* scratch of set_attr(), write_text() */
} junit_ctx;

typedef struct junit_counts {
	json_int_t tests, failures, skipped;
} junit_counts;

#define BAD_CAST_S(s) ((const xmlChar *)(s))

/* Append `s` as valid XML 1.0 character data (see the top of the file). */
static void xml_clean(or_buf *out, const char *s)
{
	size_t len = strlen(s), i = 0, run = 0;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		unsigned int cp;
		int n;

		if ((c >= 0x20 && c < 0x80) || c == '\t' || c == '\n' || c == '\r') {
			i++; /* plain ASCII: copied with its run */
			continue;
		}
		or_buf_put(out, s + run, i - run);
		n = or_utf8_decode(s + i, len - i, &cp);
		if (n < 0) {
			or_utf8_encode(out, 0xFFFD);
			n = 1;
		} else if (cp < 0x20) {
			or_utf8_encode(out, 0x2400 + cp);
		} else if (cp == 0xFFFE || cp == 0xFFFF) {
			or_utf8_encode(out, 0xFFFD);
		} else {
			or_buf_put(out, s + i, (size_t)n);
		}
		i += (size_t)n;
		run = i;
	}
	or_buf_put(out, s + run, i - run);
}

static void set_attr(junit_ctx *ctx, const char *name, const char *value)
{
	or_buf_clear(&ctx->clean);
	xml_clean(&ctx->clean, value);
	xmlTextWriterWriteAttribute(ctx->w, BAD_CAST_S(name), BAD_CAST_S(or_buf_cstr(&ctx->clean)));
}

static void set_count(junit_ctx *ctx, const char *name, json_int_t value)
{
	char text[32];

	snprintf(text, sizeof(text), "%lld", (long long)value);
	xmlTextWriterWriteAttribute(ctx->w, BAD_CAST_S(name), BAD_CAST_S(text));
}

/* Character data, made valid XML first. */
static void write_text(junit_ctx *ctx, const char *text)
{
	or_buf_clear(&ctx->clean);
	xml_clean(&ctx->clean, text);
	xmlTextWriterWriteString(ctx->w, BAD_CAST_S(or_buf_cstr(&ctx->clean)));
}

/* GitLab's key of a test case: classname "_" name, every character but
 * [0-9A-Za-z] replaced by '-'. */
static void gitlab_key(or_buf *out, const char *classname, const char *name)
{
	const char *parts[3] = { classname, "_", name };
	size_t p, i;

	for (p = 0; p < 3; p++) {
		size_t len = strlen(parts[p]), start = out->size;
		char *dst;

		/* one byte out per character: at most `len` */
		or_buf_grow(out, out->size + len);
		dst = out->ptr + start;
		for (i = 0; i < len;) {
			unsigned char c = (unsigned char)parts[p][i];
			unsigned int cp = c;
			int n = 1;

			if (c >= 0x80 && (n = or_utf8_decode(parts[p] + i, len - i, &cp)) <= 0)
				n = 1;
			*dst++ = (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
					 (cp >= 'a' && cp <= 'z')
					 ? (char)cp
					 : '-';
			i += (size_t)n;
		}
		out->size = (size_t)(dst - out->ptr);
		out->ptr[out->size] = '\0';
	}
}

/* Make `name` (already clean) unique in the suite: " #2", " #3"... */
static void unique_name(or_buf *name, or_buf *key, or_strset *used, const char *classname)
{
	size_t base = name->size;
	unsigned long n = 1;

	for (;;) {
		or_buf_clear(key);
		gitlab_key(key, classname, or_buf_cstr(name));
		if (or_strset_add(used, key->ptr, key->size))
			break;
		or_buf_truncate(name, base);
		or_buf_printf(name, " #%lu", ++n);
	}
}

/* Opens <testcase name="FILE: SUBJECT" classname=RULE time="0">. */
static void testcase(junit_ctx *ctx, or_strset *used, const char *rule, const char *file,
		     const char *subject)
{
	or_buf *raw = &ctx->raw, *name = &ctx->name, *classname = &ctx->classname;

	or_buf_clear(raw);
	or_buf_clear(name);
	or_buf_clear(classname);
	if (file && *file) {
		or_buf_puts(raw, file);
		if (*subject) {
			or_buf_puts(raw, ": ");
			or_buf_puts(raw, subject);
		}
	} else {
		or_buf_puts(raw, *subject ? subject : rule);
	}
	xml_clean(name, or_buf_cstr(raw));
	xml_clean(classname, rule);
	unique_name(name, &ctx->key, used, or_buf_cstr(classname));
	xmlTextWriterStartElement(ctx->w, BAD_CAST_S("testcase"));
	xmlTextWriterWriteAttribute(ctx->w, BAD_CAST_S("name"), BAD_CAST_S(or_buf_cstr(name)));
	xmlTextWriterWriteAttribute(ctx->w, BAD_CAST_S("classname"),
				    BAD_CAST_S(or_buf_cstr(classname)));
	xmlTextWriterWriteAttribute(ctx->w, BAD_CAST_S("time"), BAD_CAST_S("0"));
}

/* "file:line:col" (as much as is known), or "" */
static void location(or_buf *out, const or_report_finding *finding)
{
	if (!finding->file)
		return;
	or_buf_puts(out, finding->file);
	if (finding->line > 0) {
		or_buf_printf(out, ":%lld", finding->line);
		if (finding->column > 0)
			or_buf_printf(out, ":%lld", finding->column);
	}
}

/* "LOC: severity: message [rule]" and the evidence, on their own lines */
static void finding_text(or_buf *out, const or_report_finding *finding)
{
	size_t start = out->size;

	location(out, finding);
	if (out->size > start)
		or_buf_puts(out, ": ");
	or_buf_printf(out, "%s: %s [%s]\n", finding->severity, finding->message, finding->rule);
	if (finding->evidence && *finding->evidence)
		or_buf_printf(out, "evidence: %s\n", finding->evidence);
}

/* The rule `id`, or NULL when the report does not list it. */
static const or_report_rule_view *find_rule(const junit_ctx *ctx, const char *id)
{
	size_t i;

	return or_report_find_rule_index(ctx->report, &ctx->rule_ids, id, &i) ? &ctx->rules[i]
									      : NULL;
}

static void failure(junit_ctx *ctx, const or_report_finding *finding,
		    const or_report_rule_view *rule)
{
	const or_report_strings *references = rule ? &rule->references : NULL;
	const char *remediation = rule ? rule->remediation : NULL;
	or_buf message = OR_BUF_INIT, text = OR_BUF_INIT;
	size_t i;

	location(&message, finding);
	if (message.size)
		or_buf_puts(&message, ": ");
	or_buf_puts(&message, finding->message);
	finding_text(&text, finding);
	if (remediation && *remediation)
		or_buf_printf(&text, "remediation: %s\n", remediation);
	if (references && references->count) {
		or_buf_puts(&text, "references:\n");
		for (i = 0; i < references->count; i++) {
			const char *reference = or_report_strings_at(references, i);
			or_buf_printf(&text, "- %s\n", reference ? reference : "");
		}
	}
	xmlTextWriterStartElement(ctx->w, BAD_CAST_S("failure"));
	set_attr(ctx, "message", or_buf_cstr(&message));
	set_attr(ctx, "type", finding->severity);
	write_text(ctx, or_buf_cstr(&text));
	xmlTextWriterEndElement(ctx->w);
	or_buf_dispose(&message);
	or_buf_dispose(&text);
}

/* The first line of a skipped finding: why it does not count. */
static void skip_reason(or_buf *out, const or_report_finding *finding)
{
	const char *status = finding->status;
	const char *reason = finding->reason;

	if (strcmp(status, "waived") == 0 && finding->waived) {
		const char *approver = finding->waiver.approved_by;
		const char *expires = finding->waiver.expires;
		const char *why = finding->waiver.reason ? finding->waiver.reason : reason;

		or_buf_printf(out, "waived: %s", why ? why : "");
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
	const or_report_rule_view *rule = find_rule(ctx, rule_id);
	const char *dot;

	if (rule && rule->area)
		return rule->area;
	dot = strchr(rule_id, '.');
	or_buf_clear(scratch);
	or_buf_put(scratch, rule_id, dot ? (size_t)(dot - rule_id) : strlen(rule_id));
	return or_buf_cstr(scratch);
}

static const char *area_of_finding(junit_ctx *ctx, const or_report_finding *finding,
				   or_buf *scratch)
{
	return finding->area ? finding->area : area_of_rule(ctx, finding->rule, scratch);
}

static void skipped(junit_ctx *ctx, const char *text)
{
	xmlTextWriterStartElement(ctx->w, BAD_CAST_S("skipped"));
	write_text(ctx, text);
	xmlTextWriterEndElement(ctx->w);
}

/* Every test case of `area`, findings first, then passes and skips. With
 * `ctx->w` NULL, only counted. */
static void area_cases(junit_ctx *ctx, size_t area,
		       junit_counts *counts)
{
	const or_eval_table *evaluations = ctx->evaluations;
	or_strset used = OR_STRSET_INIT;
	or_buf text = OR_BUF_INIT;
	size_t i, s, nfindings = or_report_nfindings(ctx->report);

	for (i = 0; i < nfindings; i++) {
		const or_report_finding *f = or_report_finding_row(ctx->report, i);
		bool active;

		if (ctx->finding_area[i] != area)
			continue;
		active = strcmp(f->status, "active") == 0;
		counts->tests++;
		counts->failures += active;
		counts->skipped += !active;
		if (!ctx->w)
			continue;
		testcase(ctx, &used, f->rule, f->file, f->subject ? f->subject : "");
		if (active) {
			failure(ctx, f, find_rule(ctx, f->rule));
		} else {
			or_buf_clear(&text);
			skip_reason(&text, f);
			finding_text(&text, f);
			skipped(ctx, or_buf_cstr(&text));
		}
		xmlTextWriterEndElement(ctx->w);
	}
	for (i = 0; i < evaluations->ngroups; i++) {
		const or_eval_group *e = &evaluations->groups[i];
		bool is_skip;

		if (ctx->evaluation_area[i] != area)
			continue;
		is_skip = strcmp(e->outcome, "skipped") == 0;
		counts->tests += (json_int_t)e->count;
		if (is_skip)
			counts->skipped += (json_int_t)e->count;
		if (!ctx->w)
			continue;
		for (s = 0; s < e->count; s++) {
			testcase(ctx, &used, e->rule, e->file, evaluations->subjects[e->first + s]);
			if (is_skip) {
				or_buf_clear(&text);
				or_buf_printf(&text, "skipped%s%s", e->reason ? ": " : "",
					      e->reason ? e->reason : "");
				skipped(ctx, or_buf_cstr(&text));
			}
			xmlTextWriterEndElement(ctx->w);
		}
	}
	or_strset_dispose(&used);
	or_buf_dispose(&text);
}

/* The index of `area` in `order` (the reporter's own object), added at the
 * end when new. */
static size_t area_index(json_t *order, const char *area)
{
	json_t *index = json_object_get(order, area);

	if (!index) {
		index = json_integer((json_int_t)json_object_size(order));
		json_object_set_new(order, area, index);
	}
	return (size_t)json_integer_value(index);
}

/* The areas in summary.areas order, then any other area a rule, finding or
 * evaluation names, in the order first seen (as keys of a new object, each
 * with its index); each finding's and evaluation's area index goes into
 * ctx->finding_area and ctx->evaluation_area. */
static json_t *area_order(junit_ctx *ctx)
{
	const or_eval_table *evaluations = ctx->evaluations;
	size_t i, nareas = or_report_nareas(ctx->report);
	size_t nfindings = or_report_nfindings(ctx->report);
	json_t *order = json_object();
	or_buf scratch = OR_BUF_INIT;

	for (i = 0; i < nareas; i++) {
		or_report_area_view area;

		or_report_read_area(ctx->report, i, &area);
		json_object_set_new(order, area.name,
				    json_integer((json_int_t)json_object_size(order)));
	}
	ctx->finding_area = or_xcalloc(nfindings + 1, sizeof(size_t));
	ctx->evaluation_area = or_xcalloc(evaluations->ngroups + 1, sizeof(size_t));
	for (i = 0; i < nfindings; i++)
		ctx->finding_area[i] = area_index(
			order, area_of_finding(ctx, or_report_finding_row(ctx->report, i), &scratch));
	for (i = 0; i < evaluations->ngroups; i++)
		ctx->evaluation_area[i] =
			area_index(order, area_of_rule(ctx, evaluations->groups[i].rule, &scratch));
	or_buf_dispose(&scratch);
	return order;
}

/* `score`: the area's in the summary (not known: it has none there). */
static void suite(junit_ctx *ctx, const char *area, size_t index, or_report_real score,
		  const junit_counts *counts)
{
	xmlTextWriterStartElement(ctx->w, BAD_CAST_S("testsuite"));
	set_attr(ctx, "name", area);
	set_count(ctx, "tests", counts->tests);
	set_count(ctx, "failures", counts->failures);
	set_count(ctx, "errors", 0);
	set_count(ctx, "skipped", counts->skipped);
	xmlTextWriterWriteAttribute(ctx->w, BAD_CAST_S("time"), BAD_CAST_S("0"));
	if (score.known) {
		char text[32];

		snprintf(text, sizeof(text), "%.1f", score.value);
		xmlTextWriterStartElement(ctx->w, BAD_CAST_S("properties"));
		xmlTextWriterStartElement(ctx->w, BAD_CAST_S("property"));
		xmlTextWriterWriteAttribute(ctx->w, BAD_CAST_S("name"), BAD_CAST_S("score"));
		xmlTextWriterWriteAttribute(ctx->w, BAD_CAST_S("value"), BAD_CAST_S(text));
		xmlTextWriterEndElement(ctx->w);
		xmlTextWriterEndElement(ctx->w);
	}
	area_cases(ctx, index, &(junit_counts){ 0, 0, 0 });
	xmlTextWriterEndElement(ctx->w);
}

static int render_junit(or_out *out, const or_report *whole, const or_render_options *options,
			or_diag *diag)
{
	junit_ctx ctx = { whole, &whole->evaluations, { NULL, 0 }, NULL, NULL, NULL, NULL,
			  OR_BUF_INIT, OR_BUF_INIT, OR_BUF_INIT, OR_BUF_INIT, OR_BUF_INIT };
	json_t *areas = NULL;
	or_report_scan_view scan;
	junit_counts *counts = NULL, total = { 0, 0, 0 };
	xmlOutputBufferPtr output;
	const char *area;
	json_t *value;
	int error = -1;
	size_t n, nrules = or_report_nrules(whole), nareas = or_report_nareas(whole);

	(void)options;
	or_report_rule_ids_init(&ctx.rule_ids, whole);
	ctx.rules = or_xcalloc(nrules + 1, sizeof(*ctx.rules));
	for (n = 0; n < nrules; n++)
		or_report_read_rule(whole, n, &ctx.rules[n]);
	/* first pass: the counts every <testsuite> and <testsuites> opens with */
	areas = area_order(&ctx);
	counts = or_xcalloc(json_object_size(areas) + 1, sizeof(*counts));
	n = 0;
	json_object_foreach(areas, area, value) {
		area_cases(&ctx, n, &counts[n]);
		total.tests += counts[n].tests;
		total.failures += counts[n].failures;
		n++;
	}

	output = or_xml_output(out);
	ctx.w = output ? xmlNewTextWriter(output) : NULL;
	if (!ctx.w) {
		if (output)
			xmlOutputBufferClose(output);
		or_diag_set(diag, OR_EXIT_RUNTIME, NULL, 0, 0, "the JUnit report could not be built");
		goto cleanup;
	}
	xmlTextWriterSetIndent(ctx.w, 1);
	xmlTextWriterSetIndentString(ctx.w, BAD_CAST_S("  "));
	xmlTextWriterStartDocument(ctx.w, "1.0", "UTF-8", NULL);
	xmlTextWriterStartElement(ctx.w, BAD_CAST_S("testsuites"));
	xmlTextWriterWriteAttribute(ctx.w, BAD_CAST_S("name"), BAD_CAST_S("opsready"));
	set_count(&ctx, "tests", total.tests);
	set_count(&ctx, "failures", total.failures);
	set_count(&ctx, "errors", 0);
	/* the scan's duration with --timings; else 0, so the file is reproducible */
	or_report_read_scan(whole, &scan);
	if (scan.duration_seconds.known)
		xmlTextWriterWriteFormatAttribute(ctx.w, BAD_CAST_S("time"), "%.3f",
						  scan.duration_seconds.value);
	else
		xmlTextWriterWriteAttribute(ctx.w, BAD_CAST_S("time"), BAD_CAST_S("0"));
	n = 0;
	json_object_foreach(areas, area, value) {
		if (counts[n].tests) {
			/* the first `nareas` are the summary's, in its order */
			or_report_area_view summary;
			or_report_real score = { 0, false };

			if (n < nareas) {
				or_report_read_area(whole, n, &summary);
				score = summary.score;
			}
			suite(&ctx, area, n, score, &counts[n]);
		}
		n++;
	}
	/* closes every element, flushes, and frees the output buffer */
	if (xmlTextWriterEndDocument(ctx.w) < 0 && !out->failed) {
		or_diag_set(diag, OR_EXIT_RUNTIME, NULL, 0, 0,
			    "the JUnit report could not be serialised");
		goto cleanup;
	}
	error = 0;
cleanup:
	if (ctx.w)
		xmlFreeTextWriter(ctx.w);
	free(counts);
	free(ctx.finding_area);
	free(ctx.evaluation_area);
	or_buf_dispose(&ctx.raw);
	or_buf_dispose(&ctx.name);
	or_buf_dispose(&ctx.classname);
	or_buf_dispose(&ctx.key);
	or_buf_dispose(&ctx.clean);
	json_decref(areas);
	free(ctx.rules);
	or_report_rule_ids_dispose(&ctx.rule_ids);
	return error;
}

const or_reporter or_reporter_junit = { "junit", "xml", render_junit };
