/*
 * The report's read accessors (report/read.h, and those opsready/report.h
 * publishes) over saved reports (tests/data/reports/example.json and
 * exceptions.json), a merged report and a diff of them: each view gives the
 * report's values, absent parts are NULL or not known, and lookups by id
 * find what a search by index finds.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "opsready/compare.h"
#include "opsready/report.h"
#include "report/read.h"
#include "report/value.h"
#include "suites.h"

#define EXAMPLE OR_TEST_DATA "/reports/example.json"
#define EXCEPTIONS OR_TEST_DATA "/reports/exceptions.json"

static or_report *load(const char *path)
{
	or_diag diag = OR_DIAG_INIT;
	or_report *report = NULL;

	ck_assert_msg(or_report_load(&report, path, &diag) == 0, "%s", diag.message);
	return report;
}

static or_report *load_example(void)
{
	return load(EXAMPLE);
}

static bool near(double a, double b)
{
	return a - b < 1e-9 && b - a < 1e-9;
}

START_TEST(test_scan_tool_gate)
{
	or_report *report = load_example();
	or_report_scan_view scan;
	or_report_tool_view tool;
	or_report_gate_view gate;

	or_report_read_scan(report, &scan);
	ck_assert_str_eq(scan.root, "/tmp/ex");
	ck_assert_str_eq(scan.commit, "a02eb2e28fadc67112e5dd117aa7348cea74f7f0");
	ck_assert_str_eq(scan.branch, "main");
	ck_assert_str_eq(scan.now, "2026-11-27");
	ck_assert_str_eq(scan.config, "/tmp/ex/.opsready.yml");
	ck_assert_str_eq(scan.rules_digest, "sha1:b831c693531e8a132c1c7886cbf85ce429c08b30");
	ck_assert_str_eq(scan.repo_url, "https://git.example.org/northwind/ops-runbooks/blob/"
					"{commit}/{path}#L{line}");
	ck_assert_ptr_null(scan.baseline);
	ck_assert(scan.git && !scan.dirty && !scan.shallow);
	ck_assert(scan.inline_suppressions);
	ck_assert(scan.files.known && scan.files.value == 12);
	ck_assert_int_eq(scan.documents.value, 4);
	ck_assert_uint_eq(scan.packs.count, 1);
	ck_assert_str_eq(or_report_strings_at(&scan.packs, 0), "business-continuity");
	ck_assert_str_eq(scan.inputs.training, "training/records.yml");
	ck_assert_str_eq(scan.inputs.drills, "drills/log.yml");
	ck_assert_str_eq(scan.inputs.contacts, "contacts.yml");
	ck_assert(scan.history_available);
	ck_assert_str_eq(scan.history_reason, "available");
	ck_assert(!scan.has_since);
	ck_assert(!scan.duration_seconds.known);
	ck_assert(!scan.has_rule_changes); /* this report predates them */
	ck_assert_uint_eq(scan.nrule_changes, 0);
	ck_assert_uint_eq(scan.nskipped, 0);

	or_report_read_tool(report, &tool);
	ck_assert_str_eq(tool.name, "opsready");
	ck_assert_str_eq(tool.version, "0.1.0");
	ck_assert_int_eq(tool.schema_version.value, 1);

	or_report_read_gate(report, &gate);
	ck_assert_str_eq(gate.fail_on, "error");
	ck_assert(gate.min_score.known && near(gate.min_score.value, 80.0));
	or_report_free(report);
}
END_TEST

