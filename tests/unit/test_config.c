#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rules/config.h"
#include "rules/config_compare.h"
#include "rules/pack.h"
#include "rules/ruleset.h"
#include "opsready/rules.h"
#include "suites.h"
#include "util/buf.h"
#include "util/embed.h"

#define CONFIG_DATA OR_TEST_DATA "/config"

static const char *const bc_ids[] = {
	"docs.required-document", "docs.required-section", "docs.empty-section",
	"docs.required-metadata", "docs.checklist-incomplete", "docs.status-incomplete",
	"docs.status-conflict", "docs.placeholder", "docs.broken-reference",
	"docs.not-executable", "docs.encoding",
	"review.missing-date", "review.invalid-date", "review.stale", "review.overdue",
	"review.unreviewed-change", "review.history-unavailable",
	"training.missing", "training.expired", "training.completion-below-target",
	"training.team-not-ready", "training.invalid-record",
	"drills.overdue", "drills.failed", "drills.objective-missed",
	"contacts.stale", "contacts.invalid", "contacts.placeholder", "contacts.duplicate",
	"contacts.missing-role",
	"waiver.expired", "waiver.unused",
};

/* Load a fixture that must fail; check the message and position. */
static void expect_load_error(const char *name, int line, int column, const char *message)
{
	char path[1024];
	or_config *config = NULL;
	or_diag diag = OR_DIAG_INIT;

	snprintf(path, sizeof(path), "%s/%s", CONFIG_DATA, name);
	ck_assert_msg(or_config_load(&config, path, NULL, &diag) == -1, "%s loaded", name);
	ck_assert_ptr_null(config);
	ck_assert_int_eq(diag.code, OR_EXIT_USAGE);
	ck_assert_str_eq(diag.file, path);
	ck_assert_msg(diag.line == line && diag.column == column,
		      "%s: got %d:%d (%s), want %d:%d", name, diag.line, diag.column,
		      diag.message, line, column);
	ck_assert_str_eq(diag.message, message);
}

/* Load a fixture that loads, then build its rules, which must fail. */
static void expect_build_error(const char *name, int line, int column, const char *message)
{
	char path[1024];
	or_config *config = NULL;
	or_ruleset *set = NULL;
	or_diag diag = OR_DIAG_INIT;

	snprintf(path, sizeof(path), "%s/%s", CONFIG_DATA, name);
	ck_assert_msg(or_config_load(&config, path, NULL, &diag) == 0, "%s: %s", name, diag.message);
	ck_assert_int_eq(or_ruleset_build(&set, config, NULL, 0, &diag), -1);
	ck_assert_ptr_null(set);
	ck_assert_int_eq(diag.code, OR_EXIT_USAGE);
	ck_assert_str_eq(diag.file, path);
	ck_assert_msg(diag.line == line && diag.column == column,
		      "%s: got %d:%d (%s), want %d:%d", name, diag.line, diag.column,
		      diag.message, line, column);
	ck_assert_str_eq(diag.message, message);
	or_config_free(config);
}

static or_config *load_ok(const char *name)
{
	char path[1024];
	or_config *config = NULL;
	or_diag diag = OR_DIAG_INIT;

	snprintf(path, sizeof(path), "%s/%s", CONFIG_DATA, name);
	ck_assert_msg(or_config_load(&config, path, NULL, &diag) == 0, "%s: %d:%d %s", name,
		      diag.line, diag.column, diag.message);
	ck_assert_ptr_nonnull(config);
	return config;
}

static char *make_temp_dir(void)
{
	char *dir = strdup("/tmp/opsready-config-test-XXXXXX");

	ck_assert_ptr_nonnull(dir);
	ck_assert_ptr_nonnull(mkdtemp(dir));
	return dir;
}

static void write_text(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	ck_assert_ptr_nonnull(fp);
	fputs(text, fp);
	fclose(fp);
}

START_TEST(test_full_example)
{
	or_config *config = load_ok("full.yml");
	or_date date;

	ck_assert_int_eq(config->version, 1);
	ck_assert_uint_eq(config->nextends, 1);
	ck_assert_str_eq(config->extends[0], "business-continuity");
	ck_assert(config->has_now);
	ck_assert_int_eq(or_date_from_ymd(&date, 2026, 11, 27), 0);
	ck_assert_int_eq(config->now, date);
	ck_assert_str_eq(config->repo_url,
			 "https://git.example.org/ops/runbooks/blob/{commit}/{path}#L{line}");
	ck_assert_uint_eq(config->ninclude, 1);
	ck_assert_str_eq(config->include[0], "**/*.md");
	ck_assert_uint_eq(config->nexclude, 1);
	ck_assert_str_eq(config->exclude[0], "docs/archive/**");
	ck_assert_str_eq(config->training_path, "training/records.yml");
	ck_assert_str_eq(config->contacts_path, "contacts.yml");
	ck_assert_str_eq(config->drills_path, "drills/log.yml");
	ck_assert_uint_eq(config->nrequired_documents, 1);
	ck_assert_str_eq(config->required_documents[0].title, "Incident Response Playbook");
	ck_assert_str_eq(config->required_documents[0].path, "docs/incident-response.md");
	ck_assert_int_eq(config->required_documents[0].line, 13);
	ck_assert_int_eq(config->required_documents[0].column, 5);

	ck_assert_uint_eq(config->noverrides, 2);
	ck_assert_str_eq(config->overrides[0].id, "review.stale");
	ck_assert(config->overrides[0].has_severity);
	ck_assert_int_eq(config->overrides[0].severity, OR_SEV_ERROR);
	ck_assert(!config->overrides[0].has_enabled);
	ck_assert_int_eq(json_integer_value(json_object_get(config->overrides[0].params,
							    "max_age_days")), 60);
	ck_assert_uint_eq(json_object_size(config->overrides[0].params), 1);
	ck_assert_int_eq(config->overrides[0].line, 16);
	ck_assert_int_eq(config->overrides[0].column, 3);
	ck_assert_str_eq(config->overrides[1].id, "docs.placeholder");
	ck_assert(config->overrides[1].has_enabled);
	ck_assert(!config->overrides[1].enabled);
	ck_assert_ptr_null(config->overrides[1].params);

	ck_assert(config->has_fail_on);
	ck_assert_int_eq(config->fail_on, OR_SEV_ERROR);
	ck_assert(config->has_min_score);
	ck_assert(config->min_score == 80.0);

	ck_assert_uint_eq(config->nwaivers, 1);
	ck_assert_str_eq(config->waivers[0].rule, "training.expired");
	ck_assert_str_eq(config->waivers[0].subject, "bob");
	ck_assert_ptr_null(config->waivers[0].path);
	ck_assert_str_eq(config->waivers[0].reason, "on parental leave until January");
	ck_assert_str_eq(config->waivers[0].approved_by, "ops-director");
	ck_assert_int_eq(or_date_from_ymd(&date, 2027, 1, 31), 0);
	ck_assert_int_eq(config->waivers[0].expires, date);
	ck_assert_int_eq(config->waivers[0].line, 22);
	ck_assert_int_eq(config->waivers[0].column, 5);

	ck_assert_int_eq(config->date_order, OR_DATE_ORDER_NONE);
	ck_assert_uint_eq(config->max_file_bytes, 4194304);
	ck_assert(!config->suppressions_require_reason);
	or_config_free(config);
}
END_TEST

