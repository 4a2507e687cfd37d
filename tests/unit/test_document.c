#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "input/document.h"
#include "suites.h"
#include "util/alloc.h"
#include "util/buf.h"

#define SEED_PATH OR_TEST_SEED

static or_document *parse_str(const char *text)
{
	or_document *doc = NULL;
	ck_assert_int_eq(or_document_parse(&doc, "t.md", text, strlen(text)), 0);
	ck_assert_ptr_nonnull(doc);
	return doc;
}

static const or_kv *find_kv(const or_document *doc, const char *key)
{
	size_t i;
	for (i = 0; i < doc->nkvs; i++)
		if (strcmp(doc->kvs[i].key, key) == 0)
			return &doc->kvs[i];
	return NULL;
}

static int find_section(const or_document *doc, const char *name)
{
	size_t i;
	for (i = 0; i < doc->nsections; i++)
		if (strcmp(doc->sections[i].name, name) == 0)
			return (int)i;
	return -1;
}

static const or_task *find_task(const or_document *doc, int line)
{
	size_t i;
	for (i = 0; i < doc->ntasks; i++)
		if (doc->tasks[i].line == line)
			return &doc->tasks[i];
	return NULL;
}

/* ---- the seed runbook ---------------------------------------------------- */

static or_document *parse_seed(void)
{
	size_t len = 0;
	char *data = or_test_read_file(SEED_PATH, &len);
	or_document *doc = NULL;

	ck_assert_msg(data != NULL, "cannot read %s", SEED_PATH);
	ck_assert_int_eq(or_document_parse(&doc, "docs/runbook.md", data, len), 0);
	free(data);
	return doc;
}

START_TEST(test_seed_sections)
{
	or_document *doc = parse_seed();
	static const char *const required[] = {
		"Overview", "Emergency Procedures", "Rollback Procedures",
		"Disaster Recovery Procedures", "Support Team Readiness",
		"Validation and Testing", "Contact Information"
	};
	size_t i;
	int s;

	ck_assert_uint_eq(doc->nlines, 679);
	ck_assert_str_eq(doc->title, "Business Continuity Runbook - Section 8");
	ck_assert_ptr_null(doc->type);
	ck_assert(!doc->has_front_matter);
	for (i = 0; i < sizeof(required) / sizeof(required[0]); i++) {
		s = find_section(doc, required[i]);
		ck_assert_msg(s >= 0, "section %s missing", required[i]);
		ck_assert_int_eq(doc->sections[s].level, 2);
		ck_assert(doc->sections[s].has_content);
		ck_assert_int_eq(doc->sections[s].parent, 0);
	}
	s = find_section(doc, "Overview");
	ck_assert_int_eq(doc->sections[s].line, 3);
	ck_assert_int_eq(doc->sections[s].end_line, 12);
	s = find_section(doc, "Emergency Procedures");
	ck_assert_str_eq(doc->sections[s].title, "\xEF\xA3\xBF\xC3\xBC\xC3\xB6\xC2\xAE" " Emergency Procedures");
	ck_assert_int_eq(doc->sections[s].line, 13);
	ck_assert_int_eq(doc->sections[s].end_line, 50);
	s = find_section(doc, "Contact Information");
	ck_assert_int_eq(doc->sections[s].line, 562);
	ck_assert_int_eq(doc->sections[s].end_line, 594);
	/* the last section runs to the end of the document */
	s = find_section(doc, "Scenario 3: Agent Service Failure");
	ck_assert_int_eq(doc->sections[s].end_line, 679);
	ck_assert_int_eq(doc->sections[s].level, 4);
	ck_assert_str_eq(doc->sections[doc->sections[s].parent].name, "Appendix B: Common Scenarios");
	/* section lookups */
	ck_assert_int_eq(or_document_section_at(doc, 1), 0);
	ck_assert_int_eq(or_document_section_at(doc, 165),
			 find_section(doc, "Primary Database Failure"));
	ck_assert_int_eq(or_document_find_anchor(doc, "critical-system-failure"),
			 find_section(doc, "Critical System Failure"));
	ck_assert_int_eq(or_document_find_anchor(doc, "no-such-heading"), -1);
	or_document_free(doc);
}
END_TEST

START_TEST(test_seed_metadata)
{
	or_document *doc = parse_seed();
	static const struct {
		const char *key, *value;
		int line;
	} want[] = {
		{ "Last Updated", "August 30, 2025", 7 },
		{ "Version", "1.0.0", 8 },
		{ "Maintainer", "Operations Team", 9 },
		{ "Document Status", "\xE2\x80\x9A\xC3\xBA\xC3\x96" " Complete", 677 },
		{ "Next Review", "September 30, 2025", 678 },
		{ "Approval Required", "Operations Director + CTO", 679 },
	};
	size_t i;
	const or_kv *kv;

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		kv = find_kv(doc, want[i].key);
		ck_assert_msg(kv != NULL, "kv %s missing", want[i].key);
		ck_assert_str_eq(kv->value, want[i].value);
		ck_assert_int_eq(kv->line, want[i].line);
		ck_assert_int_eq(kv->column, 1);
		ck_assert_int_eq(kv->source, OR_KV_LABEL);
		ck_assert(!kv->in_list);
	}
	kv = find_kv(doc, "Last Updated");
	ck_assert_int_eq(kv->value_column, 19);
	ck_assert_int_eq(kv->section, find_section(doc, "Overview"));
	/* labels in list items, with and without a value */
	kv = find_kv(doc, "Primary On-Call");
	ck_assert_ptr_nonnull(kv);
	ck_assert_str_eq(kv->value, "+1-555-0123");
	ck_assert_int_eq(kv->line, 567);
	ck_assert_int_eq(kv->column, 3);
	ck_assert_int_eq(kv->value_column, 24);
	ck_assert(kv->in_list);
	kv = find_kv(doc, "Actions");
	ck_assert_ptr_nonnull(kv);
	ck_assert_str_eq(kv->value, "");
	ck_assert_int_eq(kv->line, 312);
	kv = find_kv(doc, "Team");
	ck_assert_str_eq(kv->value, "Support Engineers");
	ck_assert_int_eq(kv->section, find_section(doc, "Level 1: Initial Response (0-15 minutes)"));
	or_document_free(doc);
}
END_TEST