START_TEST(test_summary_and_areas)
{
	or_report *report = load_example();
	or_report_summary_view summary;
	or_report_area_view area;
	size_t at;
	double score;

	or_report_read_summary(report, &summary);
	ck_assert_str_eq(summary.verdict, "fail");
	ck_assert(summary.score.known && near(summary.score.value, 89.2));
	ck_assert_int_eq(summary.error.value, 20);
	ck_assert_int_eq(summary.warning.value, 3);
	ck_assert(summary.notice.known && summary.notice.value == 0);
	ck_assert(summary.waived.known && summary.waived.value == 0);
	ck_assert_int_eq(summary.suppressed.value, 0);
	ck_assert_int_eq(summary.baseline.value, 0);
	ck_assert_int_eq(summary.outside_change.value, 0);
	ck_assert_int_eq(summary.evaluations.value, 229);
	ck_assert_int_eq(summary.findings.value, 23);
	ck_assert(summary.has_areas && summary.has_counts);

	/* the public accessors agree */
	ck_assert(or_report_score(report, &score) && near(score, 89.2));
	ck_assert_str_eq(or_report_verdict(report), "fail");
	ck_assert(!or_report_passed(report));

	ck_assert_uint_eq(or_report_nareas(report), 5);
	or_report_read_area(report, 0, &area);
	ck_assert_str_eq(area.name, "docs");
	ck_assert(area.score.known && near(area.score.value, 92.2));
	ck_assert_int_eq(area.evaluations.value, 103);
	ck_assert_int_eq(area.findings.value, 7);
	or_report_read_area(report, 4, &area);
	ck_assert_str_eq(area.name, "contacts");
	ck_assert(near(area.score.value, 89.8));
	ck_assert(or_report_find_area(report, "drills", &at));
	ck_assert_uint_eq(at, 3);
	ck_assert(!or_report_find_area(report, "nowhere", &at));
	or_report_free(report);
}
END_TEST

START_TEST(test_rules)
{
	or_report *report = load_example();
	or_report_rule_view rule, by_id;
	or_report_rule_ids ids;

	ck_assert_uint_eq(or_report_nrules(report), 33);
	or_report_read_rule(report, 0, &rule);
	ck_assert_str_eq(rule.id, "contacts.duplicate");
	ck_assert_str_eq(rule.area, "contacts");
	ck_assert_str_eq(rule.severity, "warning");
	ck_assert_str_eq(rule.title, "One contact serves roles that must be distinct");
	ck_assert_str_eq(rule.pack, "business-continuity");
	ck_assert_str_eq(rule.check, "contact-duplicates");
	ck_assert(rule.evaluated);
	ck_assert_uint_eq(rule.references.count, 3);
	ck_assert_str_eq(or_report_strings_at(&rule.references, 2), "SOC 2 (2017 TSC) CC7.4");

	or_report_rule_ids_init(&ids, report);
	ck_assert(or_report_find_rule(report, &ids, "docs.placeholder", &by_id));
	ck_assert_str_eq(by_id.id, "docs.placeholder");
	ck_assert_str_eq(by_id.title, "Placeholder text");
	ck_assert_str_eq(by_id.severity, "warning");
	ck_assert_ptr_nonnull(by_id.rationale);
	ck_assert_uint_eq(by_id.references.count, 2);
	ck_assert(!or_report_find_rule(report, &ids, "no.such-rule", &by_id));
	ck_assert(!or_report_find_rule(report, &ids, "", &by_id));
	/* every rule is found by its id, with and without the index */
	for (size_t i = 0; i < or_report_nrules(report); i++) {
		or_report_rule_view searched;
		or_report_read_rule(report, i, &rule);
		ck_assert(or_report_find_rule(report, &ids, rule.id, &by_id));
		ck_assert(or_report_find_rule(report, NULL, rule.id, &searched));
		ck_assert_ptr_eq(by_id.title, rule.title);
		ck_assert_ptr_eq(searched.title, rule.title);
	}
	or_report_rule_ids_dispose(&ids);
	or_report_free(report);
}
END_TEST

/* The position of a rule by id (the last of one id; a rule without an id is
 * not found), and a list of strings as the report holds it. */
