/*
 * Merging reports: one organisation-wide report from the JSON reports of
 * many repositories, the way a nightly job runs opsready in each repository
 * as parallel CI jobs and then merges their results. The merged value has
 * the report's schema, so every reporter renders it; what belongs to one
 * repository is marked with its name (paths become "NAME/path").
 */
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "gate/score.h"
#include "opsready/compare.h"
#include "report/value.h"
#include "rules/severity.h"
#include "util/alloc.h"
#include "util/buf.h"

static json_t *prefixed(const char *name, const json_t *path)
{
	or_buf out = OR_BUF_INIT;
	json_t *v;

	if (!json_is_string(path))
		return json_null();
	or_buf_printf(&out, "%s/%s", name, json_string_value(path));
	v = json_string(out.ptr);
	or_buf_dispose(&out);
	return v;
}

/* A copy of each item of `array` with `key` (a path) prefixed and
 * `repository` set, appended to `out`. */
static void append_items(json_t *out, const json_t *array, const char *name, const char *key,
			 bool tag)
{
	size_t i;

	for (i = 0; i < json_array_size(array); i++) {
		json_t *item = json_deep_copy(json_array_get(array, i));
		if (key && json_object_get(item, key))
			json_object_set_new(item, key, prefixed(name, json_object_get(item, key)));
		if (tag)
			json_object_set_new(item, "repository", json_string(name));
		json_array_append_new(out, item);
	}
}

/* The rule changes of one report, each source as "NAME: source". */
static void append_rule_changes(json_t *out, const json_t *changes, const char *name)
{
	or_buf source = OR_BUF_INIT;
	size_t i;

	for (i = 0; i < json_array_size(changes); i++) {
		json_t *item = json_deep_copy(json_array_get(changes, i));

		or_buf_clear(&source);
		or_buf_printf(&source, "%s: %s", name,
			      json_string_value(json_object_get(item, "source")) ?
				      json_string_value(json_object_get(item, "source")) : "?");
		json_object_set_new(item, "source", json_string(or_buf_cstr(&source)));
		json_array_append_new(out, item);
	}
	or_buf_dispose(&source);
}

/* The findings of one report, their files as "NAME/path". Fingerprints stay
 * unique across repositories: each becomes the first 16 hex digits of the
 * git blob hash of "NAME\nfingerprint". */
static void merge_findings(or_finding_table *out, const or_finding_table *in, const char *name)
{
	size_t i;

	for (i = 0; i < in->count; i++) {
		or_report_finding f = in->items[i];
		or_buf text = OR_BUF_INIT;
		char hex[GIT_OID_HEXSZ + 1];
		git_oid oid;

		or_buf_printf(&text, "%s\n%s", name, f.fingerprint);
		git_odb_hash(&oid, text.ptr, text.size, GIT_OBJECT_BLOB);
		git_oid_tostr(hex, sizeof(hex), &oid);
		hex[16] = '\0';
		f.fingerprint = hex;
		or_finding_table_add(out, &f, name);
		or_buf_dispose(&text);
	}
}

/* The evaluations of one report, their files as "NAME/path". */
static void merge_evaluations(or_eval_table *out, const or_eval_table *in, const char *name)
{
	size_t i, s;

	for (i = 0; i < in->ngroups; i++) {
		const or_eval_group *g = &in->groups[i];

		or_eval_table_group(out, g->rule, name, g->file, g->outcome, g->reason);
		for (s = 0; s < g->count; s++)
			or_eval_table_subject(out, in->subjects[g->first + s]);
	}
}

/* The string at `key` of `object`, or `fallback`: a saved report may lack
 * any key or hold another type there. */
static const char *string_or(const json_t *object, const char *key, const char *fallback)
{
	const char *s = json_string_value(json_object_get(object, key));
	return s ? s : fallback;
}

/* A finding's severity as the summary counts it: one it does not know
 * (or "never") counts as a notice, weighing nothing. */
static or_severity counted_severity(const char *name)
{
	or_severity severity = or_severity_of(name, OR_SEV_NOTICE);

	return severity == OR_SEV_NEVER ? OR_SEV_NOTICE : severity;
}

/*
 * The summary of the merged report, by the same formula as a scan's
 * (gate/score.h): weighted passes (evaluations) and findings, waived and
 * suppressed counting as passed.
 */