START_TEST(test_seed_tasks)
{
	or_document *doc = parse_seed();
	const or_task *t;
	int line, complete = 0, in_progress = 0;
	size_t i;

	ck_assert_uint_eq(doc->ntasks, 28);
	for (line = 281; line <= 292; line++) {
		if (line == 287 || line == 288)
			continue;
		t = find_task(doc, line);
		ck_assert_msg(t != NULL, "no task at %d", line);
		ck_assert(t->is_task);
		ck_assert(!t->checked);
		ck_assert_int_eq(t->status, OR_ITEM_NONE);
		ck_assert_ptr_null(t->marker);
		ck_assert_int_eq(t->column, 1);
	}
	t = find_task(doc, 281);
	ck_assert_str_eq(t->text, "System Architecture Overview (4 hours)");
	ck_assert_str_eq(doc->sections[t->section].name, "Mandatory Training (100% Completion Required)");

	t = find_task(doc, 341);
	ck_assert_str_eq(t->text, "Incident Response Playbook " "\xE2\x80\x9A\xC3\xBA\xC3\x96");
	ck_assert(t->is_task && !t->checked);
	ck_assert_int_eq(t->status, OR_ITEM_COMPLETE);
	ck_assert_str_eq(t->marker, "\xE2\x80\x9A\xC3\xBA\xC3\x96");
	ck_assert_int_eq(t->marker_column, 38);

	t = find_task(doc, 346);
	ck_assert_int_eq(t->status, OR_ITEM_IN_PROGRESS);
	ck_assert_str_eq(t->marker, "\xE2\x80\x9A\xC3\xB6\xE2\x80\xA0\xC3\x94\xE2\x88\x8F\xC3\xA8");
	ck_assert_int_eq(t->marker_column, 42);

	for (i = 0; i < doc->ntasks; i++) {
		if (doc->tasks[i].status == OR_ITEM_COMPLETE)
			complete++;
		else if (doc->tasks[i].status == OR_ITEM_IN_PROGRESS)
			in_progress++;
	}
	ck_assert_int_eq(complete, 13);
	ck_assert_int_eq(in_progress, 5);
	/* "- Acknowledge incident" is no task */
	ck_assert_ptr_null(find_task(doc, 313));
	or_document_free(doc);
}
END_TEST

START_TEST(test_seed_code_and_commands)
{
	or_document *doc = parse_seed();
	const or_command_ref *ref;
	const or_code_block *cb;
	size_t i;
	bool seen_verify = false;

	ck_assert_uint_eq(doc->ncode_blocks, 21);
	cb = &doc->code_blocks[0];
	ck_assert_str_eq(cb->info, "bash");
	ck_assert_int_eq(cb->line, 56);
	ck_assert_int_eq(cb->first_line, 57);
	ck_assert_int_eq(cb->last_line, 66);
	ck_assert_int_eq(cb->end_line, 67);
	ck_assert(or_document_line_in_code(doc, 56));
	ck_assert(or_document_line_in_code(doc, 60));
	ck_assert(or_document_line_in_code(doc, 67));
	ck_assert(!or_document_line_in_code(doc, 68));
	ck_assert(!or_document_line_in_code(doc, 1));

	ck_assert_uint_eq(doc->ncommands, 26);
	ref = &doc->commands[0];
	ck_assert_str_eq(ref->path, "scripts/failover-drill.sh");
	ck_assert_int_eq(ref->line, 165);
	ck_assert_int_eq(ref->column, 1);
	ck_assert_str_eq(ref->command, "./scripts/failover-drill.sh --target=replica-east-instance");
	ck_assert_str_eq(doc->code_blocks[ref->block].info, "bash");
	ck_assert_int_eq(doc->code_blocks[ref->block].line, 156);
	ck_assert_str_eq(doc->sections[ref->section].name, "Primary Database Failure");
	for (i = 0; i < doc->ncommands; i++) {
		ck_assert_msg(strncmp(doc->commands[i].path, "scripts/", 8) == 0, "%s",
			      doc->commands[i].path);
		if (strcmp(doc->commands[i].path, "scripts/verify-data-integrity.sh") == 0 &&
		    doc->commands[i].line == 206)
			seen_verify = true;
	}
	ck_assert(seen_verify);
	or_document_free(doc);
}
END_TEST

START_TEST(test_seed_links)
{
	or_document *doc = parse_seed();

	ck_assert_uint_eq(doc->nlinks, 3);
	ck_assert_str_eq(doc->links[0].dest, "mailto:security@example.com");
	ck_assert_str_eq(doc->links[0].text, "security@example.com");
	ck_assert_int_eq(doc->links[0].line, 579);
	ck_assert_int_eq(doc->links[0].column, 22);
	ck_assert(!doc->links[0].is_image);
	or_document_free(doc);
}
END_TEST

/* ---- front matter -------------------------------------------------------- */

START_TEST(test_front_matter_valid)
{
	or_document *doc = parse_str(
		"---\n"
		"title: Payments Runbook\n"
		"type: runbook\n"
		"owner:  ops-team\n"
		"tags: [dr, bcp, \"on call\"]\n"
		"nested: { a: 1 }\n"
		"last_updated: 2025-01-15\n"
		"---\n"
		"# Heading\n"
		"\n"
		"text\n");
	const or_kv *kv;

	ck_assert(doc->has_front_matter);
	ck_assert_ptr_null(doc->front_matter_error);
	ck_assert_int_eq(doc->front_matter_end_line, 8);
	ck_assert_str_eq(doc->title, "Payments Runbook");
	ck_assert_str_eq(doc->type, "runbook");
	kv = find_kv(doc, "owner");
	ck_assert_ptr_nonnull(kv);
	ck_assert_str_eq(kv->value, "ops-team");
	ck_assert_int_eq(kv->line, 4);
	ck_assert_int_eq(kv->column, 1);
	ck_assert_int_eq(kv->value_column, 9);
	ck_assert_int_eq(kv->source, OR_KV_FRONT_MATTER);
	ck_assert_int_eq(kv->section, -1);
	kv = find_kv(doc, "tags");
	ck_assert_str_eq(kv->value, "dr, bcp, on call");
	ck_assert_ptr_null(find_kv(doc, "nested"));
	ck_assert_ptr_null(find_kv(doc, "a"));
	kv = find_kv(doc, "last_updated");
	ck_assert_str_eq(kv->value, "2025-01-15");
	ck_assert_int_eq(kv->line, 7);
	/* the heading keeps its true line */
	ck_assert_uint_eq(doc->nsections, 1);
	ck_assert_int_eq(doc->sections[0].line, 9);
	ck_assert_str_eq(doc->sections[0].name, "Heading");
	or_document_free(doc);
}
END_TEST

START_TEST(test_front_matter_invalid)
{
	or_document *doc = parse_str(
		"---\n"
		"title: ok\n"
		"bad: [unclosed\n"
		"---\n"
		"## After\n");

	ck_assert(doc->has_front_matter);
	ck_assert_ptr_nonnull(doc->front_matter_error);
	ck_assert_int_ge(doc->front_matter_error_line, 3);
	ck_assert_int_le(doc->front_matter_error_line, 4);
	ck_assert_int_ge(doc->front_matter_error_column, 1);
	ck_assert_uint_eq(doc->nsections, 1);
	ck_assert_int_eq(doc->sections[0].line, 5);
	or_document_free(doc);
}
END_TEST

