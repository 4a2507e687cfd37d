/*
 * The record readers: training records (YAML and CSV) and the drill log,
 * against the fixtures in tests/data/records and files written here byte
 * for byte (BOM, CRLF, oversized, symlinks).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input/records.h"
#include "suites.h"
#include "util/buf.h"

#define RECORDS_DATA OR_TEST_DATA "/records"

typedef struct expected_problem {
	int line, column;
	const char *subject;
	const char *message;
} expected_problem;

static or_date ymd(int year, int month, int day)
{
	or_date date = 0;

	ck_assert_int_eq(or_date_from_ymd(&date, year, month, day), 0);
	return date;
}

static void check_problems(const or_record_problem *problems, size_t n,
			   const expected_problem *want, size_t nwant)
{
	size_t i;

	for (i = 0; i < n && i < nwant; i++) {
		ck_assert_msg(problems[i].line == want[i].line &&
				      problems[i].column == want[i].column,
			      "problem %zu (%s): got %d:%d, want %d:%d", i, problems[i].message,
			      problems[i].line, problems[i].column, want[i].line, want[i].column);
		ck_assert_str_eq(problems[i].subject, want[i].subject);
		ck_assert_str_eq(problems[i].message, want[i].message);
	}
	ck_assert_uint_eq(n, nwant);
}

static void load_training_ok(or_training_records *records, const char *root, const char *path,
			     or_date_order order)
{
	or_diag diag = OR_DIAG_INIT;

	ck_assert_msg(or_training_load(records, root, path, order, &diag) == 0, "%s: %d:%d %s",
		      path, diag.line, diag.column, diag.message);
	ck_assert_ptr_nonnull(records->arena);
	ck_assert_str_eq(records->path, path);
}

static void expect_training_error(const char *root, const char *path, int line, int column,
				  const char *message)
{
	or_training_records records;
	or_diag diag = OR_DIAG_INIT;

	ck_assert_int_eq(or_training_load(&records, root, path, OR_DATE_ORDER_NONE, &diag), -1);
	ck_assert_ptr_null(records.arena);
	ck_assert_uint_eq(records.ncompletions, 0);
	ck_assert_int_eq(diag.code, OR_EXIT_USAGE);
	ck_assert_str_eq(diag.file, path);
	ck_assert_msg(diag.line == line && diag.column == column, "%s: got %d:%d (%s), want %d:%d",
		      path, diag.line, diag.column, diag.message, line, column);
	ck_assert_str_eq(diag.message, message);
	or_training_dispose(&records);
}

static const or_person *find_person(const or_training_records *records, const char *id)
{
	size_t i;

	for (i = 0; i < records->npeople; i++)
		if (strcmp(records->people[i].id, id) == 0)
			return &records->people[i];
	return NULL;
}

/* A scratch directory for files that must be exact bytes. */
typedef struct scratch {
	char dir[64];
	char names[8][64];
	size_t nnames;
} scratch;

static void scratch_init(scratch *s)
{
	memset(s, 0, sizeof(*s));
	strcpy(s->dir, "/tmp/opsready-records-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(s->dir));
}

static void scratch_write(scratch *s, const char *name, const char *data, size_t len)
{
	char path[256];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", s->dir, name);
	fp = fopen(path, "wb");
	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fwrite(data, 1, len, fp), len);
	ck_assert_int_eq(fclose(fp), 0);
	if (s->nnames < 8)
		snprintf(s->names[s->nnames++], sizeof(s->names[0]), "%s", name);
}

static void scratch_dispose(scratch *s)
{
	char path[256];
	size_t i;

	for (i = 0; i < s->nnames; i++) {
		snprintf(path, sizeof(path), "%s/%s", s->dir, s->names[i]);
		unlink(path);
	}
	rmdir(s->dir);
}

/* ---- YAML training records */