static json_t *summary(const json_t *rules, const or_finding_table *findings,
		       const or_eval_table *evaluations, const char *fail_on)
{
	json_t *severity_of = json_object(), *areas = json_object();
	json_int_t counts[3] = { 0, 0, 0 }, excepted[4] = { 0, 0, 0, 0 }, nevals = 0, failing = 0;
	or_severity threshold = or_severity_of(fail_on, OR_SEV_ERROR);
	or_score score;
	json_t *out;
	size_t i;

	or_score_init(&score);
	for (i = 0; i < json_array_size(rules); i++) {
		const json_t *r = json_array_get(rules, i);
		json_object_set(severity_of, json_string_value(json_object_get(r, "id")),
				json_object_get(r, "severity"));
	}
	for (i = 0; i < findings->count + evaluations->ngroups; i++) {
		bool is_finding = i < findings->count;
		const or_report_finding *e = is_finding ? &findings->items[i] : NULL;
		const or_eval_group *g = is_finding ? NULL : &evaluations->groups[i - findings->count];
		const char *rule = is_finding ? e->rule : g->rule;
		or_severity sev = counted_severity(
			json_string_value(json_object_get(severity_of, rule ? rule : "")));
		const char *dot = rule ? strchr(rule, '.') : NULL;
		char area[64];
		size_t a, n = 1;
		bool ok;

		if (!is_finding) {
			if (strcmp(g->outcome, "pass") != 0)
				continue;
			n = g->count;
			ok = true;
		} else {
			const char *status = e->status;
			ok = strcmp(status, "waived") == 0 || strcmp(status, "suppressed") == 0;
			if (strcmp(status, "active") == 0) {
				counts[sev]++;
				failing += sev >= threshold;
			} else {
				excepted[strcmp(status, "waived") == 0       ? 0
					 : strcmp(status, "suppressed") == 0 ? 1
					 : strcmp(status, "baseline") == 0   ? 2
									     : 3]++;
			}
		}
		snprintf(area, sizeof(area), "%.*s", dot ? (int)(dot - rule) : 0, rule ? rule : "");
		a = or_score_area(&score, area);
		or_score_add(&score, a, sev, n, ok);
		if (is_finding && strcmp(e->status, "active") == 0)
			score.areas[a].findings++;
		nevals += (json_int_t)n;
	}
	or_score_finish(&score);
	for (i = 0; i < score.nareas; i++) {
		const or_area_score *s = &score.areas[i];
		json_object_set_new(areas, s->area,
				    json_pack("{s:o, s:I, s:I}", "score",
					      s->evaluations ? json_real(s->score) : json_null(),
					      "evaluations", (json_int_t)s->evaluations,
					      "findings", (json_int_t)s->findings));
	}
	out = json_pack("{s:s, s:f, s:o, s:{s:I, s:I, s:I}, s:I, s:I, s:I, s:I, s:I, s:I}",
			"verdict", failing ? "fail" : "pass", "score", score.value, "areas",
			areas, "counts", "error", counts[OR_SEV_ERROR], "warning", counts[OR_SEV_WARNING],
			"notice", counts[OR_SEV_NOTICE],
			"waived", excepted[0], "suppressed", excepted[1], "baseline", excepted[2],
			"outside_change", excepted[3], "evaluations", nevals, "findings",
			(json_int_t)findings->count);
	json_decref(severity_of);
	or_score_dispose(&score);
	return out;
}

/* The better of two matrix cells of one person and course. */
static int cell_rank(const char *status)
{
	static const char *const order[] = { "not-required", "missing", "due", "expired",
					     "expiring", "done" };
	int i;

	for (i = 0; i < 6; i++)
		if (status && strcmp(order[i], status) == 0)
			return i;
	return 0;
}

