#include "report/build.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "checks/check.h"
#include "opsready/common.h"
#include "util/buf.h"
#include "util/fs.h"
#include "input/contact.h"
#include "util/utf8.h"

static json_t *string_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* jansson refuses strings that are not UTF-8; scanned text may not be. */
static json_t *text(const char *s)
{
	json_t *v;

	if (!s)
		return json_null();
	v = json_string(s);
	if (!v) {
		or_buf clean = OR_BUF_INIT;
		or_utf8_put_ascii(&clean, s);
		v = json_string(or_buf_cstr(&clean));
		or_buf_dispose(&clean);
	}
	return v;
}

/*
 * The strings the documents and contacts repeat (owners, dates, roles,
 * statuses, file paths) are one shared jansson value each: an organisation
 * names the same few thousand of them over and over, and each copy would
 * cost a value and a string. Nothing modifies a report's strings in place,
 * so sharing them is safe.
 */
static json_t *intern(json_t *strings, const char *s)
{
	json_t *v;

	if (!s)
		return json_null();
	v = json_object_get(strings, s);
	if (v)
		return json_incref(v);
	v = text(s);
	/* a key that is not UTF-8 is still a key of this private table; a
	 * value it fails to keep is still ours */
	json_object_set_nocheck(strings, s, v);
	return v;
}

/* A date ("YYYY-MM-DD", shared), or null unless `status` is OR_DATE_OK. */
static json_t *interned_date(or_date_status status, or_date date, json_t *strings)
{
	char out[11];

	if (status != OR_DATE_OK)
		return json_null();
	or_date_format(date, out);
	return intern(strings, out);
}

static json_t *rule_json(const or_rule *rule)
{
	json_t *refs = json_array();
	size_t i;

	for (i = 0; i < rule->nreferences; i++)
		json_array_append_new(refs, text(rule->references[i]));
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:o, s:s, s:o, s:s, s:s, s:b}",
			 "id", rule->id,
			 "area", rule->area,
			 "severity", or_severity_name(rule->severity),
			 "title", rule->title,
			 "description", rule->description,
			 "rationale", string_or_null(rule->rationale),
			 "remediation", rule->remediation,
			 "references", refs,
			 "pack", rule->pack,
			 "check", rule->check,
			 "evaluated", or_check_find(rule->check, NULL) != NULL);
}

static json_t *rules_json(const or_ruleset *rules)
{
	json_t *out = json_array();
	size_t i;

	for (i = 0; i < rules->nrules; i++)
		if (rules->rules[i].enabled)
			json_array_append_new(out, rule_json(&rules->rules[i]));
	return out;
}

/* A digest of every enabled rule with its params: two reports with the same
 * digest were judged by the same rules. */
static json_t *rules_digest(const or_ruleset *rules)
{
	json_t *all = json_array();
	char *dump, hex[GIT_OID_HEXSZ + 1];
	git_oid oid;
	size_t i;
	or_buf out = OR_BUF_INIT;
	json_t *digest;

	for (i = 0; i < rules->nrules; i++) {
		const or_rule *r = &rules->rules[i];
		if (!r->enabled)
			continue;
		json_array_append_new(all, json_pack("{s:s, s:s, s:s, s:O}", "id", r->id,
						     "check", r->check, "severity",
						     or_severity_name(r->severity), "params",
						     r->params));
	}
	dump = json_dumps(all, JSON_COMPACT | JSON_SORT_KEYS);
	git_odb_hash(&oid, dump, strlen(dump), GIT_OBJECT_BLOB);
	git_oid_tostr(hex, sizeof(hex), &oid);
	or_buf_printf(&out, "sha1:%s", hex);
	digest = json_string(out.ptr);
	or_buf_dispose(&out);
	free(dump);
	json_decref(all);
	return digest;
}