START_TEST(test_full_example_rules)
{
	or_config *config = load_ok("full.yml");
	or_ruleset *set = NULL;
	or_diag diag = OR_DIAG_INIT;
	const or_rule *rule;

	ck_assert_msg(or_ruleset_build(&set, config, NULL, 0, &diag) == 0, "%s", diag.message);
	rule = or_ruleset_find(set, "review.stale");
	ck_assert_ptr_nonnull(rule);
	ck_assert_int_eq(or_rule_param_int(rule, "max_age_days", 0), 60);
	ck_assert_int_eq(rule->severity, OR_SEV_ERROR);
	ck_assert(rule->enabled);
	rule = or_ruleset_find(set, "docs.placeholder");
	ck_assert_ptr_nonnull(rule);
	ck_assert(!rule->enabled);
	ck_assert_uint_eq(set->npacks, 1);
	ck_assert_str_eq(set->packs[0], "business-continuity");
	or_ruleset_free(set);
	or_config_free(config);
}
END_TEST

START_TEST(test_empty_is_defaults)
{
	static const char *const names[] = { "empty.yml", "comments-only.yml" };
	or_config *config;
	size_t i;

	for (i = 0; i < 2; i++) {
		config = load_ok(names[i]);
		ck_assert_int_eq(config->version, 1);
		ck_assert_uint_eq(config->nextends, 0);
		ck_assert(!config->has_now);
		ck_assert(!config->has_fail_on);
		ck_assert_int_eq(config->fail_on, OR_SEV_ERROR);
		ck_assert_uint_eq(config->ninclude, 0);
		ck_assert_uint_eq(config->nwaivers, 0);
		ck_assert_uint_eq(config->max_file_bytes, 4194304);
		ck_assert_ptr_nonnull(strstr(config->path, names[i]));
		or_config_free(config);
	}
	config = or_config_default();
	ck_assert_ptr_null(config->path);
	ck_assert_int_eq(config->version, 1);
	ck_assert_uint_eq(config->max_file_bytes, 4194304);
	or_config_free(config);
}
END_TEST

START_TEST(test_unknown_keys)
{
	expect_load_error("unknown-top.yml", 2, 1,
			  "unknown key 'extend' (did you mean 'extends'?)");
	expect_load_error("gate-typo.yml", 4, 3,
			  "unknown key 'fial_on' in gate (did you mean 'fail_on'?)");
	expect_load_error("waiver-typo.yml", 3, 5,
			  "unknown key 'reasn' in a waiver (did you mean 'reason'?)");
}
END_TEST

START_TEST(test_wrong_types_and_values)
{
	expect_load_error("wrong-type.yml", 2, 12, "expected a list of strings for paths.include");
	expect_load_error("bad-date.yml", 2, 6,
			  "invalid date '2026-02-30' for now (expected a real YYYY-MM-DD date)");
	expect_load_error("version2.yml", 1, 10, "unsupported config version 2 (expected 1)");
	expect_load_error("not-mapping.yml", 1, 1, "expected a mapping at the top level");
	expect_load_error("unknown-pack.yml", 1, 11,
			  "unknown rule pack 'standard' (did you mean 'standards'?)");
	/* a count of days below zero means nothing */
	expect_build_error("negative-param.yml", 3, 3,
			   "param 'max_age_days' of rule review.stale must not be negative (got -3)");
	expect_build_error("negative-nested-param.yml", 3, 3,
			   "param 'drills' of rule drills.overdue must not be negative (got -3)");
	/* records outside the repository are never read */
	expect_load_error("input-outside.yml", 4, 11,
			  "inputs.drills: '../outside/drills.yml' is outside the scanned repository; give a path inside it");
	expect_load_error("input-absolute.yml", 3, 13,
			  "inputs.contacts: '/etc/contacts.yml' is outside the scanned repository; give a path inside it");
}
END_TEST

START_TEST(test_waiver_required_fields)
{
	expect_load_error("waiver-no-reason.yml", 2, 5,
			  "waiver for training.expired needs a 'reason'");
	expect_load_error("waiver-no-expires.yml", 2, 5,
			  "waiver for training.expired needs 'expires' (YYYY-MM-DD)");
}
END_TEST

START_TEST(test_yaml_errors)
{
	char path[1024];
	or_config *config = NULL;
	or_diag diag = OR_DIAG_INIT;

	expect_load_error("alias.yml", 2, 12,
			  "YAML anchors and aliases are not allowed (anchor '&globs')");

	snprintf(path, sizeof(path), "%s/syntax.yml", CONFIG_DATA);
	ck_assert_int_eq(or_config_load(&config, path, NULL, &diag), -1);
	ck_assert_int_eq(diag.code, OR_EXIT_USAGE);
	ck_assert_str_eq(diag.file, path);
	ck_assert_int_eq(diag.line, 4);
	ck_assert_int_eq(diag.column, 12);
	ck_assert_msg(strncmp(diag.message, "YAML syntax error: ", 19) == 0, "%s", diag.message);
	ck_assert_ptr_nonnull(strstr(diag.message, "did not find expected ',' or ']'"));
}
END_TEST

START_TEST(test_yaml_bomb_refused)
{
	/* A "billion laughs" document: refused at its first anchor. */
	char *dir = make_temp_dir();
	char path[1024];
	or_config *config = NULL;
	or_diag diag = OR_DIAG_INIT;

	snprintf(path, sizeof(path), "%s/bomb.yml", dir);
	write_text(path, "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n");
	ck_assert_int_eq(or_config_load(&config, path, NULL, &diag), -1);
	ck_assert_int_eq(diag.line, 1);
	ck_assert_int_eq(diag.column, 4);
	ck_assert_ptr_nonnull(strstr(diag.message, "not allowed"));
	unlink(path);
	rmdir(dir);
	free(dir);
}
END_TEST

