/*
 * The JUnit and SARIF reporters over saved reports (tests/data/reports/):
 * JUnit valid against the Jenkins XSD with counts that agree with the
 * report's summary, hostile text escaped; SARIF with every rule, one result
 * per finding, faithful levels and suppressions.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "report/value.h"
#include "opsready/report.h"
#include "render/reporter.h"
#include "suites.h"
#include "util/alloc.h"

#define REPORTS OR_TEST_DATA "/reports/"
#define JUNIT_XSD OR_TEST_DATA "/schemas/jenkins-junit.xsd"

static json_t *load_report(const char *name)
{
	json_error_t error;
	char path[1024];
	json_t *report;

	snprintf(path, sizeof(path), "%s%s", REPORTS, name);
	report = json_load_file(path, JSON_REJECT_DUPLICATES, &error);
	ck_assert_msg(report != NULL, "%s: %s", path, error.text);
	return report;
}

/* Render through the registry; the result is malloc'd. */
static or_report *load_value(const json_t *report)
{
	or_diag diag = OR_DIAG_INIT;
	or_report *value;

	ck_assert_int_eq(or_report_from_json(&value, json_deep_copy(report), "test", &diag), 0);
	return value;
}

static char *render_value(const or_report *value, const char *format)
{
	const or_reporter *reporter = or_reporter_find(format);
	or_render_options options = OR_RENDER_OPTIONS_INIT;
	or_diag diag = OR_DIAG_INIT;
	or_out out = OR_OUT_INIT;

	ck_assert_msg(reporter != NULL, "no reporter '%s'", format);
	ck_assert_int_eq(reporter->render(&out, value, &options, &diag), 0);
	ck_assert(out.buf.size > 0);
	return or_buf_detach(&out.buf);
}

static char *render(const json_t *report, const char *format)
{
	or_report *value = load_value(report);
	char *text = render_value(value, format);

	or_report_free(value);
	return text;
}

/* Parse strictly (no recovery, no network) and validate against the XSD. */
static xmlDocPtr parse_valid_junit(const char *xml)
{
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "junit.xml", NULL, XML_PARSE_NONET);
	xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt(JUNIT_XSD);
	xmlSchemaPtr schema;
	xmlSchemaValidCtxtPtr valid;
	int result;

	ck_assert_msg(doc != NULL, "the JUnit report is not well-formed XML");
	ck_assert(parser != NULL);
	schema = xmlSchemaParse(parser);
	ck_assert_msg(schema != NULL, "%s could not be read", JUNIT_XSD);
	valid = xmlSchemaNewValidCtxt(schema);
	result = xmlSchemaValidateDoc(valid, doc);
	xmlSchemaFreeValidCtxt(valid);
	xmlSchemaFree(schema);
	xmlSchemaFreeParserCtxt(parser);
	ck_assert_msg(result == 0, "the JUnit report is not valid against %s (%d)", JUNIT_XSD,
		      result);
	return doc;
}

static bool is_element(xmlNodePtr node, const char *name)
{
	return node && node->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)node->name, name) == 0;
}

static xmlNodePtr child(xmlNodePtr parent, const char *name)
{
	xmlNodePtr node;

	for (node = parent->children; node; node = node->next)
		if (is_element(node, name))
			return node;
	return NULL;
}

static long long attr_int(xmlNodePtr node, const char *name)
{
	xmlChar *value = xmlGetProp(node, (const xmlChar *)name);
	long long n;

	ck_assert_msg(value != NULL, "<%s> has no %s", node->name, name);
	n = strtoll((const char *)value, NULL, 10);
	xmlFree(value);
	return n;
}

/* The attribute's value into `out` ("" when absent). */
static void attr_copy(xmlNodePtr node, const char *name, char *out, size_t size)
{
	xmlChar *value = xmlGetProp(node, (const xmlChar *)name);

	snprintf(out, size, "%s", value ? (const char *)value : "");
	xmlFree(value);
}

