/* Streamed output: or_out, or_json_stream, or_fs_atomic, or_strset, and the
 * typed evaluations of a report (or_eval_table). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "report/eval_table.h"
#include "report/finding_table.h"
#include "render/json_stream.h"
#include "suites.h"
#include "util/fs.h"
#include "util/out.h"
#include "util/strset.h"

/* A sink that keeps what it is given, in pieces no larger than it saw. */
typedef struct collected {
	or_buf all;
	size_t calls, largest;
	size_t fail_after; /* 0: never fail */
} collected;

static int collect(void *ctx, const char *data, size_t len)
{
	collected *c = ctx;

	if (c->fail_after && c->calls >= c->fail_after)
		return -1;
	c->calls++;
	if (len > c->largest)
		c->largest = len;
	or_buf_put(&c->all, data, len);
	return 0;
}

START_TEST(test_out_memory_and_sink_agree)
{
	or_out memory = OR_OUT_INIT, sink;
	collected c = { OR_BUF_INIT, 0, 0, 0 };
	char big[100000];
	int i;

	memset(big, 'x', sizeof(big));
	or_out_init_sink(&sink, collect, &c);
	for (i = 0; i < 5000; i++) {
		or_out_printf(&memory, "line %d: %s\n", i, "some text");
		or_out_printf(&sink, "line %d: %s\n", i, "some text");
		or_out_putc(&memory, '#');
		or_out_putc(&sink, '#');
	}
	or_out_put(&memory, big, sizeof(big)); /* a large piece goes straight through */
	or_out_put(&sink, big, sizeof(big));
	or_out_puts(&memory, "end\n");
	or_out_puts(&sink, "end\n");
	ck_assert_int_eq(or_out_finish(&memory), 0);
	ck_assert_int_eq(or_out_finish(&sink), 0);
	ck_assert_uint_eq(c.all.size, memory.buf.size);
	ck_assert(memcmp(c.all.ptr, memory.buf.ptr, c.all.size) == 0);
	ck_assert_uint_gt(c.calls, 2);          /* it was written as it went */
	ck_assert_uint_eq(sink.buf.size, 0);    /* nothing left behind */
	or_out_dispose(&memory);
	or_out_dispose(&sink);
	or_buf_dispose(&c.all);
}
END_TEST

START_TEST(test_out_failed_sink)
{
	or_out sink;
	collected c = { OR_BUF_INIT, 0, 0, 2 };
	int i;

	or_out_init_sink(&sink, collect, &c);
	for (i = 0; i < 100000; i++)
		or_out_puts(&sink, "0123456789\n");
	ck_assert(sink.failed);
	ck_assert_int_eq(or_out_finish(&sink), -1);
	ck_assert_int_eq(or_out_write_cb("x", 1, &sink), -1);
	ck_assert_uint_eq(c.calls, 2);
	or_out_dispose(&sink);
	or_buf_dispose(&c.all);
}
END_TEST

static json_t *element(void *ctx, size_t i)
{
	json_t *items = ctx;

	return json_incref(json_array_get(items, i));
}

/* or_json_stream writes exactly what json_dumps writes for the whole. */
static void expect_stream_equals_dump(const char *envelope_text, const char *path_key,
				      int depth, const char *items_text)
{
	json_error_t error;
	json_t *items = json_loads(items_text, 0, &error);
	json_t *envelope = json_loads(envelope_text, 0, &error), *whole, *holder;
	or_out out = OR_OUT_INIT;
	char *dump;

	ck_assert_ptr_nonnull(items);
	ck_assert_ptr_nonnull(envelope);
	ck_assert_int_eq(or_json_stream(&out, envelope, path_key, depth, json_array_size(items),
					element, items),
			 0);
	/* the same document with the array filled in, dumped whole */
	whole = json_deep_copy(envelope);
	holder = whole;
	if (depth == 3) /* {"runs": [ { ...key... } ]} */
		holder = json_array_get(json_object_get(whole, "runs"), 0);
	json_object_set(holder, path_key, items);
	dump = json_dumps(whole, JSON_INDENT(2) | JSON_REAL_PRECISION(10));
	ck_assert_str_eq(or_buf_cstr(&out.buf), dump);
	free(dump);
	json_decref(whole);
	json_decref(envelope);
	json_decref(items);
	or_out_dispose(&out);
}