START_TEST(test_missing_and_directory)
{
	char path[1024];
	or_config *config = NULL;
	or_diag diag = OR_DIAG_INIT;

	snprintf(path, sizeof(path), "%s/does-not-exist.yml", CONFIG_DATA);
	ck_assert_int_eq(or_config_load(&config, path, NULL, &diag), -1);
	ck_assert_ptr_null(config);
	ck_assert_int_eq(diag.code, OR_EXIT_USAGE);
	ck_assert_str_eq(diag.file, path);
	ck_assert_int_eq(diag.line, 0);
	ck_assert_str_eq(diag.message, "cannot read config file: No such file or directory");

	diag = (or_diag)OR_DIAG_INIT;
	ck_assert_int_eq(or_config_load(&config, CONFIG_DATA, NULL, &diag), -1);
	ck_assert_int_eq(diag.code, OR_EXIT_USAGE);
	ck_assert_str_eq(diag.file, CONFIG_DATA);
	ck_assert_str_eq(diag.message, "cannot read config file: it is a directory");
}
END_TEST

START_TEST(test_unknown_rule_and_param)
{
	expect_build_error("unknown-rule.yml", 3, 3,
			   "unknown rule 'review.stal' (did you mean 'review.stale'?)");
	expect_build_error("unknown-param.yml", 2, 3,
			   "rule review.stale has no param 'max_age_dyas' (did you mean 'max_age_days'?)");
	expect_build_error("param-type.yml", 2, 3,
			   "param 'max_age_days' of rule review.stale expects an integer, not a string");
	expect_build_error("waiver-unknown-rule.yml", 2, 5,
			   "unknown rule 'training.expird' in waiver (did you mean 'training.expired'?)");
}
END_TEST

START_TEST(test_overrides_and_pack_order)
{
	or_config *config = load_ok("overrides.yml");
	or_ruleset *set = NULL;
	or_diag diag = OR_DIAG_INIT;
	const or_rule *rule;
	const json_t *applies, *runbook_paths;
	size_t i;

	ck_assert_msg(or_ruleset_build(&set, config, NULL, 0, &diag) == 0, "%s:%d:%d %s",
		      diag.file, diag.line, diag.column, diag.message);
	ck_assert_uint_eq(set->npacks, 2);
	ck_assert_str_eq(set->packs[0], "business-continuity");
	ck_assert_str_eq(set->packs[1], "local");
	ck_assert_uint_eq(set->nrules, 34);
	for (i = 1; i < set->nrules; i++)
		ck_assert_int_lt(strcmp(set->rules[i - 1].id, set->rules[i].id), 0);

	/* off */
	rule = or_ruleset_find(set, "docs.placeholder");
	ck_assert(!rule->enabled);
	/* a severity alone */
	rule = or_ruleset_find(set, "docs.encoding");
	ck_assert_int_eq(rule->severity, OR_SEV_ERROR);
	ck_assert(rule->enabled);
	/* severity and a param; other params kept */
	rule = or_ruleset_find(set, "review.stale");
	ck_assert_int_eq(rule->severity, OR_SEV_WARNING);
	ck_assert_int_eq(or_rule_param_int(rule, "max_age_days", 0), 60);
	ck_assert_str_eq(or_rule_param_string(rule, "applies_to", ""), "runbooks");
	/* enabled: false in the mapping form */
	rule = or_ruleset_find(set, "review.overdue");
	ck_assert(!rule->enabled);
	ck_assert_int_eq(rule->severity, OR_SEV_ERROR);
	/* params merged key by key */
	rule = or_ruleset_find(set, "training.expired");
	ck_assert_int_eq(or_rule_param_int(rule, "expiring_within_days", 0), 14);
	ck_assert_int_eq(or_rule_param_int(rule, "valid_for_days", 0), 365);
	/* applies_to: a string in the pack, a list of globs in the config */
	rule = or_ruleset_find(set, "docs.checklist-incomplete");
	applies = json_object_get(rule->params, "applies_to");
	ck_assert(json_is_array(applies));
	ck_assert_str_eq(json_string_value(json_array_get(applies, 0)), "ops/**/*.md");
	ck_assert_ptr_nonnull(or_rule_param_array(rule, "completion_headings"));
	/* the later pack's rule replaces the earlier one entirely */
	rule = or_ruleset_find(set, "contacts.stale");
	ck_assert_str_eq(rule->pack, "local");
	ck_assert_str_eq(rule->title, "Contact stale (local)");
	ck_assert_int_eq(rule->severity, OR_SEV_WARNING);
	ck_assert_int_eq(or_rule_param_int(rule, "max_age_days", 0), 30);
	ck_assert_ptr_null(rule->rationale);
	ck_assert_uint_eq(rule->nreferences, 0);
	/* settings merged key by key: runbook_paths from the later pack */
	runbook_paths = json_object_get(set->settings, "runbook_paths");
	ck_assert_uint_eq(json_array_size(runbook_paths), 1);
	ck_assert_str_eq(json_string_value(json_array_get(runbook_paths, 0)), "ops/**/*.md");
	ck_assert(json_is_object(json_object_get(set->settings, "metadata_aliases")));
	or_ruleset_free(set);
	or_config_free(config);
}
END_TEST

START_TEST(test_programmatic_config_real_param)
{
	or_config *config = or_config_default();
	or_ruleset *set = NULL;
	or_diag diag = OR_DIAG_INIT;
	const or_rule *rule;

	config->nextends = 1;
	config->extends = malloc(sizeof(char *));
	config->extends[0] = strdup(CONFIG_DATA "/packs/local.yml");
	config->noverrides = 1;
	config->overrides = calloc(1, sizeof(or_rule_override));
	config->overrides[0].id = strdup("contacts.stale");
	config->overrides[0].params = json_pack("{s:i}", "ratio", 1);
	ck_assert_msg(or_ruleset_build(&set, config, NULL, 0, &diag) == 0, "%s", diag.message);
	ck_assert_uint_eq(set->nrules, 1);
	rule = or_ruleset_find(set, "contacts.stale");
	ck_assert(json_is_real(json_object_get(rule->params, "ratio")));
	ck_assert(or_rule_param_number(rule, "ratio", 0.0) == 1.0);
	ck_assert_ptr_null(or_ruleset_find(set, "review.stale"));
	or_ruleset_free(set);

	/* an integer param does not take a real */
	json_decref(config->overrides[0].params);
	config->overrides[0].params = json_pack("{s:f}", "max_age_days", 1.5);
	ck_assert_int_eq(or_ruleset_build(&set, config, NULL, 0, &diag), -1);
	ck_assert_str_eq(diag.message,
			 "param 'max_age_days' of rule contacts.stale expects an integer, not a number");
	or_config_free(config);
}
END_TEST

