/*
 * The SARIF 2.1.0 report, for code-scanning views (GitHub code scanning, the
 * SARIF viewers of editors): one run whose driver lists every rule with its
 * help, and one result per finding.
 *
 * - Levels map faithfully: error -> error, warning -> warning, notice -> note.
 * - Waived and baseline findings carry a suppression of kind "external",
 *   suppressed ones (in the document) of kind "inSource", all "accepted", with
 *   the justification (for a waiver: reason, approver and expiry). Consumers
 *   show them as suppressed or closed, never as open alerts.
 * - Findings outside the change (pre-merge mode, --since) are real findings
 *   that this change neither made nor can gate: they stay results, with level
 *   "note" so that a code-scanning check configured to fail on errors or
 *   warnings does not fail the pull request for them, and
 *   properties.status "outside-change" with the rule's severity in
 *   properties.severity. They are not suppressions: nobody accepted them.
 * - Locations are relative to %SRCROOT% (the scanned root, in
 *   originalUriBaseIds); a finding without a file points at the config file
 *   when it lies inside the root (code scanning only shows results that have
 *   a location), else it has none. Columns count code points (columnKind).
 * - partialFingerprints["opsready/v1"] is the finding's fingerprint (rule,
 *   file, subject), which survives edits elsewhere in the file.
 * Keys are written in a fixed order; no times, so reports are reproducible.
 */
#include <stdlib.h>
#include <string.h>

#include "render/json_stream.h"
#include "render/reporter.h"
#include "report/read.h"
#include "util/fs.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define SARIF_ROOT "%SRCROOT%"

/* Percent-encode a path for a URI: unreserved characters and '/' stay. */
static void uri_path(or_buf *out, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;

	for (p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
			or_buf_putc(out, *p);
		else
			or_buf_printf(out, "%%%c%c", hex[*p >> 4], hex[*p & 15]);
	}
}

static json_t *text_object(const char *key, const char *text)
{
	return json_pack("{s:s}", key, text);
}

/* "docs.required-section" -> "DocsRequiredSection": the whole id, for the
 * second parts repeat across areas (contacts.stale, review.stale). */
static void rule_name(or_buf *out, const char *id)
{
	const char *p;
	bool upper = true;

	for (p = id; *p; p++) {
		if (*p == '-' || *p == '.' || *p == '_') {
			upper = true;
			continue;
		}
		or_buf_putc(out, upper && *p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p);
		upper = false;
	}
}

static const char *level_of(const char *severity)
{
	if (strcmp(severity, "error") == 0)
		return "error";
	if (strcmp(severity, "warning") == 0)
		return "warning";
	return "note";
}

static json_t *rule_help(const or_report_rule_view *rule)
{
	const or_report_strings *references = &rule->references;
	const char *remediation = rule->remediation ? rule->remediation : "";
	const char *rationale = rule->rationale;
	or_buf text = OR_BUF_INIT, markdown = OR_BUF_INIT;
	json_t *help;
	size_t i;

	or_buf_puts(&text, remediation);
	or_buf_puts(&markdown, remediation);
	if (rationale && *rationale) {
		or_buf_printf(&text, "\n\nWhy: %s", rationale);
		or_buf_printf(&markdown, "\n\n**Why:** %s", rationale);
	}
	if (references->count) {
		or_buf_puts(&text, "\n\nReferences:");
		or_buf_puts(&markdown, "\n\n**References:**\n");
		for (i = 0; i < references->count; i++) {
			const char *ref = or_report_strings_at(references, i);
			or_buf_printf(&text, "\n- %s", ref ? ref : "");
			or_buf_printf(&markdown, "\n- %s", ref ? ref : "");
		}
	}
	help = json_pack("{s:s, s:s}", "text", or_buf_cstr(&text), "markdown",
			 or_buf_cstr(&markdown));
	or_buf_dispose(&text);
	or_buf_dispose(&markdown);
	return help;
}

