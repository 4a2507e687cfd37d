/*
 * Reading the report value: the views of report/read.h over its jansson
 * tree and its typed findings, and the few of them opsready/report.h
 * publishes. Only jansson's read-only calls are used (no reference is
 * taken or dropped).
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "report/read.h"
#include "report/value.h"
#include "util/alloc.h"

struct or_report_rule_id {
	const char *id;
	size_t index;
};

struct or_report_cell_id {
	const char *person, *course;
	size_t index;
};

static const json_t *at(const json_t *object, const char *key)
{
	return json_object_get(object, key);
}

static const char *str(const json_t *object, const char *key)
{
	return json_string_value(json_object_get(object, key));
}

static or_report_int int_of(const json_t *value)
{
	or_report_int out;

	out.known = json_is_integer(value);
	out.value = (long long)json_integer_value(value);
	return out;
}

static or_report_int int_at(const json_t *object, const char *key)
{
	return int_of(json_object_get(object, key));
}

static or_report_real real_at(const json_t *object, const char *key)
{
	const json_t *value = json_object_get(object, key);
	or_report_real out;

	out.known = json_is_number(value);
	out.value = json_number_value(value);
	return out;
}

static bool is_true(const json_t *object, const char *key)
{
	return json_is_true(json_object_get(object, key));
}

static or_report_strings strings_at(const json_t *object, const char *key)
{
	const json_t *array = json_object_get(object, key);
	or_report_strings out;

	out.array = json_is_array(array) ? array : NULL;
	out.count = json_array_size(array);
	return out;
}

/* Item `i` of the array at `key` of the report's top level. */
static const json_t *item(const or_report *report, const char *key, size_t i)
{
	return json_array_get(json_object_get(report->root, key), i);
}

static size_t count(const or_report *report, const char *key)
{
	return json_array_size(json_object_get(report->root, key));
}

const char *or_report_strings_at(const or_report_strings *list, size_t i)
{
	return json_string_value(json_array_get(list->array, i));
}

const struct json_t *or_report_strings_json(const or_report_strings *list)
{
	return list->array;
}

/* ---- tool and gate ---- */

void or_report_read_tool(const or_report *report, or_report_tool_view *out)
{
	const json_t *tool = at(report->root, "tool");

	out->name = str(tool, "name");
	out->version = str(tool, "version");
	out->schema_version = int_at(report->root, "schema_version");
}

void or_report_read_gate(const or_report *report, or_report_gate_view *out)
{
	const json_t *gate = at(report->root, "gate");

	out->fail_on = str(gate, "fail_on");
	out->min_score = real_at(gate, "min_score");
}

/* ---- the scan ---- */

void or_report_read_scan(const or_report *report, or_report_scan_view *out)
{
	const json_t *scan = at(report->root, "scan");
	const json_t *inputs = at(scan, "inputs");
	const json_t *history = at(scan, "history");
	const json_t *since = at(scan, "since");
	const json_t *changes = at(scan, "rule_changes");

	out->root = str(scan, "root");
	out->commit = str(scan, "commit");
	out->branch = str(scan, "branch");
	out->now = str(scan, "now");
	out->rules_digest = str(scan, "rules_digest");
	out->config = str(scan, "config");
	out->repo_url = str(scan, "repo_url");
	out->baseline = str(scan, "baseline");
	out->git = is_true(scan, "git");
	out->dirty = is_true(scan, "dirty");
	out->shallow = is_true(scan, "shallow");
	out->inline_suppressions = !json_is_false(at(scan, "inline_suppressions"));
	out->files = int_at(scan, "files");
	out->documents = int_at(scan, "documents");
	out->packs = strings_at(scan, "packs");
	out->inputs.training = str(inputs, "training");
	out->inputs.drills = str(inputs, "drills");
	out->inputs.contacts = str(inputs, "contacts");
	out->history_available = is_true(history, "available");
	out->history_reason = str(history, "reason");
	out->has_since = json_is_object(since);
	out->since_rev = str(since, "rev");
	out->since_merge_base = str(since, "merge_base");
	out->since_changed_files = int_at(since, "changed_files");
	out->duration_seconds = real_at(scan, "duration_seconds");
	out->has_rule_changes = json_is_array(changes);
	out->nrule_changes = json_array_size(changes);
	out->nskipped = json_array_size(at(scan, "skipped"));
}

