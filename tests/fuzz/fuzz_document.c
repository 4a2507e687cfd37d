/*
 * libFuzzer harness: the document model. Any bytes are a Markdown file
 * (front matter, metadata lines and tables, task lists, code blocks,
 * suppressions); or_document_parse must accept them and build a model whose
 * positions stay inside the file. The same bytes go to or_status_parse and,
 * through the contact headings of the business-continuity pack, to
 * or_contacts_extract.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "input/contacts.h"
#include "input/document.h"
#include "util/arena.h"

static const char *const contact_headings[] = {
	"contact", "contacts", "on call", "oncall", "emergency contacts",
	"communication channels", "escalation contacts", "support contacts", "call tree"
};
static const char *const contact_endpoints[] = { "pagerduty.com", "slack.com" };
static const or_contact_words contact_words = {
	contact_headings, sizeof(contact_headings) / sizeof(contact_headings[0]),
	contact_endpoints, sizeof(contact_endpoints) / sizeof(contact_endpoints[0]),
	NULL, 0, NULL, 0,
};

static void check_model(const or_document *doc, size_t size)
{
	int nlines = (int)doc->nlines;
	size_t i, nsuppressions;
	int line;

	require(doc->source_len == size && doc->source[size] == '\0');
	for (i = 0; i < doc->nsections; i++) {
		const or_section *s = &doc->sections[i];

		require(s->level >= 1 && s->level <= 6);
		require(s->line >= 1 && s->line <= nlines && s->end_line >= s->line);
		require(s->parent >= -1 && s->parent < (int)i);
		require(s->title && s->name && s->anchor);
		require(or_document_find_anchor(doc, s->anchor) == (int)i);
	}
	for (i = 0; i < doc->nkvs; i++)
		require(doc->kvs[i].key && doc->kvs[i].value && doc->kvs[i].line >= 1 &&
			doc->kvs[i].line <= nlines && doc->kvs[i].section < (int)doc->nsections);
	for (i = 0; i < doc->ntables; i++)
		require(doc->tables[i].line >= 1 && doc->tables[i].line <= nlines);
	for (i = 0; i < doc->ntasks; i++)
		require(doc->tasks[i].text && doc->tasks[i].line >= 1 &&
			doc->tasks[i].section < (int)doc->nsections);
	for (i = 0; i < doc->ncommands; i++)
		require(doc->commands[i].path && doc->commands[i].block >= 0 &&
			(size_t)doc->commands[i].block < doc->ncode_blocks);
	for (i = 0; i < doc->nsuppressions; i++)
		require(doc->suppressions[i].first_line <= doc->suppressions[i].last_line + 1);
	for (line = 0; line <= nlines + 1; line++) {
		size_t len = 0;
		const char *text = or_document_line(doc, line, &len);

		require((text != NULL) == (line >= 1 && line <= nlines));
		require(!text || (size_t)(text - doc->source) + len <= size);
		require(or_document_section_at(doc, line) < (int)doc->nsections);
		(void)or_document_line_in_code(doc, line);
	}
	nsuppressions = doc->nsuppressions;
	or_document_find_suppressions((or_document *)doc);
	require(doc->nsuppressions == nsuppressions);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	or_document *doc = NULL;
	or_contact *contacts = NULL;
	size_t ncontacts = 0, cap = 0, offset = 0, len = 0, i;
	or_arena *arena;

	if (or_status_parse(text, size, &offset, &len) != OR_ITEM_NONE)
		require(offset <= size && len <= size - offset);
	require(or_document_parse(&doc, "docs/fuzz-runbook.md", text, size) == 0);
	check_model(doc, size);
	arena = or_arena_new();
	or_contacts_extract(&contacts, &ncontacts, &cap, arena, doc, &contact_words,
			    OR_DATE_ORDER_NONE);
	for (i = 0; i < ncontacts; i++)
		require(contacts[i].role && contacts[i].value && contacts[i].line >= 1);
	free(contacts);
	or_arena_free(arena);
	or_document_free(doc);
	return 0;
}