START_TEST(test_yaml_spec_example)
{
	or_training_records records;
	const or_course *course;

	load_training_ok(&records, RECORDS_DATA, "spec-example.yml", OR_DATE_ORDER_NONE);
	ck_assert(!records.csv);
	ck_assert_uint_eq(records.nproblems, 0);
	ck_assert_uint_eq(records.ncourses, 1);
	course = &records.courses[0];
	ck_assert_str_eq(course->id, "incident-response");
	ck_assert_str_eq(course->title, "Incident Response Procedures");
	ck_assert(course->hours == 2.0);
	ck_assert_int_eq(course->mandatory, 1);
	ck_assert_uint_eq(course->nrequired_for, 2);
	ck_assert_str_eq(course->required_for[0], "Support Engineers");
	ck_assert_str_eq(course->required_for[1], "Senior Engineers");
	ck_assert_int_eq(course->valid_for_days, 365);
	ck_assert_int_eq(course->line, 3);
	ck_assert_uint_eq(records.npeople, 1);
	ck_assert_str_eq(records.people[0].id, "alice");
	ck_assert_str_eq(records.people[0].name, "Alice Example");
	ck_assert_str_eq(records.people[0].team, "Support Engineers");
	ck_assert(!records.people[0].has_joined);
	ck_assert_int_eq(records.people[0].line, 10);
	ck_assert_uint_eq(records.ncompletions, 1);
	ck_assert_str_eq(records.completions[0].person, "alice");
	ck_assert_str_eq(records.completions[0].course, "incident-response");
	ck_assert_int_eq(records.completions[0].date, ymd(2026, 3, 2));
	ck_assert(records.completions[0].hours == 2.0);
	ck_assert_int_eq(records.completions[0].line, 14);
	or_training_dispose(&records);
	ck_assert_ptr_null(records.arena);
	ck_assert_uint_eq(records.ncompletions, 0);
}
END_TEST

START_TEST(test_yaml_mistakes)
{
	static const expected_problem want[] = {
		{ 12, 29, "course:bad-hours", "course bad-hours: negative hours (-3)" },
		{ 16, 26, "person:carol", "person carol: joined '2025-02-30' is not a real date" },
		{ 17, 5, "person:line:17", "person at line 17: no id" },
		{ 21, 53, "completion:bob:incident-response",
		  "completion of incident-response by bob: 'February 30, 2026' is not a real date" },
		{ 22, 63, "completion:bob:rollback",
		  "completion of rollback by bob: negative hours (-2)" },
		{ 23, 5, "completion:line:23", "completion at line 23: no course" },
		{ 24, 58, "completion:alice:rollback",
		  "completion of rollback by alice: unknown key 'hrs' (did you mean 'hours'?)" },
		{ 25, 55, "completion:alice:incident-response",
		  "completion of incident-response by alice: '2026-03-02 (late)' is not a date "
		  "(expected YYYY-MM-DD)" },
		{ 26, 46, "completion:carol:rollback",
		  "completion of rollback by carol: '03/04/2026' is ambiguous (day/month or "
		  "month/day?): write it as YYYY-MM-DD or set date_order in the config" },
		{ 27, 5, "completion:line:27",
		  "completion at line 27 is a scalar, not a mapping (expected {person, course, "
		  "date, hours})" },
		{ 28, 1, "key:extra", "unknown key 'extra' in the training records" },
	};
	or_training_records records;
	const or_person *person;

	load_training_ok(&records, RECORDS_DATA, "mistakes.yml", OR_DATE_ORDER_NONE);
	check_problems(records.problems, records.nproblems, want, sizeof(want) / sizeof(want[0]));

	/* the course with negative hours is kept out; the others are read */
	ck_assert_uint_eq(records.ncourses, 2);
	ck_assert(records.courses[0].hours == 1.5);
	ck_assert_str_eq(records.courses[1].id, "rollback");
	ck_assert_ptr_null(records.courses[1].title);
	ck_assert(records.courses[1].hours < 0);
	ck_assert_int_eq(records.courses[1].mandatory, 0);
	ck_assert_uint_eq(records.courses[1].nrequired_for, 1);
	ck_assert_str_eq(records.courses[1].required_for[0], "Senior Engineers");
	ck_assert_int_eq(records.courses[1].valid_for_days, 0);

	/* people with joined dates; carol is kept without her impossible one */
	ck_assert_uint_eq(records.npeople, 3);
	person = find_person(&records, "alice");
	ck_assert_ptr_nonnull(person);
	ck_assert(person->has_joined);
	ck_assert_int_eq(person->joined, ymd(2025, 1, 6));
	person = find_person(&records, "bob");
	ck_assert_ptr_nonnull(person);
	ck_assert(person->has_joined);
	ck_assert_int_eq(person->joined, ymd(2025, 3, 3));
	ck_assert_ptr_null(person->name);
	person = find_person(&records, "carol");
	ck_assert_ptr_nonnull(person);
	ck_assert(!person->has_joined);

	/* the good completions, as written; a time after the date is fine */
	ck_assert_uint_eq(records.ncompletions, 3);
	ck_assert_int_eq(records.completions[0].line, 19);
	ck_assert_int_eq(records.completions[1].line, 20);
	ck_assert_str_eq(records.completions[1].course, "rollback");
	ck_assert_int_eq(records.completions[1].date, ymd(2026, 3, 3));
	ck_assert(records.completions[1].hours < 0);
	ck_assert_int_eq(records.completions[2].line, 24);
	ck_assert_int_eq(records.completions[2].date, ymd(2026, 4, 1));
	or_training_dispose(&records);
}
END_TEST