void or_report_read_rule_change(const or_report *report, size_t i,
				or_report_rule_change_view *out)
{
	const json_t *c = json_array_get(at(at(report->root, "scan"), "rule_changes"), i);

	out->rule = str(c, "rule");
	out->change = str(c, "change");
	out->source = str(c, "source");
}

void or_report_read_skipped(const or_report *report, size_t i, or_report_skipped_view *out)
{
	const json_t *s = json_array_get(at(at(report->root, "scan"), "skipped"), i);

	out->path = str(s, "path");
	out->reason = str(s, "reason");
}

/* ---- the summary ---- */

void or_report_read_summary(const or_report *report, or_report_summary_view *out)
{
	const json_t *summary = at(report->root, "summary");
	const json_t *counts = at(summary, "counts");

	out->verdict = str(summary, "verdict");
	out->score = real_at(summary, "score");
	out->error = int_at(counts, "error");
	out->warning = int_at(counts, "warning");
	out->notice = int_at(counts, "notice");
	out->waived = int_at(summary, "waived");
	out->suppressed = int_at(summary, "suppressed");
	out->baseline = int_at(summary, "baseline");
	out->outside_change = int_at(summary, "outside_change");
	out->evaluations = int_at(summary, "evaluations");
	out->findings = int_at(summary, "findings");
	out->has_areas = json_is_object(at(summary, "areas"));
	out->has_counts = json_is_object(counts);
}

static const json_t *areas_of(const or_report *report)
{
	return at(at(report->root, "summary"), "areas");
}

size_t or_report_nareas(const or_report *report)
{
	return json_object_size(areas_of(report));
}

void or_report_read_area(const or_report *report, size_t i, or_report_area_view *out)
{
	void *iter = json_object_iter((json_t *)areas_of(report));
	const json_t *area;

	for (; iter && i; i--)
		iter = json_object_iter_next((json_t *)areas_of(report), iter);
	area = iter ? json_object_iter_value(iter) : NULL;
	out->name = iter ? json_object_iter_key(iter) : "";
	out->score = real_at(area, "score");
	out->evaluations = int_at(area, "evaluations");
	out->findings = int_at(area, "findings");
}

bool or_report_find_area(const or_report *report, const char *name, size_t *index)
{
	const json_t *areas = areas_of(report);
	void *iter;
	size_t i = 0;

	for (iter = json_object_iter((json_t *)areas); iter;
	     iter = json_object_iter_next((json_t *)areas, iter), i++) {
		if (strcmp(json_object_iter_key(iter), name) == 0) {
			*index = i;
			return true;
		}
	}
	return false;
}

bool or_report_score(const or_report *report, double *score)
{
	or_report_summary_view summary;

	or_report_read_summary(report, &summary);
	*score = summary.score.value;
	return summary.score.known;
}

const char *or_report_verdict(const or_report *report)
{
	or_report_summary_view summary;

	or_report_read_summary(report, &summary);
	return summary.verdict;
}

/* ---- the rules ---- */

size_t or_report_nrules(const or_report *report)
{
	return count(report, "rules");
}

void or_report_read_rule(const or_report *report, size_t i, or_report_rule_view *out)
{
	const json_t *rule = item(report, "rules", i);

	out->id = str(rule, "id");
	out->area = str(rule, "area");
	out->severity = str(rule, "severity");
	out->title = str(rule, "title");
	out->description = str(rule, "description");
	out->rationale = str(rule, "rationale");
	out->remediation = str(rule, "remediation");
	out->pack = str(rule, "pack");
	out->check = str(rule, "check");
	out->evaluated = is_true(rule, "evaluated");
	out->references = strings_at(rule, "references");
}