START_TEST(test_front_matter_aliases)
{
	or_document *doc = parse_str(
		"---\n"
		"a: &x [lol, lol, lol]\n"
		"b: *x\n"
		"c: &y plain\n"
		"d: *y\n"
		"...\n"
		"text\n");

	ck_assert(doc->has_front_matter);
	ck_assert_ptr_null(doc->front_matter_error);
	ck_assert_str_eq(find_kv(doc, "a")->value, "lol, lol, lol");
	ck_assert_ptr_null(find_kv(doc, "b"));
	ck_assert_str_eq(find_kv(doc, "c")->value, "plain");
	ck_assert_ptr_null(find_kv(doc, "d"));
	ck_assert_int_eq(doc->front_matter_end_line, 6);
	or_document_free(doc);
}
END_TEST

START_TEST(test_front_matter_not_at_start)
{
	/* a later --- is a thematic break (or a setext underline), not front matter */
	or_document *doc = parse_str(
		"# Title\n"
		"\n"
		"---\n"
		"title: nope\n"
		"---\n");
	ck_assert(!doc->has_front_matter);
	ck_assert_int_eq(doc->front_matter_end_line, 0);
	ck_assert_str_eq(doc->title, "Title");
	ck_assert_ptr_null(find_kv(doc, "title"));
	or_document_free(doc);

	/* unclosed: no front matter */
	doc = parse_str("---\ntitle: x\n\n# Real\n");
	ck_assert(!doc->has_front_matter);
	ck_assert_str_eq(doc->title, "Real");
	or_document_free(doc);
}
END_TEST

START_TEST(test_front_matter_bom_crlf)
{
	or_document *doc = parse_str(
		"\xEF\xBB\xBF---\r\n"
		"type: runbook\r\n"
		"version: 2\r\n"
		"---\r\n"
		"## Overview\r\n"
		"\r\n"
		"**Owner:** Ops\r\n");
	const or_kv *kv;
	const char *line;
	size_t len;

	ck_assert(doc->has_front_matter);
	ck_assert_str_eq(doc->type, "runbook");
	kv = find_kv(doc, "version");
	ck_assert_str_eq(kv->value, "2");
	ck_assert_int_eq(kv->line, 3);
	ck_assert_uint_eq(doc->nsections, 1);
	ck_assert_int_eq(doc->sections[0].line, 5);
	ck_assert_str_eq(doc->sections[0].name, "Overview");
	kv = find_kv(doc, "Owner");
	ck_assert_ptr_nonnull(kv);
	ck_assert_str_eq(kv->value, "Ops");
	ck_assert_int_eq(kv->line, 7);
	ck_assert_int_eq(kv->value_column, 12);
	ck_assert_uint_eq(doc->nlines, 7);
	line = or_document_line(doc, 5, &len);
	ck_assert_uint_eq(len, 11);
	ck_assert(memcmp(line, "## Overview", 11) == 0);
	ck_assert_ptr_null(or_document_line(doc, 8, &len));
	ck_assert_ptr_null(or_document_line(doc, 0, &len));
	or_document_free(doc);
}
END_TEST

/* ---- headings and sections ---------------------------------------------- */

START_TEST(test_setext_and_empty_sections)
{
	or_document *doc = parse_str(
		"Main Title\n"          /* 1 */
		"==========\n"          /* 2 */
		"\n"                    /* 3 */
		"## Empty\n"            /* 4 */
		"\n"                    /* 5 */
		"---\n"                 /* 6 */
		"\n"                    /* 7 */
		"## Parent\n"           /* 8 */
		"### Child\n"           /* 9 */
		"\n"                    /* 10 */
		"Sub heading\n"         /* 11 */
		"-----------\n"         /* 12 */
		"body\n"                /* 13 */
		"## Last\n"             /* 14 */
		"<!-- just a comment -->\n"); /* 15 */

	ck_assert_uint_eq(doc->nsections, 6);
	ck_assert_str_eq(doc->title, "Main Title");
	ck_assert_int_eq(doc->sections[0].level, 1);
	ck_assert_int_eq(doc->sections[0].line, 1);
	ck_assert_int_eq(doc->sections[0].end_line, 15);
	ck_assert(doc->sections[0].has_content);
	ck_assert_str_eq(doc->sections[1].name, "Empty");
	ck_assert(!doc->sections[1].has_content);
	ck_assert_int_eq(doc->sections[1].end_line, 7);
	ck_assert_str_eq(doc->sections[2].name, "Parent");
	ck_assert(doc->sections[2].has_content); /* a deeper heading counts */
	ck_assert_int_eq(doc->sections[2].end_line, 10);
	ck_assert_int_eq(doc->sections[4].end_line, 13);
	ck_assert_str_eq(doc->sections[3].name, "Child");
	ck_assert(!doc->sections[3].has_content);
	ck_assert_int_eq(doc->sections[3].end_line, 10);
	ck_assert_int_eq(doc->sections[3].parent, 2);
	ck_assert_str_eq(doc->sections[4].name, "Sub heading");
	ck_assert_int_eq(doc->sections[4].level, 2);
	ck_assert_int_eq(doc->sections[4].line, 11);
	ck_assert(doc->sections[4].has_content);
	ck_assert_int_eq(doc->sections[4].parent, 0);
	ck_assert_str_eq(doc->sections[5].name, "Last");
	ck_assert(!doc->sections[5].has_content);
	ck_assert_int_eq(or_document_section_at(doc, 12), 4);
	ck_assert_int_eq(or_document_section_at(doc, 10), 3);
	or_document_free(doc);

	doc = parse_str("text before any heading\n\n# H\n");
	ck_assert_int_eq(or_document_section_at(doc, 1), -1);
	ck_assert_int_eq(or_document_section_at(doc, 3), 0);
	or_document_free(doc);
}
END_TEST

START_TEST(test_anchors)
{
	or_document *doc = parse_str(
		"# Overview\n"
		"## Overview\n"
		"## Overview\n"
		"## Overview-1\n"
		"## What's *New*?\n");

	ck_assert_str_eq(doc->sections[0].anchor, "overview");
	ck_assert_str_eq(doc->sections[1].anchor, "overview-1");
	ck_assert_str_eq(doc->sections[2].anchor, "overview-2");
	/* github-slugger: "overview-1" is taken, so this one becomes "overview-1-1" */
	ck_assert_str_eq(doc->sections[3].anchor, "overview-1-1");
	ck_assert_str_eq(doc->sections[4].title, "What's New?");
	ck_assert_str_eq(doc->sections[4].anchor, "whats-new");
	ck_assert_int_eq(or_document_find_anchor(doc, "overview"), 0);
	ck_assert_int_eq(or_document_find_anchor(doc, "overview-2"), 2);
	ck_assert_int_eq(or_document_find_anchor(doc, "overview-1-1"), 3);
	ck_assert_int_eq(or_document_find_anchor(doc, "whats-new"), 4);
	ck_assert_int_eq(or_document_find_anchor(doc, "overview-3"), -1);
	or_document_free(doc);
}
END_TEST

/* ---- key/value lines and tables ----------------------------------------- */