START_TEST(test_json_stream_is_json_dumps)
{
	/* SARIF's shape: the array three levels in, keys after it */
	expect_stream_equals_dump(
		"{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"name\": \"x\"}, \"results\": [], "
		"\"properties\": {\"score\": 61.4}}]}",
		"results", 3,
		"[{\"ruleId\": \"a\", \"message\": {\"text\": \"two\\nlines \\\"quoted\\\"\"}, "
		"\"locations\": [{\"line\": 1}, {\"line\": 2}], \"empty\": [], \"obj\": {}}, "
		"{\"ruleId\": \"results\\\": []\", \"n\": 1.5}, 3, \"text\", null, [1, [2, []]]]");
	/* one element, and none */
	expect_stream_equals_dump("{\"runs\": [{\"results\": []}]}", "results", 3,
				  "[{\"a\": 1}]");
	expect_stream_equals_dump("{\"runs\": [{\"results\": []}]}", "results", 3, "[]");
	/* at the top level */
	expect_stream_equals_dump("{\"a\": 1, \"items\": [], \"z\": \"items\\\": []\"}", "items",
				  1, "[\"x\", {\"y\": [true, false]}]");
}
END_TEST

START_TEST(test_json_stream_no_such_array)
{
	json_t *envelope = json_pack("{s:[i]}", "items", 1);
	or_out out = OR_OUT_INIT;

	/* the array must be empty in the envelope, at the depth given */
	ck_assert_int_eq(or_json_stream(&out, envelope, "items", 1, 0, element, NULL), -1);
	ck_assert_int_eq(or_json_stream(&out, envelope, "other", 1, 0, element, NULL), -1);
	json_decref(envelope);
	or_out_dispose(&out);
}
END_TEST

START_TEST(test_atomic_write_streams_and_cleans_up)
{
	char dir[] = "/tmp/opsready-out-XXXXXX", path[256], other[256];
	or_fs_atomic w;
	or_diag diag = OR_DIAG_INIT;
	or_out out;
	struct stat st;
	FILE *f;
	char text[64];
	int i;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/report.json", dir);
	ck_assert_int_eq(or_fs_atomic_open(&w, path, &diag), 0);
	or_out_init_sink(&out, or_fs_atomic_write, &w);
	for (i = 0; i < 20000; i++)
		or_out_printf(&out, "%d\n", i);
	/* nothing at the final path until the commit */
	ck_assert_int_ne(stat(path, &st), 0);
	ck_assert_int_eq(or_out_finish(&out), 0);
	or_out_dispose(&out);
	ck_assert_int_eq(or_fs_atomic_commit(&w, &diag), 0);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0644);
	f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	for (i = 0; i < 20000; i++) {
		ck_assert_ptr_nonnull(fgets(text, sizeof(text), f));
		ck_assert_int_eq(atoi(text), i);
	}
	fclose(f);

	/* an aborted write leaves the old report and no temporary file */
	ck_assert_int_eq(or_fs_atomic_open(&w, path, &diag), 0);
	snprintf(other, sizeof(other), "%s", w.tmp);
	ck_assert_int_eq(or_fs_atomic_write(&w, "partial", 7), 0);
	or_fs_atomic_abort(&w);
	ck_assert_int_ne(stat(other, &st), 0);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_gt(st.st_size, 7);
	unlink(path);
	rmdir(dir);

	/* a missing directory: an error that names the file */
	ck_assert_int_eq(or_fs_atomic_open(&w, "/nonexistent-dir/report.json", &diag), -1);
	ck_assert_str_eq(diag.file, "/nonexistent-dir/report.json");
	ck_assert_ptr_nonnull(strstr(diag.message, "cannot write report"));
}
END_TEST

/* A path inside the scanned root, relative to it, as findings name files. */
START_TEST(test_fs_inside)
{
	ck_assert_str_eq(or_fs_inside("repo", "repo/.opsready.yml"), ".opsready.yml");
	ck_assert_str_eq(or_fs_inside("repo/", "repo/conf/a.yml"), "conf/a.yml");
	ck_assert_str_eq(or_fs_inside(".", ".opsready.yml"), ".opsready.yml");
	ck_assert_str_eq(or_fs_inside(".", "./././x.yml"), "x.yml");
	ck_assert_str_eq(or_fs_inside("/srv/r", "/srv/r/x.yml"), "x.yml");
	ck_assert_ptr_null(or_fs_inside("repo", "repository/x.yml"));
	ck_assert_ptr_null(or_fs_inside("repo", "other/x.yml"));
	ck_assert_ptr_null(or_fs_inside("repo", "repo/"));
	ck_assert_ptr_null(or_fs_inside(".", "../x.yml"));
	ck_assert_ptr_null(or_fs_inside(".", "/etc/x.yml"));
	ck_assert_ptr_null(or_fs_inside(NULL, "x.yml"));
	ck_assert_ptr_null(or_fs_inside("repo", NULL));
}
END_TEST