START_TEST(test_cli_rules)
{
	static const char *const good[] = {
		"review.stale=off", "docs.placeholder=error", "waiver.unused=warning",
		"review.stale=on",
	};
	or_ruleset *set = NULL;
	or_diag diag = OR_DIAG_INIT;
	const char *bad[1];

	ck_assert_msg(or_ruleset_build(&set, NULL, good, 4, &diag) == 0, "%s", diag.message);
	ck_assert(or_ruleset_find(set, "review.stale")->enabled);
	ck_assert_int_eq(or_ruleset_find(set, "docs.placeholder")->severity, OR_SEV_ERROR);
	ck_assert_int_eq(or_ruleset_find(set, "waiver.unused")->severity, OR_SEV_WARNING);
	/* every change is recorded where it was made, even one undone later;
	 * docs.placeholder=error changes nothing if the pack says error */
	{
		size_t k;
		or_buf all = OR_BUF_INIT;

		for (k = 0; k < set->nchanges; k++)
			or_buf_printf(&all, "%s %s [--rule %s]\n", set->changes[k].rule,
				      set->changes[k].change, set->changes[k].cli);
		ck_assert_str_eq(or_buf_cstr(&all),
				 "review.stale off [--rule review.stale=off]\n"
				 "docs.placeholder severity error (was warning) [--rule docs.placeholder=error]\n"
				 "waiver.unused severity warning (was notice) [--rule waiver.unused=warning]\n"
				 "review.stale on [--rule review.stale=on]\n");
		or_buf_dispose(&all);
	}
	or_ruleset_free(set);

	ck_assert_int_eq(or_ruleset_build(&set, NULL, good, 1, &diag), 0);
	ck_assert(!or_ruleset_find(set, "review.stale")->enabled);
	or_ruleset_free(set);

	bad[0] = "review.stal=off";
	ck_assert_int_eq(or_ruleset_build(&set, NULL, bad, 1, &diag), -1);
	ck_assert_int_eq(diag.code, OR_EXIT_USAGE);
	ck_assert_str_eq(diag.file, "");
	ck_assert_int_eq(diag.line, 0);
	ck_assert_str_eq(diag.message,
			 "unknown rule 'review.stal' in --rule (did you mean 'review.stale'?)");
	bad[0] = "review.stale";
	ck_assert_int_eq(or_ruleset_build(&set, NULL, bad, 1, &diag), -1);
	ck_assert_str_eq(diag.message,
			 "invalid --rule 'review.stale' (expected ID=off|on|error|warning|notice)");
	bad[0] = "review.stale=fatal";
	ck_assert_int_eq(or_ruleset_build(&set, NULL, bad, 1, &diag), -1);
	ck_assert_str_eq(diag.message,
			 "invalid value 'fatal' in --rule review.stale=fatal (expected off, on, error, warning or notice)");
	bad[0] = "=off";
	ck_assert_int_eq(or_ruleset_build(&set, NULL, bad, 1, &diag), -1);
	ck_assert_int_eq(diag.code, OR_EXIT_USAGE);
	ck_assert_ptr_null(set);
}
END_TEST

START_TEST(test_builtin_packs)
{
	const char *const *names = or_pack_builtin_names();
	const char *source;
	or_pack *pack = NULL;
	or_diag diag = OR_DIAG_INIT;
	size_t i, j, len, nnames = 0, ntable = 0;

	while (names[nnames])
		nnames++;
	while (or_packs_files[ntable].name)
		ntable++;
	ck_assert_uint_eq(nnames, 4);
	ck_assert_uint_eq(ntable, nnames);
	for (i = 0; i < nnames; i++) {
		size_t k;

		source = or_pack_builtin_source(names[i], &len);
		ck_assert_ptr_nonnull(source);
		ck_assert_msg(or_pack_parse(&pack, source, len, names[i], &diag) == 0,
			      "%s:%d:%d: %s", names[i], diag.line, diag.column, diag.message);
		ck_assert_str_eq(pack->name, names[i]);
		ck_assert(json_is_array(json_object_get(pack->settings, "runbook_paths")));
		ck_assert(json_is_object(json_object_get(pack->settings, "metadata_aliases")));
		for (j = 0; j < pack->nrules; j++) {
			ck_assert_msg(pack->rules[j].title[0] && pack->rules[j].description[0] &&
					      pack->rules[j].remediation[0] &&
					      pack->rules[j].nreferences > 0,
				      "%s lacks text", pack->rules[j].id);
			ck_assert_str_eq(pack->rules[j].pack, names[i]);
			/* every rule cites its sources: no empty reference */
			for (k = 0; k < pack->rules[j].nreferences; k++)
				ck_assert_msg(pack->rules[j].references[k][0],
					      "%s has an empty reference", pack->rules[j].id);
		}
		or_pack_free(pack);
		pack = NULL;
	}
	ck_assert_ptr_null(or_pack_builtin_source("nope", NULL));
}
END_TEST

/* The packs for other shapes of document (alert-runbook, incident-response)
 * can be extended beside business-continuity: their rule ids are their own
 * (a shared id would replace the continuity rule) and their settings are the
 * continuity pack's (merged settings would otherwise change its runbooks). */
START_TEST(test_shape_packs_combine)
{
	static const char *const shapes[] = { "alert-runbook", "incident-response" };
	static const char *const bases[] = { "business-continuity", "standards" };
	or_pack *base = NULL, *shape = NULL;
	or_diag diag = OR_DIAG_INIT;
	const char *source;
	size_t s, b, i, j, len;

	for (s = 0; s < sizeof(shapes) / sizeof(shapes[0]); s++) {
		source = or_pack_builtin_source(shapes[s], &len);
		ck_assert_ptr_nonnull(source);
		ck_assert_int_eq(or_pack_parse(&shape, source, len, shapes[s], &diag), 0);
		ck_assert_uint_gt(shape->nrules, 0);
		for (b = 0; b < sizeof(bases) / sizeof(bases[0]); b++) {
			source = or_pack_builtin_source(bases[b], &len);
			ck_assert_int_eq(or_pack_parse(&base, source, len, bases[b], &diag), 0);
			if (b == 0)
				ck_assert_msg(json_equal(base->settings, shape->settings),
					      "%s settings differ from %s", shapes[s], bases[b]);
			for (i = 0; i < shape->nrules; i++)
				for (j = 0; j < base->nrules; j++)
					ck_assert_msg(strcmp(shape->rules[i].id, base->rules[j].id),
						      "%s replaces %s of %s", shapes[s],
						      base->rules[j].id, bases[b]);
			or_pack_free(base);
			base = NULL;
		}
		or_pack_free(shape);
		shape = NULL;
	}
}
END_TEST