START_TEST(test_labels)
{
	or_document *doc = parse_str(
		"*Last Reviewed for accuracy:*  2019-11-18\n"   /* 1 */
		"**Last Updated**: 2025-01-15\n"                /* 2 */
		"__Owner:__ Platform *team*\n"                  /* 3 */
		"Owner: plain lines are not labels\n"           /* 4 */
		"text **Bold:** inside is not a label\n"        /* 5 */
		"\n"
		"- item one\n"                                  /* 7 */
		"  **Next Review:** 2025-02-15\n"               /* 8 */
		"> **Status:** Draft\n");                       /* 9 */
	const or_kv *kv;

	kv = find_kv(doc, "Last Reviewed for accuracy");
	ck_assert_ptr_nonnull(kv);
	ck_assert_str_eq(kv->value, "2019-11-18");
	ck_assert_int_eq(kv->line, 1);
	ck_assert_int_eq(kv->value_column, 32);
	kv = find_kv(doc, "Last Updated");
	ck_assert_ptr_nonnull(kv);
	ck_assert_str_eq(kv->value, "2025-01-15");
	ck_assert_int_eq(kv->line, 2);
	ck_assert_int_eq(kv->value_column, 19);
	kv = find_kv(doc, "Owner");
	ck_assert_ptr_nonnull(kv);
	ck_assert_str_eq(kv->value, "Platform team");
	ck_assert_int_eq(kv->line, 3);
	ck_assert_ptr_null(find_kv(doc, "Bold"));
	/* a continuation line in a list item: line and column are its own */
	kv = find_kv(doc, "Next Review");
	ck_assert_ptr_nonnull(kv);
	ck_assert_int_eq(kv->line, 8);
	ck_assert_int_eq(kv->column, 3);
	ck_assert_int_eq(kv->value_column, 20);
	ck_assert(kv->in_list);
	kv = find_kv(doc, "Status");
	ck_assert_ptr_nonnull(kv);
	ck_assert_int_eq(kv->line, 9);
	ck_assert_int_eq(kv->column, 3);
	ck_assert(!kv->in_list);
	ck_assert_uint_eq(doc->nkvs, 5);
	or_document_free(doc);
}
END_TEST

START_TEST(test_tables)
{
	or_document *doc = parse_str(
		"| Field | Value |\n"                          /* 1 */
		"|---|---|\n"                                  /* 2 */
		"| **Next Review** | 2025-02-15 (Monthly) |\n" /* 3 */
		"| Owner: | [Ops](https://x.example) |\n"      /* 4 */
		"\n"
		"| a | b | c |\n"                              /* 6 */
		"|---|---|---|\n"
		"| 1 | 2 | 3 |\n");
	const or_kv *kv;

	ck_assert_uint_eq(doc->ntables, 2);
	ck_assert_uint_eq(doc->tables[0].ncols, 2);
	ck_assert_uint_eq(doc->tables[0].nrows, 3);
	ck_assert(doc->tables[0].rows[0].is_header);
	ck_assert(!doc->tables[0].rows[1].is_header);
	ck_assert_int_eq(doc->tables[0].rows[1].line, 3);
	ck_assert_str_eq(doc->tables[0].rows[1].cells[0].text, "Next Review");
	ck_assert_int_eq(doc->tables[0].rows[1].cells[0].column, 3);
	ck_assert_uint_eq(doc->tables[1].ncols, 3);
	ck_assert_uint_eq(doc->tables[1].nrows, 2);
	ck_assert_str_eq(doc->tables[1].rows[1].cells[2].text, "3");

	kv = find_kv(doc, "Next Review");
	ck_assert_ptr_nonnull(kv);
	ck_assert_str_eq(kv->value, "2025-02-15 (Monthly)");
	ck_assert_int_eq(kv->source, OR_KV_TABLE);
	ck_assert_int_eq(kv->line, 3);
	ck_assert_int_eq(kv->column, 3);
	ck_assert_int_eq(kv->value_column, 21);
	kv = find_kv(doc, "Field");
	ck_assert_ptr_nonnull(kv);
	ck_assert_str_eq(kv->value, "Value");
	kv = find_kv(doc, "Owner");
	ck_assert_ptr_nonnull(kv);
	ck_assert_str_eq(kv->value, "Ops");
	ck_assert_ptr_null(find_kv(doc, "a"));
	ck_assert_uint_eq(doc->nkvs, 3);
	ck_assert_uint_eq(doc->nlinks, 1);
	ck_assert_int_eq(doc->links[0].line, 4);
	ck_assert_int_eq(doc->links[0].column, 12);
	or_document_free(doc);
}
END_TEST

/* ---- status markers ------------------------------------------------------ */

static or_item_status status_of(const char *text)
{
	return or_status_parse(text, strlen(text), NULL, NULL);
}