START_TEST(test_rule_index_and_lists_as_given)
{
	json_t *root = json_pack("{s:i, s:{}, s:{}, s:[{s:s, s:[s, i]}, {s:i, s:s}, {s:s, s:s},"
				 " {s:s}], s:[]}",
				 "schema_version", 1, "scan", "summary", "rules",
				 "id", "a.one", "references", "ISO 22301", 7,
				 "id", 3, "references", "not a list",
				 "id", "b.two", "references", "x",
				 "id", "a.one", "findings");
	or_diag diag = OR_DIAG_INIT;
	or_report *report;
	or_report_rule_ids ids;
	or_report_rule_view rule;
	const json_t *references;
	size_t index = 99;

	ck_assert_int_eq(or_report_from_json(&report, root, "test", &diag), 0);
	or_report_rule_ids_init(&ids, report);
	ck_assert(or_report_find_rule_index(report, &ids, "a.one", &index));
	ck_assert_uint_eq(index, 3);
	ck_assert(or_report_find_rule_index(report, NULL, "a.one", &index));
	ck_assert_uint_eq(index, 3);
	ck_assert(or_report_find_rule_index(report, &ids, "b.two", &index));
	ck_assert_uint_eq(index, 2);
	index = 99;
	ck_assert(!or_report_find_rule_index(report, &ids, "3", &index));
	ck_assert(!or_report_find_rule_index(report, NULL, "?", &index));
	ck_assert_uint_eq(index, 99);

	or_report_read_rule(report, 0, &rule);
	references = or_report_strings_json(&rule.references);
	ck_assert(json_is_array(references));
	ck_assert_uint_eq(json_array_size(references), 2);
	ck_assert_ptr_eq(references, json_object_get(json_array_get(json_object_get(
						report->root, "rules"), 0), "references"));
	ck_assert_ptr_null(or_report_strings_at(&rule.references, 1)); /* 7 */
	ck_assert(json_is_integer(json_array_get(references, 1)));
	or_report_read_rule(report, 1, &rule);
	ck_assert_ptr_null(rule.id);
	ck_assert_ptr_null(or_report_strings_json(&rule.references));
	ck_assert_uint_eq(rule.references.count, 0);
	or_report_read_rule(report, 2, &rule);
	ck_assert_ptr_null(or_report_strings_json(&rule.references));
	or_report_rule_ids_dispose(&ids);
	or_report_free(report);
}
END_TEST

START_TEST(test_findings)
{
	or_report *report = load_example();
	or_report_finding_view f;
	const or_report_finding *row;

	ck_assert_uint_eq(or_report_nfindings(report), 23);
	or_report_read_finding(report, 0, &f);
	ck_assert_str_eq(f.rule, "contacts.stale");
	ck_assert_str_eq(f.severity, "error");
	ck_assert_str_eq(f.status, "active");
	ck_assert_str_eq(f.file, "contacts.yml");
	ck_assert_int_eq(f.line, 5);
	ck_assert_int_eq(f.column, 54);
	ck_assert_str_eq(f.fingerprint, "dc2b92b06d349662");
	ck_assert(strncmp(f.message, "phone +44 20 7946 0020 for Operations Lead", 42) == 0);
	row = or_report_finding_row(report, 0);
	ck_assert_str_eq(row->area, "contacts");
	ck_assert_str_eq(row->evidence, "+44 20 7946 0020");
	ck_assert(!row->waived);
	or_report_free(report);
}
END_TEST