START_TEST(test_strset)
{
	or_strset set = OR_STRSET_INIT;
	char key[32];
	int i;

	ck_assert(!or_strset_contains(&set, "a", 1));
	ck_assert(or_strset_add(&set, "abc", 3));
	ck_assert(!or_strset_add(&set, "abc", 3));
	ck_assert(or_strset_add(&set, "ab", 2)); /* a prefix is another key */
	ck_assert(or_strset_add(&set, "abcd", 4));
	ck_assert(!or_strset_add(&set, "abcdef", 4)); /* only the first len bytes */
	ck_assert(or_strset_contains(&set, "ab", 2));
	ck_assert(!or_strset_contains(&set, "a", 1));
	for (i = 0; i < 50000; i++) { /* through many growths */
		int n = snprintf(key, sizeof(key), "key-%d", i);
		ck_assert(or_strset_add(&set, key, (size_t)n));
	}
	for (i = 0; i < 50000; i++) {
		int n = snprintf(key, sizeof(key), "key-%d", i);
		ck_assert(or_strset_contains(&set, key, (size_t)n));
		ck_assert(!or_strset_add(&set, key, (size_t)n));
	}
	ck_assert_uint_eq(set.count, 50003);
	or_strset_dispose(&set);
}
END_TEST

/* Interning gives one copy of each string, and the same copy after the set
 * grows (the pointer is read after the insert that may move the table). */
START_TEST(test_strset_intern)
{
	or_strset set = OR_STRSET_INIT;
	const char *first = or_strset_intern(&set, "section:Overview", 16);
	char key[32];
	int i;

	ck_assert_str_eq(first, "section:Overview");
	for (i = 0; i < 10000; i++) { /* every intern may grow the table */
		int n = snprintf(key, sizeof(key), "subject-%d", i);
		const char *kept = or_strset_intern(&set, key, (size_t)n);
		ck_assert_str_eq(kept, key);
		ck_assert_ptr_eq(or_strset_intern(&set, key, (size_t)n), kept);
	}
	ck_assert_ptr_eq(or_strset_intern(&set, "section:Overview!", 16), first);
	ck_assert_uint_eq(set.count, 10001);
	or_strset_dispose(&set);
}
END_TEST

/* or_json_stream_members writes what json_dumps writes for the whole: the
 * streamed members filled from their callbacks, other arrays element by
 * element, empty arrays and objects, nested values, and keys that need
 * escaping. */
START_TEST(test_json_stream_members_is_json_dumps)
{
	static const char *const roots[] = {
		"{\"a\": 1, \"list\": [], \"b\": {\"x\": [1, {\"y\": null}], \"z\": {}},"
		" \"findings\": [{\"m\": \"line\\nbreak \\\"q\\\"\"}, 2.5, \"\u00e9\"],"
		" \"empty\": [], \"k\\\"ey\\n\": true, \"more\": []}",
		"{\"list\": []}",
		"{\"more\": [], \"list\": []}",
		"{\"only\": [1, 2]}",
	};
	json_t *items = json_loads("[{\"rule\": \"r\", \"subjects\": [\"s1\", \"s2\"]}, [], 3]", 0,
				   NULL);
	json_t *more = json_loads("[\"m\\u00e9\", {\"k\": [true]}]", 0, NULL);
	size_t r;

	ck_assert_ptr_nonnull(items);
	ck_assert_ptr_nonnull(more);
	for (r = 0; r < sizeof(roots) / sizeof(roots[0]); r++) {
		json_t *root = json_loads(roots[r], 0, NULL), *whole;
		or_out out = OR_OUT_INIT, none = OR_OUT_INIT;
		or_json_streamed members[2] = {
			{ "list", json_array_size(items), element, items },
			{ "more", json_array_size(more), element, more },
		};
		char *dump;

		ck_assert_ptr_nonnull(root);
		ck_assert_int_eq(or_json_stream_members(&out, root, members, 2), 0);
		whole = json_deep_copy(root);
		/* a root without a member gets none */
		if (json_object_get(root, "list"))
			json_object_set(whole, "list", items);
		if (json_object_get(root, "more"))
			json_object_set(whole, "more", more);
		dump = json_dumps(whole, JSON_INDENT(2) | JSON_REAL_PRECISION(10));
		ck_assert_str_eq(or_buf_cstr(&out.buf), dump);
		free(dump);
		/* nothing streamed: the root as it is */
		ck_assert_int_eq(or_json_stream_members(&none, root, NULL, 0), 0);
		dump = json_dumps(root, JSON_INDENT(2) | JSON_REAL_PRECISION(10));
		ck_assert_str_eq(or_buf_cstr(&none.buf), dump);
		free(dump);
		json_decref(whole);
		json_decref(root);
		or_out_dispose(&out);
		or_out_dispose(&none);
	}
	json_decref(items);
	json_decref(more);
}
END_TEST

