/* The training matrix and the drill record: the arithmetic on the boundaries. */
#include <check.h>
#include <string.h>

#include "rules/config.h"
#include "model/readiness.h"
#include "suites.h"

static or_ruleset *rules;
static or_config *config;

static void setup(void)
{
	or_diag diag = OR_DIAG_INIT;

	config = or_config_default();
	ck_assert_int_eq(or_ruleset_build(&rules, config, NULL, 0, &diag), 0);
}

static void teardown(void)
{
	or_ruleset_free(rules);
	or_config_free(config);
}

static or_date day(int y, int m, int d)
{
	or_date out;
	ck_assert_int_eq(or_date_from_ymd(&out, y, m, d), 0);
	return out;
}

static int course_index(const or_training *t, const char *id)
{
	size_t i;
	for (i = 0; i < t->ncourses; i++)
		if (strcmp(t->courses[i].id, id) == 0)
			return (int)i;
	ck_abort_msg("no course %s", id);
	return -1;
}

/* One person, one completion of incident-response (mandatory, 365 days) and
 * of performance-optimization (recommended), judged on `now`. */
static or_cell_state state_on(or_date now, const char *course, bool joined_recently,
			      bool *required)
{
	or_person person = { "alice", "Alice", "Support Engineers", false, 0, 3 };
	or_completion done[] = {
		{ "alice", "incident-response", 0, 2, 10 },
		{ "alice", "Performance Optimization", 0, 3, 11 },
	};
	or_training_records records;
	or_training t;
	or_arena *arena = or_arena_new();
	or_matrix_cell cell;
	or_cell_state state;

	done[0].date = day(2025, 11, 27);
	done[1].date = day(2024, 1, 10);
	person.has_joined = joined_recently;
	person.joined = day(2026, 11, 1);
	memset(&records, 0, sizeof(records));
	records.path = "training/records.yml";
	records.people = &person;
	records.npeople = 1;
	records.completions = done;
	records.ncompletions = 2;
	or_training_build(&t, arena, &records, rules, NULL, 0, now);
	or_training_cell(&t, 0, (size_t)course_index(&t, course), &cell);
	state = cell.state;
	*required = cell.required;
	or_arena_free(arena);
	return state;
}

START_TEST(test_expiry_boundary)
{
	bool required;

	/* completed 2025-11-27, valid 365 days: expires on 2026-11-27 */
	ck_assert_int_eq(state_on(day(2026, 10, 27), "incident-response", false, &required),
			 OR_CELL_DONE);
	ck_assert_int_eq(state_on(day(2026, 10, 28), "incident-response", false, &required),
			 OR_CELL_EXPIRING);
	ck_assert_int_eq(state_on(day(2026, 11, 26), "incident-response", false, &required),
			 OR_CELL_EXPIRING);
	ck_assert_int_eq(state_on(day(2026, 11, 27), "incident-response", false, &required),
			 OR_CELL_EXPIRED);
	ck_assert(required);
}
END_TEST

START_TEST(test_joined_grace)
{
	bool required;

	/* joined 2026-11-01, 30 days of grace: due until 2026-12-01 */
	ck_assert_int_eq(state_on(day(2026, 11, 30), "rollback-procedures", true, &required),
			 OR_CELL_DUE);
	ck_assert_int_eq(state_on(day(2026, 12, 1), "rollback-procedures", true, &required),
			 OR_CELL_MISSING);
	ck_assert_int_eq(state_on(day(2026, 11, 30), "rollback-procedures", false, &required),
			 OR_CELL_MISSING);
	ck_assert(required);
}
END_TEST

START_TEST(test_recommended_never_required)
{
	bool required = true;

	/* taken by title, long expired, and still not required */
	ck_assert_int_eq(state_on(day(2026, 11, 27), "performance-optimization", false, &required),
			 OR_CELL_EXPIRED);
	ck_assert(!required);
	ck_assert_int_eq(state_on(day(2026, 11, 27), "data-recovery", false, &required),
			 OR_CELL_NOT_REQUIRED);
	ck_assert(!required);
}
END_TEST