START_TEST(test_business_continuity_ids)
{
	const char *source;
	or_pack *pack = NULL;
	or_diag diag = OR_DIAG_INIT;
	size_t i, j, len, nids = sizeof(bc_ids) / sizeof(bc_ids[0]);
	const or_rule *rule;

	ck_assert_uint_eq(nids, 32);
	source = or_pack_builtin_source("business-continuity", &len);
	ck_assert_int_eq(or_pack_parse(&pack, source, len, "business-continuity", &diag), 0);
	/* the 32 ids of SPEC section 5, waiver.missing-reason and config.changed (section 9) */
	ck_assert_uint_eq(pack->nrules, 34);
	for (i = 0; i < nids; i++) {
		rule = NULL;
		for (j = 0; j < pack->nrules; j++)
			if (strcmp(pack->rules[j].id, bc_ids[i]) == 0)
				rule = &pack->rules[j];
		ck_assert_msg(rule != NULL, "%s missing", bc_ids[i]);
		ck_assert_msg(rule->rationale && rule->rationale[0], "%s: no rationale", rule->id);
		ck_assert_str_eq(rule->area, i < 11 ? "docs" : i < 17 ? "review" :
					     i < 22 ? "training" : i < 25 ? "drills" :
					     i < 30 ? "contacts" : "waiver");
	}
	or_pack_free(pack);
}
END_TEST

START_TEST(test_business_continuity_params)
{
	or_ruleset *set = NULL;
	or_diag diag = OR_DIAG_INIT;
	const or_rule *rule;
	const json_t *courses, *drills, *sections;
	size_t i, mandatory = 0;
	json_int_t hours = 0;

	ck_assert_int_eq(or_ruleset_build(&set, NULL, NULL, 0, &diag), 0);
	rule = or_ruleset_find(set, "docs.required-section");
	ck_assert_str_eq(rule->check, "required-sections");
	sections = or_rule_param_array(rule, "sections");
	ck_assert_uint_eq(json_array_size(sections), 7);
	ck_assert_str_eq(json_string_value(json_array_get(sections, 1)), "Emergency Procedures");
	ck_assert_int_eq(or_rule_param_int(or_ruleset_find(set, "review.stale"), "max_age_days", 0),
			 90);
	ck_assert_int_eq(or_rule_param_int(or_ruleset_find(set, "contacts.stale"), "max_age_days",
					   0), 90);
	courses = or_rule_param_array(or_ruleset_find(set, "training.missing"), "courses");
	ck_assert_uint_eq(json_array_size(courses), 10);
	for (i = 0; i < json_array_size(courses); i++) {
		if (json_is_true(json_object_get(json_array_get(courses, i), "mandatory"))) {
			mandatory++;
			hours += json_integer_value(json_object_get(json_array_get(courses, i),
								    "hours"));
		}
	}
	ck_assert_uint_eq(mandatory, 6);
	ck_assert_int_eq(hours, 15);
	drills = or_rule_param_array(or_ruleset_find(set, "drills.overdue"), "drills");
	ck_assert_uint_eq(json_array_size(drills), 5);
	ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(drills, 4),
							    "every_days")), 92);
	ck_assert_int_eq(or_ruleset_find(set, "waiver.unused")->severity, OR_SEV_NOTICE);
	ck_assert_int_eq(or_ruleset_find(set, "docs.encoding")->severity, OR_SEV_WARNING);
	or_ruleset_free(set);
}
END_TEST

START_TEST(test_standards_pack)
{
	or_config *config = or_config_default();
	or_ruleset *set = NULL;
	or_diag diag = OR_DIAG_INIT;
	const json_t *drills;

	config->nextends = 1;
	config->extends = malloc(sizeof(char *));
	config->extends[0] = strdup("standards");
	ck_assert_int_eq(or_ruleset_build(&set, config, NULL, 0, &diag), 0);
	ck_assert_int_eq(or_rule_param_int(or_ruleset_find(set, "review.stale"), "max_age_days", 0),
			 365);
	drills = or_rule_param_array(or_ruleset_find(set, "drills.overdue"), "drills");
	ck_assert_uint_eq(json_array_size(drills), 1);
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(drills, 0), "type")),
			 "disaster-recovery");
	ck_assert_int_eq(or_rule_param_int(or_ruleset_find(set, "contacts.stale"), "max_age_days",
					   0), 90);
	ck_assert_ptr_null(or_ruleset_find(set, "docs.required-section"));
	ck_assert_ptr_nonnull(or_ruleset_find(set, "docs.encoding"));
	or_ruleset_free(set);
	or_config_free(config);
}
END_TEST

START_TEST(test_pack_errors)
{
	static const char unknown_key[] =
		"pack: p\ntitle: t\nrules:\n  - id: docs.x\n    check: c\n    severity: error\n"
		"    title: t\n    description: d\n    remediation: r\n    referenes: [a]\n";
	static const char missing[] =
		"pack: p\ntitle: t\nrules:\n  - id: docs.x\n    check: c\n    severity: error\n"
		"    title: t\n    description: d\n";
	static const char bad_severity[] =
		"pack: p\ntitle: t\nrules:\n  - id: docs.x\n    check: c\n    severity: fatal\n"
		"    title: t\n    description: d\n    remediation: r\n";
	char path[1024];
	char *text = NULL;
	or_pack *pack = NULL;
	or_diag diag = OR_DIAG_INIT;
	FILE *fp;
	long size;

	ck_assert_int_eq(or_pack_parse(&pack, unknown_key, strlen(unknown_key), "p.yml", &diag), -1);
	ck_assert_str_eq(diag.file, "p.yml");
	ck_assert_int_eq(diag.line, 10);
	ck_assert_int_eq(diag.column, 5);
	ck_assert_str_eq(diag.message, "unknown key 'referenes' in a rule (did you mean 'references'?)");

	ck_assert_int_eq(or_pack_parse(&pack, missing, strlen(missing), "p.yml", &diag), -1);
	ck_assert_int_eq(diag.line, 4);
	ck_assert_int_eq(diag.column, 5);
	ck_assert_str_eq(diag.message, "docs.x needs 'remediation'");

	ck_assert_int_eq(or_pack_parse(&pack, bad_severity, strlen(bad_severity), "p.yml", &diag),
			 -1);
	ck_assert_int_eq(diag.line, 6);
	ck_assert_int_eq(diag.column, 15);

	snprintf(path, sizeof(path), "%s/packs/duplicate-id.yml", CONFIG_DATA);
	fp = fopen(path, "rb");
	ck_assert_ptr_nonnull(fp);
	fseek(fp, 0, SEEK_END);
	size = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	text = malloc((size_t)size + 1);
	ck_assert_uint_eq(fread(text, 1, (size_t)size, fp), (size_t)size);
	fclose(fp);
	ck_assert_int_eq(or_pack_parse(&pack, text, (size_t)size, "duplicate-id.yml", &diag), -1);
	ck_assert_ptr_null(pack);
	ck_assert_int_eq(diag.line, 10);
	ck_assert_int_eq(diag.column, 9);
	ck_assert_str_eq(diag.message, "duplicate rule id 'docs.one'");
	free(text);
}
END_TEST