/* A rule without an id is listed as "?" (and is rule "?" of the results). */
static json_t *driver_rule(const or_report_rule_view *rule)
{
	const char *id = rule->id ? rule->id : "?";
	/* properties.references are the report's as given, items that are not
	 * strings included (a copy: the report is never shared into the output) */
	const json_t *references = or_report_strings_json(&rule->references);
	or_buf name = OR_BUF_INIT;
	json_t *out, *properties;

	rule_name(&name, id);
	properties = json_pack("{s:[s]}", "tags", rule->area ? rule->area : "opsready");
	json_object_set_new(properties, "references",
			    references ? json_deep_copy(references) : json_array());
	out = json_pack("{s:s, s:s, s:o, s:o, s:{s:s}, s:o, s:o}",
			"id", id,
			"name", or_buf_cstr(&name),
			"shortDescription", text_object("text", rule->title ? rule->title : id),
			"fullDescription",
			text_object("text", rule->description ? rule->description : ""),
			"defaultConfiguration",
			"level", level_of(rule->severity ? rule->severity : "error"),
			"help", rule_help(rule),
			"properties", properties);
	or_buf_dispose(&name);
	return out;
}

/* `config_in_root`: the path of the config file relative to the root, when
 * it lies inside (where a finding without a file points), else NULL. */
static json_t *result_locations(const or_report_finding *finding, const char *config_in_root)
{
	const char *file = finding->file;
	json_int_t line = finding->line;
	json_int_t column = finding->column;
	json_t *physical, *artifact, *region, *location;
	or_buf uri = OR_BUF_INIT;

	if (!file || !*file) {
		file = config_in_root;
		line = 0;
	}
	if (!file)
		return NULL;
	uri_path(&uri, file); /* ASCII */
	artifact = json_object();
	json_object_set_new_nocheck(artifact, "uri", json_stringn_nocheck(uri.ptr, uri.size));
	json_object_set_new_nocheck(artifact, "uriBaseId", json_string_nocheck(SARIF_ROOT));
	physical = json_object();
	json_object_set_new_nocheck(physical, "artifactLocation", artifact);
	if (line > 0) {
		region = json_object();
		json_object_set_new_nocheck(region, "startLine", json_integer(line));
		if (column > 0)
			json_object_set_new_nocheck(region, "startColumn", json_integer(column));
		json_object_set_new_nocheck(physical, "region", region);
	}
	or_buf_dispose(&uri);
	location = json_object();
	json_object_set_new_nocheck(location, "physicalLocation", physical);
	return json_pack("[o]", location);
}

/* suppressions[] of a waived, suppressed or baseline finding; NULL else */
static json_t *result_suppressions(const or_report_finding *finding)
{
	const char *status = finding->status;
	const char *reason = finding->reason;
	const or_report_waiver *waiver = finding->waived ? &finding->waiver : NULL;
	or_buf justification = OR_BUF_INIT;
	json_t *suppression;

	if (strcmp(status, "waived") == 0) {
		const char *approver = waiver ? waiver->approved_by : NULL;
		const char *expires = waiver ? waiver->expires : NULL;
		const char *why = waiver && waiver->reason ? waiver->reason : reason;

		or_buf_printf(&justification, "waived: %s", why ? why : "no reason given");
		if (approver)
			or_buf_printf(&justification, "; approved by %s", approver);
		if (expires)
			or_buf_printf(&justification, "; expires %s", expires);
		suppression = json_pack("{s:s, s:s, s:s}", "kind", "external", "status", "accepted",
					"justification", or_buf_cstr(&justification));
		if (waiver)
			json_object_set_new(suppression, "properties", or_report_waiver_json(waiver));
	} else if (strcmp(status, "suppressed") == 0 || strcmp(status, "baseline") == 0) {
		bool baseline = status[0] == 'b';

		or_buf_printf(&justification, "%s%s%s", baseline ? "in the baseline" : "suppressed",
			      reason ? ": " : "", reason ? reason : "");
		suppression = json_pack("{s:s, s:s, s:s}", "kind", baseline ? "external" : "inSource",
					"status", "accepted", "justification",
					or_buf_cstr(&justification));
	} else {
		suppression = NULL;
	}
	or_buf_dispose(&justification);
	return suppression ? json_pack("[o]", suppression) : NULL;
}