/* The typed evaluations: grouped subjects, strings interned, the JSON of a
 * group, a saved report's array read back (with a merged report's prefix),
 * and what is not an opsready evaluation refused with exit 2. */
START_TEST(test_eval_table)
{
	or_eval_table table, back;
	or_diag diag = OR_DIAG_INIT;
	json_t *array = json_array(), *bad;
	char *text;
	size_t i;

	or_eval_table_init(&table);
	or_eval_table_group(&table, "docs.placeholder", NULL, "a.md", "pass", NULL);
	or_eval_table_subject(&table, "document");
	or_eval_table_subject(&table, "section:Overview");
	or_eval_table_group(&table, "drills.overdue", NULL, NULL, "skipped", "no drill log");
	or_eval_table_subject(&table, "drills");
	or_eval_table_group(&table, "docs.placeholder", NULL, "b\xff.md", "pass", NULL);
	or_eval_table_subject(&table, "document");
	ck_assert_uint_eq(table.ngroups, 3);
	ck_assert_uint_eq(table.nsubjects, 4);
	/* one copy of each string */
	ck_assert_ptr_eq(table.subjects[0], table.subjects[3]);
	ck_assert_ptr_eq(table.groups[0].rule, table.groups[2].rule);
	/* not UTF-8: kept as the rest of the report keeps it */
	ck_assert_str_eq(table.groups[2].file, "b?.md");

	for (i = 0; i < table.ngroups; i++)
		json_array_append_new(array, or_eval_table_json(&table, i));
	text = json_dumps(array, JSON_COMPACT);
	ck_assert_str_eq(text,
			 "[{\"rule\":\"docs.placeholder\",\"file\":\"a.md\",\"outcome\":\"pass\","
			 "\"reason\":null,\"subjects\":[\"document\",\"section:Overview\"]},"
			 "{\"rule\":\"drills.overdue\",\"file\":null,\"outcome\":\"skipped\","
			 "\"reason\":\"no drill log\",\"subjects\":[\"drills\"]},"
			 "{\"rule\":\"docs.placeholder\",\"file\":\"b?.md\",\"outcome\":\"pass\","
			 "\"reason\":null,\"subjects\":[\"document\"]}]");
	free(text);

	or_eval_table_init(&back);
	ck_assert_int_eq(or_eval_table_load(&back, array, "payments", "r.json", &diag), 0);
	ck_assert_uint_eq(back.ngroups, 3);
	ck_assert_uint_eq(back.nsubjects, 4);
	ck_assert_str_eq(back.groups[0].file, "payments/a.md");
	ck_assert_ptr_null(back.groups[1].file); /* repository-wide stays so */
	ck_assert_str_eq(back.groups[1].reason, "no drill log");
	ck_assert_str_eq(back.subjects[back.groups[0].first + 1], "section:Overview");
	or_eval_table_dispose(&back);

	bad = json_loads("[{\"rule\": \"r\", \"subjects\": [\"s\", 7]}]", 0, NULL);
	or_eval_table_init(&back);
	ck_assert_int_eq(or_eval_table_load(&back, bad, NULL, "r.json", &diag), -1);
	ck_assert_int_eq(diag.code, OR_EXIT_USAGE);
	ck_assert_str_eq(diag.file, "r.json");
	ck_assert_ptr_nonnull(strstr(diag.message, "evaluations[0].subjects[1]"));
	or_eval_table_dispose(&back);
	json_decref(bad);
	bad = json_loads("[{\"subjects\": []}]", 0, NULL);
	or_eval_table_init(&back);
	ck_assert_int_eq(or_eval_table_load(&back, bad, NULL, "r.json", &diag), -1);
	ck_assert_ptr_nonnull(strstr(diag.message, "evaluations[0]"));
	or_eval_table_dispose(&back);
	json_decref(bad);
	bad = json_object();
	or_eval_table_init(&back);
	ck_assert_int_eq(or_eval_table_load(&back, bad, NULL, "r.json", &diag), -1);
	ck_assert_ptr_nonnull(strstr(diag.message, "not an array"));
	or_eval_table_dispose(&back);
	json_decref(bad);

	json_decref(array);
	or_eval_table_dispose(&table);
}
END_TEST

