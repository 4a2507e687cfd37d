/*
 * Inputs that crashed a fuzzer (tests/fuzz), kept as regression tests:
 * every file of tests/data/regressions/<harness>/ goes to the library entry
 * points its harness calls, with the same conventions (the records harness
 * reads the bytes as every record file with the date order `size % 3`; the
 * glob harness splits "PATTERN\nPATH"). This replays them under ASan/UBSan
 * and valgrind in CI, where clang and libFuzzer are not needed.
 */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rules/config.h"
#include "rules/pack.h"
#include "input/contacts.h"
#include "input/document.h"
#include "input/records.h"
#include "opsready/compare.h"
#include "opsready/report.h"
#include "suites.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "input/contact.h"
#include "util/date.h"
#include "util/glob.h"

#define REGRESSIONS_DATA OR_TEST_DATA "/regressions"

typedef void (*replay_fn)(const char *path, const char *data, size_t size);

static char *read_whole(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	or_buf buf = OR_BUF_INIT;
	char chunk[4096];
	size_t n;

	ck_assert_msg(f != NULL, "cannot open %s", path);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		or_buf_put(&buf, chunk, n);
	fclose(f);
	*size = buf.size;
	or_buf_putc(&buf, '\0'); /* an empty file still gets a buffer */
	return or_buf_detach(&buf);
}

/* Replay every regular file of regressions/<harness>/ (not README or
 * LICENSE files); returns how many. The data is copied into a buffer of
 * exactly `size` bytes so that ASan sees any read past the input. */
static size_t replay_folder(const char *harness, replay_fn replay)
{
	or_buf dir = OR_BUF_INIT, path = OR_BUF_INIT;
	struct dirent *entry;
	size_t count = 0;
	DIR *d;

	or_buf_printf(&dir, "%s/%s", REGRESSIONS_DATA, harness);
	d = opendir(or_buf_cstr(&dir));
	ck_assert_msg(d != NULL, "cannot open %s", or_buf_cstr(&dir));
	while ((entry = readdir(d)) != NULL) {
		char *text, *exact;
		size_t size = 0;

		if (entry->d_name[0] == '.' || strncmp(entry->d_name, "README", 6) == 0 ||
		    strncmp(entry->d_name, "LICENSE", 7) == 0)
			continue;
		or_buf_clear(&path);
		or_buf_printf(&path, "%s/%s", or_buf_cstr(&dir), entry->d_name);
		text = read_whole(or_buf_cstr(&path), &size);
		exact = malloc(size ? size : 1);
		ck_assert_ptr_nonnull(exact);
		memcpy(exact, text, size);
		replay(or_buf_cstr(&path), exact, size);
		free(exact);
		free(text);
		count++;
	}
	closedir(d);
	or_buf_dispose(&path);
	or_buf_dispose(&dir);
	return count;
}

/* ---- document ---- */

static void replay_document(const char *path, const char *data, size_t size)
{
	static const char *const headings[] = { "contact", "on call", "escalation contacts" };
	static const char *const endpoints[] = { "pagerduty.com", "slack.com" };
	const or_contact_words words = { headings, 3, endpoints, 2, NULL, 0, NULL, 0 };
	or_document *doc = NULL;
	or_contact *contacts = NULL;
	size_t ncontacts = 0, cap = 0, offset = 0, len = 0, i;
	or_arena *arena = or_arena_new();

	if (or_status_parse(data, size, &offset, &len) != OR_ITEM_NONE)
		ck_assert(offset <= size && len <= size - offset);
	ck_assert_msg(or_document_parse(&doc, "docs/fuzz-runbook.md", data, size) == 0, "%s", path);
	ck_assert_uint_eq(doc->source_len, size);
	/* every position is a line of the file (cmark-gfm gave 0 to a label
	 * line right above a table) */
	for (i = 0; i < doc->nkvs; i++)
		ck_assert_msg(doc->kvs[i].line >= 1 && doc->kvs[i].line <= (int)doc->nlines,
			      "%s: key '%s' at line %d", path, doc->kvs[i].key, doc->kvs[i].line);
	for (i = 0; i < doc->ntables; i++)
		ck_assert_int_ge(doc->tables[i].line, 1);
	for (i = 0; i < doc->nsections; i++) {
		ck_assert_int_ge(doc->sections[i].end_line, doc->sections[i].line);
		ck_assert_int_eq(or_document_find_anchor(doc, doc->sections[i].anchor), (int)i);
	}
	or_contacts_extract(&contacts, &ncontacts, &cap, arena, doc, &words, OR_DATE_ORDER_NONE);
	/* a contact always has a role (a table row with neither role nor name had none) */
	for (i = 0; i < ncontacts; i++)
		ck_assert_msg(contacts[i].role != NULL, "%s: contact %s without a role", path,
			      contacts[i].value);
	free(contacts);
	or_arena_free(arena);
	or_document_free(doc);
}