START_TEST(test_yaml_date_order)
{
	or_training_records records;
	size_t i;

	/* with date_order: dmy the numeric date is carol's completion of 3 April */
	load_training_ok(&records, RECORDS_DATA, "mistakes.yml", OR_DATE_ORDER_DMY);
	ck_assert_uint_eq(records.ncompletions, 4);
	ck_assert_str_eq(records.completions[3].person, "carol");
	ck_assert_int_eq(records.completions[3].date, ymd(2026, 4, 3));
	for (i = 0; i < records.nproblems; i++)
		ck_assert_str_ne(records.problems[i].subject, "completion:carol:rollback");
	or_training_dispose(&records);
}
END_TEST

START_TEST(test_yaml_errors)
{
	expect_training_error(RECORDS_DATA, "invalid.yml", 3, 12,
			      "YAML syntax error: while parsing a flow mapping did not find "
			      "expected ',' or '}'");
	expect_training_error(RECORDS_DATA, "alias.yml", 2, 5,
			      "YAML anchors and aliases are not allowed (anchor '&first')");
	expect_training_error(RECORDS_DATA, "top-list.yml", 1, 1,
			      "expected a mapping with courses, people and completions at the "
			      "top level, found a list");
	expect_training_error(RECORDS_DATA, "section-scalar.yml", 1, 9,
			      "expected a list for people, found a scalar");
	expect_training_error(RECORDS_DATA, "missing.yml", 0, 0,
			      "cannot read training records: No such file or directory");
	expect_training_error(OR_TEST_DATA, "records", 0, 0,
			      "cannot read training records: it is a directory");
}
END_TEST

START_TEST(test_yaml_alias_only)
{
	scratch s;
	static const char text[] = "people:\n  - { id: alice }\ncompletions:\n"
				   "  - { person: alice, course: *ir, date: 2026-03-02 }\n";

	scratch_init(&s);
	scratch_write(&s, "records.yml", text, sizeof(text) - 1);
	expect_training_error(s.dir, "records.yml", 4, 30,
			      "YAML aliases are not allowed (alias '*ir')");
	scratch_dispose(&s);
}
END_TEST

START_TEST(test_empty_files)
{
	scratch s;
	or_training_records records;
	or_drill_log log;
	or_diag diag = OR_DIAG_INIT;

	scratch_init(&s);
	scratch_write(&s, "empty.yml", "# nothing yet\n", 14);
	scratch_write(&s, "empty.csv", "\n\n", 2);
	load_training_ok(&records, s.dir, "empty.yml", OR_DATE_ORDER_NONE);
	ck_assert_uint_eq(records.npeople + records.ncompletions + records.nproblems, 0);
	or_training_dispose(&records);
	ck_assert_int_eq(or_drills_load(&log, s.dir, "empty.yml", OR_DATE_ORDER_NONE, &diag), 0);
	ck_assert_uint_eq(log.ndrills + log.nproblems, 0);
	or_drills_dispose(&log);
	expect_training_error(s.dir, "empty.csv", 1, 1,
			      "the file is empty; expected a header row with person, course and "
			      "completed columns");
	scratch_dispose(&s);
}
END_TEST

START_TEST(test_size_cap_and_symlink)
{
	scratch s;
	char path[256], link[256];

	scratch_init(&s);
	scratch_write(&s, "big.yml", "people: []\n", 11);
	snprintf(path, sizeof(path), "%s/big.yml", s.dir);
	ck_assert_int_eq(truncate(path, (off_t)OR_RECORDS_MAX_BYTES + 1), 0);
	expect_training_error(s.dir, "big.yml", 0, 0,
			      "cannot read training records: it is larger than 16777216 bytes");
	snprintf(link, sizeof(link), "%s/link.yml", s.dir);
	ck_assert_int_eq(symlink(RECORDS_DATA "/spec-example.yml", link), 0);
	snprintf(s.names[s.nnames++], sizeof(s.names[0]), "link.yml");
	expect_training_error(s.dir, "link.yml", 0, 0,
			      "cannot read training records: it is a symbolic link (not followed)");
	scratch_dispose(&s);
}
END_TEST