/* The typed findings: interning, the JSON report's object (members in the
 * report's order, reason and waiver only when there are any), loading a
 * saved report's findings with a merge prefix, and refusing what opsready
 * did not write. */
START_TEST(test_finding_table)
{
	or_finding_table table, back;
	or_report_finding f;
	or_diag diag = OR_DIAG_INIT;
	json_t *array = json_array(), *bad;
	char *text;
	size_t i;

	or_finding_table_init(&table);
	memset(&f, 0, sizeof(f));
	f.rule = "docs.required-section";
	f.severity = "error";
	f.area = "docs";
	f.message = "runbook has no 'Rollback Procedures' section";
	f.file = "a.md";
	f.line = 1;
	f.column = 1;
	f.subject = "section:Rollback Procedures";
	f.fingerprint = "0123456789abcdef";
	f.status = "active";
	or_finding_table_add(&table, &f, NULL);
	f.file = "b\xff.md";
	f.evidence = "TODO";
	f.fingerprint = "fedcba9876543210";
	f.status = "waived";
	f.waived = true;
	f.waiver.reason = "migrating";
	f.waiver.expires = "2027-01-31";
	or_finding_table_add(&table, &f, NULL);
	memset(&f, 0, sizeof(f));
	f.rule = "contacts.missing-role";
	f.severity = "warning";
	f.area = "contacts";
	f.message = "no contact for the required role Incident Commander";
	f.subject = "role:Incident Commander";
	f.fingerprint = "00000000000000ff";
	f.status = "baseline";
	f.reason = "in the baseline";
	or_finding_table_add(&table, &f, NULL);
	ck_assert_uint_eq(table.count, 3);
	/* one copy of each string; text that is not UTF-8 kept with '?' */
	ck_assert_ptr_eq(table.items[0].message, table.items[1].message);
	ck_assert_str_eq(table.items[1].file, "b?.md");

	for (i = 0; i < table.count; i++)
		json_array_append_new(array, or_finding_table_json(&table, i));
	text = json_dumps(array, JSON_COMPACT);
	ck_assert_str_eq(
		text,
		"[{\"rule\":\"docs.required-section\",\"severity\":\"error\",\"area\":\"docs\","
		"\"message\":\"runbook has no 'Rollback Procedures' section\",\"file\":\"a.md\","
		"\"line\":1,\"column\":1,\"subject\":\"section:Rollback Procedures\","
		"\"evidence\":null,\"fingerprint\":\"0123456789abcdef\",\"status\":\"active\"},"
		"{\"rule\":\"docs.required-section\",\"severity\":\"error\",\"area\":\"docs\","
		"\"message\":\"runbook has no 'Rollback Procedures' section\",\"file\":\"b?.md\","
		"\"line\":1,\"column\":1,\"subject\":\"section:Rollback Procedures\","
		"\"evidence\":\"TODO\",\"fingerprint\":\"fedcba9876543210\",\"status\":\"waived\","
		"\"waiver\":{\"reason\":\"migrating\",\"approved_by\":null,\"expires\":\"2027-01-31\"}},"
		"{\"rule\":\"contacts.missing-role\",\"severity\":\"warning\",\"area\":\"contacts\","
		"\"message\":\"no contact for the required role Incident Commander\",\"file\":null,"
		"\"line\":0,\"column\":0,\"subject\":\"role:Incident Commander\",\"evidence\":null,"
		"\"fingerprint\":\"00000000000000ff\",\"status\":\"baseline\","
		"\"reason\":\"in the baseline\"}]");
	free(text);

	/* the reused object of or_finding_json gives the same bytes, row after
	 * row, whether or not the row before had a reason or a waiver */
	{
		static const size_t order[] = { 0, 1, 2, 1, 0, 2, 2, 0 };
		or_finding_json writer;

		or_finding_json_init(&writer);
		for (i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
			json_t *fresh = or_finding_table_json(&table, order[i]);
			char *want = json_dumps(fresh, JSON_INDENT(2));
			char *got = json_dumps(or_finding_json_row(&writer, &table, order[i]),
					       JSON_INDENT(2));

			ck_assert_str_eq(got, want);
			free(want);
			free(got);
			json_decref(fresh);
		}
		or_finding_json_dispose(&writer);
	}

	/* loaded back: the same objects, files prefixed for a merge */
	or_finding_table_init(&back);
	ck_assert_int_eq(or_finding_table_load(&back, array, "payments", "r.json", &diag), 0);
	ck_assert_uint_eq(back.count, 3);
	ck_assert_str_eq(back.items[0].file, "payments/a.md");
	ck_assert_ptr_null(back.items[2].file); /* repository-wide stays so */
	ck_assert(back.items[1].waived);
	ck_assert_str_eq(back.items[1].waiver.expires, "2027-01-31");
	ck_assert_ptr_null(back.items[1].waiver.approved_by);
	ck_assert_int_eq(back.items[0].line, 1);
	or_finding_table_dispose(&back);
	or_finding_table_init(&back);
	ck_assert_int_eq(or_finding_table_load(&back, array, NULL, "r.json", &diag), 0);
	for (i = 0; i < back.count; i++) {
		json_t *again = or_finding_table_json(&back, i);
		ck_assert(json_equal(again, json_array_get(array, i)));
		json_decref(again);
	}
	or_finding_table_dispose(&back);

	/* a finding edited by hand comes back in the schema's shape */
	bad = json_loads("[{\"rule\": \"r\", \"severity\": \"error\", \"message\": \"m\","
			 " \"fingerprint\": \"f\", \"status\": \"active\", \"line\": \"7\","
			 " \"extra\": true, \"waiver\": null}]", 0, NULL);
	or_finding_table_init(&back);
	ck_assert_int_eq(or_finding_table_load(&back, bad, NULL, "r.json", &diag), 0);
	ck_assert(!back.items[0].waived);
	{
		json_t *shaped = or_finding_table_json(&back, 0);
		char *dump = json_dumps(shaped, JSON_COMPACT);

		ck_assert_str_eq(dump, "{\"rule\":\"r\",\"severity\":\"error\",\"area\":null,"
				       "\"message\":\"m\",\"file\":null,\"line\":0,\"column\":0,"
				       "\"subject\":null,\"evidence\":null,\"fingerprint\":\"f\","
				       "\"status\":\"active\"}");
		free(dump);
		json_decref(shaped);
	}
	or_finding_table_dispose(&back);
	json_decref(bad);

	bad = json_loads("[{\"rule\": \"r\", \"severity\": \"error\", \"message\": \"m\","
			 " \"fingerprint\": 7, \"status\": \"active\"}]", 0, NULL);
	or_finding_table_init(&back);
	ck_assert_int_eq(or_finding_table_load(&back, bad, NULL, "r.json", &diag), -1);
	ck_assert_int_eq(diag.code, OR_EXIT_USAGE);
	ck_assert_str_eq(diag.file, "r.json");
	ck_assert_ptr_nonnull(strstr(diag.message, "findings[0] has no string 'fingerprint'"));
	or_finding_table_dispose(&back);
	json_decref(bad);
	bad = json_object();
	or_finding_table_init(&back);
	ck_assert_int_eq(or_finding_table_load(&back, bad, NULL, "r.json", &diag), -1);
	ck_assert_ptr_nonnull(strstr(diag.message, "not an array"));
	or_finding_table_dispose(&back);
	json_decref(bad);

	json_decref(array);
	or_finding_table_dispose(&table);
}
END_TEST

Suite *output_suite(void)
{
	Suite *s = suite_create("output");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_out_memory_and_sink_agree);
	tcase_add_test(tc, test_out_failed_sink);
	tcase_add_test(tc, test_json_stream_is_json_dumps);
	tcase_add_test(tc, test_json_stream_no_such_array);
	tcase_add_test(tc, test_atomic_write_streams_and_cleans_up);
	tcase_add_test(tc, test_fs_inside);
	tcase_add_test(tc, test_strset);
	tcase_add_test(tc, test_strset_intern);
	tcase_add_test(tc, test_json_stream_members_is_json_dumps);
	tcase_add_test(tc, test_eval_table);
	tcase_add_test(tc, test_finding_table);
	suite_add_tcase(s, tc);
	return s;
}
