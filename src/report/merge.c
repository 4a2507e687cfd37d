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
#include "report/read.h"
#include "report/value.h"
#include "rules/severity.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/strset.h"

/* A string of the merged report: `s`, or null when the report lacks it. */
static json_t *string_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *real_or_null(or_report_real v)
{
	return v.known ? json_real(v.value) : json_null();
}

static json_t *int_or_null(or_report_int v)
{
	return v.known ? json_integer((json_int_t)v.value) : json_null();
}

/* The path of item `i` of `list` that merge puts under the repository's
 * name, or NULL: the list has none, or the item lacks it. */
static const char *path_at(const or_report *report, or_report_list list, size_t i)
{
	switch (list) {
	case OR_REPORT_DOCUMENTS: {
		or_report_document_view d;
		or_report_read_document(report, i, &d);
		return d.path;
	}
	case OR_REPORT_ESCALATION: {
		or_report_escalation_view l;
		or_report_read_escalation(report, i, &l);
		return l.file;
	}
	case OR_REPORT_CONTACTS: {
		or_report_contact_view c;
		or_report_read_contact(report, i, &c);
		return c.file;
	}
	case OR_REPORT_SUPPRESSIONS: {
		or_report_suppression_view s;
		or_report_read_suppression(report, i, &s);
		return s.file;
	}
	case OR_REPORT_SKIPPED: {
		or_report_skipped_view s;
		or_report_read_skipped(report, i, &s);
		return s.path;
	}
	default:
		return NULL;
	}
}

/* A copy of each item of `list` (free-form to merge: copied whole, see
 * report/read.h) appended to `out`, its path at `key` (when given) as
 * "NAME/path", and `repository` set when `tag`. */
static void append_items(json_t *out, const or_report *report, or_report_list list,
			 const char *name, const char *key, bool tag)
{
	size_t i;

	for (i = 0; i < or_report_list_count(report, list); i++) {
		json_t *item = json_deep_copy(or_report_list_item(report, list, i));
		const char *path = key ? path_at(report, list, i) : NULL;

		if (path) {
			or_buf prefixed = OR_BUF_INIT;

			or_buf_printf(&prefixed, "%s/%s", name, path);
			json_object_set_new(item, key, json_string(prefixed.ptr));
			or_buf_dispose(&prefixed);
		}
		if (tag)
			json_object_set_new(item, "repository", json_string(name));
		json_array_append_new(out, item);
	}
}