/* ---- CSV training records */

START_TEST(test_csv_header_aliases)
{
	static const char *const defaults[] = { "Person", "Team", "Course",
						"Completed", "Hours", "Joined" };
	static const char *const aliases[6][6] = {
		{ "Person", "Name", "Employee", "Learner", "User", NULL },
		{ "Team", "Role", "Department", "Group", NULL },
		{ "Course", "Training", "Course ID", "Module", NULL },
		{ "Completed", "Completion Date", "Date", "Completed On", NULL },
		{ "Hours", "Duration", NULL },
		{ "Joined", "Start Date", "Hire Date", NULL },
	};
	size_t k, a, c, tested = 0;

	for (k = 0; k < 6; k++) {
		for (a = 0; aliases[k][a]; a++) {
			scratch s;
			or_buf text = OR_BUF_INIT;
			or_training_records records;
			char header[64];
			size_t i;

			/* every other alias in capitals with '_' for spaces: keys compare */
			snprintf(header, sizeof(header), "%s", aliases[k][a]);
			if (a % 2)
				for (i = 0; header[i]; i++)
					header[i] = header[i] == ' '
							    ? '_'
							    : (char)toupper((unsigned char)header[i]);
			for (c = 0; c < 6; c++)
				or_buf_printf(&text, "%s%s", c ? "," : "",
					      c == k ? header : defaults[c]);
			or_buf_puts(&text, "\nalice,Ops,incident-response,2026-03-02,2.5,"
					   "2025-01-06\n");
			scratch_init(&s);
			scratch_write(&s, "register.CSV", text.ptr, text.size);
			load_training_ok(&records, s.dir, "register.CSV", OR_DATE_ORDER_NONE);
			ck_assert_msg(records.nproblems == 0, "%s: %s", header,
				      records.nproblems ? records.problems[0].message : "");
			ck_assert(records.csv);
			ck_assert_uint_eq(records.npeople, 1);
			ck_assert_str_eq(records.people[0].id, "alice");
			ck_assert_str_eq(records.people[0].team, "Ops");
			ck_assert(records.people[0].has_joined);
			ck_assert_int_eq(records.people[0].joined, ymd(2025, 1, 6));
			ck_assert_uint_eq(records.ncompletions, 1);
			ck_assert_str_eq(records.completions[0].course, "incident-response");
			ck_assert_int_eq(records.completions[0].date, ymd(2026, 3, 2));
			ck_assert(records.completions[0].hours == 2.5);
			ck_assert_int_eq(records.completions[0].line, 2);
			or_training_dispose(&records);
			scratch_dispose(&s);
			or_buf_dispose(&text);
			tested++;
		}
	}
	ck_assert_uint_eq(tested, 22);
}
END_TEST

START_TEST(test_csv_register)
{
	static const expected_problem want[] = {
		{ 7, 1, "completion:dave:incident-response",
		  "completion of incident-response by dave: 'February 30, 2026' is not a real "
		  "date" },
		{ 8, 1, "row:8",
		  "row at line 8 has 2 columns; expected at least 4 (Employee, Department, "
		  "Training, Completed On)" },
		{ 9, 1, "row:9", "row at line 9 has no value for Training" },
		{ 10, 1, "completion:gina:incident-response",
		  "completion of incident-response by gina: negative hours (-2)" },
		{ 11, 1, "completion:alice:rollback",
		  "completion of rollback by alice: hours 'two' is not a number" },
	};
	static const char *const people[] = { "alice", "bob, jr.", "carol",
					      "dave",  "frank",    "gina" };
	or_training_records records;
	size_t i;

	load_training_ok(&records, RECORDS_DATA, "register.csv", OR_DATE_ORDER_NONE);
	ck_assert(records.csv);
	ck_assert_uint_eq(records.ncourses, 0);
	check_problems(records.problems, records.nproblems, want, sizeof(want) / sizeof(want[0]));

	/* one person per distinct Employee, in order of first appearance, team from the first row */
	ck_assert_uint_eq(records.npeople, 6);
	for (i = 0; i < 6; i++)
		ck_assert_str_eq(records.people[i].id, people[i]);
	ck_assert_str_eq(records.people[0].team, "Support Engineers");
	ck_assert_int_eq(records.people[0].line, 2);
	ck_assert_str_eq(records.people[2].team, "Senior\nEngineers");
	ck_assert_int_eq(records.people[3].line, 7);

	/* quoted commas, doubled quotes and a newline inside quotes */
	ck_assert_uint_eq(records.ncompletions, 3);
	ck_assert_str_eq(records.completions[1].person, "bob, jr.");
	ck_assert_str_eq(records.completions[1].course, "Incident \"IR\" Response");
	ck_assert(records.completions[1].hours == 1.5);
	ck_assert_int_eq(records.completions[1].line, 3);
	ck_assert_str_eq(records.completions[2].course, "rollback, part 1");
	ck_assert_int_eq(records.completions[2].line, 4);
	ck_assert_int_eq(records.completions[2].date, ymd(2026, 3, 4));
	ck_assert(records.completions[2].hours < 0);
	or_training_dispose(&records);
}
END_TEST