static json_t *scan_json(const or_report_inputs *in)
{
	const or_model *m = in->model;
	json_t *packs = json_array(), *skipped = json_array(), *scan;
	char now[11];
	size_t i;

	for (i = 0; i < m->rules->npacks; i++)
		json_array_append_new(packs, json_string(m->rules->packs[i]));
	for (i = 0; i < m->nskipped; i++)
		json_array_append_new(skipped, json_pack("{s:o, s:o}", "path",
							 text(m->skipped[i].path), "reason",
							 text(m->skipped[i].reason)));
	or_date_format(m->now, now);
	scan = json_pack("{s:o, s:b, s:o, s:o, s:b, s:b, s:s, s:o, s:o, s:o, s:o, s:I, s:I, s:o, s:o, s:b, s:o, s:o, s:o}",
			 "root", text(m->root),
			 "git", m->files.is_git,
			 "commit", m->files.has_commit ? json_string(m->files.commit) : json_null(),
			 "branch", text(m->files.branch),
			 "dirty", m->files.dirty,
			 "shallow", m->files.shallow,
			 "now", now,
			 "rules_digest", rules_digest(m->rules),
			 "packs", packs,
			 "config", text(in->config_path),
			 "repo_url", text(m->config->repo_url),
			 "files", (json_int_t)m->files.nfiles,
			 "documents", (json_int_t)m->ndocs,
			 "skipped", skipped,
			 "baseline", text(in->exceptions->baseline_path),
			 "inline_suppressions", !in->exceptions->use.inline_disabled,
			 "inputs", json_pack("{s:o, s:o, s:o}", "training",
					     text(m->config->training_path), "drills",
					     text(m->config->drills_path), "contacts",
					     text(m->config->contacts_path)),
			 "history", json_pack("{s:b, s:s}", "available",
					      m->history_state == OR_HISTORY_AVAILABLE, "reason",
					      or_history_state_reason(m->history_state)),
			 "since", m->since ? json_pack("{s:s, s:s, s:I}", "rev", m->since,
						       "merge_base", m->merge_base,
						       "changed_files", (json_int_t)m->changed_files)
					   : json_null());
	if (scan) {
		json_t *changes = json_array();
		/* the config relative to the root, as findings name it, when inside */
		const char *inside = or_fs_inside(m->root, m->config->path);
		const char *config = inside ? inside : m->config->path ? m->config->path : "config";
		or_buf source = OR_BUF_INIT;

		for (i = 0; i < m->rules->nchanges; i++) {
			const or_rule_change *c = &m->rules->changes[i];

			or_buf_clear(&source);
			if (c->cli)
				or_buf_printf(&source, "--rule %s", c->cli);
			else
				or_buf_printf(&source, "%s:%d:%d", config, c->line, c->column);
			json_array_append_new(changes, json_pack("{s:o, s:o, s:o}", "rule",
								 text(c->rule), "change",
								 text(c->change), "source",
								 text(or_buf_cstr(&source))));
		}
		or_buf_dispose(&source);
		json_object_set_new(scan, "rule_changes", changes);
		/* optional: only a documentation site is recorded */
		if (m->site.generator != OR_SITE_NONE)
			json_object_set_new(
				scan, "site",
				json_pack("{s:s, s:s, s:b, s:o}", "generator",
					  or_site_generator_name(m->site.generator), "root",
					  m->site.root, "directory_urls", m->site.directory_urls,
					  "detected_from",
					  m->site.detected_from[0] ? json_string(m->site.detected_from)
								   : json_null()));
	}
	/* milliseconds are all a duration needs, and keep the number short */
	if (scan && in->duration >= 0)
		json_object_set_new(scan, "duration_seconds",
				    json_real((double)(long long)(in->duration * 1000 + 0.5) / 1000));
	return scan;
}

static json_t *summary_json(const or_gate *gate)
{
	json_t *areas = json_object();
	size_t i;

	for (i = 0; i < gate->score.nareas; i++) {
		const or_area_score *a = &gate->score.areas[i];
		json_object_set_new(areas, a->area,
				    json_pack("{s:o, s:I, s:I}", "score",
					      a->evaluations ? json_real(a->score) : json_null(),
					      "evaluations", (json_int_t)a->evaluations,
					      "findings", (json_int_t)a->findings));
	}
	return json_pack("{s:s, s:f, s:o, s:{s:I, s:I, s:I}, s:I, s:I, s:I, s:I, s:I, s:I}",
			 "verdict", gate->passed ? "pass" : "fail",
			 "score", gate->score.value,
			 "areas", areas,
			 "counts",
			 "error", (json_int_t)gate->counts[OR_SEV_ERROR],
			 "warning", (json_int_t)gate->counts[OR_SEV_WARNING],
			 "notice", (json_int_t)gate->counts[OR_SEV_NOTICE],
			 "waived", (json_int_t)gate->waived,
			 "suppressed", (json_int_t)gate->suppressed,
			 "baseline", (json_int_t)gate->baseline,
			 "outside_change", (json_int_t)gate->outside_change,
			 "evaluations", (json_int_t)gate->evaluations,
			 "findings", (json_int_t)gate->findings);
}