static json_int_t int_at(const json_t *object, const char *key)
{
	return json_integer_value(json_object_get(object, key));
}

/* Skipped evaluation subjects of `area` (NULL: all areas). */
static json_int_t skipped_evaluations(const json_t *report, const char *area)
{
	const json_t *evaluations = json_object_get(report, "evaluations");
	const json_t *rules = json_object_get(report, "rules");
	json_int_t n = 0;
	size_t i, r;

	for (i = 0; i < json_array_size(evaluations); i++) {
		const json_t *e = json_array_get(evaluations, i);
		const char *rule_area = NULL;

		if (strcmp(or_report_str(e, "outcome", ""), "skipped") != 0)
			continue;
		for (r = 0; r < json_array_size(rules); r++)
			if (strcmp(or_report_str(json_array_get(rules, r), "id", ""),
				   or_report_str(e, "rule", "?")) == 0)
				rule_area = or_report_str(json_array_get(rules, r), "area", "");
		if (!area || (rule_area && strcmp(rule_area, area) == 0))
			n += (json_int_t)json_array_size(json_object_get(e, "subjects"));
	}
	return n;
}

/* Counts of the whole report and of each suite agree with the summary; test
 * cases are unique by classname and name within their suite. */
static void check_junit_counts(const json_t *report, xmlDocPtr doc)
{
	const json_t *summary = json_object_get(report, "summary");
	const json_t *counts = json_object_get(summary, "counts");
	const json_t *areas = json_object_get(summary, "areas");
	xmlNodePtr root = xmlDocGetRootElement(doc), suite, tc;
	json_int_t failures = int_at(counts, "error") + int_at(counts, "warning") +
			      int_at(counts, "notice");
	json_int_t skipped_findings = int_at(summary, "waived") + int_at(summary, "suppressed") +
				      int_at(summary, "baseline") + int_at(summary, "outside_change");
	json_int_t skipped = 0, suites = 0;
	const char *area;
	json_t *value;
	void *iter = json_object_iter((json_t *)areas);

	ck_assert(is_element(root, "testsuites"));
	ck_assert_int_eq(attr_int(root, "tests"),
			 int_at(summary, "evaluations") + skipped_evaluations(report, NULL));
	ck_assert_int_eq(attr_int(root, "failures"), failures);
	ck_assert_int_eq(attr_int(root, "errors"), 0);
	for (suite = root->children; suite; suite = suite->next) {
		json_t *seen;
		char name[256], key[4096];
		json_int_t cases = 0, case_failures = 0, case_skips = 0;

		if (!is_element(suite, "testsuite"))
			continue;
		seen = json_object();
		suites++;
		attr_copy(suite, "name", name, sizeof(name));
		/* suites follow summary.areas, skipping areas without evaluations */
		while (iter && strcmp(json_object_iter_key(iter), name) != 0)
			iter = json_object_iter_next((json_t *)areas, iter);
		ck_assert_msg(iter != NULL, "suite %s is not an area, or out of order", name);
		area = json_object_iter_key(iter);
		value = json_object_iter_value(iter);
		ck_assert_int_eq(attr_int(suite, "tests"),
				 int_at(value, "evaluations") + skipped_evaluations(report, area));
		ck_assert_int_eq(attr_int(suite, "failures"), int_at(value, "findings"));
		for (tc = suite->children; tc; tc = tc->next) {
			char classname[256], tc_name[2048];

			if (!is_element(tc, "testcase"))
				continue;
			cases++;
			case_failures += child(tc, "failure") != NULL;
			case_skips += child(tc, "skipped") != NULL;
			attr_copy(tc, "classname", classname, sizeof(classname));
			attr_copy(tc, "name", tc_name, sizeof(tc_name));
			ck_assert_msg(*tc_name, "a test case without a name in %s", name);
			snprintf(key, sizeof(key), "%s\n%s", classname, tc_name);
			ck_assert_msg(!json_object_get(seen, key), "%s: %s twice", name, tc_name);
			json_object_set_new(seen, key, json_true());
		}
		json_decref(seen);
		ck_assert_int_eq(cases, attr_int(suite, "tests"));
		ck_assert_int_eq(case_failures, attr_int(suite, "failures"));
		ck_assert_int_eq(case_skips, attr_int(suite, "skipped"));
		skipped += case_skips;
	}
	ck_assert(suites > 0);
	ck_assert_int_eq(skipped, skipped_findings + skipped_evaluations(report, NULL));
}