START_TEST(test_status_markers)
{
	size_t off = 99, len = 99;

	/* emoji, mojibake and shortcodes anywhere */
	ck_assert_int_eq(status_of("Playbook \xE2\x9C\x85"), OR_ITEM_COMPLETE);
	ck_assert_int_eq(status_of("Playbook " "\xE2\x80\x9A\xC3\xBA\xC3\x96"), OR_ITEM_COMPLETE);
	ck_assert_int_eq(status_of("\xE2\x9A\xA0\xEF\xB8\x8F half done"), OR_ITEM_IN_PROGRESS);
	ck_assert_int_eq(status_of("Guide \xE2\x9D\x8C"), OR_ITEM_MISSING);
	ck_assert_int_eq(status_of("x \xE2\x98\x91"), OR_ITEM_COMPLETE);
	ck_assert_int_eq(status_of("x \xF0\x9F\x9A\xA7"), OR_ITEM_IN_PROGRESS);
	ck_assert_int_eq(status_of("x :white_check_mark:"), OR_ITEM_COMPLETE);
	ck_assert_int_eq(status_of("x :heavy_check_mark:"), OR_ITEM_COMPLETE);
	ck_assert_int_eq(status_of("x :ballot_box_with_check:"), OR_ITEM_COMPLETE);
	ck_assert_int_eq(status_of("x :warning:"), OR_ITEM_IN_PROGRESS);
	ck_assert_int_eq(status_of("x :construction:"), OR_ITEM_IN_PROGRESS);
	ck_assert_int_eq(status_of("x :hourglass:"), OR_ITEM_IN_PROGRESS);
	ck_assert_int_eq(status_of("x :x:"), OR_ITEM_MISSING);
	ck_assert_int_eq(status_of("x :negative_squared_cross_mark:"), OR_ITEM_MISSING);

	/* the first marker wins, and its bytes are reported */
	{
		static const char guide[] = "Guide " "\xE2\x80\x9A\xC3\xB6\xE2\x80\xA0\xC3\x94\xE2\x88\x8F\xC3\xA8" " (In Progress)";
		ck_assert_int_eq(or_status_parse(guide, strlen(guide), &off, &len), OR_ITEM_IN_PROGRESS);
		ck_assert_uint_eq(off, 6);
		ck_assert_uint_eq(len, 15);
	}
	ck_assert_int_eq(or_status_parse("Guide (In Progress) \xE2\x9C\x85", 24, &off, &len),
			 OR_ITEM_IN_PROGRESS);
	ck_assert_uint_eq(off, 6);
	ck_assert_uint_eq(len, 13);
	ck_assert_int_eq(or_status_parse("Guide \xE2\x9C\x85\xEF\xB8\x8F", 12, &off, &len),
			 OR_ITEM_COMPLETE);
	ck_assert_uint_eq(off, 6);
	ck_assert_uint_eq(len, 6);

	/* words as whole markers */
	ck_assert_int_eq(status_of("Guide (Missing)"), OR_ITEM_MISSING);
	ck_assert_int_eq(status_of("Guide - Missing"), OR_ITEM_MISSING);
	ck_assert_int_eq(status_of("Guide \xE2\x80\x94 done."), OR_ITEM_COMPLETE);
	ck_assert_int_eq(status_of("Status: Draft"), OR_ITEM_IN_PROGRESS);
	ck_assert_int_eq(status_of("Runbook status: WIP since May"), OR_ITEM_IN_PROGRESS);
	ck_assert_int_eq(status_of("TODO: write this"), OR_ITEM_MISSING);
	ck_assert_int_eq(status_of("TODO"), OR_ITEM_MISSING);
	ck_assert_int_eq(status_of("Complete"), OR_ITEM_COMPLETE);
	ck_assert_int_eq(status_of("In Progress"), OR_ITEM_IN_PROGRESS);
	ck_assert_int_eq(status_of("Guide (not started)"), OR_ITEM_MISSING);
	ck_assert_int_eq(status_of("Guide [WIP]"), OR_ITEM_IN_PROGRESS);
	ck_assert_int_eq(status_of("\xE2\x9C\x85 Complete"), OR_ITEM_COMPLETE);

	/* ... and not as words in a sentence */
	ck_assert_int_eq(status_of("Incident Response Procedures"), OR_ITEM_NONE);
	ck_assert_int_eq(status_of("Complete the form"), OR_ITEM_NONE);
	ck_assert_int_eq(status_of("Write the TODO list"), OR_ITEM_NONE);
	ck_assert_int_eq(status_of("Critical documentation missing"), OR_ITEM_NONE);
	ck_assert_int_eq(status_of("System Architecture Overview (4 hours)"), OR_ITEM_NONE);
	ck_assert_int_eq(status_of("Drafting guidelines"), OR_ITEM_NONE);
	ck_assert_int_eq(status_of("Pending-approval queue is (not) shown"), OR_ITEM_NONE);
	ck_assert_int_eq(status_of("Caf\xC3\xA9 na\xC3\xAFve"), OR_ITEM_NONE);
	ck_assert_int_eq(status_of("time 10:30: done by x"), OR_ITEM_NONE);
	ck_assert_int_eq(status_of(""), OR_ITEM_NONE);
	ck_assert_int_eq(or_status_parse(NULL, 0, &off, &len), OR_ITEM_NONE);

	ck_assert_str_eq(or_item_status_name(OR_ITEM_COMPLETE), "complete");
	ck_assert_str_eq(or_item_status_name(OR_ITEM_IN_PROGRESS), "in-progress");
	ck_assert_str_eq(or_item_status_name(OR_ITEM_MISSING), "missing");
	ck_assert_str_eq(or_item_status_name(OR_ITEM_NONE), "none");
}
END_TEST

START_TEST(test_tasks_inline)
{
	or_document *doc = parse_str(
		"## Checklist\n"                          /* 1 */
		"- [x] Backups verified\n"                /* 2 */
		"- [X] Restore tested \xE2\x9C\x85\n"     /* 3 */
		"- [ ] DR drill (In Progress)\n"          /* 4 */
		"- Contacts verified :x:\n"               /* 5 */
		"- Acknowledge incident\n"                /* 6 */
		"  1. Nested - Missing\n");               /* 7 */
	const or_task *t;

	ck_assert_uint_eq(doc->ntasks, 5);
	t = find_task(doc, 2);
	ck_assert(t->is_task && t->checked);
	ck_assert_int_eq(t->status, OR_ITEM_NONE);
	ck_assert_int_eq(t->marker_column, 0);
	ck_assert_str_eq(t->text, "Backups verified");
	ck_assert_int_eq(t->section, 0);
	t = find_task(doc, 3);
	ck_assert(t->checked);
	ck_assert_int_eq(t->status, OR_ITEM_COMPLETE);
	ck_assert_int_eq(t->marker_column, 22);
	t = find_task(doc, 4);
	ck_assert(!t->checked);
	ck_assert_int_eq(t->status, OR_ITEM_IN_PROGRESS);
	ck_assert_str_eq(t->marker, "(In Progress)");
	ck_assert_int_eq(t->marker_column, 16);
	t = find_task(doc, 5);
	ck_assert(!t->is_task);
	ck_assert_int_eq(t->status, OR_ITEM_MISSING);
	ck_assert_str_eq(t->marker, ":x:");
	ck_assert_ptr_null(find_task(doc, 6));
	t = find_task(doc, 7);
	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(t->column, 3);
	ck_assert_int_eq(t->status, OR_ITEM_MISSING);
	ck_assert_str_eq(t->marker, "Missing");
	or_document_free(doc);
}
END_TEST

START_TEST(test_status_only_where_a_status_belongs)
{
	or_document *doc = parse_str(
		"## Board columns\n"                                   /* 1 */
		"- `In Progress`: tickets here have an assignee.\n"    /* 2 */
		"- **Done** \xE2\x80\x94 merged and deployed\n"        /* 3 */
		"\n"
		"## Review outcomes\n"                                 /* 5 */
		"* \xE2\x9C\x85 Approved\n"                             /* 6 */
		"* \xE2\x9D\x8C Rejected\n"                             /* 7 */
		"* \xE2\x8F\xB3 Waiting for a second reviewer\n"        /* 8 */
		"\n"
		"## Readiness\n"                                       /* 10 */
		"- \xE2\x9C\x85 Backups verified\n"                     /* 11 */
		"- \xE2\x9D\x8C Restore rehearsed\n"                    /* 12 */
		"- \xE2\x9C\x85 Pager rota published\n"                 /* 13 */
		"- Failover drill (In Progress)\n"                     /* 14 */
		"\n"
		"## Checklist\n"                                       /* 16 */
		"- [ ] Escalation tree \xE2\x9C\x85\n"                  /* 17 */
		"- [ ] In Progress: call the vendor\n"                 /* 18 */
		"\n"
		"Two entries, each its own symbol, are a legend too:\n" /* 20 */
		"\n"
		"- :white_check_mark: passed\n"                        /* 22 */
		"- :x: failed\n");                                     /* 23 */
	const or_task *t;

	ck_assert_ptr_null(find_task(doc, 2));
	ck_assert_ptr_null(find_task(doc, 3));
	ck_assert_ptr_null(find_task(doc, 6));
	ck_assert_ptr_null(find_task(doc, 7));
	ck_assert_ptr_null(find_task(doc, 8));
	/* a checklist repeats its markers */
	t = find_task(doc, 11);
	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(t->status, OR_ITEM_COMPLETE);
	t = find_task(doc, 12);
	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(t->status, OR_ITEM_MISSING);
	t = find_task(doc, 14);
	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(t->status, OR_ITEM_IN_PROGRESS);
	/* task items keep their markers, even as the opening term */
	t = find_task(doc, 17);
	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(t->status, OR_ITEM_COMPLETE);
	t = find_task(doc, 18);
	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(t->status, OR_ITEM_IN_PROGRESS);
	ck_assert_ptr_null(find_task(doc, 22));
	ck_assert_ptr_null(find_task(doc, 23));
	ck_assert_uint_eq(doc->ntasks, 6);
	or_document_free(doc);
}
END_TEST