/* The findings, typed (report/finding_table.h), in the results' order. */
static void add_findings(or_finding_table *out, const or_results *results)
{
	size_t i;

	for (i = 0; i < results->count; i++) {
		const or_evaluation *e = &results->items[i];
		or_report_finding f;
		char expires[11];

		if (!or_evaluation_is_finding(e))
			continue;
		memset(&f, 0, sizeof(f));
		f.rule = e->rule->id;
		f.severity = or_severity_name(e->rule->severity);
		f.area = e->rule->area;
		f.message = e->detail->message;
		f.file = e->file;
		f.line = e->line;
		f.column = e->column;
		f.subject = e->subject;
		f.evidence = e->detail->evidence;
		f.fingerprint = e->detail->fingerprint;
		f.status = or_finding_status_name(e->status);
		f.reason = e->reason;
		if (e->detail->waiver) {
			or_date_format(e->detail->waiver->expires, expires);
			f.waived = true;
			f.waiver.reason = e->detail->waiver->reason;
			f.waiver.approved_by = e->detail->waiver->approved_by;
			f.waiver.expires = expires;
		}
		or_finding_table_add(out, &f, NULL);
	}
}

static json_t *strings_json(char *const *items, size_t n)
{
	json_t *out = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(out, text(items[i]));
	return out;
}

/* The commit a document last changed in: who, when, and its review
 * trailers. Documents changed together share one value (`commits`: id ->
 * value). */
static json_t *last_commit_json(const or_last_change *lc, json_t *commits)
{
	const or_commit_info *c = lc->commit;
	char when[32];
	or_date day;
	int y, mo, d;
	int64_t secs;
	json_t *v;

	if (!c)
		return json_null();
	v = json_object_get(commits, c->id);
	if (v)
		return json_incref(v);
	day = or_date_from_unix(c->time);
	or_date_to_ymd(day, &y, &mo, &d);
	secs = c->time - (int64_t)day * 86400;
	snprintf(when, sizeof(when), "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d,
		 (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60));
	v = json_pack("{s:s, s:s, s:o, s:o, s:o, s:o, s:o}",
		      "id", c->id,
		      "time", when,
		      "author", text(c->author_name),
		      "email", text(c->author_email),
		      "summary", text(c->summary),
		      "reviewed_by", strings_json(c->reviewed_by, c->nreviewed_by),
		      "approved_by", strings_json(c->approved_by, c->napproved_by));
	json_object_set(commits, c->id, v);
	return v;
}

/*
 * The evaluations that are not findings (passes and skips), grouped by
 * rule, file, outcome and reason (they are sorted, so a group is a run), so
 * that a reporter can list every evaluation (JUnit: one test case each)
 * without the report repeating the same fields hundreds of thousands of
 * times.
 */
static void add_evaluations(or_eval_table *out, const or_results *results)
{
	const or_evaluation *prev = NULL;
	size_t i;

	for (i = 0; i < results->count; i++) {
		const or_evaluation *e = &results->items[i];

		if (or_evaluation_is_finding(e))
			continue;
		if (!prev || prev->rule != e->rule || prev->outcome != e->outcome ||
		    (!prev->file != !e->file) || (e->file && strcmp(prev->file, e->file) != 0) ||
		    (!prev->reason != !e->reason) ||
		    (e->reason && strcmp(prev->reason, e->reason) != 0))
			or_eval_table_group(out, e->rule->id, NULL, e->file, or_outcome_name(e->outcome),
					    e->reason);
		or_eval_table_subject(out, e->subject);
		prev = e;
	}
}

static json_t *meta_value(const or_model_doc *md, or_meta_key key, json_t *strings)
{
	return md->meta[key] ? intern(strings, md->meta[key]->value) : json_null();
}

/* Where the owner came from: the document's key, a CODEOWNERS rule, the
 * site's default owner, or null. */