START_TEST(test_junit_example)
{
	json_t *report = load_report("example.json");
	char *xml = render(report, "junit"), *again = render(report, "junit");
	xmlDocPtr doc = parse_valid_junit(xml);
	xmlNodePtr suite = child(xmlDocGetRootElement(doc), "testsuite");
	char name[64];

	ck_assert(strncmp(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 39) == 0);
	ck_assert_str_eq(xml, again);
	check_junit_counts(report, doc);
	attr_copy(suite, "name", name, sizeof(name));
	ck_assert_str_eq(name, "docs");
	/* a failure names its severity, location, remediation and references */
	ck_assert(strstr(xml, "type=\"error\"") && strstr(xml, "type=\"warning\""));
	ck_assert(strstr(xml, "runbooks/business-continuity.md:63:1: script "));
	ck_assert(strstr(xml, "\nremediation: "));
	ck_assert(strstr(xml, "\n- NIST SP 800-53 Rev. 5 CP-10\n"));
	ck_assert(strstr(xml, "time=\"0\"") && !strstr(xml, "timestamp"));
	xmlFreeDoc(doc);
	free(xml);
	free(again);
	json_decref(report);
}
END_TEST

/* The text of the first <TAG> whose test case has `name`; malloc'd or NULL. */
static char *case_text(xmlDocPtr doc, const char *name, const char *tag)
{
	xmlNodePtr suite, tc;

	for (suite = xmlDocGetRootElement(doc)->children; suite; suite = suite->next)
		for (tc = suite->children; tc; tc = tc->next) {
			xmlChar *tc_name = is_element(tc, "testcase")
						   ? xmlGetProp(tc, (const xmlChar *)"name")
						   : NULL;
			bool match = tc_name && strcmp((const char *)tc_name, name) == 0;
			xmlNodePtr node = match ? child(tc, tag) : NULL;
			xmlChar *text;
			char *copy;

			xmlFree(tc_name);
			if (!node)
				continue;
			text = xmlNodeGetContent(node);
			copy = or_xstrdup((const char *)text);
			xmlFree(text);
			return copy;
		}
	return NULL;
}