/* ---- config ---- */

static void replay_config(const char *path, const char *data, size_t size)
{
	or_config *config = NULL;
	or_ruleset *rules = NULL;
	or_pack *pack = NULL;
	or_diag diag = OR_DIAG_INIT;

	if (or_config_parse(&config, data, size, "/nonexistent/opsready-fuzz/.opsready.yml",
			    &diag) != 0) {
		ck_assert_msg(diag.message[0] != '\0', "%s: an error without a message", path);
	} else if (or_ruleset_build(&rules, config, NULL, 0, &diag) != 0) {
		ck_assert_msg(diag.message[0] != '\0', "%s: an error without a message", path);
	}
	diag = (or_diag)OR_DIAG_INIT;
	if (or_pack_parse(&pack, data, size, "rules/fuzz.yml", &diag) != 0)
		ck_assert_msg(diag.message[0] != '\0', "%s: an error without a message", path);
	or_pack_free(pack);
	or_ruleset_free(rules);
	or_config_free(config);
}

/* ---- records ---- */

static void write_file(const char *dir, const char *name, const char *data, size_t size)
{
	or_buf path = OR_BUF_INIT;
	FILE *f;

	or_buf_printf(&path, "%s/%s", dir, name);
	f = fopen(or_buf_cstr(&path), "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, size, f), size);
	fclose(f);
	or_buf_dispose(&path);
}

static void remove_file(const char *dir, const char *name)
{
	or_buf path = OR_BUF_INIT;

	or_buf_printf(&path, "%s/%s", dir, name);
	unlink(or_buf_cstr(&path));
	or_buf_dispose(&path);
}

static void replay_records(const char *path, const char *data, size_t size)
{
	char root[] = "/tmp/opsready-regressions-XXXXXX";
	or_date_order order = (or_date_order)(size % 3);
	or_training_records records;
	or_drill_log log;
	or_arena *arena = or_arena_new();
	or_contact *contacts = NULL;
	size_t count = 0, cap = 0;
	or_diag diag = OR_DIAG_INIT;

	(void)path;
	ck_assert_ptr_nonnull(mkdtemp(root));
	write_file(root, "records.yml", data, size);
	write_file(root, "records.csv", data, size);
	if (or_training_load(&records, root, "records.yml", order, &diag) != 0)
		ck_assert(diag.message[0] != '\0');
	or_training_dispose(&records);
	diag = (or_diag)OR_DIAG_INIT;
	if (or_training_load(&records, root, "records.csv", order, &diag) != 0)
		ck_assert(diag.message[0] != '\0');
	or_training_dispose(&records);
	diag = (or_diag)OR_DIAG_INIT;
	if (or_drills_load(&log, root, "records.yml", order, &diag) != 0)
		ck_assert(diag.message[0] != '\0');
	or_drills_dispose(&log);
	diag = (or_diag)OR_DIAG_INIT;
	if (or_contacts_registry_load(&contacts, &count, &cap, arena, root, "records.yml", order,
				      &diag) != 0)
		ck_assert(diag.message[0] != '\0');
	free(contacts);
	or_arena_free(arena);
	remove_file(root, "records.yml");
	remove_file(root, "records.csv");
	ck_assert_int_eq(rmdir(root), 0);
}

/* ---- date ---- */

static void replay_date(const char *path, const char *data, size_t size)
{
	static const or_date_order orders[] = { OR_DATE_ORDER_NONE, OR_DATE_ORDER_DMY,
						OR_DATE_ORDER_MDY };
	char *cstr = or_xstrndup(data, size);
	or_period period;
	or_date date = 0;
	size_t i, consumed;

	(void)path;
	for (i = 0; i < 3; i++) {
		consumed = 0;
		if (or_date_parse(&date, data, size, orders[i], &consumed) == OR_DATE_OK)
			ck_assert(consumed > 0 && consumed <= size);
	}
	(void)or_date_parse_iso(&date, cstr);
	if (or_period_parse(&period, cstr) == 0)
		ck_assert(period.days >= 0 && period.months >= 0);
	free(cstr);
}

/* ---- report ---- */

static void replay_report(const char *path, const char *data, size_t size)
{
	static const char *const formats[] = { "text", "json", "junit", "sarif", "markdown",
					       "html" };
	or_render_options options = OR_RENDER_OPTIONS_INIT;
	const or_report *pair[2];
	const char *const names[] = { "alpha", "beta" };
	or_report *report = NULL, *diff = NULL, *merged = NULL;
	or_diag diag = OR_DIAG_INIT;
	char *out = NULL;
	size_t len, i;

	(void)data;
	/* the file itself, as `opsready render` reads it */
	if (or_report_load(&report, path, &diag) != 0)
		return;
	options.color = (size & 1) ? OR_COLOR_ALWAYS : OR_COLOR_NEVER;
	options.quiet = (size & 2) != 0;
	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		diag = (or_diag)OR_DIAG_INIT;
		if (or_report_render(&out, &len, report, formats[i], &options, &diag) == 0)
			ck_assert(out[len] == '\0');
		free(out);
		out = NULL;
	}
	diag = (or_diag)OR_DIAG_INIT;
	if (or_report_diff(&diff, report, report, &diag) == 0) {
		ck_assert_uint_eq(or_diff_new_at_or_above(diff, "notice"), 0);
		for (i = 0; i < 3; i++) {
			if (or_diff_render(&out, &len, diff, formats[i == 2 ? 4 : i], &diag) == 0)
				free(out);
			out = NULL;
		}
	}
	pair[0] = report;
	pair[1] = report;
	diag = (or_diag)OR_DIAG_INIT;
	if (or_report_merge(&merged, pair, names, 2, &diag) == 0) {
		if (or_report_render(&out, &len, merged, "json", &options, &diag) == 0)
			free(out);
		out = NULL;
		if (or_report_render(&out, &len, merged, "text", &options, &diag) == 0)
			free(out);
	}
	or_report_free(merged);
	or_report_free(diff);
	or_report_free(report);
}