START_TEST(test_severity_names)
{
	or_severity sev;

	ck_assert_int_eq(or_severity_parse(&sev, "warning"), 0);
	ck_assert_int_eq(sev, OR_SEV_WARNING);
	ck_assert_int_eq(or_severity_parse(&sev, "never"), 0);
	ck_assert_int_eq(sev, OR_SEV_NEVER);
	ck_assert_int_eq(or_severity_parse(&sev, "Error"), -1);
	ck_assert_str_eq(or_severity_name(OR_SEV_NOTICE), "notice");
	ck_assert_str_eq(or_severity_name(OR_SEV_ERROR), "error");
}
END_TEST

START_TEST(test_rules_api)
{
	or_rules *rules = NULL;
	or_rule_info info;
	or_diag diag = OR_DIAG_INIT;
	const char *suggestion = NULL;
	char *dir = make_temp_dir();

	/* no config in the root: the built-in defaults */
	ck_assert_int_eq(or_rules_load(&rules, NULL, dir, &diag), 0);
	ck_assert_uint_eq(or_rules_count(rules), 34);
	or_rules_get(rules, 0, &info);
	ck_assert_str_eq(info.id, "config.changed");
	ck_assert_int_eq(or_rules_find(rules, "review.stale", &info, &suggestion), 0);
	ck_assert_str_eq(info.severity, "error");
	ck_assert_str_eq(info.area, "review");
	ck_assert_str_eq(info.pack, "business-continuity");
	ck_assert_str_eq(info.params_json, "{\"applies_to\":\"runbooks\",\"classes\":[],\"max_age_days\":90}");
	ck_assert_uint_gt(info.nreferences, 0);
	ck_assert_int_eq(or_rules_find(rules, "review.stael", &info, &suggestion), -1);
	ck_assert_str_eq(suggestion, "review.stale");
	or_rules_free(rules);

	/* a config found in the root */
	ck_assert_int_eq(or_init_write(dir, NULL, 0, &diag), 0);
	ck_assert_int_eq(or_rules_load(&rules, NULL, dir, &diag), 0);
	ck_assert_uint_eq(or_rules_count(rules), 34);
	or_rules_free(rules);

	/* an explicit config */
	ck_assert_int_eq(or_rules_load(&rules, CONFIG_DATA "/full.yml", NULL, &diag), 0);
	ck_assert_int_eq(or_rules_find(rules, "review.stale", &info, NULL), 0);
	ck_assert_str_eq(info.params_json, "{\"applies_to\":\"runbooks\",\"classes\":[],\"max_age_days\":60}");
	ck_assert_int_eq(or_rules_find(rules, "docs.placeholder", &info, NULL), 0);
	ck_assert(!info.enabled);
	or_rules_free(rules);

	ck_assert_int_eq(or_rules_load(&rules, CONFIG_DATA "/unknown-rule.yml", NULL, &diag), -1);
	ck_assert_ptr_null(rules);
	ck_assert_int_eq(diag.code, OR_EXIT_USAGE);

	{
		char path[1024];
		snprintf(path, sizeof(path), "%s/.opsready.yml", dir);
		unlink(path);
	}
	rmdir(dir);
	free(dir);
}
END_TEST

START_TEST(test_init_template)
{
	char *dir = make_temp_dir();
	char written[1024], path[1024];
	or_config *config = NULL;
	or_ruleset *set = NULL;
	or_diag diag = OR_DIAG_INIT;
	struct stat st;

	ck_assert_int_eq(or_init_write(dir, written, sizeof(written), &diag), 0);
	snprintf(path, sizeof(path), "%s/.opsready.yml", dir);
	ck_assert_str_eq(written, path);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_uint_gt((size_t)st.st_size, 100);
	ck_assert_msg(or_config_load(&config, path, NULL, &diag) == 0, "%d:%d %s", diag.line,
		      diag.column, diag.message);
	ck_assert_uint_eq(config->nextends, 1);
	ck_assert_int_eq(config->fail_on, OR_SEV_ERROR);
	ck_assert_msg(or_ruleset_build(&set, config, NULL, 0, &diag) == 0, "%s", diag.message);
	or_ruleset_free(set);
	or_config_free(config);

	/* never overwrites */
	write_text(path, "version: 1\n");
	ck_assert_int_eq(or_init_write(dir, written, sizeof(written), &diag), -1);
	ck_assert_int_eq(diag.code, OR_EXIT_USAGE);
	ck_assert_str_eq(diag.file, path);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq((int)st.st_size, 11);
	unlink(path);
	rmdir(dir);

	/* a directory that does not exist: a runtime error */
	ck_assert_int_eq(or_init_write(dir, NULL, 0, &diag), -1);
	ck_assert_int_eq(diag.code, OR_EXIT_RUNTIME);
	free(dir);
}
END_TEST