static json_t *owner_source_json(const or_model *m, const or_model_doc *md)
{
	const or_kv *kv = md->meta[OR_META_OWNER];
	const or_codeowners_rule *rule = md->owner_rule;

	switch (md->owner_source) {
	case OR_OWNER_METADATA:
		return json_pack("{s:s, s:o, s:i}", "kind", "metadata", "key", text(kv->key),
				 "line", kv->line);
	case OR_OWNER_CODEOWNERS:
		return json_pack("{s:s, s:o, s:i, s:o}", "kind", "codeowners", "file",
				 text(m->codeowners.path), "line", rule->line, "rule", text(rule->text));
	case OR_OWNER_SITE_DEFAULT:
		return json_pack("{s:s, s:o, s:o, s:i}", "kind", "site-default", "file",
				 text(m->site_owner.file), "key", text(m->site_owner.key), "line",
				 m->site_owner.line);
	case OR_OWNER_NONE:
		break;
	}
	return json_null();
}

/* Owners, statuses, dates and commits repeat across documents: shared
 * values (`strings`, as the findings' are). */
static json_t *documents_json(const or_report_inputs *in, json_t *strings)
{
	const or_model *m = in->model;
	json_t *out = json_array(), *commits = json_object();
	size_t d, i, *counts = calloc(m->ndocs ? m->ndocs : 1, sizeof(size_t));

	/* findings per document: evaluations are sorted by file */
	for (i = 0, d = 0; i < in->results->count && d < m->ndocs; i++) {
		const or_evaluation *e = &in->results->items[i];
		if (!e->file || !or_evaluation_is_finding(e))
			continue;
		while (d < m->ndocs && strcmp(m->docs[d].doc->path, e->file) < 0)
			d++;
		if (d < m->ndocs && strcmp(m->docs[d].doc->path, e->file) == 0)
			counts[d]++;
	}
	for (d = 0; d < m->ndocs; d++) {
		const or_model_doc *md = &m->docs[d];
		size_t items = 0, done = 0;

		for (i = 0; i < md->doc->ntasks; i++) {
			const or_task *t = &md->doc->tasks[i];
			items++;
			if (t->status == OR_ITEM_IN_PROGRESS || t->status == OR_ITEM_MISSING)
				continue;
			if (t->is_task ? t->checked : t->status == OR_ITEM_COMPLETE)
				done++;
		}
		json_array_append_new(
			out,
			json_pack("{s:o, s:o, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:b, s:o, s:o, s:b, s:I, s:{s:I, s:I}, s:I}",
				  "path", text(md->doc->path),
				  "title", text(md->doc->title),
				  "type", md->is_runbook ? "runbook" : "document",
				  "owner", meta_value(md, OR_META_OWNER, strings),
				  "owner_source", owner_source_json(m, md),
				  "version", meta_value(md, OR_META_VERSION, strings),
				  "status", meta_value(md, OR_META_STATUS, strings),
				  "last_updated", interned_date(md->last_updated.status, md->last_updated.date, strings),
				  "next_review", interned_date(md->next_review.status, md->next_review.date, strings),
				  "next_review_derived", md->next_review.derived,
				  "review_period", meta_value(md, OR_META_REVIEW_PERIOD, strings),
				  "last_commit", last_commit_json(&md->last_change, commits),
				  "uncommitted", md->last_change.uncommitted,
				  "sections", (json_int_t)md->doc->nsections,
				  "checklist", "items", (json_int_t)items, "done", (json_int_t)done,
				  "findings", (json_int_t)counts[d]));
	}
	free(counts);
	json_decref(commits);
	return out;
}

static json_t *date_json(or_date date)
{
	char out[11];

	or_date_format(date, out);
	return json_string(out);
}

static json_t *percent_json(size_t part, size_t whole)
{
	if (!whole)
		return json_null();
	return json_real(floor(1000.0 * (double)part / (double)whole + 0.5) / 10.0);
}

static json_t *level_json(const or_escalation_level *l)
{
	return json_pack("{s:i, s:o, s:o, s:o, s:o, s:i}", "level", l->level, "name", text(l->name),
			 "window", text(l->window), "team", text(l->team), "file", text(l->file),
			 "line", l->line);
}

static json_t *escalation_json(const or_model *m)
{
	json_t *out = json_array();
	size_t i;

	for (i = 0; i < m->nescalation; i++)
		json_array_append_new(out, level_json(&m->escalation[i]));
	return out;
}