/* The rule changes of one report, each source as "NAME: source". */
static void append_rule_changes(json_t *out, const or_report *report, const char *name)
{
	or_buf source = OR_BUF_INIT;
	size_t i;

	for (i = 0; i < or_report_list_count(report, OR_REPORT_RULE_CHANGES); i++) {
		json_t *item = json_deep_copy(or_report_list_item(report, OR_REPORT_RULE_CHANGES, i));
		or_report_rule_change_view change;

		or_report_read_rule_change(report, i, &change);
		or_buf_clear(&source);
		or_buf_printf(&source, "%s: %s", name, change.source ? change.source : "?");
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

/* Two strings of the reports, the same: a string a report lacks is like
 * no other. */
static bool same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* A finding's severity as the summary counts it: one it does not know
 * (or "never") counts as a notice, weighing nothing. */
static or_severity counted_severity(const char *name)
{
	or_severity severity = or_severity_of(name, OR_SEV_NOTICE);

	return severity == OR_SEV_NEVER ? OR_SEV_NOTICE : severity;
}

/* A rule of the merged report as the summary counts it: its id and
 * severity (NULL when the report lacks them), borrowed from the report it
 * came from. Ids are unique among them. */
typedef struct merged_rule {
	const char *id, *severity;
} merged_rule;

static int compare_merged_rules(const void *a, const void *b)
{
	return strcmp(((const merged_rule *)a)->id, ((const merged_rule *)b)->id);
}

/*
 * The summary of the merged report, by the same formula as a scan's
 * (gate/score.h): weighted passes (evaluations) and findings, waived and
 * suppressed counting as passed.
 */
static json_t *summary(const merged_rule *rules, size_t nrules, const or_finding_table *findings,
		       const or_eval_table *evaluations, const json_t *documents,
		       const char *fail_on)
{
	or_strset paths = OR_STRSET_INIT;
	or_score_units units;
	merged_rule *by_id = or_xmalloc((nrules ? nrules : 1) * sizeof(*by_id));
	json_t *areas = json_object();
	json_int_t counts[3] = { 0, 0, 0 }, excepted[4] = { 0, 0, 0, 0 }, nevals = 0, failing = 0;
	or_severity threshold = or_severity_of(fail_on, OR_SEV_ERROR);
	size_t i, nids = 0;
	or_score score;
	json_t *out;

	or_score_init(&score);
	or_score_units_init(&units);
	/* the documents' paths: a rule weighs once on each (gate/score.h) */
	for (i = 0; i < json_array_size(documents); i++) {
		const char *path = json_string_value(json_object_get(json_array_get(documents, i),
								      "path"));
		if (path)
			or_strset_add(&paths, path, strlen(path));
	}
	/* the rules by id (a rule without one is never looked up) */
	for (i = 0; i < nrules; i++)
		if (rules[i].id)
			by_id[nids++] = rules[i];
	qsort(by_id, nids, sizeof(*by_id), compare_merged_rules);
	for (i = 0; i < findings->count + evaluations->ngroups; i++) {
		bool is_finding = i < findings->count;
		const or_report_finding *e = is_finding ? &findings->items[i] : NULL;
		const or_eval_group *g = is_finding ? NULL : &evaluations->groups[i - findings->count];
		const char *rule = is_finding ? e->rule : g->rule;
		merged_rule key = { rule ? rule : "", NULL };
		const merged_rule *found = bsearch(&key, by_id, nids, sizeof(*by_id),
						   compare_merged_rules);
		or_severity sev = counted_severity(found ? found->severity : NULL);
		const char *dot = rule ? strchr(rule, '.') : NULL;
		char area[64];
		const char *file;
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
		file = is_finding ? e->file : g->file;
		if (rule && file && or_strset_contains(&paths, file, strlen(file))) {
			or_score_count(&score, a, n);
			or_score_units_add(&units, rule, file, a, sev, ok);
		} else {
			or_score_add(&score, a, sev, n, ok);
		}
		if (is_finding && strcmp(e->status, "active") == 0)
			score.areas[a].findings++;
		nevals += (json_int_t)n;
	}
	or_score_units_finish(&units, &score);
	or_strset_dispose(&paths);
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
	free(by_id);
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

/* A person or a cell of the merged matrix: what the summary counts of it
 * (borrowed from the report it came from) and its copy in the merged
 * report. */
typedef struct merged_person {
	const char *id;
	json_t *json;
} merged_person;

typedef struct merged_cell {
	const char *person, *course, *status;
	bool required;
	json_t *json;
} merged_cell;

/* The training of the merged report, built as the reports are merged. */
typedef struct merged_training {
	json_t *json;                 /* NULL: no report has training */
	json_t *courses, *people, *matrix, *teams; /* its arrays */
	const char **course_ids;
	size_t ncourses, courses_cap;
	merged_person *persons;
	size_t npersons, persons_cap;
	merged_cell *cells;
	size_t ncells, cells_cap;
} merged_training;

static void merge_training(merged_training *m, const or_report *report, const char *name)
{
	or_report_training_view t;
	size_t i, j;

	if (!or_report_read_training(report, &t))
		return;
	if (!m->json) {
		m->json = json_object();
		json_object_set_new(m->json, "records", json_string("merged"));
		json_object_set_new(m->json, "courses", m->courses = json_array());
		json_object_set_new(m->json, "people", m->people = json_array());
		json_object_set_new(m->json, "matrix", m->matrix = json_array());
		json_object_set_new(m->json, "teams", m->teams = json_array());
	}
	for (i = 0; i < t.ncourses; i++) {
		or_report_course_view c;
		bool known = false;

		or_report_read_course(report, i, &c);
		for (j = 0; j < m->ncourses && !known; j++)
			known = same(m->course_ids[j], c.id);
		if (known)
			continue;
		json_array_append_new(m->courses,
				      json_deep_copy(or_report_list_item(report, OR_REPORT_COURSES, i)));
		m->course_ids = or_xgrow(m->course_ids, &m->courses_cap, m->ncourses + 1,
					 sizeof(*m->course_ids));
		m->course_ids[m->ncourses++] = c.id;
	}
	for (i = 0; i < t.npeople; i++) {
		or_report_person_view p;
		bool known = false;
		json_t *copy;

		or_report_read_person(report, i, &p);
		for (j = 0; j < m->npersons && !known; j++)
			known = same(m->persons[j].id, p.id);
		if (known)
			continue;
		copy = json_deep_copy(or_report_list_item(report, OR_REPORT_PEOPLE, i));
		json_array_append_new(m->people, copy);
		m->persons = or_xgrow(m->persons, &m->persons_cap, m->npersons + 1,
				      sizeof(*m->persons));
		m->persons[m->npersons].id = p.id;
		m->persons[m->npersons++].json = copy;
	}
	/* a person in several repositories: the best cell of each course counts */
	for (i = 0; i < t.nmatrix; i++) {
		const json_t *item = or_report_list_item(report, OR_REPORT_MATRIX, i);
		merged_cell *known = NULL;
		or_report_cell_view c;

		or_report_read_cell(report, i, &c);
		for (j = 0; j < m->ncells && !known; j++)
			if (same(m->cells[j].person, c.person) && same(m->cells[j].course, c.course))
				known = &m->cells[j];
		if (!known) {
			json_t *copy = json_deep_copy(item);

			json_array_append_new(m->matrix, copy);
			m->cells = or_xgrow(m->cells, &m->cells_cap, m->ncells + 1, sizeof(*m->cells));
			m->cells[m->ncells].person = c.person;
			m->cells[m->ncells].course = c.course;
			m->cells[m->ncells].status = c.status;
			m->cells[m->ncells].required = c.required;
			m->cells[m->ncells++].json = copy;
		} else if (cell_rank(c.status) > cell_rank(known->status)) {
			json_object_update(known->json, (json_t *)item);
			known->status = c.status;
			known->required = c.required;
		}
	}
	append_items(m->teams, report, OR_REPORT_TEAMS, name, NULL, true);
}

/* The summary of the merged matrix, and each person's fully_trained. */
static void finish_training(merged_training *m)
{
	json_int_t counts[6] = { 0 }, fully = 0;
	size_t i, j;

	for (i = 0; i < m->ncells; i++)
		counts[cell_rank(m->cells[i].status)]++;
	for (i = 0; i < m->npersons; i++) {
		bool trained = true;

		for (j = 0; j < m->ncells; j++)
			if (same(m->cells[j].person, m->persons[i].id) && m->cells[j].required &&
			    cell_rank(m->cells[j].status) < 4)
				trained = false;
		json_object_set_new(m->persons[i].json, "fully_trained", json_boolean(trained));
		fully += trained;
	}
	json_object_set_new(m->json, "summary",
			    json_pack("{s:I, s:I, s:I, s:I, s:I, s:I}", "people",
				      (json_int_t)m->npersons, "fully_trained", fully, "missing",
				      counts[1], "expired", counts[3], "expiring", counts[4], "due",
				      counts[2]));
}

static void merged_training_dispose(merged_training *m)
{
	free(m->course_ids);
	free(m->persons);
	free(m->cells);
}

/* The row of one report in `repositories`: its scan's facts and its own
 * summary, null where it lacks them. */
static json_t *repository_row(const or_report *report, const char *name)
{
	or_report_scan_view scan;
	or_report_summary_view s;
	json_t *areas, *counts;
	size_t i;

	or_report_read_scan(report, &scan);
	or_report_read_summary(report, &s);
	areas = s.has_areas ? json_object() : json_null();
	for (i = 0; s.has_areas && i < or_report_nareas(report); i++) {
		or_report_area_view a;

		or_report_read_area(report, i, &a);
		json_object_set_new(areas, a.name,
				    json_pack("{s:o, s:o, s:o}", "score", real_or_null(a.score),
					      "evaluations", int_or_null(a.evaluations), "findings",
					      int_or_null(a.findings)));
	}
	counts = s.has_counts ? json_pack("{s:o, s:o, s:o}", "error", int_or_null(s.error),
					  "warning", int_or_null(s.warning), "notice",
					  int_or_null(s.notice))
			      : json_null();
	return json_pack("{s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "name", name, "root",
			 string_or_null(scan.root), "commit", string_or_null(scan.commit), "branch",
			 string_or_null(scan.branch), "now", string_or_null(scan.now), "verdict",
			 string_or_null(s.verdict), "score", real_or_null(s.score), "areas", areas,
			 "counts", counts);
}

int or_report_merge(or_report **out, const or_report *const *reports, const char *const *names,
		    size_t n, or_diag *diag)
{
	json_t *rules = json_array();
	json_t *documents = json_array(), *escalation = json_array(), *drills = json_array();
	json_t *contacts = json_array(), *waivers = json_array(), *suppressions = json_array();
	json_t *repositories = json_array(), *packs = json_array(), *skipped = json_array();
	json_t *rule_changes = json_array();
	json_t *merged_scan, *root;
	json_int_t files = 0, docs = 0;
	const char *latest = NULL, *fail_on = "error";
	or_buf digests = OR_BUF_INIT;
	bool history = true;
	size_t r, i, j, nrules = 0, rules_cap = 0, npacks = 0, packs_cap = 0;
	merged_rule *rule_ids = NULL;
	const char **pack_names = NULL;
	merged_training training = { 0 };
	git_oid oid;
	char hex[GIT_OID_HEXSZ + 1], digest[48];
	or_finding_table findings;
	or_eval_table evaluations;
	or_report *merged;

	or_finding_table_init(&findings);
	or_eval_table_init(&evaluations);
	for (r = 0; r < n; r++) {
		const or_report *rep = reports[r];
		or_report_scan_view scan;

		or_report_read_scan(rep, &scan);
		if (r == 0) {
			or_report_gate_view gate;

			or_report_read_gate(rep, &gate);
			fail_on = gate.fail_on;
		}
		/* each rule once: the first report's of an id (copied whole) */
		for (i = 0; i < or_report_nrules(rep); i++) {
			or_report_rule_view rule;
			bool known = false;

			or_report_read_rule(rep, i, &rule);
			for (j = 0; j < nrules && !known; j++)
				known = same(rule_ids[j].id, rule.id);
			if (known)
				continue;
			json_array_append_new(rules,
					      json_deep_copy(or_report_list_item(rep, OR_REPORT_RULES, i)));
			rule_ids = or_xgrow(rule_ids, &rules_cap, nrules + 1, sizeof(*rule_ids));
			rule_ids[nrules].id = rule.id;
			rule_ids[nrules++].severity = rule.severity;
		}
		for (i = 0; i < scan.packs.count; i++) {
			const char *pack = or_report_strings_at(&scan.packs, i);
			bool known = false;

			if (!pack)
				continue;
			for (j = 0; j < npacks && !known; j++)
				known = strcmp(pack_names[j], pack) == 0;
			if (known)
				continue;
			json_array_append_new(packs, json_string(pack));
			pack_names = or_xgrow(pack_names, &packs_cap, npacks + 1, sizeof(*pack_names));
			pack_names[npacks++] = pack;
		}
		merge_findings(&findings, &rep->findings, names[r]);
		merge_evaluations(&evaluations, &rep->evaluations, names[r]);
		append_items(documents, rep, OR_REPORT_DOCUMENTS, names[r], "path", false);
		append_items(escalation, rep, OR_REPORT_ESCALATION, names[r], "file", false);
		append_items(drills, rep, OR_REPORT_DRILLS, names[r], NULL, true);
		append_items(contacts, rep, OR_REPORT_CONTACTS, names[r], "file", false);
		append_items(waivers, rep, OR_REPORT_WAIVERS, names[r], NULL, true);
		append_items(suppressions, rep, OR_REPORT_SUPPRESSIONS, names[r], "file", false);
		append_items(skipped, rep, OR_REPORT_SKIPPED, names[r], "path", false);
		append_rule_changes(rule_changes, rep, names[r]);
		merge_training(&training, rep, names[r]);
		files += (json_int_t)scan.files.value;
		docs += (json_int_t)scan.documents.value;
		history &= scan.history_available;
		if (scan.now && (!latest || strcmp(scan.now, latest) > 0))
			latest = scan.now;
		or_buf_printf(&digests, "%s\n", scan.rules_digest ? scan.rules_digest : "");
		json_array_append_new(repositories, repository_row(rep, names[r]));
	}
	if (training.json)
		finish_training(&training);
	git_odb_hash(&oid, digests.ptr ? digests.ptr : "", digests.size, GIT_OBJECT_BLOB);
	git_oid_tostr(hex, sizeof(hex), &oid);
	snprintf(digest, sizeof(digest), "sha1:%s", hex);
	or_buf_dispose(&digests);

	merged_scan = json_pack(
		"{s:s, s:b, s:n, s:n, s:b, s:b, s:s, s:s, s:o, s:n, s:n, s:I, s:I, s:o, s:n, s:b, s:{s:n, s:n, s:n}, s:{s:b, s:s}, s:n}",
		"root", "organisation", "git", false, "commit", "branch", "dirty", false,
		"shallow", false, "now", latest ? latest : "1970-01-01", "rules_digest", digest,
		"packs", packs, "config", "repo_url", "files", files, "documents", docs, "skipped",
		skipped, "baseline", "inline_suppressions", true, "inputs", "training", "drills",
		"contacts", "history", "available", history, "reason",
		history ? "available" : "not available in every repository", "since");
	json_object_set_new(merged_scan, "rule_changes", rule_changes);
	root = json_pack(
		"{s:i, s:{s:s, s:s}, s:o, s:{s:s, s:n}, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
		"schema_version", 1, "tool", "name", "opsready", "version", OPSREADY_VERSION,
		"scan", merged_scan, "gate", "fail_on", fail_on ? fail_on : "error", "min_score",
		"summary",
		summary(rule_ids, nrules, &findings, &evaluations, documents,
			fail_on ? fail_on : "error"),
		"rules", rules, "findings", json_array(), "evaluations", json_array(), "documents",
		documents, "escalation", escalation, "training",
		training.json ? training.json : json_null(), "drills", drills, "contacts", contacts,
		"waivers", waivers, "suppressions", suppressions, "repositories", repositories);
	free(rule_ids);
	free(pack_names);
	merged_training_dispose(&training);
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