START_TEST(test_junit_exceptions_and_hostile_text)
{
	json_t *report = load_report("exceptions.json");
	char *xml = render(report, "junit");
	xmlDocPtr doc = parse_valid_junit(xml);
	char *text;

	check_junit_counts(report, doc);
	/* nothing from the repository comes out as markup or as a raw control */
	ck_assert(!strstr(xml, "<script") && !strstr(xml, "]]>") && !strstr(xml, "<b>"));
	ck_assert(!strchr(xml, '\x01') && !strchr(xml, '\x1b') && !strchr(xml, '\x07'));
	/* ... and reads back as the text it was, controls as their pictures */
	text = case_text(doc, "runbooks/payments-runbook.md: placeholder:<script>:]]>\xe2\x90\x81",
			 "failure");
	ck_assert_msg(text != NULL, "the hostile finding's test case is missing");
	ck_assert(strstr(text, "'<script>alert(\"x\")</script>' ]]> & \xe2\x90\x81\xe2\x90\x9b[31m"));
	ck_assert(strstr(text, "red \xef\xbf\xbd end"));
	ck_assert(strstr(text, "evidence: Owner: <b>TBD</b> ]]> \xe2\x90\x87 bell\n"));
	free(text);
	/* skips say why */
	text = case_text(doc, "training/records.yml: bob:incident-response", "skipped");
	ck_assert(text != NULL);
	ck_assert_str_eq(text, "waived: on leave <until> \"January\" ]]> & back (approved by "
			       "ops-director, expires 2027-01-31)\ntraining/records.yml:3:1: error: "
			       "bob (Support Engineers) has not completed the mandatory course "
			       "Incident Response Procedures [training.missing]\nevidence: bob\n");
	free(text);
	text = case_text(doc, "runbooks/payments-runbook.md: placeholder:TBD:owner tbd", "skipped");
	ck_assert(text && strncmp(text, "suppressed: the owner fills this in at onboarding\n",
				  50) == 0);
	free(text);
	text = case_text(doc, ".opsready.yml: waiver:docs.placeholder:runbooks/legacy-*.md",
			 "skipped");
	ck_assert(text && strncmp(text, "outside the change: not in the files changed", 44) == 0);
	free(text);
	text = case_text(doc, "role:Operations Lead", "skipped");
	ck_assert(text && strncmp(text, "in the baseline\n", 16) == 0);
	free(text);
	xmlFreeDoc(doc);
	free(xml);
	json_decref(report);
}
END_TEST

static const char *const tiny_report =
	"{\"schema_version\": 1, \"tool\": {\"name\": \"opsready\", \"version\": \"9.9.9\"},"
	" \"scan\": {\"root\": \"/srv/my repo\", \"commit\": null, \"branch\": null,"
	"  \"config\": null, \"now\": \"2026-11-27\"},"
	" \"summary\": {\"verdict\": \"fail\", \"score\": 0.0, \"areas\": {\"docs\":"
	"  {\"score\": 0.0, \"evaluations\": 3, \"findings\": 3}}, \"counts\": {\"error\": 3,"
	"  \"warning\": 0, \"notice\": 0}, \"waived\": 0, \"suppressed\": 0, \"baseline\": 0,"
	"  \"outside_change\": 0, \"evaluations\": 3, \"findings\": 3},"
	" \"rules\": [{\"id\": \"docs.placeholder\", \"area\": \"docs\", \"severity\": \"error\","
	"  \"title\": \"T\", \"description\": \"D\", \"rationale\": null, \"remediation\": \"R\","
	"  \"references\": []}],"
	" \"findings\": ["
	"  {\"rule\": \"docs.placeholder\", \"severity\": \"error\", \"area\": \"docs\","
	"   \"message\": \"m\", \"file\": \"a b#c.md\", \"line\": 0, \"column\": 0,"
	"   \"subject\": \"x:y\", \"evidence\": null, \"fingerprint\": \"0000000000000001\","
	"   \"status\": \"active\"},"
	"  {\"rule\": \"docs.placeholder\", \"severity\": \"error\", \"area\": \"docs\","
	"   \"message\": \"m\", \"file\": \"a b#c.md\", \"line\": 7, \"column\": 0,"
	"   \"subject\": \"x:y\", \"evidence\": null, \"fingerprint\": \"0000000000000002\","
	"   \"status\": \"active\"},"
	"  {\"rule\": \"docs.placeholder\", \"severity\": \"error\", \"area\": \"docs\","
	"   \"message\": \"m\", \"file\": \"a b#c.md\", \"line\": 9, \"column\": 3,"
	"   \"subject\": \"x y\", \"evidence\": null, \"fingerprint\": \"0000000000000003\","
	"   \"status\": \"active\"}],"
	" \"evaluations\": []}";