/* A member whose text comes from the finding table: UTF-8 (or_finding_table_add made it so). */
static void set_text(json_t *object, const char *key, const char *text)
{
	json_object_set_new_nocheck(object, key, json_string_nocheck(text));
}

typedef struct sarif_ctx {
	const or_report *report;
	or_report_rule_ids rule_ids;
	bool has_anonymous;        /* a rule without an id (driver rule "?"), */
	size_t anonymous;          /* the last one */
	const char *config_in_root; /* see result_locations() */
} sarif_ctx;

/* The index of the finding's rule among the driver's rules: the last rule of
 * that id, a rule without an id counting as "?". */
static bool rule_index(const sarif_ctx *ctx, const char *id, size_t *index)
{
	bool found = or_report_find_rule_index(ctx->report, &ctx->rule_ids, id, index);

	if (ctx->has_anonymous && strcmp(id, "?") == 0 && (!found || ctx->anonymous > *index)) {
		*index = ctx->anonymous;
		found = true;
	}
	return found;
}

static json_t *result(const sarif_ctx *ctx, const or_report_finding *finding)
{
	const char *status = finding->status;
	json_t *out = json_object(), *message = json_object(), *fingerprints = json_object();
	json_t *properties = json_object(), *locations, *suppressions;
	size_t index;

	set_text(out, "ruleId", finding->rule);
	if (rule_index(ctx, finding->rule, &index))
		json_object_set_new_nocheck(out, "ruleIndex", json_integer((json_int_t)index));
	set_text(out, "level", strcmp(status, "outside-change") == 0 ? "note"
			       : level_of(finding->severity));
	set_text(message, "text", finding->message);
	json_object_set_new_nocheck(out, "message", message);
	locations = result_locations(finding, ctx->config_in_root);
	if (locations)
		json_object_set_new_nocheck(out, "locations", locations);
	set_text(fingerprints, "opsready/v1", finding->fingerprint);
	json_object_set_new_nocheck(out, "partialFingerprints", fingerprints);
	suppressions = result_suppressions(finding);
	if (suppressions)
		json_object_set_new_nocheck(out, "suppressions", suppressions);
	set_text(properties, "status", status);
	set_text(properties, "severity", finding->severity);
	set_text(properties, "area", finding->area ? finding->area : "");
	set_text(properties, "subject", finding->subject ? finding->subject : "");
	if (finding->evidence)
		set_text(properties, "evidence", finding->evidence);
	json_object_set_new_nocheck(out, "properties", properties);
	return out;
}

/* The repository's address: scan.repo_url up to its /blob/ (or /-/blob/,
 * /src/, /tree/) part, or else the root as a file URI. NULL when neither. */
static json_t *repository_uri(const or_report_scan_view *scan, const json_t *root_uri)
{
	static const char *const cuts[] = { "/-/blob/", "/blob/", "/src/", "/tree/" };
	const char *url = scan->repo_url;
	const char *cut = NULL;
	size_t i;

	for (i = 0; url && i < sizeof(cuts) / sizeof(cuts[0]); i++) {
		const char *at = strstr(url, cuts[i]);
		if (at && (!cut || at < cut))
			cut = at;
	}
	if (cut && cut > url)
		return json_stringn(url, (size_t)(cut - url));
	return root_uri ? json_incref((json_t *)root_uri) : NULL;
}

/* The run, with its results array left empty: they are written one by one
 * (or_json_stream), never all held in memory. */