/* By id, then position: the last of one id is the last of its run. */
static int compare_rule_ids(const void *a, const void *b)
{
	const struct or_report_rule_id *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	if (c)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

void or_report_rule_ids_init(or_report_rule_ids *ids, const or_report *report)
{
	size_t i, n = or_report_nrules(report);

	ids->items = or_xmalloc((n ? n : 1) * sizeof(*ids->items));
	ids->count = 0;
	for (i = 0; i < n; i++) {
		const char *id = str(item(report, "rules", i), "id");
		if (!id)
			continue;
		ids->items[ids->count].id = id;
		ids->items[ids->count].index = i;
		ids->count++;
	}
	qsort(ids->items, ids->count, sizeof(*ids->items), compare_rule_ids);
}

void or_report_rule_ids_dispose(or_report_rule_ids *ids)
{
	free(ids->items);
	ids->items = NULL;
	ids->count = 0;
}

bool or_report_find_rule_index(const or_report *report, const or_report_rule_ids *ids,
			       const char *id, size_t *index)
{
	size_t i, n, found = 0;
	bool any = false;

	if (!ids) {
		for (i = 0, n = or_report_nrules(report); i < n; i++) {
			const char *at_id = str(item(report, "rules", i), "id");
			if (at_id && strcmp(at_id, id) == 0) {
				found = i;
				any = true;
			}
		}
	} else {
		size_t lo = 0, hi = ids->count;

		/* the first entry after every one of `id` */
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (strcmp(ids->items[mid].id, id) <= 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo > 0 && strcmp(ids->items[lo - 1].id, id) == 0) {
			found = ids->items[lo - 1].index;
			any = true;
		}
	}
	if (any)
		*index = found;
	return any;
}

bool or_report_find_rule(const or_report *report, const or_report_rule_ids *ids, const char *id,
			 or_report_rule_view *out)
{
	size_t i;

	if (!or_report_find_rule_index(report, ids, id, &i))
		return false;
	or_report_read_rule(report, i, out);
	return true;
}

/* ---- the findings ---- */

size_t or_report_nfindings(const or_report *report)
{
	return report->findings.count;
}

const or_report_finding *or_report_finding_row(const or_report *report, size_t i)
{
	return &report->findings.items[i];
}

void or_report_read_finding(const or_report *report, size_t i, or_report_finding_view *out)
{
	const or_report_finding *f = or_report_finding_row(report, i);

	out->rule = f->rule;
	out->severity = f->severity;
	out->status = f->status;
	out->file = f->file;
	out->line = f->line;
	out->column = f->column;
	out->message = f->message;
	out->fingerprint = f->fingerprint;
}

/* ---- waivers ---- */

bool or_report_lists_waivers(const or_report *report)
{
	return at(report->root, "waivers") != NULL;
}

size_t or_report_nwaivers(const or_report *report)
{
	return count(report, "waivers");
}

void or_report_read_waiver(const or_report *report, size_t i, or_report_waiver_view *out)
{
	const json_t *w = item(report, "waivers", i);

	out->rule = str(w, "rule");
	out->line = int_at(w, "line");
	out->repository = str(w, "repository");
	out->subject = str(w, "subject");
	out->path = str(w, "path");
	out->reason = str(w, "reason");
	out->approved_by = str(w, "approved_by");
	out->expires = str(w, "expires");
	out->status = str(w, "status");
	out->matched = int_at(w, "matched");
}

/* ---- training ---- */

static const json_t *training_of(const or_report *report)
{
	return at(report->root, "training");
}

/* Item `i` of the training's array at `key`. */
static const json_t *training_item(const or_report *report, const char *key, size_t i)
{
	return json_array_get(at(training_of(report), key), i);
}

bool or_report_read_training(const or_report *report, or_report_training_view *out)
{
	const json_t *training = training_of(report);
	const json_t *summary = at(training, "summary");

	out->records = str(training, "records");
	out->people = int_at(summary, "people");
	out->fully_trained = int_at(summary, "fully_trained");
	out->missing = int_at(summary, "missing");
	out->expired = int_at(summary, "expired");
	out->expiring = int_at(summary, "expiring");
	out->due = int_at(summary, "due");
	out->ncourses = json_array_size(at(training, "courses"));
	out->npeople = json_array_size(at(training, "people"));
	out->nmatrix = json_array_size(at(training, "matrix"));
	out->nteams = json_array_size(at(training, "teams"));
	return json_is_object(training);
}

void or_report_read_course(const or_report *report, size_t i, or_report_course_view *out)
{
	const json_t *c = training_item(report, "courses", i);
	const json_t *mandatory = at(c, "mandatory");

	out->id = str(c, "id");
	out->title = str(c, "title");
	out->hours = real_at(c, "hours");
	out->mandatory.known = json_is_boolean(mandatory);
	out->mandatory.value = json_is_true(mandatory);
	out->valid_for_days = int_at(c, "valid_for_days");
	out->required_for = strings_at(c, "required_for");
	out->required = int_at(c, "required");
	out->valid = int_at(c, "valid");
	out->percent = real_at(c, "percent");
}

void or_report_read_person(const or_report *report, size_t i, or_report_person_view *out)
{
	const json_t *p = training_item(report, "people", i);

	out->id = str(p, "id");
	out->name = str(p, "name");
	out->team = str(p, "team");
	out->joined = str(p, "joined");
	out->fully_trained = is_true(p, "fully_trained");
	out->line = int_at(p, "line");
}

void or_report_read_cell(const or_report *report, size_t i, or_report_cell_view *out)
{
	const json_t *c = training_item(report, "matrix", i);

	out->person = str(c, "person");
	out->course = str(c, "course");
	out->status = str(c, "status");
	out->required = is_true(c, "required");
	out->completed = str(c, "completed");
	out->expires = str(c, "expires");
	out->due = str(c, "due");
}

/* By person, course, then position. */
static int compare_cell_ids(const void *a, const void *b)
{
	const struct or_report_cell_id *x = a, *y = b;
	int c = strcmp(x->person, y->person);

	if (c)
		return c;
	if ((c = strcmp(x->course, y->course)) != 0)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* A cell without a person or a course has "" there. */
void or_report_cell_ids_init(or_report_cell_ids *ids, const or_report *report)
{
	size_t i, n = json_array_size(at(training_of(report), "matrix"));

	ids->items = or_xmalloc((n ? n : 1) * sizeof(*ids->items));
	ids->count = n;
	for (i = 0; i < n; i++) {
		or_report_cell_view cell;

		or_report_read_cell(report, i, &cell);
		ids->items[i].person = cell.person ? cell.person : "";
		ids->items[i].course = cell.course ? cell.course : "";
		ids->items[i].index = i;
	}
	qsort(ids->items, ids->count, sizeof(*ids->items), compare_cell_ids);
}

void or_report_cell_ids_dispose(or_report_cell_ids *ids)
{
	free(ids->items);
	ids->items = NULL;
	ids->count = 0;
}

/* The first entry whose person sorts after `person` (or_equal: at or after). */
static size_t person_bound(const or_report_cell_ids *ids, const char *person, bool or_equal)
{
	size_t lo = 0, hi = ids->count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(ids->items[mid].person, person);

		if (c < 0 || (c == 0 && !or_equal))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void or_report_person_cells(const or_report_cell_ids *ids, const char *person, size_t *from,
			    size_t *to)
{
	*from = person_bound(ids, person, true);
	*to = person_bound(ids, person, false);
}

size_t or_report_cell_at(const or_report_cell_ids *ids, size_t k)
{
	return ids->items[k].index;
}

bool or_report_find_cell(const or_report_cell_ids *ids, const char *person, const char *course,
			 size_t *index)
{
	size_t lo = 0, hi = ids->count;

	/* the first entry after every one of `person` and `course` */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(ids->items[mid].person, person);
		if (c == 0)
			c = strcmp(ids->items[mid].course, course);
		if (c <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || strcmp(ids->items[lo - 1].person, person) != 0 ||
	    strcmp(ids->items[lo - 1].course, course) != 0)
		return false;
	*index = ids->items[lo - 1].index;
	return true;
}

void or_report_read_team(const or_report *report, size_t i, or_report_team_view *out)
{
	const json_t *t = training_item(report, "teams", i);
	const json_t *level = at(t, "escalation");

	out->name = str(t, "name");
	out->members = int_at(t, "members");
	out->fully_trained = int_at(t, "fully_trained");
	out->required = int_at(t, "required");
	out->valid = int_at(t, "valid");
	out->percent = real_at(t, "percent");
	out->has_escalation = json_is_object(level);
	out->escalation_level = int_at(level, "level");
	out->escalation_window = str(level, "window");
}

/* ---- drills ---- */

static void read_run(const json_t *run, or_report_drill_run_view *out)
{
	out->type = str(run, "type");
	out->date = str(run, "date");
	out->outcome = str(run, "outcome");
	out->rto_minutes = real_at(run, "rto_minutes");
	out->rpo_seconds = real_at(run, "rpo_seconds");
	out->participants = strings_at(run, "participants");
	out->line = int_at(run, "line");
}

size_t or_report_ndrills(const or_report *report)
{
	return count(report, "drills");
}

void or_report_read_drill(const or_report *report, size_t i, or_report_drill_view *out)
{
	const json_t *d = item(report, "drills", i);
	const json_t *objectives = at(d, "objectives");
	const json_t *latest = at(d, "latest");

	out->type = str(d, "type");
	out->every_days = int_at(d, "every_days");
	out->rto_objective = real_at(objectives, "rto_minutes");
	out->rpo_objective = real_at(objectives, "rpo_seconds");
	out->count = int_at(d, "count");
	out->has_latest = latest != NULL;
	read_run(latest, &out->latest);
	out->next_due = str(d, "next_due");
	out->status = str(d, "status");
	out->nhistory = json_array_size(at(d, "history"));
}

void or_report_read_drill_run(const or_report *report, size_t i, size_t j,
			      or_report_drill_run_view *out)
{
	read_run(json_array_get(at(item(report, "drills", i), "history"), j), out);
}

/* ---- documents ---- */

size_t or_report_ndocuments(const or_report *report)
{
	return count(report, "documents");
}

void or_report_read_document(const or_report *report, size_t i, or_report_document_view *out)
{
	const json_t *d = item(report, "documents", i);
	const json_t *commit = at(d, "last_commit");
	const json_t *checklist = at(d, "checklist");

	out->path = str(d, "path");
	out->title = str(d, "title");
	out->type = str(d, "type");
	out->owner = str(d, "owner");
	out->owner_source = str(at(d, "owner_source"), "kind");
	out->owner_key = str(at(d, "owner_source"), "key");
	out->owner_file = str(at(d, "owner_source"), "file");
	out->owner_rule = str(at(d, "owner_source"), "rule");
	out->owner_line = int_at(at(d, "owner_source"), "line");
	out->version = str(d, "version");
	out->status = str(d, "status");
	out->last_updated = str(d, "last_updated");
	out->next_review = str(d, "next_review");
	out->next_review_derived = is_true(d, "next_review_derived");
	out->review_period = str(d, "review_period");
	out->has_last_commit = json_is_object(commit);
	out->last_commit.id = str(commit, "id");
	out->last_commit.time = str(commit, "time");
	out->last_commit.author = str(commit, "author");
	out->last_commit.summary = str(commit, "summary");
	out->last_commit.reviewed_by = strings_at(commit, "reviewed_by");
	out->last_commit.approved_by = strings_at(commit, "approved_by");
	out->uncommitted = is_true(d, "uncommitted");
	out->checklist_items = int_at(checklist, "items");
	out->checklist_done = int_at(checklist, "done");
	out->findings = int_at(d, "findings");
}

/* ---- contacts ---- */

size_t or_report_ncontacts(const or_report *report)
{
	return count(report, "contacts");
}

void or_report_read_contact(const or_report *report, size_t i, or_report_contact_view *out)
{
	const json_t *c = item(report, "contacts", i);

	out->role = str(c, "role");
	out->name = str(c, "name");
	out->kind = str(c, "kind");
	out->value = str(c, "value");
	out->normalized = str(c, "normalized");
	out->file = str(c, "file");
	out->line = int_at(c, "line");
	out->column = int_at(c, "column");
	out->verified = str(c, "verified");
	out->changed_on_or_before = str(c, "changed_on_or_before");
	out->verified_source = str(c, "verified_source");
	out->commit = str(c, "commit");
	out->age_days = int_at(c, "age_days");
	out->status = str(c, "status");
}

/* ---- escalation ---- */

size_t or_report_nescalation(const or_report *report)
{
	return count(report, "escalation");
}

void or_report_read_escalation(const or_report *report, size_t i, or_report_escalation_view *out)
{
	const json_t *l = item(report, "escalation", i);

	out->level = int_at(l, "level");
	out->name = str(l, "name");
	out->window = str(l, "window");
	out->team = str(l, "team");
	out->file = str(l, "file");
	out->line = int_at(l, "line");
}

/* ---- suppressions ---- */

size_t or_report_nsuppressions(const or_report *report)
{
	return count(report, "suppressions");
}

void or_report_read_suppression(const or_report *report, size_t i,
				or_report_suppression_view *out)
{
	const json_t *s = item(report, "suppressions", i);

	out->file = str(s, "file");
	out->line = int_at(s, "line");
	out->last_line = int_at(s, "last_line");
	out->rules = str(s, "rules");
	out->reason = str(s, "reason");
	out->matched = int_at(s, "matched");
}

/* ---- a merged report's repositories ---- */

size_t or_report_nrepositories(const or_report *report)
{
	return count(report, "repositories");
}

void or_report_read_repository(const or_report *report, size_t i,
			       or_report_repository_view *out)
{
	const json_t *r = item(report, "repositories", i);
	const json_t *counts = at(r, "counts");

	out->name = str(r, "name");
	out->root = str(r, "root");
	out->commit = str(r, "commit");
	out->branch = str(r, "branch");
	out->now = str(r, "now");
	out->verdict = str(r, "verdict");
	out->score = real_at(r, "score");
	out->error = int_at(counts, "error");
	out->warning = int_at(counts, "warning");
	out->notice = int_at(counts, "notice");
}

/* ---- parts copied whole ---- */

static const json_t *list_of(const or_report *report, or_report_list list)
{
	static const char *const keys[] = {
		[OR_REPORT_RULES] = "rules",
		[OR_REPORT_DOCUMENTS] = "documents",
		[OR_REPORT_ESCALATION] = "escalation",
		[OR_REPORT_DRILLS] = "drills",
		[OR_REPORT_CONTACTS] = "contacts",
		[OR_REPORT_WAIVERS] = "waivers",
		[OR_REPORT_SUPPRESSIONS] = "suppressions",
		[OR_REPORT_SKIPPED] = "skipped",
		[OR_REPORT_RULE_CHANGES] = "rule_changes",
		[OR_REPORT_COURSES] = "courses",
		[OR_REPORT_PEOPLE] = "people",
		[OR_REPORT_MATRIX] = "matrix",
		[OR_REPORT_TEAMS] = "teams",
	};
	const json_t *parent = report->root;

	if (list >= OR_REPORT_COURSES)
		parent = training_of(report);
	else if (list >= OR_REPORT_SKIPPED)
		parent = at(report->root, "scan");
	return at(parent, keys[list]);
}

size_t or_report_list_count(const or_report *report, or_report_list list)
{
	return json_array_size(list_of(report, list));
}

const struct json_t *or_report_list_item(const or_report *report, or_report_list list, size_t i)
{
	return json_array_get(list_of(report, list), i);
}

/* ---- a diff ---- */

static const char *const diff_lists[] = {
	[OR_DIFF_NEW] = "new_findings",
	[OR_DIFF_FIXED] = "fixed_findings",
	[OR_DIFF_UNCHANGED] = "unchanged_findings",
};

static void read_score_change(const char *area, const json_t *pair,
			      or_report_score_change_view *out)
{
	out->area = area;
	out->old_score = real_at(pair, "old");
	out->new_score = real_at(pair, "new");
}

void or_report_read_diff(const or_report *diff, or_report_diff_view *out)
{
	const json_t *counts = at(diff->root, "counts");
	const json_t *score = at(diff->root, "score");
	size_t l;

	out->added = int_at(counts, "new");
	out->fixed = int_at(counts, "fixed");
	out->unchanged = int_at(counts, "unchanged");
	read_score_change(NULL, score, &out->score);
	out->nareas = json_object_size(at(score, "areas"));
	for (l = 0; l < 3; l++)
		out->nfindings[l] = count(diff, diff_lists[l]);
}

void or_report_read_diff_area(const or_report *diff, size_t i, or_report_score_change_view *out)
{
	json_t *areas = (json_t *)at(at(diff->root, "score"), "areas");
	void *iter = json_object_iter(areas);

	for (; iter && i; i--)
		iter = json_object_iter_next(areas, iter);
	read_score_change(iter ? json_object_iter_key(iter) : "",
			  iter ? json_object_iter_value(iter) : NULL, out);
}

void or_report_read_diff_finding(const or_report *diff, or_diff_list list, size_t i,
				 or_report_diff_finding_view *out)
{
	const json_t *f = item(diff, diff_lists[list], i);

	out->rule = str(f, "rule");
	out->severity = str(f, "severity");
	out->status = str(f, "status");
	out->message = str(f, "message");
	out->file = str(f, "file");
	out->line = int_at(f, "line");
}