START_TEST(test_training)
{
	or_report *report = load_example();
	or_report_training_view training;
	or_report_course_view course;
	or_report_person_view person;
	or_report_cell_view cell;
	or_report_team_view team;
	or_report_cell_ids cells;
	size_t at;

	ck_assert(or_report_read_training(report, &training));
	ck_assert_str_eq(training.records, "training/records.yml");
	ck_assert_int_eq(training.people.value, 5);
	ck_assert_int_eq(training.fully_trained.value, 3);
	ck_assert_int_eq(training.missing.value, 1);
	ck_assert_int_eq(training.expired.value, 2);
	ck_assert_int_eq(training.expiring.value, 0);
	ck_assert_int_eq(training.due.value, 6);
	ck_assert_uint_eq(training.ncourses, 10);
	ck_assert_uint_eq(training.npeople, 5);
	ck_assert_uint_eq(training.nmatrix, 50);
	ck_assert_uint_eq(training.nteams, 3);

	or_report_read_course(report, 0, &course);
	ck_assert_str_eq(course.id, "system-architecture");
	ck_assert_str_eq(course.title, "System Architecture Overview");
	ck_assert(course.hours.known && near(course.hours.value, 4.0));
	ck_assert(course.mandatory.known && course.mandatory.value);
	ck_assert_int_eq(course.valid_for_days.value, 365);
	ck_assert_uint_eq(course.required_for.count, 0);
	ck_assert_int_eq(course.required.value, 4);
	ck_assert_int_eq(course.valid.value, 3);
	ck_assert(course.percent.known && near(course.percent.value, 75.0));
	or_report_read_course(report, 6, &course);
	ck_assert_str_eq(course.id, "performance-optimization");
	ck_assert(course.mandatory.known && !course.mandatory.value);
	ck_assert(!course.percent.known); /* nobody needs it */

	or_report_read_person(report, 0, &person);
	ck_assert_str_eq(person.id, "amara");
	ck_assert_str_eq(person.name, "Amara Okafor");
	ck_assert_str_eq(person.team, "Support Engineers");
	ck_assert_str_eq(person.joined, "2024-03-04");
	ck_assert(person.fully_trained);
	ck_assert_int_eq(person.line.value, 3);

	or_report_read_cell(report, 0, &cell);
	ck_assert_str_eq(cell.person, "amara");
	ck_assert_str_eq(cell.course, "system-architecture");
	ck_assert_str_eq(cell.status, "done");
	ck_assert(cell.required);
	ck_assert_str_eq(cell.completed, "2026-02-10");
	ck_assert_str_eq(cell.expires, "2027-02-10");
	ck_assert_ptr_null(cell.due);

	or_report_cell_ids_init(&cells, report);
	ck_assert(or_report_find_cell(&cells, "bjorn", "system-architecture", &at));
	ck_assert_uint_eq(at, 10);
	or_report_read_cell(report, at, &cell);
	ck_assert_str_eq(cell.status, "expired");
	ck_assert_str_eq(cell.expires, "2026-02-03");
	ck_assert(!or_report_find_cell(&cells, "bjorn", "no-such-course", &at));
	ck_assert(!or_report_find_cell(&cells, "", "", &at));
	or_report_cell_ids_dispose(&cells);

	or_report_read_team(report, 0, &team);
	ck_assert_str_eq(team.name, "Support Engineers");
	ck_assert_int_eq(team.members.value, 2);
	ck_assert_int_eq(team.fully_trained.value, 1);
	ck_assert_int_eq(team.required.value, 12);
	ck_assert_int_eq(team.valid.value, 9);
	ck_assert(near(team.percent.value, 75.0));
	ck_assert(team.has_escalation);
	ck_assert_int_eq(team.escalation_level.value, 1);
	ck_assert_str_eq(team.escalation_window, "0-15 minutes");
	or_report_free(report);
}
END_TEST

START_TEST(test_drills)
{
	or_report *report = load_example();
	or_report_drill_view drill;
	or_report_drill_run_view run;

	ck_assert_uint_eq(or_report_ndrills(report), 5);
	or_report_read_drill(report, 0, &drill);
	ck_assert_str_eq(drill.type, "rollback");
	ck_assert(drill.every_days.known && drill.every_days.value == 31);
	ck_assert(drill.rto_objective.known && near(drill.rto_objective.value, 5.0));
	ck_assert(!drill.rpo_objective.known);
	ck_assert_int_eq(drill.count.value, 2);
	ck_assert(drill.has_latest);
	ck_assert_str_eq(drill.latest.date, "2026-11-03");
	ck_assert_str_eq(drill.latest.outcome, "pass");
	ck_assert(near(drill.latest.rto_minutes.value, 2.9));
	ck_assert_str_eq(drill.next_due, "2026-12-04");
	ck_assert_str_eq(drill.status, "ok");
	ck_assert_uint_eq(drill.nhistory, 2);

	or_report_read_drill_run(report, 0, 0, &run);
	ck_assert_str_eq(run.type, "rollback");
	ck_assert_str_eq(run.date, "2026-10-06");
	ck_assert(run.rto_minutes.known && near(run.rto_minutes.value, 3.5));
	ck_assert(!run.rpo_seconds.known);
	ck_assert_uint_eq(run.participants.count, 2);
	ck_assert_str_eq(or_report_strings_at(&run.participants, 1), "chen");
	ck_assert_int_eq(run.line.value, 3);

	or_report_read_drill(report, 2, &drill);
	ck_assert_str_eq(drill.type, "incident-response");
	ck_assert_str_eq(drill.status, "overdue");
	or_report_free(report);
}
END_TEST