/* Names stay unique under GitLab's key (non-alphanumerics become '-'). */
START_TEST(test_junit_unique_names_and_invalid_utf8)
{
	json_t *report = json_loads(tiny_report, 0, NULL);
	or_report *value;
	char *xml;
	xmlDocPtr doc;

	ck_assert(report != NULL);
	/* the report value keeps text that is not UTF-8 as '?'; the JUnit
	 * writer does not count on it */
	value = load_value(report);
	value->findings.items[2].message = "bad \xff\xfe end";
	xml = render_value(value, "junit");
	or_report_free(value);
	doc = parse_valid_junit(xml);
	check_junit_counts(report, doc);
	ck_assert(strstr(xml, "name=\"a b#c.md: x:y\" classname=\"docs.placeholder\""));
	ck_assert(strstr(xml, "name=\"a b#c.md: x:y #2\""));
	ck_assert(strstr(xml, "name=\"a b#c.md: x y #3\""));
	ck_assert(strstr(xml, "bad \xef\xbf\xbd\xef\xbf\xbd end"));
	xmlFreeDoc(doc);
	free(xml);
	json_decref(report);
}
END_TEST

static const json_t *path_get(const json_t *value, const char *path)
{
	char key[128];
	const char *p = path;

	while (value && *p) {
		size_t n = strcspn(p, "/");
		snprintf(key, sizeof(key), "%.*s", (int)n, p);
		if (json_is_array(value))
			value = json_array_get(value, (size_t)strtoul(key, NULL, 10));
		else
			value = json_object_get(value, key);
		p += n + (p[n] == '/');
	}
	return value;
}

static const char *str_at(const json_t *value, const char *path)
{
	return json_string_value(path_get(value, path));
}

static json_t *render_sarif(const json_t *report)
{
	char *text = render(report, "sarif");
	json_error_t error;
	json_t *sarif = json_loads(text, JSON_REJECT_DUPLICATES, &error);

	ck_assert_msg(sarif != NULL, "SARIF is not JSON: %s", error.text);
	ck_assert(text[strlen(text) - 1] == '\n');
	free(text);
	ck_assert_str_eq(str_at(sarif, "$schema"), "https://json.schemastore.org/sarif-2.1.0.json");
	ck_assert_str_eq(str_at(sarif, "version"), "2.1.0");
	ck_assert_int_eq(json_array_size(json_object_get(sarif, "runs")), 1);
	return sarif;
}

static const char *expected_level(const json_t *finding)
{
	const char *severity = or_report_str(finding, "severity", "");

	if (strcmp(or_report_str(finding, "status", ""), "outside-change") == 0)
		return "note";
	return strcmp(severity, "notice") == 0 ? "note" : severity;
}