/* Write `text` to dir/rel, making the folders on the way. */
static void write_rel(const char *dir, const char *rel, const char *text)
{
	char path[1024];
	char *slash;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	for (slash = strchr(path + strlen(dir) + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(path, 0755);
		*slash = '/';
	}
	write_text(path, text);
}

static const char alert_page[] =
	"---\nowner_slack: \"#team\"\nlast_reviewed_on: 2026-01-02\nreview_in: 1 year\n---\n"
	"# Alert\n\n## Meaning\n\nx\n\n## Impact\n\nx\n\n## Diagnosis\n\nx\n\n"
	"## Mitigation\n\nx\n";

START_TEST(test_init_reads_repository)
{
	char *dir = make_temp_dir();
	char *text = NULL, *again = NULL, outside[1024], link_path[1024];
	or_config *config = NULL;
	or_ruleset *set = NULL;
	or_diag diag = OR_DIAG_INIT;
	int fd;

	write_rel(dir, "pages/alerts-a.md", alert_page);
	write_rel(dir, "pages/alerts-b.md", alert_page);
	write_rel(dir, "pages/alerts-c.md", alert_page);
	write_rel(dir, "handbook/intro.md", "# Intro\n\nWelcome.\n");
	write_rel(dir, "vendor/lib/README.md", "# lib\n");
	/* a folder whose name cannot be written as a glob is left out, not quoted badly */
	write_rel(dir, "odd\"name*/runbook.md", alert_page);
	/* a symlink to a file outside the repository is never read */
	snprintf(outside, sizeof(outside), "%s-outside.md", dir);
	write_text(outside, alert_page);
	snprintf(link_path, sizeof(link_path), "%s/pages/alerts-link.md", dir);
	ck_assert_int_eq(symlink(outside, link_path), 0);

	ck_assert_msg(or_init_render(&text, dir, &diag) == 0, "%s", diag.message);
	ck_assert_ptr_nonnull(strstr(text, "extends: [standards, alert-runbook]\n"));
	ck_assert_ptr_nonnull(strstr(text, "#   alert-runbook: 3 of 3 have Meaning/Impact/Diagnosis/Mitigation"));
	ck_assert_ptr_nonnull(strstr(text, "runbook_paths:\n  - \"pages/*\"  # 3 pages"));
	ck_assert_ptr_nonnull(strstr(text, "    - \"**/vendor/**\"  # 1 document"));
	ck_assert_ptr_nonnull(strstr(text, "#   owner_slack: 4 documents, read as owner\n"));
	ck_assert_ptr_nonnull(strstr(text, "#   review_in: 4 documents, read as review_period\n"));
	ck_assert_ptr_nonnull(strstr(text, "    keys: [owner, last_updated, next_review]\n"));
	ck_assert_ptr_null(strstr(text, "odd"));
	ck_assert_ptr_null(strstr(text, "alerts-link"));

	/* deterministic, and loaded back by the config loader */
	ck_assert_int_eq(or_init_render(&again, dir, &diag), 0);
	ck_assert_str_eq(text, again);
	ck_assert_msg(or_config_parse(&config, text, strlen(text), "init.yml", &diag) == 0,
		      "%d:%d %s", diag.line, diag.column, diag.message);
	ck_assert_uint_eq(config->nrunbook_paths, 1);
	ck_assert_str_eq(config->runbook_paths[0], "pages/*");
	ck_assert_msg(or_ruleset_build(&set, config, NULL, 0, &diag) == 0, "%s", diag.message);
	ck_assert_ptr_nonnull(or_ruleset_find(set, "docs.alert-section"));
	ck_assert_ptr_null(or_ruleset_find(set, "docs.required-section"));
	or_ruleset_free(set);
	or_config_free(config);
	free(text);
	free(again);

	/* the write: whole, and the dry run's text */
	ck_assert_int_eq(or_init_write(dir, NULL, 0, &diag), 0);
	snprintf(link_path, sizeof(link_path), "%s/.opsready.yml", dir);
	fd = open(link_path, O_RDONLY);
	ck_assert_int_ge(fd, 0);
	close(fd);
	ck_assert_int_eq(or_init_write(dir, NULL, 0, &diag), -1);
	ck_assert_int_eq(diag.code, OR_EXIT_USAGE);

	unlink(outside);
	{
		char cmd[1200];
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		ck_assert_int_eq(system(cmd), 0);
	}
	free(dir);
}
END_TEST

START_TEST(test_config_find)
{
	char *dir = make_temp_dir();
	char path[1024];
	char *found;

	ck_assert_ptr_null(or_config_find(dir));
	snprintf(path, sizeof(path), "%s/.opsready.yaml", dir);
	write_text(path, "version: 1\n");
	found = or_config_find(dir);
	ck_assert_ptr_nonnull(found);
	ck_assert_str_eq(found, path);
	free(found);
	unlink(path);
	rmdir(dir);
	free(dir);
}
END_TEST

START_TEST(test_size_cap)
{
	char *dir = make_temp_dir();
	char path[1024];
	or_config *config = NULL;
	or_diag diag = OR_DIAG_INIT;
	FILE *fp;
	size_t i;

	snprintf(path, sizeof(path), "%s/big.yml", dir);
	fp = fopen(path, "w");
	ck_assert_ptr_nonnull(fp);
	for (i = 0; i < 70000; i++)
		fputs("# padding line\n", fp);
	fclose(fp);
	ck_assert_int_eq(or_config_load(&config, path, NULL, &diag), -1);
	ck_assert_int_eq(diag.code, OR_EXIT_USAGE);
	ck_assert_ptr_nonnull(strstr(diag.message, "larger than"));
	unlink(path);
	rmdir(dir);
	free(dir);
}
END_TEST

/* site: { generator, root, directory_urls }, each optional and validated. */
START_TEST(test_site_key)
{
	static const struct {
		const char *text;
		int line, column;
		const char *message;
	} bad[] = {
		{ "version: 1\nsite:\n  generator: sphinx\n", 3, 14,
		  "invalid site.generator 'sphinx' (expected none, tech-docs, mkdocs, hugo, jekyll or docusaurus)" },
		{ "version: 1\nsite:\n  root: /etc\n", 3, 9,
		  "site.root '/etc' must be a folder inside the repository (relative, without '..' or control characters)" },
		{ "version: 1\nsite:\n  root: a/../../b\n", 3, 9,
		  "site.root 'a/../../b' must be a folder inside the repository (relative, without '..' or control characters)" },
		{ "version: 1\nsite:\n  directory_urls: maybe\n", 3, 19, NULL },
		{ "version: 1\nsite: [mkdocs]\n", 2, 7, NULL },
	};
	const char *good = "version: 1\nsite:\n  generator: MkDocs\n  root: handbook\n  directory_urls: false\n";
	or_config *config = NULL;
	or_diag diag = OR_DIAG_INIT;
	size_t i;

	ck_assert_msg(or_config_parse(&config, good, strlen(good), "/x/.opsready.yml", &diag) == 0,
		      "%s", diag.message);
	ck_assert(config->has_site_generator);
	ck_assert_int_eq(config->site_generator, OR_SITE_MKDOCS);
	ck_assert_str_eq(config->site_root, "handbook");
	ck_assert(config->has_site_directory_urls && !config->site_directory_urls);
	or_config_free(config);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		or_diag d = OR_DIAG_INIT;

		config = NULL;
		ck_assert_int_eq(or_config_parse(&config, bad[i].text, strlen(bad[i].text),
						 "/x/.opsready.yml", &d), -1);
		ck_assert_int_eq(d.code, OR_EXIT_USAGE);
		ck_assert_msg(d.line == bad[i].line && d.column == bad[i].column, "%zu: %d:%d %s", i,
			      d.line, d.column, d.message);
		if (bad[i].message)
			ck_assert_str_eq(d.message, bad[i].message);
	}
}
END_TEST

/* config.changed: what the change's config loosens against the merge base's */
static or_config *parse_text(const char *text)
{
	or_config *config = NULL;
	or_diag diag = OR_DIAG_INIT;

	ck_assert_msg(or_config_parse(&config, text, strlen(text), "c.yml", &diag) == 0, "%s",
		      diag.message);
	return config;
}