START_TEST(test_csv_semicolon)
{
	or_training_records records;

	load_training_ok(&records, RECORDS_DATA, "semicolon.csv", OR_DATE_ORDER_NONE);
	ck_assert_uint_eq(records.npeople, 2);
	ck_assert_str_eq(records.people[1].id, "bob; jr.");
	ck_assert(!records.people[1].has_joined);
	ck_assert_uint_eq(records.ncompletions, 1);
	ck_assert(records.completions[0].hours == 1.5); /* "1,5" */
	ck_assert_uint_eq(records.nproblems, 2);
	ck_assert_str_eq(records.problems[0].subject, "person:bob; jr.");
	ck_assert_str_eq(records.problems[0].message,
			 "person bob; jr.: Hire Date 'not yet' is not a date (expected YYYY-MM-DD)");
	ck_assert_int_eq(records.problems[0].line, 3);
	ck_assert_str_eq(records.problems[1].subject, "completion:bob; jr.:rollback");
	or_training_dispose(&records);

	load_training_ok(&records, RECORDS_DATA, "semicolon.csv", OR_DATE_ORDER_DMY);
	ck_assert_uint_eq(records.ncompletions, 2);
	ck_assert_int_eq(records.completions[1].date, ymd(2026, 3, 2));
	ck_assert_uint_eq(records.nproblems, 1);
	or_training_dispose(&records);
}
END_TEST

START_TEST(test_csv_bom_crlf)
{
	static const char text[] = "\xEF\xBB\xBFPerson,Course,Date\r\n"
				   "alice,ir,2026-03-02\r\n"
				   "\r\n"
				   "   \r\n"
				   "\"bob\r\nsmith\",ir,2026-03-03 09:30\r\n"
				   "carol,ir,soon\r\n"
				   "dave,\"ir\",\"2026-03-04\"";
	scratch s;
	or_training_records records;

	scratch_init(&s);
	scratch_write(&s, "lms.csv", text, sizeof(text) - 1);
	load_training_ok(&records, s.dir, "lms.csv", OR_DATE_ORDER_NONE);
	ck_assert_uint_eq(records.ncompletions, 3);
	ck_assert_str_eq(records.completions[0].person, "alice");
	ck_assert_int_eq(records.completions[0].line, 2);
	ck_assert_str_eq(records.completions[1].person, "bob\r\nsmith");
	ck_assert_int_eq(records.completions[1].line, 5);
	ck_assert_int_eq(records.completions[1].date, ymd(2026, 3, 3));
	ck_assert_str_eq(records.completions[2].person, "dave");
	ck_assert_int_eq(records.completions[2].line, 8);
	ck_assert_uint_eq(records.nproblems, 1);
	ck_assert_int_eq(records.problems[0].line, 7);
	ck_assert_str_eq(records.problems[0].message,
			 "completion of ir by carol: 'soon' is not a date (expected YYYY-MM-DD)");
	ck_assert_ptr_null(records.people[0].team);
	or_training_dispose(&records);
	scratch_dispose(&s);
}
END_TEST