START_TEST(test_team_counts_and_escalation)
{
	or_person people[] = {
		{ "amara", NULL, "Support Engineers", false, 0, 1 },
		{ "chen", NULL, "Senior Engineers", false, 0, 2 },
	};
	or_completion done[6];
	const char *courses[] = { "system-architecture", "incident-response", "rollback-procedures",
				  "disaster-recovery-drills", "monitoring-alerting",
				  "documentation-standards" };
	or_escalation_level levels[] = {
		{ 1, "Initial Response", "0-15 minutes", "support engineers", "rb.md", 5 },
		{ 3, "Management", NULL, "Engineering Managers", "rb.md", 9 },
	};
	or_training_records records;
	or_training t;
	or_arena *arena = or_arena_new();
	size_t i;

	for (i = 0; i < 6; i++) {
		done[i].person = "amara";
		done[i].course = courses[i];
		done[i].date = day(2026, 6, 1);
		done[i].hours = -1;
		done[i].line = (int)i + 10;
	}
	memset(&records, 0, sizeof(records));
	records.people = people;
	records.npeople = 2;
	records.completions = done;
	records.ncompletions = 6;
	or_training_build(&t, arena, &records, rules, levels, 2, day(2026, 11, 27));
	ck_assert_uint_eq(t.nteams, 3);
	ck_assert_str_eq(t.teams[0].name, "Support Engineers");
	ck_assert_uint_eq(t.teams[0].fully_trained, 1);
	ck_assert(t.teams[0].in_escalation); /* matched as a lookup key */
	ck_assert_uint_eq(t.teams[0].required, 6);
	ck_assert_uint_eq(t.teams[0].valid, 6);
	ck_assert_uint_eq(t.teams[1].fully_trained, 0);
	ck_assert(!t.teams[1].in_escalation);
	ck_assert_str_eq(t.teams[2].name, "Engineering Managers");
	ck_assert_uint_eq(t.teams[2].members, 0);
	ck_assert(t.teams[2].in_escalation);
	/* each mandatory course: 1 of 2 people */
	ck_assert_uint_eq(t.courses[course_index(&t, "incident-response")].required, 2);
	ck_assert_uint_eq(t.courses[course_index(&t, "incident-response")].valid, 1);
	or_arena_free(arena);
}
END_TEST

START_TEST(test_drill_cadence)
{
	or_drill drills[] = {
		{ "rollback", 0, 1, true, 3.0, false, 0, NULL, 0, NULL, 2 },
		{ "rollback", 0, 0, true, 9.0, false, 0, NULL, 0, NULL, 3 },
		{ "rollback", 0, 1, false, 0, false, 0, NULL, 0, NULL, 4 },
		{ "tabletop", 0, 1, false, 0, false, 0, NULL, 0, NULL, 5 },
	};
	or_drill_log log;
	or_drill_record r;
	or_arena *arena = or_arena_new();
	size_t i;
	const or_drill_type *rollback = NULL, *tabletop = NULL, *assessment = NULL;

	drills[0].date = day(2026, 10, 1);
	drills[1].date = day(2026, 11, 1);
	drills[2].date = day(2026, 12, 24); /* in the future: not the latest yet */
	drills[3].date = day(2026, 8, 1);
	memset(&log, 0, sizeof(log));
	log.drills = drills;
	log.ndrills = 4;
	or_drill_record_build(&r, arena, &log, rules, day(2026, 11, 27));
	for (i = 0; i < r.ntypes; i++) {
		if (strcmp(r.types[i].type, "rollback") == 0)
			rollback = &r.types[i];
		if (strcmp(r.types[i].type, "tabletop") == 0)
			tabletop = &r.types[i];
		if (strcmp(r.types[i].type, "assessment") == 0)
			assessment = &r.types[i];
	}
	ck_assert_ptr_nonnull(rollback);
	ck_assert_ptr_eq(rollback->latest, &drills[1]);
	ck_assert_int_eq(rollback->every_days, 31);
	ck_assert_int_eq(rollback->next_due, day(2026, 12, 2));
	ck_assert(rollback->has_rto);
	ck_assert_uint_eq(rollback->count, 3);
	ck_assert_ptr_nonnull(tabletop); /* a type the pack does not know: no cadence */
	ck_assert_int_eq(tabletop->every_days, 0);
	ck_assert_ptr_nonnull(assessment);
	ck_assert_int_eq(assessment->every_days, 92);
	ck_assert_ptr_null(assessment->latest);
	or_arena_free(arena);
}
END_TEST

Suite *readiness_suite(void)
{
	Suite *s = suite_create("readiness");
	TCase *tc = tcase_create("matrix");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_expiry_boundary);
	tcase_add_test(tc, test_joined_grace);
	tcase_add_test(tc, test_recommended_never_required);
	tcase_add_test(tc, test_team_counts_and_escalation);
	tcase_add_test(tc, test_drill_cadence);
	suite_add_tcase(s, tc);
	return s;
}