/* Rules, results, levels and fingerprints agree with the report. */
static void check_sarif_results(const json_t *report, const json_t *sarif)
{
	const json_t *rules = json_object_get(report, "rules");
	const json_t *findings = json_object_get(report, "findings");
	const json_t *driver_rules = path_get(sarif, "runs/0/tool/driver/rules");
	const json_t *results = path_get(sarif, "runs/0/results");
	size_t i;

	ck_assert_int_eq(json_array_size(driver_rules), json_array_size(rules));
	for (i = 0; i < json_array_size(rules); i++) {
		const json_t *rule = json_array_get(rules, i), *out = json_array_get(driver_rules, i);
		const char *severity = or_report_str(rule, "severity", "");

		ck_assert_str_eq(str_at(out, "id"), or_report_str(rule, "id", ""));
		ck_assert_str_eq(str_at(out, "shortDescription/text"), or_report_str(rule, "title", ""));
		ck_assert_str_eq(str_at(out, "defaultConfiguration/level"),
				 strcmp(severity, "notice") == 0 ? "note" : severity);
		ck_assert(strstr(str_at(out, "help/text"), or_report_str(rule, "remediation", "")));
		ck_assert_str_eq(str_at(out, "properties/tags/0"), or_report_str(rule, "area", ""));
	}
	ck_assert_int_eq(json_array_size(results), json_array_size(findings));
	for (i = 0; i < json_array_size(findings); i++) {
		const json_t *f = json_array_get(findings, i), *r = json_array_get(results, i);
		const char *status = or_report_str(f, "status", "");
		size_t index = (size_t)json_integer_value(json_object_get(r, "ruleIndex"));
		const char *kind = str_at(r, "suppressions/0/kind");

		ck_assert_str_eq(str_at(r, "ruleId"), or_report_str(f, "rule", ""));
		ck_assert_str_eq(str_at(json_array_get(rules, index), "id"), or_report_str(f, "rule", ""));
		ck_assert_str_eq(str_at(r, "level"), expected_level(f));
		ck_assert_str_eq(str_at(r, "message/text"), or_report_str(f, "message", ""));
		ck_assert_str_eq(json_string_value(json_object_get(
					 json_object_get(r, "partialFingerprints"), "opsready/v1")),
				 or_report_str(f, "fingerprint", ""));
		ck_assert_str_eq(str_at(r, "properties/status"), status);
		if (strcmp(status, "waived") == 0 || strcmp(status, "baseline") == 0)
			ck_assert_str_eq(kind, "external");
		else if (strcmp(status, "suppressed") == 0)
			ck_assert_str_eq(kind, "inSource");
		else
			ck_assert_msg(kind == NULL, "an %s finding is suppressed", status);
		if (kind)
			ck_assert_str_eq(str_at(r, "suppressions/0/status"), "accepted");
		if (json_integer_value(json_object_get(f, "line")) > 0 &&
		    json_is_string(json_object_get(f, "file"))) {
			ck_assert_str_eq(str_at(r, "locations/0/physicalLocation/artifactLocation/uri"),
					 or_report_str(f, "file", ""));
			ck_assert_int_eq(json_integer_value(path_get(
						 r, "locations/0/physicalLocation/region/startLine")),
					 json_integer_value(json_object_get(f, "line")));
		} else {
			ck_assert(path_get(r, "locations/0/physicalLocation/region") == NULL);
		}
	}
}

START_TEST(test_sarif_example)
{
	json_t *report = load_report("example.json");
	json_t *sarif = render_sarif(report);
	const json_t *run = path_get(sarif, "runs/0");
	char *first = render(report, "sarif"), *second = render(report, "sarif");

	check_sarif_results(report, sarif);
	ck_assert_str_eq(first, second);
	/* keys in a fixed order, the documented one */
	ck_assert(strncmp(first, "{\n  \"$schema\": ", 15) == 0);
	ck_assert_str_eq(str_at(run, "tool/driver/name"), "opsready");
	ck_assert_str_eq(str_at(run, "tool/driver/version"), OPSREADY_VERSION);
	ck_assert_str_eq(str_at(run, "tool/driver/rules/0/name"), "ContactsDuplicate");
	ck_assert(json_is_true(path_get(run, "invocations/0/executionSuccessful")));
	ck_assert_str_eq(json_string_value(json_object_get(
				 json_object_get(json_object_get(run, "originalUriBaseIds"), "%SRCROOT%"),
				 "uri")),
			 "file:///tmp/ex/");
	ck_assert_str_eq(str_at(run, "versionControlProvenance/0/repositoryUri"),
			 "https://git.example.org/northwind/ops-runbooks");
	ck_assert_str_eq(str_at(run, "versionControlProvenance/0/revisionId"),
			 str_at(report, "scan/commit"));
	ck_assert_str_eq(str_at(run, "versionControlProvenance/0/branch"), "main");
	ck_assert_str_eq(str_at(run, "results/0/locations/0/physicalLocation/artifactLocation/"
				     "uriBaseId"),
			 "%SRCROOT%");
	free(first);
	free(second);
	json_decref(sarif);
	json_decref(report);
}
END_TEST