static void merge_training(json_t *merged, const json_t *training, const char *name)
{
	json_t *courses = json_object_get(merged, "courses"), *people = json_object_get(merged, "people");
	json_t *matrix = json_object_get(merged, "matrix"), *teams = json_object_get(merged, "teams");
	size_t i, j;

	for (i = 0; i < json_array_size(json_object_get(training, "courses")); i++) {
		const json_t *c = json_array_get(json_object_get(training, "courses"), i);
		bool known = false;
		for (j = 0; j < json_array_size(courses) && !known; j++)
			known = json_equal(json_object_get(json_array_get(courses, j), "id"),
					   json_object_get(c, "id"));
		if (!known)
			json_array_append_new(courses, json_deep_copy(c));
	}
	for (i = 0; i < json_array_size(json_object_get(training, "people")); i++) {
		const json_t *p = json_array_get(json_object_get(training, "people"), i);
		bool known = false;
		for (j = 0; j < json_array_size(people) && !known; j++)
			known = json_equal(json_object_get(json_array_get(people, j), "id"),
					   json_object_get(p, "id"));
		if (!known)
			json_array_append_new(people, json_deep_copy(p));
	}
	/* a person in several repositories: the best cell of each course counts */
	for (i = 0; i < json_array_size(json_object_get(training, "matrix")); i++) {
		const json_t *cell = json_array_get(json_object_get(training, "matrix"), i);
		json_t *same = NULL;
		for (j = 0; j < json_array_size(matrix) && !same; j++) {
			json_t *m = json_array_get(matrix, j);
			if (json_equal(json_object_get(m, "person"), json_object_get(cell, "person")) &&
			    json_equal(json_object_get(m, "course"), json_object_get(cell, "course")))
				same = m;
		}
		if (!same)
			json_array_append_new(matrix, json_deep_copy(cell));
		else if (cell_rank(json_string_value(json_object_get(cell, "status"))) >
			 cell_rank(json_string_value(json_object_get(same, "status"))))
			json_object_update(same, (json_t *)cell);
	}
	append_items(teams, json_object_get(training, "teams"), name, NULL, true);
}