static json_t *training_json(const or_model *m)
{
	const or_training *t = &m->training;
	json_t *courses, *people, *matrix, *teams;
	size_t p, c, counts[OR_CELL_DUE + 1] = { 0 }, fully = 0;
	or_training_row row;
	or_matrix_cell cell_value;

	if (!m->has_training)
		return json_null();
	courses = json_array();
	people = json_array();
	matrix = json_array();
	teams = json_array();
	for (c = 0; c < t->ncourses; c++) {
		const or_matrix_course *mc = &t->courses[c];
		json_array_append_new(
			courses,
			json_pack("{s:s, s:o, s:o, s:b, s:i, s:o, s:I, s:I, s:o}", "id", mc->id,
				  "title", text(mc->title), "hours",
				  mc->hours >= 0 ? json_real(mc->hours) : json_null(), "mandatory",
				  mc->mandatory, "valid_for_days", mc->valid_for_days, "required_for",
				  strings_json((char *const *)mc->required_for, mc->nrequired_for),
				  "required", (json_int_t)mc->required, "valid", (json_int_t)mc->valid,
				  "percent", percent_json(mc->valid, mc->required)));
	}
	for (p = 0; p < t->npeople; p++) {
		const or_matrix_person *mp = &t->people[p];
		fully += mp->fully_trained;
		json_array_append_new(people,
				      json_pack("{s:o, s:o, s:o, s:o, s:b, s:i}", "id", text(mp->id),
						"name", text(mp->name), "team", text(mp->team),
						"joined", mp->has_joined ? date_json(mp->joined)
									 : json_null(),
						"fully_trained", mp->fully_trained, "line", mp->line));
		/* the cells that are recorded or required; any other is not-required */
		or_training_row_start(&row, t, p);
		while (or_training_row_next(&row, &cell_value)) {
			const or_matrix_cell *cell = &cell_value;
			counts[cell->state]++;
			json_array_append_new(
				matrix,
				json_pack("{s:o, s:s, s:s, s:b, s:o, s:o, s:o}", "person", text(mp->id),
					  "course", t->courses[cell->course].id, "status",
					  or_cell_state_name(cell->state), "required", cell->required,
					  "completed", cell->line ? date_json(cell->completed) : json_null(),
					  "expires", cell->line ? date_json(cell->expires) : json_null(),
					  "due", cell->state == OR_CELL_DUE ? date_json(cell->due)
									: json_null()));
		}
	}
	for (c = 0; c < t->nteams; c++) {
		const or_matrix_team *team = &t->teams[c];
		json_array_append_new(
			teams, json_pack("{s:o, s:I, s:I, s:I, s:I, s:o, s:o}", "name", text(team->name),
					 "members", (json_int_t)team->members, "fully_trained",
					 (json_int_t)team->fully_trained, "required",
					 (json_int_t)team->required, "valid", (json_int_t)team->valid,
					 "percent", percent_json(team->valid, team->required),
					 "escalation", team->level ? level_json(team->level) : json_null()));
	}
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:{s:I, s:I, s:I, s:I, s:I, s:I}}",
			 "records", text(t->path), "courses", courses, "people", people, "matrix",
			 matrix, "teams", teams, "summary",
			 "people", (json_int_t)t->npeople,
			 "fully_trained", (json_int_t)fully,
			 "missing", (json_int_t)counts[OR_CELL_MISSING],
			 "expired", (json_int_t)counts[OR_CELL_EXPIRED],
			 "expiring", (json_int_t)counts[OR_CELL_EXPIRING],
			 "due", (json_int_t)counts[OR_CELL_DUE]);
}

static json_t *drill_json(const or_drill *d)
{
	json_t *participants = json_array();
	size_t i;

	for (i = 0; i < d->nparticipants; i++)
		json_array_append_new(participants, text(d->participants[i]));
	return json_pack("{s:s, s:o, s:o, s:o, s:o, s:o, s:i}", "type", d->type, "date",
			 date_json(d->date), "outcome",
			 d->outcome < 0 ? json_null() : json_string(d->outcome ? "pass" : "fail"),
			 "rto_minutes", d->has_rto ? json_real(d->rto_minutes) : json_null(),
			 "rpo_seconds", d->has_rpo ? json_real(d->rpo_seconds) : json_null(),
			 "participants", participants, "line", d->line);
}