static bool diff_has(char *const *items, size_t n, const char *text)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(items[i], text) == 0)
			return true;
	return false;
}

START_TEST(test_config_compare)
{
	or_config *base = parse_text("gate: {fail_on: warning, min_score: 80}\n"
				     "suppressions: {require_reason: true, allow: false,\n"
				     "               allowed_rules: [docs.placeholder]}\n"
				     "required_documents: [{path: docs/bcp.md}]\n"
				     "waivers:\n"
				     "  - {rule: review.stale, path: a.md, reason: r, expires: 2026-01-01}\n");
	or_config *head = parse_text("gate: {fail_on: never, min_score: 50}\n"
				     "suppressions: {allow: blanket,\n"
				     "               allowed_rules: [docs.placeholder, review.stale]}\n"
				     "rules:\n"
				     "  docs.placeholder: off\n"
				     "  docs.required-section: notice\n"
				     "  review.stale: {max_age_days: 900}\n"
				     "paths: {exclude: ['legacy/**']}\n"
				     "waivers:\n"
				     "  - {rule: review.stale, path: a.md, reason: r, expires: 2027-01-01}\n"
				     "  - {rule: docs.placeholder, reason: r, expires: 2027-01-01}\n");
	or_config *same = parse_text("gate: {fail_on: warning, min_score: 90}\n"
				     "suppressions: {require_reason: true, allow: false,\n"
				     "               allowed_rules: [docs.placeholder]}\n"
				     "required_documents: [{path: docs/bcp.md}]\n"
				     "waivers:\n"
				     "  - {rule: review.stale, path: a.md, reason: r, expires: 2026-01-01}\n");
	or_config *bare = parse_text("gate: {fail_on: warning, min_score: 80}\n");
	or_ruleset *base_rules = NULL, *head_rules = NULL, *same_rules = NULL, *bare_rules = NULL;
	or_config_diff diff = { 0 };
	or_diag diag = OR_DIAG_INIT;

	ck_assert_int_eq(or_ruleset_build(&base_rules, base, NULL, 0, &diag), 0);
	ck_assert_int_eq(or_ruleset_build(&head_rules, head, NULL, 0, &diag), 0);
	ck_assert_int_eq(or_ruleset_build(&same_rules, same, NULL, 0, &diag), 0);
	ck_assert_int_eq(or_ruleset_build(&bare_rules, bare, NULL, 0, &diag), 0);
	or_config_compare(&diff, base, base_rules, head, head_rules);
	ck_assert(diff_has(diff.loosens, diff.nloosens, "gate.fail_on never (was warning)"));
	ck_assert(diff_has(diff.loosens, diff.nloosens, "gate.min_score 50 (was 80)"));
	ck_assert(diff_has(diff.loosens, diff.nloosens, "rule docs.placeholder off"));
	ck_assert(diff_has(diff.loosens, diff.nloosens,
			   "rule docs.required-section severity notice (was error)"));
	ck_assert(diff_has(diff.loosens, diff.nloosens,
			   "new waiver of docs.placeholder until 2027-01-01"));
	ck_assert(diff_has(diff.loosens, diff.nloosens,
			   "waiver of review.stale in a.md until 2027-01-01 (was until 2026-01-01)"));
	ck_assert(diff_has(diff.loosens, diff.nloosens, "required document docs/bcp.md removed"));
	ck_assert(diff_has(diff.loosens, diff.nloosens, "suppressions.require_reason off"));
	ck_assert(diff_has(diff.loosens, diff.nloosens, "suppressions.allow blanket (was false)"));
	ck_assert(diff_has(diff.loosens, diff.nloosens,
			   "suppressions.allowed_rules adds review.stale"));
	ck_assert(diff_has(diff.loosens, diff.nloosens, "paths.exclude adds legacy/**"));
	ck_assert(diff_has(diff.changes, diff.nchanges, "rule review.stale max_age_days 900 (was 90)"));
	or_config_diff_dispose(&diff);
	/* a config without the list lets every rule be suppressed */
	or_config_compare(&diff, base, base_rules, bare, bare_rules);
	ck_assert(diff_has(diff.loosens, diff.nloosens,
			   "suppressions.allowed_rules removed (every rule may be suppressed)"));
	ck_assert(diff_has(diff.loosens, diff.nloosens, "suppressions.allow true (was false)"));
	or_config_diff_dispose(&diff);
	/* a higher min_score only tightens: nothing is loosened */
	or_config_compare(&diff, base, base_rules, same, same_rules);
	ck_assert_uint_eq(diff.nloosens, 0);
	ck_assert_uint_eq(diff.nchanges, 0);
	or_config_diff_dispose(&diff);
	or_ruleset_free(base_rules);
	or_ruleset_free(head_rules);
	or_ruleset_free(same_rules);
	or_ruleset_free(bare_rules);
	or_config_free(bare);
	or_config_free(base);
	or_config_free(head);
	or_config_free(same);
}
END_TEST

Suite *config_suite(void)
{
	Suite *s = suite_create("config");
	TCase *tc = tcase_create("config");

	tcase_add_test(tc, test_full_example);
	tcase_add_test(tc, test_config_compare);
	tcase_add_test(tc, test_site_key);
	tcase_add_test(tc, test_full_example_rules);
	tcase_add_test(tc, test_empty_is_defaults);
	tcase_add_test(tc, test_unknown_keys);
	tcase_add_test(tc, test_wrong_types_and_values);
	tcase_add_test(tc, test_waiver_required_fields);
	tcase_add_test(tc, test_yaml_errors);
	tcase_add_test(tc, test_yaml_bomb_refused);
	tcase_add_test(tc, test_missing_and_directory);
	tcase_add_test(tc, test_unknown_rule_and_param);
	tcase_add_test(tc, test_overrides_and_pack_order);
	tcase_add_test(tc, test_programmatic_config_real_param);
	tcase_add_test(tc, test_cli_rules);
	tcase_add_test(tc, test_builtin_packs);
	tcase_add_test(tc, test_shape_packs_combine);
	tcase_add_test(tc, test_business_continuity_ids);
	tcase_add_test(tc, test_business_continuity_params);
	tcase_add_test(tc, test_standards_pack);
	tcase_add_test(tc, test_pack_errors);
	tcase_add_test(tc, test_severity_names);
	tcase_add_test(tc, test_rules_api);
	tcase_add_test(tc, test_init_template);
	tcase_add_test(tc, test_init_reads_repository);
	tcase_add_test(tc, test_config_find);
	tcase_add_test(tc, test_size_cap);
	suite_add_tcase(s, tc);
	return s;
}