START_TEST(test_documents_contacts_waivers)
{
	or_report *report = load_example();
	or_report_document_view doc;
	or_report_contact_view contact;

	ck_assert_uint_eq(or_report_ndocuments(report), 4);
	or_report_read_document(report, 0, &doc);
	ck_assert_str_eq(doc.path, "docs/escalation-matrix.md");
	ck_assert_str_eq(doc.title, "Escalation Matrix");
	ck_assert_str_eq(doc.type, "document");
	ck_assert_str_eq(doc.owner, "Operations Lead");
	ck_assert_str_eq(doc.version, "1.2");
	ck_assert_str_eq(doc.status, "Approved");
	ck_assert_str_eq(doc.last_updated, "2026-10-14");
	ck_assert_str_eq(doc.next_review, "2027-01-14");
	ck_assert(!doc.next_review_derived);
	ck_assert_ptr_null(doc.review_period);
	ck_assert(doc.has_last_commit);
	ck_assert_str_eq(doc.last_commit.id, "69058453d01bd82669d2fd48f5382b130b628c91");
	ck_assert_str_eq(doc.last_commit.time, "2026-08-20T09:00:00Z");
	ck_assert_str_eq(doc.last_commit.author, "Northwind Ops");
	ck_assert_uint_eq(doc.last_commit.reviewed_by.count, 0);
	ck_assert(!doc.uncommitted);
	ck_assert(doc.checklist_items.known && doc.checklist_items.value == 0);
	ck_assert(doc.findings.known && doc.findings.value == 0);
	or_report_read_document(report, 3, &doc);
	ck_assert_str_eq(doc.path, "runbooks/database-failover.md");
	ck_assert_str_eq(doc.type, "runbook");
	ck_assert_int_eq(doc.findings.value, 4);

	ck_assert_uint_eq(or_report_ncontacts(report), 12);
	or_report_read_contact(report, 0, &contact);
	ck_assert_str_eq(contact.role, "Primary On-Call");
	ck_assert_str_eq(contact.name, "Payments on-call rota");
	ck_assert_str_eq(contact.kind, "phone");
	ck_assert_str_eq(contact.value, "+44 20 7946 0018");
	ck_assert_str_eq(contact.normalized, "+442079460018");
	ck_assert_str_eq(contact.file, "contacts.yml");
	ck_assert_int_eq(contact.line.value, 3);
	ck_assert_int_eq(contact.column.value, 66);
	ck_assert_str_eq(contact.verified, "2026-10-01");
	ck_assert_ptr_null(contact.changed_on_or_before);
	ck_assert_str_eq(contact.verified_source, "registry");
	ck_assert_ptr_null(contact.commit);
	ck_assert(contact.age_days.known && contact.age_days.value == 57);
	ck_assert_str_eq(contact.status, "ok");

	ck_assert(or_report_lists_waivers(report));
	ck_assert_uint_eq(or_report_nwaivers(report), 0);
	or_report_free(report);
}
END_TEST