static json_t *drills_json(const or_model *m)
{
	const or_drill_record *r = &m->drills;
	json_t *out = json_array();
	size_t i, j;

	if (!m->has_drills)
		return out;
	for (i = 0; i < r->ntypes; i++) {
		const or_drill_type *t = &r->types[i];
		json_t *history = json_array();
		const char *status = "ok";

		for (j = 0; j < m->drill_log.ndrills; j++)
			if (m->drill_log.drills[j].type == t->type ||
			    strcmp(m->drill_log.drills[j].type, t->type) == 0)
				json_array_append_new(history, drill_json(&m->drill_log.drills[j]));
		if (!t->latest)
			status = t->every_days ? "none" : "ok";
		else if (t->latest->outcome == 0)
			status = "failed";
		else if (t->every_days && m->now - t->latest->date > t->every_days)
			status = "overdue";
		json_array_append_new(
			out,
			json_pack("{s:s, s:o, s:{s:o, s:o}, s:I, s:o, s:o, s:s, s:o}", "type", t->type,
				  "every_days", t->every_days ? json_integer(t->every_days) : json_null(),
				  "objectives", "rto_minutes",
				  t->has_rto ? json_real(t->rto_minutes) : json_null(), "rpo_seconds",
				  t->has_rpo ? json_real(t->rpo_seconds) : json_null(), "count",
				  (json_int_t)t->count, "latest",
				  t->latest ? drill_json(t->latest) : json_null(), "next_due",
				  t->latest && t->every_days ? date_json(t->next_due) : json_null(),
				  "status", status, "history", history));
	}
	return out;
}

/* The first evaluation at `file`:`line` (evaluations are sorted by file, then
 * line, with repository-wide ones first). */
static size_t first_at(const or_results *results, const char *file, int line)
{
	size_t lo = 0, hi = results->count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const or_evaluation *e = &results->items[mid];
		int c = !e->file ? -1 : strcmp(e->file, file);
		if (c < 0 || (c == 0 && e->line < line))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Every contact with its kind, value as written and normalised, where it
 * came from, when it was verified and how we know, its age and its status:
 * the worst of the contact findings on it. A line followed back through
 * the history only to contacts.stale's cutoff has no known date or age,
 * only `changed_on_or_before` (never a made-up verification date). Roles,
 * names, files, dates and statuses repeat: shared values (`strings`).
 */
static json_t *contacts_json(const or_report_inputs *in, json_t *strings)
{
	const or_model *m = in->model;
	json_t *out = json_array();
	or_buf normalized = OR_BUF_INIT, reason = OR_BUF_INIT;
	size_t i, e;

	for (i = 0; i < m->ncontacts; i++) {
		const or_contact *c = &m->contacts[i];
		const char *status = "ok";
		size_t len = strlen(c->value);
		bool known = c->verified_source != OR_VERIFIED_NONE;
		bool older = c->verified_source == OR_VERIFIED_BLAME && c->older;
		json_t *contact;

		or_buf_clear(&normalized);
		or_buf_clear(&reason);
		if (c->kind == OR_CONTACT_PHONE)
			or_phone_check(c->value, len, NULL, 0, &normalized, &reason);
		else if (c->kind == OR_CONTACT_EMAIL)
			or_email_check(c->value, len, &normalized, &reason);
		else if (c->kind == OR_CONTACT_URL)
			or_url_check(c->value, len, &normalized, &reason);
		/* the findings on this contact decide its status */
		for (e = first_at(in->results, c->file, c->line); e < in->results->count; e++) {
			const or_evaluation *ev = &in->results->items[e];
			const char *rule;
			if (!ev->file || ev->line != c->line || strcmp(ev->file, c->file) != 0)
				break;
			if (!or_evaluation_is_finding(ev) || ev->column != c->column ||
			    strcmp(ev->rule->area, "contacts") != 0)
				continue;
			rule = ev->rule->id;
			if (strcmp(rule, "contacts.invalid") == 0)
				status = "invalid";
			else if (strcmp(rule, "contacts.placeholder") == 0 && strcmp(status, "invalid"))
				status = "placeholder";
			else if (strcmp(rule, "contacts.duplicate") == 0 && !strcmp(status, "ok"))
				status = "duplicate";
			else if (strcmp(rule, "contacts.stale") == 0 && !strcmp(status, "ok"))
				status = known ? "stale" : "unverified";
		}
		/* never dated, and not judged stale (no history to date its line, or
		 * contacts.stale off): unverified all the same */
		if (!known && strcmp(status, "ok") == 0)
			status = "unverified";
		contact = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:i, s:i, s:o, s:o, s:o, s:o, s:o}",
				  "role", intern(strings, c->role), "name", intern(strings, c->name),
				  "kind", intern(strings, or_contact_kind_name(c->kind)), "value",
				  text(c->value), "normalized",
				  normalized.size ? text(normalized.ptr) : json_null(), "file",
				  intern(strings, c->file), "line", c->line, "column", c->column,
				  "verified",
				  interned_date(known && !older ? OR_DATE_OK : OR_DATE_NOT_FOUND,
						c->verified, strings),
				  "verified_source",
				  intern(strings, or_verified_source_name(c->verified_source)), "commit",
				  c->verified_source == OR_VERIFIED_BLAME && c->commit[0]
					  ? intern(strings, c->commit)
					  : json_null(),
				  "age_days",
				  known && !older ? json_integer(m->now - c->verified) : json_null(),
				  "status", intern(strings, status));
		if (contact && older)
			json_object_set_new(contact, "changed_on_or_before",
					    interned_date(OR_DATE_OK, c->verified, strings));
		json_array_append_new(out, contact);
	}
	or_buf_dispose(&normalized);
	or_buf_dispose(&reason);
	return out;
}