START_TEST(test_sarif_exceptions)
{
	json_t *report = load_report("exceptions.json");
	json_t *sarif = render_sarif(report);
	const json_t *results = path_get(sarif, "runs/0/results");
	bool waived = false, outside = false, located_at_config = false;
	size_t i;

	check_sarif_results(report, sarif);
	for (i = 0; i < json_array_size(results); i++) {
		const json_t *r = json_array_get(results, i);
		const char *status = str_at(r, "properties/status");

		if (strcmp(status, "waived") == 0) {
			ck_assert_str_eq(str_at(r, "suppressions/0/justification"),
					 "waived: on leave <until> \"January\" ]]> & back; approved by "
					 "ops-director; expires 2027-01-31");
			ck_assert_str_eq(str_at(r, "suppressions/0/properties/approved_by"),
					 "ops-director");
			waived = true;
		}
		if (strcmp(status, "outside-change") == 0) {
			ck_assert_str_eq(str_at(r, "level"), "note");
			ck_assert_str_eq(str_at(r, "properties/severity"), "error");
			outside = true;
		}
		if (strcmp(str_at(r, "ruleId"), "contacts.missing-role") == 0) {
			/* no file: the config file, inside the root "." */
			ck_assert_str_eq(str_at(r, "locations/0/physicalLocation/artifactLocation/uri"),
					 ".opsready.yml");
			located_at_config = true;
		}
	}
	ck_assert(waived && outside && located_at_config);
	/* root "." is no absolute URI: no originalUriBaseIds, no provenance */
	ck_assert(path_get(sarif, "runs/0/originalUriBaseIds") == NULL);
	json_decref(sarif);
	json_decref(report);
}
END_TEST

START_TEST(test_sarif_uris)
{
	json_t *report = json_loads(tiny_report, 0, NULL);
	json_t *sarif;
	const json_t *results;

	ck_assert(report != NULL);
	sarif = render_sarif(report);
	results = path_get(sarif, "runs/0/results");
	ck_assert_str_eq(str_at(json_array_get(results, 0),
				"locations/0/physicalLocation/artifactLocation/uri"),
			 "a%20b%23c.md");
	ck_assert(path_get(json_array_get(results, 0), "locations/0/physicalLocation/region") ==
		  NULL);
	ck_assert(path_get(json_array_get(results, 1),
			   "locations/0/physicalLocation/region/startColumn") == NULL);
	ck_assert_int_eq(json_integer_value(path_get(json_array_get(results, 2),
						     "locations/0/physicalLocation/region/startColumn")),
			 3);
	ck_assert_str_eq(json_string_value(json_object_get(
				 json_object_get(path_get(sarif, "runs/0/originalUriBaseIds"),
						 "%SRCROOT%"),
				 "uri")),
			 "file:///srv/my%20repo/");
	/* no commit and no branch: no versionControlProvenance */
	ck_assert(path_get(sarif, "runs/0/versionControlProvenance") == NULL);
	json_decref(sarif);
	json_decref(report);
}
END_TEST

START_TEST(test_formats_registered)
{
	ck_assert(or_report_format_known("junit"));
	ck_assert(or_report_format_known("sarif"));
	ck_assert_str_eq(or_reporter_find("junit")->extension, "xml");
	ck_assert_str_eq(or_reporter_find("sarif")->extension, "sarif");
	ck_assert_str_eq(or_report_format_list(), "text, json, junit, sarif, markdown, html");
}
END_TEST

Suite *reporters_suite(void)
{
	Suite *s = suite_create("reporters");
	TCase *tc = tcase_create("junit-sarif");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_junit_example);
	tcase_add_test(tc, test_junit_exceptions_and_hostile_text);
	tcase_add_test(tc, test_junit_unique_names_and_invalid_utf8);
	tcase_add_test(tc, test_sarif_example);
	tcase_add_test(tc, test_sarif_exceptions);
	tcase_add_test(tc, test_sarif_uris);
	tcase_add_test(tc, test_formats_registered);
	suite_add_tcase(s, tc);
	return s;
}