static json_t *run_object(const or_report *report, const or_report_scan_view *scan)
{
	or_report_tool_view tool;
	or_report_summary_view summary;
	const char *root = scan->root;
	const char *commit = scan->commit;
	const char *branch = scan->branch;
	json_t *driver_rules = json_array();
	json_t *run, *root_uri = NULL, *repo, *properties;
	size_t i, nrules = or_report_nrules(report);

	or_report_read_tool(report, &tool);
	or_report_read_summary(report, &summary);
	for (i = 0; i < nrules; i++) {
		or_report_rule_view rule;

		or_report_read_rule(report, i, &rule);
		json_array_append_new(driver_rules, driver_rule(&rule));
	}
	run = json_pack("{s:{s:{s:s, s:s, s:o}}, s:[{s:b}]}",
			"tool", "driver",
			"name", tool.name ? tool.name : "opsready",
			"version", tool.version ? tool.version : "0",
			"rules", driver_rules,
			"invocations", "executionSuccessful", 1);
	if (root && root[0] == '/') {
		or_buf uri = OR_BUF_INIT;

		or_buf_puts(&uri, "file://");
		uri_path(&uri, root);
		if (uri.ptr[uri.size - 1] != '/')
			or_buf_putc(&uri, '/');
		root_uri = json_string(or_buf_cstr(&uri));
		json_object_set_new(run, "originalUriBaseIds",
				    json_pack("{s:{s:O}}", SARIF_ROOT, "uri", root_uri));
		or_buf_dispose(&uri);
	}
	repo = (commit || branch) ? repository_uri(scan, root_uri) : NULL;
	if (repo) {
		json_t *details = json_pack("{s:o}", "repositoryUri", repo);
		if (commit)
			json_object_set_new(details, "revisionId", json_string(commit));
		if (branch)
			json_object_set_new(details, "branch", json_string(branch));
		if (root_uri)
			json_object_set_new(details, "mappedTo",
					    json_pack("{s:s}", "uriBaseId", SARIF_ROOT));
		json_object_set_new(run, "versionControlProvenance", json_pack("[o]", details));
	}
	json_object_set_new(run, "columnKind", json_string("unicodeCodePoints"));
	json_object_set_new(run, "results", json_array());
	properties = json_pack("{s:s, s:s}", "verdict", summary.verdict ? summary.verdict : "fail",
			       "now", scan->now ? scan->now : "");
	if (summary.score.known)
		json_object_set_new(properties, "score", json_real(summary.score.value));
	json_object_set_new(run, "properties", properties);
	json_decref(root_uri);
	return run;
}

static json_t *next_result(void *data, size_t i)
{
	const sarif_ctx *ctx = data;

	return result(ctx, or_report_finding_row(ctx->report, i));
}

static int render_sarif(or_out *out, const or_report *value, const or_render_options *options,
			or_diag *diag)
{
	or_report_scan_view scan;
	json_t *sarif;
	sarif_ctx ctx;
	size_t i, nrules = or_report_nrules(value);
	int error;

	(void)options;
	or_report_read_scan(value, &scan);
	ctx.report = value;
	or_report_rule_ids_init(&ctx.rule_ids, value);
	ctx.has_anonymous = false;
	ctx.anonymous = 0;
	for (i = 0; i < nrules; i++) {
		or_report_rule_view rule;

		or_report_read_rule(value, i, &rule);
		if (!rule.id) {
			ctx.has_anonymous = true;
			ctx.anonymous = i;
		}
	}
	ctx.config_in_root = or_fs_inside(scan.root, scan.config);
	sarif = json_pack("{s:s, s:s, s:[o]}", "$schema", SARIF_SCHEMA, "version", "2.1.0",
			  "runs", run_object(value, &scan));
	/* "results" is a key of the run, runs[0], three levels in */
	error = sarif ? or_json_stream(out, sarif, "results", 3, or_report_nfindings(value),
				       next_result, &ctx)
		      : -1;
	json_decref(sarif);
	or_report_rule_ids_dispose(&ctx.rule_ids);
	if (error)
		return or_diag_set(diag, OR_EXIT_RUNTIME, NULL, 0, 0,
				   "the SARIF report could not be built");
	or_out_putc(out, '\n');
	return 0;
}

const or_reporter or_reporter_sarif = { "sarif", "sarif", render_sarif };