/* A report that lacks a part reads as absent, never as a crash. */
START_TEST(test_absent_parts)
{
	json_t *root = json_pack("{s:i, s:{}, s:{s:n}, s:[]}", "schema_version", 1, "scan",
				 "summary", "score", "findings");
	or_diag diag = OR_DIAG_INIT;
	or_report *report;
	or_report_scan_view scan;
	or_report_summary_view summary;
	or_report_training_view training;
	or_report_gate_view gate;
	or_report_rule_ids ids;
	or_report_rule_view rule;
	double score = -1;

	ck_assert_int_eq(or_report_from_json(&report, root, "test", &diag), 0);
	or_report_read_scan(report, &scan);
	ck_assert_ptr_null(scan.root);
	ck_assert_ptr_null(scan.commit);
	ck_assert(!scan.git && scan.inline_suppressions);
	ck_assert(!scan.files.known && scan.files.value == 0);
	ck_assert_uint_eq(scan.packs.count, 0);
	or_report_read_summary(report, &summary);
	ck_assert_ptr_null(summary.verdict);
	ck_assert(!summary.score.known);
	ck_assert(!or_report_score(report, &score));
	ck_assert(!summary.error.known);
	ck_assert(!summary.has_areas && !summary.has_counts);
	or_report_read_gate(report, &gate);
	ck_assert_ptr_null(gate.fail_on);
	ck_assert(!gate.min_score.known);
	ck_assert(!or_report_read_training(report, &training));
	ck_assert_uint_eq(training.ncourses, 0);
	ck_assert(!or_report_lists_waivers(report));
	ck_assert_uint_eq(or_report_nareas(report), 0);
	ck_assert_uint_eq(or_report_nrules(report), 0);
	ck_assert_uint_eq(or_report_ndocuments(report), 0);
	ck_assert_uint_eq(or_report_nfindings(report), 0);
	ck_assert_uint_eq(or_report_nescalation(report), 0);
	ck_assert_uint_eq(or_report_nsuppressions(report), 0);
	ck_assert_uint_eq(or_report_nrepositories(report), 0);
	ck_assert_uint_eq(or_report_list_count(report, OR_REPORT_MATRIX), 0);
	ck_assert_ptr_null(or_report_list_item(report, OR_REPORT_RULES, 0));
	or_report_rule_ids_init(&ids, report);
	ck_assert(!or_report_find_rule(report, &ids, "docs.placeholder", &rule));
	or_report_rule_ids_dispose(&ids);
	or_report_free(report);
}
END_TEST

START_TEST(test_escalation_suppressions)
{
	or_report *report = load_example();
	or_report_escalation_view level;
	or_report_suppression_view s;

	ck_assert_uint_eq(or_report_nescalation(report), 6);
	or_report_read_escalation(report, 0, &level);
	ck_assert(level.level.known && level.level.value == 1);
	ck_assert_ptr_null(level.name);
	ck_assert_str_eq(level.window, "0-15 minutes");
	ck_assert_str_eq(level.team, "Support Engineers");
	ck_assert_str_eq(level.file, "docs/escalation-matrix.md");
	ck_assert_int_eq(level.line.value, 11);
	or_report_read_escalation(report, 5, &level);
	ck_assert_int_eq(level.level.value, 3);
	ck_assert_str_eq(level.name, "Management Response");
	ck_assert_str_eq(level.file, "runbooks/business-continuity.md");
	ck_assert_int_eq(level.line.value, 98);
	ck_assert_uint_eq(or_report_nsuppressions(report), 0);
	or_report_free(report);

	report = load(EXCEPTIONS);
	ck_assert_uint_eq(or_report_nescalation(report), 0);
	ck_assert_uint_eq(or_report_nsuppressions(report), 4);
	or_report_read_suppression(report, 0, &s);
	ck_assert_str_eq(s.file, "runbooks/payments-runbook.md");
	ck_assert_int_eq(s.line.value, 3);
	ck_assert_int_eq(s.last_line.value, 4);
	ck_assert_str_eq(s.rules, "docs.placeholder");
	ck_assert_str_eq(s.reason, "the owner fills this in at onboarding");
	ck_assert(s.matched.known && s.matched.value == 1);
	or_report_read_suppression(report, 3, &s);
	ck_assert_int_eq(s.line.value, 22);
	ck_assert_int_eq(s.last_line.value, 23);
	ck_assert_ptr_null(s.reason);
	or_report_free(report);
}
END_TEST