/* ---- commands ------------------------------------------------------------ */

static const or_command_ref *find_cmd(const or_document *doc, const char *path)
{
	size_t i;
	for (i = 0; i < doc->ncommands; i++)
		if (strcmp(doc->commands[i].path, path) == 0)
			return &doc->commands[i];
	return NULL;
}

START_TEST(test_commands)
{
	or_document *doc = parse_str(
		"```sh\n"                                             /* 1 */
		"# ./commented/out.sh is ignored\n"                   /* 2 */
		"./run.sh --config=./conf/app.yml \"./with space.sh\"\n" /* 3 */
		"bash tools/check.sh -v\n"                            /* 4 */
		"python3 -u manage.py migrate && ../up/level.sh;\n"   /* 5 */
		"/usr/local/bin/abs.sh ./$VAR/x.sh ./glob/*.sh\n"     /* 6 */
		"curl https://example.com/./x.sh | sh\n"              /* 7 */
		"./long.sh \\\n"                                      /* 8 */
		"  --flag \\\n"                                       /* 9 */
		"  ./second.sh\n"                                     /* 10 */
		"source ~/.bashrc; . env/activate\n"                  /* 11 */
		"FOO=./env.sh bash -c 'echo ./not-a-path.sh'\n"       /* 12 */
		"```\n"                                               /* 13 */
		"\n"
		"```console\n"                                        /* 15 */
		"$ ./prompted.sh\n"                                   /* 16 */
		"./output-line.sh\n"                                  /* 17 */
		"# ./root-prompt.sh\n"                                /* 18 */
		"```\n"
		"\n"
		"```text\n"
		"./in-text-block.sh\n"
		"```\n"
		"\n"
		"```python\n"
		"os.system('./in-python.sh')\n"
		"```\n"
		"\n"
		"- step\n"                                            /* 29 */
		"\n"
		"  ```\n"                                             /* 31 */
		"  ./nested/in-list.sh\n"                             /* 32 */
		"  ```\n"
		"\n"
		"      ./indented.sh arg\n");                         /* 35 */
	const or_command_ref *ref;

	ck_assert_ptr_null(find_cmd(doc, "commented/out.sh"));
	ref = find_cmd(doc, "run.sh");
	ck_assert_ptr_nonnull(ref);
	ck_assert_int_eq(ref->line, 3);
	ck_assert_int_eq(ref->column, 1);
	ck_assert_str_eq(ref->command, "./run.sh --config=./conf/app.yml \"./with space.sh\"");
	/* arguments are not run */
	ck_assert_ptr_null(find_cmd(doc, "conf/app.yml"));
	ck_assert_ptr_null(find_cmd(doc, "with space.sh"));
	ref = find_cmd(doc, "tools/check.sh");
	ck_assert_ptr_nonnull(ref);
	ck_assert_int_eq(ref->line, 4);
	ck_assert_int_eq(ref->column, 6);
	ref = find_cmd(doc, "manage.py");
	ck_assert_ptr_nonnull(ref);
	ck_assert_int_eq(ref->column, 12);
	ref = find_cmd(doc, "../up/level.sh");
	ck_assert_ptr_nonnull(ref);
	ck_assert_int_eq(ref->line, 5);
	ck_assert_ptr_null(find_cmd(doc, "migrate"));
	ck_assert_ptr_null(find_cmd(doc, "/usr/local/bin/abs.sh"));
	ck_assert_ptr_null(find_cmd(doc, "usr/local/bin/abs.sh"));
	ck_assert_ptr_null(find_cmd(doc, "$VAR/x.sh"));
	ck_assert_ptr_null(find_cmd(doc, "glob/*.sh"));
	ck_assert_ptr_null(find_cmd(doc, "x.sh"));
	ref = find_cmd(doc, "long.sh");
	ck_assert_ptr_nonnull(ref);
	ck_assert_int_eq(ref->line, 8);
	ck_assert_str_eq(ref->command, "./long.sh --flag ./second.sh");
	ck_assert_ptr_null(find_cmd(doc, "second.sh"));
	ck_assert_ptr_null(find_cmd(doc, "~/.bashrc"));
	ref = find_cmd(doc, "env/activate");
	ck_assert_ptr_nonnull(ref);
	ck_assert_int_eq(ref->column, 21);
	ck_assert_ptr_null(find_cmd(doc, "env.sh"));
	ck_assert_ptr_null(find_cmd(doc, "not-a-path.sh"));
	ref = find_cmd(doc, "prompted.sh");
	ck_assert_ptr_nonnull(ref);
	ck_assert_int_eq(ref->line, 16);
	ck_assert_int_eq(ref->column, 3);
	ck_assert_ptr_null(find_cmd(doc, "output-line.sh"));
	ck_assert_ptr_nonnull(find_cmd(doc, "root-prompt.sh"));
	ck_assert_ptr_null(find_cmd(doc, "in-text-block.sh"));
	ck_assert_ptr_null(find_cmd(doc, "in-python.sh"));
	ref = find_cmd(doc, "nested/in-list.sh");
	ck_assert_ptr_nonnull(ref);
	ck_assert_int_eq(ref->line, 32);
	ck_assert_int_eq(ref->column, 3);
	ref = find_cmd(doc, "indented.sh");
	ck_assert_ptr_nonnull(ref);
	ck_assert_int_eq(ref->line, 35);
	ck_assert_int_eq(ref->column, 7);
	ck_assert_str_eq(doc->code_blocks[ref->block].info, "");
	ck_assert_int_eq(doc->code_blocks[ref->block].first_line, 35);
	ck_assert_int_eq(doc->code_blocks[ref->block].end_line, 35);
	ck_assert_uint_eq(doc->ncommands, 10);
	or_document_free(doc);
}
END_TEST