int or_report_merge(or_report **out, const or_report *const *reports, const char *const *names,
		    size_t n, or_diag *diag)
{
	json_t *rules = json_array();
	json_t *documents = json_array(), *escalation = json_array(), *drills = json_array();
	json_t *contacts = json_array(), *waivers = json_array(), *suppressions = json_array();
	json_t *repositories = json_array(), *packs = json_array(), *skipped = json_array();
	json_t *rule_changes = json_array();
	json_t *training = NULL, *root;
	json_int_t files = 0, docs = 0;
	const char *latest = NULL, *fail_on = "error";
	or_buf digests = OR_BUF_INIT;
	bool history = true;
	size_t r, i, j;
	git_oid oid;
	char hex[GIT_OID_HEXSZ + 1], digest[48];
	or_finding_table findings;
	or_eval_table evaluations;
	or_report *merged;

	or_finding_table_init(&findings);
	or_eval_table_init(&evaluations);
	for (r = 0; r < n; r++) {
		const json_t *rep = reports[r]->root, *scan = json_object_get(rep, "scan");
		const json_t *summary_in = json_object_get(rep, "summary");
		const json_t *t = json_object_get(rep, "training");

		if (r == 0)
			fail_on = json_string_value(json_object_get(json_object_get(rep, "gate"), "fail_on"));
		for (i = 0; i < json_array_size(json_object_get(rep, "rules")); i++) {
			const json_t *rule = json_array_get(json_object_get(rep, "rules"), i);
			bool known = false;
			for (j = 0; j < json_array_size(rules) && !known; j++)
				known = json_equal(json_object_get(json_array_get(rules, j), "id"),
						   json_object_get(rule, "id"));
			if (!known)
				json_array_append_new(rules, json_deep_copy(rule));
		}
		for (i = 0; i < json_array_size(json_object_get(scan, "packs")); i++) {
			const json_t *pack = json_array_get(json_object_get(scan, "packs"), i);
			bool known = false;
			for (j = 0; j < json_array_size(packs) && !known; j++)
				known = json_equal(json_array_get(packs, j), pack);
			if (!known)
				json_array_append_new(packs, json_deep_copy(pack));
		}
		merge_findings(&findings, &reports[r]->findings, names[r]);
		merge_evaluations(&evaluations, &reports[r]->evaluations, names[r]);
		append_items(documents, json_object_get(rep, "documents"), names[r], "path", false);
		append_items(escalation, json_object_get(rep, "escalation"), names[r], "file", false);
		append_items(drills, json_object_get(rep, "drills"), names[r], NULL, true);
		append_items(contacts, json_object_get(rep, "contacts"), names[r], "file", false);
		append_items(waivers, json_object_get(rep, "waivers"), names[r], NULL, true);
		append_items(suppressions, json_object_get(rep, "suppressions"), names[r], "file", false);
		append_items(skipped, json_object_get(scan, "skipped"), names[r], "path", false);
		append_rule_changes(rule_changes, json_object_get(scan, "rule_changes"), names[r]);
		if (json_is_object(t)) {
			if (!training)
				training = json_pack("{s:s, s:[], s:[], s:[], s:[]}", "records",
						     "merged", "courses", "people", "matrix", "teams");
			merge_training(training, t, names[r]);
		}
		files += json_integer_value(json_object_get(scan, "files"));
		docs += json_integer_value(json_object_get(scan, "documents"));
		history &= json_is_true(json_object_get(json_object_get(scan, "history"), "available"));
		if (string_or(scan, "now", NULL) &&
		    (!latest || strcmp(string_or(scan, "now", ""), latest) > 0))
			latest = string_or(scan, "now", NULL);
		or_buf_printf(&digests, "%s\n", string_or(scan, "rules_digest", ""));
		json_array_append_new(
			repositories,
			json_pack("{s:s, s:O, s:O, s:O, s:O, s:O, s:O, s:O, s:O}", "name", names[r],
				  "root", json_object_get(scan, "root"), "commit",
				  json_object_get(scan, "commit"), "branch",
				  json_object_get(scan, "branch"), "now", json_object_get(scan, "now"),
				  "verdict", json_object_get(summary_in, "verdict"), "score",
				  json_object_get(summary_in, "score"), "areas",
				  json_object_get(summary_in, "areas"), "counts",
				  json_object_get(summary_in, "counts")));
	}
	if (training) {
		/* the summary of the merged matrix */
		json_int_t counts[6] = { 0 };
		const json_t *matrix = json_object_get(training, "matrix");
		const json_t *people = json_object_get(training, "people");
		json_int_t fully = 0;
		for (i = 0; i < json_array_size(matrix); i++)
			counts[cell_rank(json_string_value(
				json_object_get(json_array_get(matrix, i), "status")))]++;
		for (i = 0; i < json_array_size(people); i++) {
			const json_t *p = json_array_get(people, i);
			bool trained = true;
			for (j = 0; j < json_array_size(matrix); j++) {
				const json_t *m = json_array_get(matrix, j);
				int rank = cell_rank(json_string_value(json_object_get(m, "status")));
				if (json_equal(json_object_get(m, "person"), json_object_get(p, "id")) &&
				    json_is_true(json_object_get(m, "required")) && rank < 4)
					trained = false;
			}
			json_object_set_new((json_t *)p, "fully_trained", json_boolean(trained));
			fully += trained;
		}
		json_object_set_new(training, "summary",
				    json_pack("{s:I, s:I, s:I, s:I, s:I, s:I}", "people",
					      (json_int_t)json_array_size(people), "fully_trained", fully,
					      "missing", counts[1], "expired", counts[3], "expiring",
					      counts[4], "due", counts[2]));
	}
	git_odb_hash(&oid, digests.ptr ? digests.ptr : "", digests.size, GIT_OBJECT_BLOB);
	git_oid_tostr(hex, sizeof(hex), &oid);
	snprintf(digest, sizeof(digest), "sha1:%s", hex);
	or_buf_dispose(&digests);

	root = json_pack(
		"{s:i, s:{s:s, s:s}, s:{s:s, s:b, s:n, s:n, s:b, s:b, s:s, s:s, s:o, s:n, s:n, s:I, s:I, s:o, s:n, s:b, s:{s:n, s:n, s:n}, s:{s:b, s:s}, s:n}, s:{s:s, s:n}, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
		"schema_version", 1, "tool", "name", "opsready", "version", OPSREADY_VERSION,
		"scan", "root", "organisation", "git", false, "commit", "branch", "dirty", false,
		"shallow", false, "now", latest ? latest : "1970-01-01", "rules_digest", digest,
		"packs", packs, "config", "repo_url", "files", files, "documents", docs, "skipped",
		skipped, "baseline", "inline_suppressions", true, "inputs", "training", "drills",
		"contacts", "history", "available", history, "reason",
		history ? "available" : "not available in every repository", "since",
		"gate", "fail_on", fail_on ? fail_on : "error", "min_score",
		"summary", summary(rules, &findings, &evaluations, fail_on ? fail_on : "error"),
		"rules", rules, "findings", json_array(), "evaluations", json_array(), "documents",
		documents, "escalation", escalation, "training", training ? training : json_null(),
		"drills", drills, "contacts", contacts, "waivers", waivers, "suppressions",
		suppressions, "repositories", repositories);
	if (root)
		json_object_set_new(json_object_get(root, "scan"), "rule_changes", rule_changes);
	else
		json_decref(rule_changes);
	if (!root) {
		or_finding_table_dispose(&findings);
		or_eval_table_dispose(&evaluations);
		return or_diag_set(diag, OR_EXIT_RUNTIME, NULL, 0, 0,
				   "the merged report could not be built");
	}
	merged = or_report_wrap(root);
	merged->findings = findings; /* moved */
	merged->evaluations = evaluations;
	*out = merged;
	return 0;
}