START_TEST(test_csv_errors)
{
	static const char latin1[] = "Person,Course,Date\nBj\xF6rn,ir,2026-03-02\n";
	scratch s;

	expect_training_error(RECORDS_DATA, "no-course.csv", 1, 1,
			      "the header has no course column (Course, Training, Course ID, "
			      "Module); its columns are: Person, Team, Completed, Hours");
	scratch_init(&s);
	scratch_write(&s, "latin1.csv", latin1, sizeof(latin1) - 1);
	expect_training_error(s.dir, "latin1.csv", 2, 3,
			      "invalid UTF-8 text; export the file as UTF-8");
	scratch_write(&s, "header.csv", "\n\nLearner;Hire Date\n", 20);
	expect_training_error(s.dir, "header.csv", 3, 1,
			      "the header has no course column (Course, Training, Course ID, "
			      "Module); no completed column (Completed, Completion Date, Date, "
			      "Completed On); its columns are: Learner, Hire Date");
	scratch_dispose(&s);
}
END_TEST

/* ---- the drill log */

START_TEST(test_drills_list)
{
	or_drill_log log;
	or_diag diag = OR_DIAG_INIT;

	ck_assert_int_eq(or_drills_load(&log, RECORDS_DATA, "drills/list.yml", OR_DATE_ORDER_NONE,
					&diag),
			 0);
	ck_assert_str_eq(log.path, "drills/list.yml");
	ck_assert_uint_eq(log.nproblems, 0);
	ck_assert_uint_eq(log.ndrills, 2);
	ck_assert_str_eq(log.drills[0].type, "disaster-recovery");
	ck_assert_int_eq(log.drills[0].date, ymd(2026, 10, 12));
	ck_assert_int_eq(log.drills[0].outcome, 1);
	ck_assert(log.drills[0].has_rto && log.drills[0].rto_minutes == 4.5);
	ck_assert(log.drills[0].has_rpo && log.drills[0].rpo_seconds == 20);
	ck_assert_uint_eq(log.drills[0].nparticipants, 2);
	ck_assert_str_eq(log.drills[0].participants[0], "alice");
	ck_assert_str_eq(log.drills[0].participants[1], "bob");
	ck_assert_str_eq(log.drills[0].notes, "Failover to the secondary region.");
	ck_assert_int_eq(log.drills[0].line, 2);
	ck_assert_str_eq(log.drills[1].type, "rollback");
	ck_assert_int_eq(log.drills[1].date, ymd(2026, 10, 19));
	ck_assert_int_eq(log.drills[1].outcome, 0); /* "Failed" */
	ck_assert(!log.drills[1].has_rto && !log.drills[1].has_rpo);
	ck_assert_uint_eq(log.drills[1].nparticipants, 1);
	ck_assert_str_eq(log.drills[1].participants[0], "chen");
	ck_assert_ptr_null(log.drills[1].notes);
	ck_assert_int_eq(log.drills[1].line, 9);
	or_drills_dispose(&log);
	ck_assert_ptr_null(log.arena);
}
END_TEST

START_TEST(test_drills_mistakes)
{
	static const expected_problem want[] = {
		{ 4, 50, "drill:4", "rollback drill at line 4: outcome 'maybe' is not pass or fail" },
		{ 5, 29, "drill:5", "rollback drill at line 5: '2026-13-01' is not a real date" },
		{ 6, 5, "drill:6", "drill at line 6: no type" },
		{ 7, 78, "drill:7", "disaster-recovery drill at line 7: negative rto_minutes (-2)" },
		{ 8, 63, "drill:8",
		  "disaster-recovery drill at line 8: rpo_seconds 'lots' is not a number" },
		{ 9, 68, "drill:9",
		  "incident-response drill at line 9: unknown key 'participant' (did you mean "
		  "'participants'?)" },
		{ 10, 5, "drill:10",
		  "drill at line 10 is a scalar, not a mapping (expected {type, date, outcome, "
		  "...})" },
		{ 11, 1, "key:owner", "unknown key 'owner' in the drill log" },
	};
	or_drill_log log;
	or_diag diag = OR_DIAG_INIT;

	ck_assert_int_eq(or_drills_load(&log, RECORDS_DATA, "drills/mistakes.yml",
					OR_DATE_ORDER_NONE, &diag),
			 0);
	check_problems(log.problems, log.nproblems, want, sizeof(want) / sizeof(want[0]));
	ck_assert_uint_eq(log.ndrills, 2);
	ck_assert_int_eq(log.drills[0].line, 3);
	ck_assert_int_eq(log.drills[1].line, 9); /* an unknown key keeps the drill */
	ck_assert_int_eq(log.drills[1].outcome, 1);
	ck_assert_uint_eq(log.drills[1].nparticipants, 0);
	or_drills_dispose(&log);
}
END_TEST