START_TEST(test_commands_cd_and_arguments)
{
	or_document *doc = parse_str(
		"```sh\n"                                             /* 1 */
		"go test ./... && git clone https://x.invalid/r ./repo\n" /* 2 */
		"tool --ignorefile ./ignore.txt --out=./out.txt\n"    /* 3 */
		"\"./with space.sh\" --flag\n"                        /* 4 */
		"cd ops/tools && ./inside.sh\n"                       /* 5 */
		"cd ../bin; ./deeper.sh\n"                            /* 6 */
		"cd \"$(git rev-parse --show-toplevel)\"\n"           /* 7 */
		"./at-root.sh\n"                                      /* 8 */
		"cd /path/to/ops-scripts\n"                           /* 9 */
		"./make-admin.sh user@agency.invalid\n"               /* 10 */
		"cd sub && ./still-elsewhere.sh\n"                    /* 11 */
		"```\n"
		"\n"
		"```sh\n"                                             /* 14 */
		"./fresh-block.sh\n"                                  /* 15 */
		"cd ~/src/x && ./home.sh\n"                           /* 16 */
		"```\n"
		"\n"
		"```sh\n"
		"cd $WORKDIR\n"                                       /* 20 */
		"./var.sh\n"
		"```\n"
		"\n"
		"```sh\n"
		"cd\n"                                                /* 25 */
		"./home-again.sh\n"
		"```\n"
		"\n"
		"```sh\n"
		"pushd build >/dev/null && ./in-build.sh; popd\n"     /* 30 */
		"./after-popd.sh\n"
		"```\n");
	const or_command_ref *ref;

	ck_assert_ptr_null(find_cmd(doc, "..."));
	ck_assert_ptr_null(find_cmd(doc, "repo"));
	ck_assert_ptr_null(find_cmd(doc, "ignore.txt"));
	ck_assert_ptr_null(find_cmd(doc, "out.txt"));
	ref = find_cmd(doc, "with space.sh");
	ck_assert_ptr_nonnull(ref);
	ck_assert_int_eq(ref->column, 2);
	ck_assert_ptr_null(ref->dir);
	ref = find_cmd(doc, "inside.sh");
	ck_assert_ptr_nonnull(ref);
	ck_assert_str_eq(ref->dir, "ops/tools");
	ref = find_cmd(doc, "deeper.sh");
	ck_assert_ptr_nonnull(ref);
	ck_assert_str_eq(ref->dir, "ops/tools/../bin");
	ref = find_cmd(doc, "at-root.sh");
	ck_assert_ptr_nonnull(ref);
	ck_assert_ptr_null(ref->dir);
	ck_assert_ptr_null(find_cmd(doc, "make-admin.sh"));
	ck_assert_ptr_null(find_cmd(doc, "still-elsewhere.sh"));
	ref = find_cmd(doc, "fresh-block.sh");
	ck_assert_ptr_nonnull(ref);
	ck_assert_ptr_null(ref->dir);
	ck_assert_ptr_null(find_cmd(doc, "home.sh"));
	ck_assert_ptr_null(find_cmd(doc, "var.sh"));
	ck_assert_ptr_null(find_cmd(doc, "home-again.sh"));
	ref = find_cmd(doc, "in-build.sh");
	ck_assert_ptr_nonnull(ref);
	ck_assert_str_eq(ref->dir, "build");
	ck_assert_ptr_null(find_cmd(doc, "after-popd.sh"));
	ck_assert_uint_eq(doc->ncommands, 6);
	or_document_free(doc);
}
END_TEST

/* A word ending in ':' where a command would start is a YAML key or a
 * label ("panel.json: |"), not a command. */
START_TEST(test_commands_label_words)
{
	or_document *doc = parse_str("```\n"
				     "panel.json: |\n"
				     "  {}\n"
				     "./real.sh\n"
				     "```\n");

	ck_assert_ptr_null(find_cmd(doc, "panel.json:"));
	ck_assert_ptr_null(find_cmd(doc, "panel.json"));
	ck_assert_ptr_nonnull(find_cmd(doc, "real.sh"));
	ck_assert_uint_eq(doc->ncommands, 1);
	or_document_free(doc);
}
END_TEST

/* ---- links and positions ------------------------------------------------- */

START_TEST(test_links)
{
	or_document *doc = parse_str(
		"See [the guide](docs/guide.md#setup) and ![diagram](img/a.png).\n" /* 1 */
		"> quoted [one](one.md)\n"                                          /* 2 */
		"> more [two](two.md)\n"                                            /* 3 */
		"lazy [three](three.md)\n"                                          /* 4 */
		"\n"
		"- item\n"                                                          /* 6 */
		"  cont [four](#anchor) <https://example.org>\n");                  /* 7 */

	ck_assert_uint_eq(doc->nlinks, 7);
	ck_assert_str_eq(doc->links[0].dest, "docs/guide.md#setup");
	ck_assert_str_eq(doc->links[0].text, "the guide");
	ck_assert_int_eq(doc->links[0].line, 1);
	ck_assert_int_eq(doc->links[0].column, 5);
	ck_assert(doc->links[1].is_image);
	ck_assert_str_eq(doc->links[1].text, "diagram");
	ck_assert_int_eq(doc->links[1].column, 42);
	ck_assert_int_eq(doc->links[2].line, 2);
	ck_assert_int_eq(doc->links[2].column, 10);
	ck_assert_int_eq(doc->links[3].line, 3);
	ck_assert_int_eq(doc->links[3].column, 8);
	ck_assert_int_eq(doc->links[4].line, 4);
	ck_assert_int_eq(doc->links[4].column, 6);
	ck_assert_str_eq(doc->links[5].dest, "#anchor");
	ck_assert_int_eq(doc->links[5].line, 7);
	ck_assert_int_eq(doc->links[5].column, 8);
	ck_assert_str_eq(doc->links[6].dest, "https://example.org");
	ck_assert_int_eq(doc->links[6].column, 24);
	or_document_free(doc);
}
END_TEST

START_TEST(test_lines)
{
	or_document *doc = parse_str("one\r\ntwo\nthree\rfour");
	const char *l;
	size_t len;

	ck_assert_uint_eq(doc->nlines, 4);
	l = or_document_line(doc, 1, &len);
	ck_assert_uint_eq(len, 3);
	ck_assert(memcmp(l, "one", 3) == 0);
	l = or_document_line(doc, 3, &len);
	ck_assert_uint_eq(len, 5);
	ck_assert(memcmp(l, "three", 5) == 0);
	l = or_document_line(doc, 4, &len);
	ck_assert_uint_eq(len, 4);
	ck_assert(memcmp(l, "four", 4) == 0);
	ck_assert_ptr_null(or_document_line(doc, 5, &len));
	or_document_free(doc);

	doc = parse_str("");
	ck_assert_uint_eq(doc->nlines, 0);
	ck_assert_uint_eq(doc->nsections, 0);
	ck_assert_ptr_null(doc->title);
	ck_assert_int_eq(or_document_section_at(doc, 1), -1);
	ck_assert(!or_document_line_in_code(doc, 1));
	ck_assert_int_eq(or_document_find_anchor(doc, "x"), -1);
	or_document_free(doc);
}
END_TEST