/* The JSON of the lists merge copies whole: the items the views read. */
START_TEST(test_lists_copied_whole)
{
	or_report *report = load_example();
	or_report_training_view training;
	or_report_scan_view scan;
	or_report_rule_view rule;
	or_report_cell_view cell;
	or_report_team_view team;
	size_t i;

	ck_assert_uint_eq(or_report_list_count(report, OR_REPORT_RULES), or_report_nrules(report));
	for (i = 0; i < or_report_nrules(report); i++) {
		or_report_read_rule(report, i, &rule);
		ck_assert_ptr_eq(json_string_value(json_object_get(
					 or_report_list_item(report, OR_REPORT_RULES, i), "id")),
				 rule.id);
	}
	ck_assert_ptr_null(or_report_list_item(report, OR_REPORT_RULES, or_report_nrules(report)));
	ck_assert_uint_eq(or_report_list_count(report, OR_REPORT_DOCUMENTS), 4);
	ck_assert_uint_eq(or_report_list_count(report, OR_REPORT_ESCALATION), 6);
	ck_assert_uint_eq(or_report_list_count(report, OR_REPORT_DRILLS), or_report_ndrills(report));
	ck_assert_uint_eq(or_report_list_count(report, OR_REPORT_CONTACTS), 12);
	ck_assert_uint_eq(or_report_list_count(report, OR_REPORT_WAIVERS), 0);
	ck_assert_uint_eq(or_report_list_count(report, OR_REPORT_SUPPRESSIONS), 0);
	or_report_read_scan(report, &scan);
	ck_assert_uint_eq(or_report_list_count(report, OR_REPORT_SKIPPED), scan.nskipped);
	ck_assert_uint_eq(or_report_list_count(report, OR_REPORT_RULE_CHANGES), 0);
	ck_assert(or_report_read_training(report, &training));
	ck_assert_uint_eq(or_report_list_count(report, OR_REPORT_COURSES), training.ncourses);
	ck_assert_uint_eq(or_report_list_count(report, OR_REPORT_PEOPLE), training.npeople);
	ck_assert_uint_eq(or_report_list_count(report, OR_REPORT_MATRIX), training.nmatrix);
	ck_assert_uint_eq(or_report_list_count(report, OR_REPORT_TEAMS), training.nteams);
	or_report_read_cell(report, training.nmatrix - 1, &cell);
	ck_assert_ptr_eq(json_string_value(json_object_get(
				 or_report_list_item(report, OR_REPORT_MATRIX, training.nmatrix - 1),
				 "course")),
			 cell.course);
	or_report_read_team(report, 0, &team);
	ck_assert_ptr_eq(json_string_value(json_object_get(
				 or_report_list_item(report, OR_REPORT_TEAMS, 0), "name")),
			 team.name);
	or_report_free(report);
}
END_TEST

/* A merged report's rows, one per repository. */
START_TEST(test_repositories)
{
	static const char *const names[] = { "example", "exceptions" };
	or_report *reports[2] = { load_example(), load(EXCEPTIONS) };
	or_report_repository_view row;
	or_diag diag = OR_DIAG_INIT;
	or_report *merged;

	ck_assert_uint_eq(or_report_nrepositories(reports[0]), 0);
	ck_assert_int_eq(or_report_merge(&merged, (const or_report *const *)reports, names, 2, &diag),
			 0);
	ck_assert_uint_eq(or_report_nrepositories(merged), 2);
	or_report_read_repository(merged, 0, &row);
	ck_assert_str_eq(row.name, "example");
	ck_assert_str_eq(row.root, "/tmp/ex");
	ck_assert_str_eq(row.branch, "main");
	ck_assert_str_eq(row.verdict, "fail");
	ck_assert(row.score.known && near(row.score.value, 89.2));
	ck_assert_int_eq(row.error.value, 20);
	or_report_read_repository(merged, 1, &row);
	ck_assert_str_eq(row.name, "exceptions");
	ck_assert_str_eq(row.commit, "0174a7f2b3f89d954741f1457de41a67cdfadba6");
	ck_assert_str_eq(row.now, "2026-11-27");
	ck_assert_str_eq(row.verdict, "pass");
	ck_assert(near(row.score.value, 55.9));
	ck_assert(row.error.known && row.error.value == 0);
	ck_assert_int_eq(row.warning.value, 1);
	ck_assert(row.notice.known);
	or_report_free(merged);
	or_report_free(reports[0]);
	or_report_free(reports[1]);
}
END_TEST