/* The config's waivers, with what became of them in this scan. */
static json_t *waivers_json(const or_report_inputs *in)
{
	const or_config *config = in->model->config;
	json_t *out = json_array();
	size_t i;

	for (i = 0; i < config->nwaivers; i++) {
		const or_waiver *w = &config->waivers[i];
		const char *status = in->exceptions->use.waiver_expired[i] ? "expired"
				     : in->exceptions->use.waiver_matches[i] ? "active"
									  : "unused";
		json_array_append_new(
			out, json_pack("{s:s, s:o, s:o, s:o, s:o, s:o, s:i, s:s, s:I}", "rule", w->rule,
				       "subject", text(w->subject), "path", text(w->path), "reason",
				       text(w->reason), "approved_by", text(w->approved_by), "expires",
				       date_json(w->expires), "line", w->line, "status", status,
				       "matched", (json_int_t)in->exceptions->use.waiver_matches[i]));
	}
	return out;
}

static json_t *suppressions_json(const or_report_inputs *in)
{
	const or_exceptions *ex = in->exceptions;
	json_t *out = json_array();
	size_t i;

	for (i = 0; i < ex->use.nsuppressions; i++) {
		const or_suppression *s = ex->use.suppressions[i].suppression;
		json_array_append_new(
			out, json_pack("{s:o, s:i, s:i, s:o, s:o, s:I}", "file",
				       text(ex->use.suppressions[i].file), "line", s->line, "last_line",
				       s->last_line, "rules", *s->rules ? text(s->rules) : json_null(),
				       "reason", text(s->reason), "matched",
				       (json_int_t)ex->use.suppressions[i].matched));
	}
	return out;
}

json_t *or_report_build(const or_report_inputs *in)
{
	const or_gate_options *g = in->gate_options;
	json_t *strings = json_object(), *report;

	/* findings and evaluations stay empty here: or_report_add_results
	 * fills them in their places once the model is gone */
	report = json_pack("{s:i, s:{s:s, s:s}, s:o, s:{s:s, s:o}, s:o, s:o, s:[], s:[], s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
			 "schema_version", 1,
			 "tool", "name", "opsready", "version", OPSREADY_VERSION,
			 "scan", scan_json(in),
			 "gate", "fail_on", or_severity_name(g->fail_on),
			 "min_score", g->has_min_score ? json_real(g->min_score) : json_null(),
			 "summary", summary_json(in->gate),
			 "rules", rules_json(in->model->rules),
			 "findings",
			 "evaluations",
			 "documents", documents_json(in, strings),
			 "escalation", escalation_json(in->model),
			 "training", training_json(in->model),
			 "drills", drills_json(in->model),
			 "contacts", contacts_json(in, strings),
			 "waivers", waivers_json(in),
			 "suppressions", suppressions_json(in));
	json_decref(strings);
	return report;
}

void or_report_add_results(or_report *report, const or_results *results)
{
	add_findings(&report->findings, results);
	add_evaluations(&report->evaluations, results);
}