/* ---- hostile input ------------------------------------------------------- */

START_TEST(test_binary_input)
{
	static const char data[] = "# T\0itle\n\n**K\0ey:** v\xff\xfe\n- [ ] \xc3\x28 \xe2\x9c\n```sh\n./a\0b.sh\n```\n---\n\0";
	or_document *doc = NULL;

	ck_assert_int_eq(or_document_parse(&doc, "bin.md", data, sizeof(data) - 1), 0);
	ck_assert_uint_eq(doc->source_len, sizeof(data) - 1);
	ck_assert(memcmp(doc->source, data, sizeof(data) - 1) == 0);
	ck_assert_uint_eq(doc->nsections, 1);
	ck_assert_uint_eq(doc->ntasks, 1);
	ck_assert_int_eq(doc->tasks[0].line, 4);
	or_document_free(doc);

	/* front matter with NULs and bad bytes */
	ck_assert_int_eq(or_document_parse(&doc, "bin.md", "---\na: \0\xff\n---\nx", 14), 0);
	ck_assert(doc->has_front_matter);
	ck_assert_ptr_nonnull(doc->front_matter_error);
	or_document_free(doc);
}
END_TEST

static void repeat(or_buf *buf, const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		or_buf_puts(buf, s);
}

START_TEST(test_large_inputs)
{
	or_buf buf = OR_BUF_INIT;
	or_document *doc = NULL;

	/* deep nesting */
	repeat(&buf, ">", 5000);
	or_buf_puts(&buf, " **Key:** deep [l](x.md)\n");
	repeat(&buf, "*", 20000);
	or_buf_puts(&buf, "x");
	repeat(&buf, "*", 20000);
	or_buf_puts(&buf, "\n");
	ck_assert_int_eq(or_document_parse(&doc, "deep.md", buf.ptr, buf.size), 0);
	ck_assert_ptr_nonnull(find_kv(doc, "Key"));
	ck_assert_uint_eq(doc->nlinks, 1);
	ck_assert_int_eq(doc->links[0].column, 5016);
	or_document_free(doc);

	/* 60,000 task items and as many headings */
	or_buf_clear(&buf);
	repeat(&buf, "## Same\n- [ ] Task (In Progress)\n", 60000);
	ck_assert_int_eq(or_document_parse(&doc, "many.md", buf.ptr, buf.size), 0);
	ck_assert_uint_eq(doc->ntasks, 60000);
	ck_assert_uint_eq(doc->nsections, 60000);
	ck_assert_int_eq(doc->tasks[59999].status, OR_ITEM_IN_PROGRESS);
	ck_assert_int_eq(doc->tasks[59999].line, 120000);
	ck_assert_str_eq(doc->sections[59999].anchor, "same-59999");
	ck_assert_int_eq(or_document_find_anchor(doc, "same-31234"), 31234);
	ck_assert_int_eq(or_document_section_at(doc, 119999), 59999);
	or_document_free(doc);

	/* one long line full of autolinks */
	or_buf_clear(&buf);
	repeat(&buf, "see www.a.example ", 20000);
	ck_assert_int_eq(or_document_parse(&doc, "autolinks.md", buf.ptr, buf.size), 0);
	ck_assert_uint_eq(doc->nlinks, 20000);
	ck_assert_str_eq(doc->links[19999].dest, "http://www.a.example");
	ck_assert_int_eq(doc->links[19999].column, 19999 * 18 + 5);
	or_document_free(doc);

	/* an alias bomb in front matter */
	or_buf_clear(&buf);
	or_buf_puts(&buf, "---\na: &a [x, x, x, x, x, x, x, x, x]\n");
	or_buf_puts(&buf, "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n");
	or_buf_puts(&buf, "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n");
	or_buf_puts(&buf, "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n");
	or_buf_puts(&buf, "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\n");
	ck_assert_int_eq(or_document_parse(&doc, "bomb.md", buf.ptr, buf.size), 0);
	ck_assert_ptr_null(doc->front_matter_error);
	ck_assert_str_eq(find_kv(doc, "e")->value, "");
	or_document_free(doc);
	or_buf_dispose(&buf);
}
END_TEST

/* Anchors a document sets itself: <a name>, an id attribute, {#x} on a heading. */
START_TEST(test_explicit_anchors)
{
	or_document *doc = parse_str("# Restore {#restore-db}\n\n"
				     "<a name=\"manual-steps\"></a>\n\n"
				     "Text <span id='inline-id'>x</span> <a href=\"#x\" id=plain>y</a>\n\n"
				     "## Check {: #check .important}\n\n"
				     "```html\n<a name=\"in-code\"></a>\n```\n");

	ck_assert(or_document_has_explicit_anchor(doc, "restore-db"));
	ck_assert(or_document_has_explicit_anchor(doc, "manual-steps"));
	ck_assert(or_document_has_explicit_anchor(doc, "inline-id"));
	ck_assert(or_document_has_explicit_anchor(doc, "plain"));
	ck_assert(or_document_has_explicit_anchor(doc, "check"));
	ck_assert(!or_document_has_explicit_anchor(doc, "in-code"));
	ck_assert(!or_document_has_explicit_anchor(doc, "x"));
	ck_assert_uint_eq(or_document_title_text_len("Restore {#restore-db}"), 7);
	ck_assert_uint_eq(or_document_title_text_len("Set {x}"), 7);
	or_document_free(doc);
}
END_TEST

Suite *document_suite(void)
{
	Suite *s = suite_create("document");
	TCase *tc = tcase_create("document");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_seed_sections);
	tcase_add_test(tc, test_explicit_anchors);
	tcase_add_test(tc, test_seed_metadata);
	tcase_add_test(tc, test_seed_tasks);
	tcase_add_test(tc, test_seed_code_and_commands);
	tcase_add_test(tc, test_seed_links);
	tcase_add_test(tc, test_front_matter_valid);
	tcase_add_test(tc, test_front_matter_invalid);
	tcase_add_test(tc, test_front_matter_aliases);
	tcase_add_test(tc, test_front_matter_not_at_start);
	tcase_add_test(tc, test_front_matter_bom_crlf);
	tcase_add_test(tc, test_setext_and_empty_sections);
	tcase_add_test(tc, test_anchors);
	tcase_add_test(tc, test_labels);
	tcase_add_test(tc, test_tables);
	tcase_add_test(tc, test_status_markers);
	tcase_add_test(tc, test_tasks_inline);
	tcase_add_test(tc, test_status_only_where_a_status_belongs);
	tcase_add_test(tc, test_commands);
	tcase_add_test(tc, test_commands_cd_and_arguments);
	tcase_add_test(tc, test_commands_label_words);
	tcase_add_test(tc, test_links);
	tcase_add_test(tc, test_lines);
	tcase_add_test(tc, test_binary_input);
	tcase_add_test(tc, test_large_inputs);
	suite_add_tcase(s, tc);
	return s;
}