/* ---- contact ---- */

static void replay_contact(const char *path, const char *data, size_t size)
{
	or_contact_token tokens[64];
	or_buf normalized = OR_BUF_INIT, reason = OR_BUF_INIT;
	size_t n, i;

	(void)path;
	n = or_contact_scan(data, size, tokens, 64);
	for (i = 0; i < n && i < 64; i++)
		ck_assert(tokens[i].offset <= size && tokens[i].length <= size - tokens[i].offset);
	if (or_phone_check(data, size, NULL, 0, &normalized, &reason) != 0)
		ck_assert_uint_gt(reason.size, 0);
	or_buf_clear(&reason);
	if (or_email_check(data, size, &normalized, &reason) != 0)
		ck_assert_uint_gt(reason.size, 0);
	or_buf_clear(&reason);
	if (or_url_check(data, size, &normalized, &reason) != 0)
		ck_assert_uint_gt(reason.size, 0);
	or_buf_dispose(&normalized);
	or_buf_dispose(&reason);
}

/* ---- glob ---- */

static void replay_glob(const char *path, const char *data, size_t size)
{
	char *pattern = or_xstrndup(data, size);
	char *newline = strchr(pattern, '\n');
	const char *subject = pattern, *why = NULL;

	(void)path;
	if (newline) {
		*newline = '\0';
		subject = newline + 1;
	}
	if (or_glob_validate(pattern, &why) != 0)
		ck_assert_ptr_nonnull(why);
	(void)or_glob_match(pattern, subject);
	free(pattern);
}

typedef struct regression_folder {
	const char *harness;
	replay_fn replay;
} regression_folder;

static const regression_folder folders[] = {
	{ "document", replay_document },
	{ "config", replay_config },
	{ "records", replay_records },
	{ "date", replay_date },
	{ "report", replay_report },
	{ "contact", replay_contact },
	{ "glob", replay_glob },
};

START_TEST(test_replay_folder)
{
	const regression_folder *f = &folders[_i];

	ck_assert_msg(replay_folder(f->harness, f->replay) > 0, "no input in regressions/%s",
		      f->harness);
}
END_TEST

Suite *regressions_suite(void)
{
	Suite *s = suite_create("regressions");
	TCase *tc = tcase_create("regressions");

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_replay_folder, 0, (int)(sizeof(folders) / sizeof(folders[0])));
	suite_add_tcase(s, tc);
	return s;
}