/* A diff's counts, score changes and findings. */
START_TEST(test_diff)
{
	or_report *old_report = load_example(), *new_report = load(EXCEPTIONS), *diff;
	or_report_score_change_view area;
	or_report_diff_finding_view f;
	or_diag diag = OR_DIAG_INIT;
	or_report_diff_view view;

	ck_assert_int_eq(or_report_diff(&diff, old_report, new_report, &diag), 0);
	or_report_read_diff(diff, &view);
	ck_assert(view.added.known && view.added.value == 17);
	ck_assert_int_eq(view.fixed.value, 21);
	ck_assert_int_eq(view.unchanged.value, 2);
	ck_assert_uint_eq(view.nfindings[OR_DIFF_NEW], 17);
	ck_assert_uint_eq(view.nfindings[OR_DIFF_FIXED], 21);
	ck_assert_uint_eq(view.nfindings[OR_DIFF_UNCHANGED], 2);
	ck_assert_ptr_null(view.score.area);
	ck_assert(near(view.score.old_score.value, 89.2) && near(view.score.new_score.value, 55.9));
	/* the new report's areas, in its order */
	ck_assert_uint_eq(view.nareas, 6);
	or_report_read_diff_area(diff, 3, &area);
	ck_assert_str_eq(area.area, "drills");
	ck_assert(area.old_score.known && near(area.old_score.value, 69.2));
	ck_assert(!area.new_score.known);
	or_report_read_diff_area(diff, 5, &area);
	ck_assert_str_eq(area.area, "waiver");
	ck_assert(!area.old_score.known && near(area.new_score.value, 61.5));

	or_report_read_diff_finding(diff, OR_DIFF_NEW, 0, &f);
	ck_assert_str_eq(f.rule, "contacts.missing-role");
	ck_assert_str_eq(f.severity, "error");
	ck_assert_str_eq(f.status, "baseline");
	ck_assert_str_eq(f.message, "no contact for the required role Operations Lead in any runbook");
	ck_assert_ptr_null(f.file);
	ck_assert(f.line.known && f.line.value == 0);
	or_report_read_diff_finding(diff, OR_DIFF_FIXED, 0, &f);
	ck_assert_str_eq(f.rule, "contacts.stale");
	ck_assert_str_eq(f.file, "contacts.yml");
	ck_assert_int_eq(f.line.value, 5);
	or_report_read_diff_finding(diff, OR_DIFF_UNCHANGED, 2, &f); /* past the end */
	ck_assert_ptr_null(f.rule);
	ck_assert(!f.line.known);
	or_report_free(diff);
	or_report_free(old_report);
	or_report_free(new_report);
}
END_TEST

Suite *report_read_suite(void)
{
	Suite *s = suite_create("report_read");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_scan_tool_gate);
	tcase_add_test(tc, test_summary_and_areas);
	tcase_add_test(tc, test_rules);
	tcase_add_test(tc, test_rule_index_and_lists_as_given);
	tcase_add_test(tc, test_findings);
	tcase_add_test(tc, test_training);
	tcase_add_test(tc, test_drills);
	tcase_add_test(tc, test_documents_contacts_waivers);
	tcase_add_test(tc, test_escalation_suppressions);
	tcase_add_test(tc, test_lists_copied_whole);
	tcase_add_test(tc, test_repositories);
	tcase_add_test(tc, test_diff);
	tcase_add_test(tc, test_absent_parts);
	suite_add_tcase(s, tc);
	return s;
}