START_TEST(test_drills_errors)
{
	or_drill_log log;
	or_diag diag = OR_DIAG_INIT;

	ck_assert_int_eq(or_drills_load(&log, RECORDS_DATA, "spec-example.yml", OR_DATE_ORDER_NONE,
					&diag),
			 -1);
	ck_assert_ptr_null(log.arena);
	ck_assert_int_eq(diag.code, OR_EXIT_USAGE);
	ck_assert_str_eq(diag.file, "spec-example.yml");
	ck_assert_int_eq(diag.line, 2);
	ck_assert_int_eq(diag.column, 1);
	ck_assert_str_eq(diag.message,
			 "expected a list of drills, or a mapping with drills:, at the top level");
	or_drills_dispose(&log);

	ck_assert_int_eq(or_drills_load(&log, RECORDS_DATA, "alias.yml", OR_DATE_ORDER_NONE, &diag),
			 -1);
	ck_assert_int_eq(diag.line, 2);
	ck_assert_int_eq(or_drills_load(&log, RECORDS_DATA, "drills/none.yml", OR_DATE_ORDER_NONE,
					&diag),
			 -1);
	ck_assert_str_eq(diag.file, "drills/none.yml");
	ck_assert_str_eq(diag.message, "cannot read drill log: No such file or directory");
}
END_TEST

/* ---- the example repository and disposal */

START_TEST(test_example_repository)
{
	or_training_records records;
	or_drill_log log;
	or_diag diag = OR_DIAG_INIT;

	load_training_ok(&records, OR_SOURCE_DIR "/examples/bcdr-repo", "training/records.yml",
			 OR_DATE_ORDER_NONE);
	ck_assert_msg(records.nproblems == 0, "%d: %s",
		      records.nproblems ? records.problems[0].line : 0,
		      records.nproblems ? records.problems[0].message : "");
	ck_assert_uint_eq(records.npeople, 5);
	ck_assert_uint_eq(records.ncompletions, 24);
	ck_assert_str_eq(find_person(&records, "bjorn")->name, "Bj\xC3\xB6rn Lindqvist");
	or_training_dispose(&records);

	ck_assert_int_eq(or_drills_load(&log, OR_SOURCE_DIR "/examples/bcdr-repo", "drills/log.yml",
					OR_DATE_ORDER_NONE, &diag),
			 0);
	ck_assert_uint_eq(log.nproblems, 0);
	ck_assert_uint_eq(log.ndrills, 7);
	ck_assert_int_eq(log.drills[5].outcome, 0);
	ck_assert(log.drills[5].rto_minutes == 7.5);
	or_drills_dispose(&log);
}
END_TEST

START_TEST(test_dispose_zeroed)
{
	or_training_records records;
	or_drill_log log;

	memset(&records, 0, sizeof(records));
	memset(&log, 0, sizeof(log));
	or_training_dispose(&records);
	or_training_dispose(NULL);
	or_drills_dispose(&log);
	or_drills_dispose(NULL);
	ck_assert_ptr_null(records.arena);
	ck_assert_ptr_null(log.arena);
}
END_TEST

Suite *records_suite(void)
{
	Suite *s = suite_create("records");
	TCase *tc = tcase_create("records");

	tcase_add_test(tc, test_yaml_spec_example);
	tcase_add_test(tc, test_yaml_mistakes);
	tcase_add_test(tc, test_yaml_date_order);
	tcase_add_test(tc, test_yaml_errors);
	tcase_add_test(tc, test_yaml_alias_only);
	tcase_add_test(tc, test_empty_files);
	tcase_add_test(tc, test_size_cap_and_symlink);
	tcase_add_test(tc, test_csv_header_aliases);
	tcase_add_test(tc, test_csv_register);
	tcase_add_test(tc, test_csv_semicolon);
	tcase_add_test(tc, test_csv_bom_crlf);
	tcase_add_test(tc, test_csv_errors);
	tcase_add_test(tc, test_drills_list);
	tcase_add_test(tc, test_drills_mistakes);
	tcase_add_test(tc, test_drills_errors);
	tcase_add_test(tc, test_example_repository);
	tcase_add_test(tc, test_dispose_zeroed);
	suite_add_tcase(s, tc);
	return s;
}
