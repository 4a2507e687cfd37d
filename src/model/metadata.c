/*
 * The metadata of a document: the names of the metadata keys, the pack's
 * aliases for them, and the resolution of a document's key/value lines into
 * its metadata and review dates.
 */
#include "model/metadata.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/buf.h"
#include "util/text.h"

static const char *const meta_key_names[OR_META__COUNT] = {
	"last_updated", "next_review", "owner", "version", "status", "approval", "review_period",
};

const char *or_meta_key_name(or_meta_key key)
{
	return key < OR_META__COUNT ? meta_key_names[key] : "?";
}

int or_meta_key_parse(or_meta_key *out, const char *name)
{
	int i;

	for (i = 0; i < OR_META__COUNT; i++) {
		if (strcmp(meta_key_names[i], name) == 0) {
			*out = (or_meta_key)i;
			return 0;
		}
	}
	return -1;
}

void or_alias_table_init(or_alias_table *table, const json_t *settings)
{
	const json_t *aliases = json_object_get(settings, "metadata_aliases");
	or_buf key = OR_BUF_INIT;
	int m;

	memset(table, 0, sizeof(*table));
	for (m = 0; m < OR_META__COUNT; m++) {
		const json_t *list = json_object_get(aliases, meta_key_names[m]);
		size_t i, n = json_array_size(list);

		table->keys[m] = or_xcalloc(n + 1, sizeof(char *));
		for (i = 0; i < n; i++) {
			const char *alias = json_string_value(json_array_get(list, i));
			if (!alias)
				continue;
			or_buf_clear(&key);
			or_text_key(&key, alias, strlen(alias));
			table->keys[m][table->nkeys[m]++] = or_xstrdup(or_buf_cstr(&key));
		}
	}
	or_buf_dispose(&key);
}

void or_alias_table_dispose(or_alias_table *table)
{
	int m;
	size_t i;

	for (m = 0; m < OR_META__COUNT; m++) {
		for (i = 0; i < table->nkeys[m]; i++)
			free(table->keys[m][i]);
		free(table->keys[m]);
	}
}

static int meta_key_of(const or_alias_table *table, const char *key_text)
{
	int m;
	size_t i;

	for (m = 0; m < OR_META__COUNT; m++)
		for (i = 0; i < table->nkeys[m]; i++)
			if (strcmp(table->keys[m][i], key_text) == 0)
				return m;
	return -1;
}

static int source_rank(const or_kv *kv)
{
	switch (kv->source) {
	case OR_KV_FRONT_MATTER:
		return 0;
	case OR_KV_LABEL:
		return 1;
	case OR_KV_TABLE:
		return 2;
	}
	return 3;
}

static void read_date(or_meta_date *out, const or_kv *kv, or_date_order order)
{
	out->derived = false;
	if (!kv) {
		out->status = OR_DATE_NOT_FOUND;
		return;
	}
	out->status = or_date_parse(&out->date, kv->value, strlen(kv->value), order, NULL);
}

void or_resolve_metadata(or_model_doc *md, const or_alias_table *aliases, or_date_order order)
{
	const or_document *doc = md->doc;
	or_buf key = OR_BUF_INIT;
	size_t i;

	for (i = 0; i < doc->nkvs; i++) {
		const or_kv *kv = &doc->kvs[i];
		int m;

		/* Key/value lines in lists are contacts, escalation levels and the
		 * like, not facts about the document. */
		if (kv->in_list)
			continue;
		or_buf_clear(&key);
		or_text_key(&key, kv->key, strlen(kv->key));
		m = meta_key_of(aliases, or_buf_cstr(&key));
		if (m < 0)
			continue;
		if (!md->meta[m] || source_rank(kv) < source_rank(md->meta[m]))
			md->meta[m] = kv;
	}
	or_buf_dispose(&key);

	read_date(&md->last_updated, md->meta[OR_META_LAST_UPDATED], order);
	read_date(&md->next_review, md->meta[OR_META_NEXT_REVIEW], order);
	if (!md->meta[OR_META_NEXT_REVIEW] && md->meta[OR_META_REVIEW_PERIOD] &&
	    md->last_updated.status == OR_DATE_OK) {
		or_period period;
		if (or_period_parse(&period, md->meta[OR_META_REVIEW_PERIOD]->value) == 0) {
			md->next_review.status = OR_DATE_OK;
			md->next_review.date = or_date_add_period(md->last_updated.date, period);
			md->next_review.derived = true;
		}
	}
}

static void set_owner(or_model_doc *md, const char *key, const char *value, or_arena *arena)
{
	or_kv *kv = or_arena_alloc(arena, sizeof(*kv));

	memset(kv, 0, sizeof(*kv));
	kv->key = key;
	kv->value = value;
	kv->line = 1;
	kv->column = 1;
	kv->value_column = 1;
	kv->source = OR_KV_LABEL;
	kv->section = -1;
	md->meta[OR_META_OWNER] = kv;
}

void or_resolve_owner(or_model_doc *md, const or_codeowners *codeowners,
		      const or_site_owner *site, or_arena *arena)
{
	const or_codeowners_rule *rule;

	md->owner_source = OR_OWNER_NONE;
	md->owner_rule = NULL;
	if (md->meta[OR_META_OWNER]) {
		/* an empty owner key is the page's to fill: still "metadata" */
		md->owner_source = OR_OWNER_METADATA;
		return;
	}
	rule = or_codeowners_match(codeowners, md->doc->path);
	if (rule && *rule->owners) {
		set_owner(md, "CODEOWNERS", rule->owners, arena);
		md->owner_source = OR_OWNER_CODEOWNERS;
		md->owner_rule = rule;
	} else if (!rule && site && site->owner) {
		/* a CODEOWNERS rule that un-owns the page is not overridden */
		set_owner(md, site->key, site->owner, arena);
		md->owner_source = OR_OWNER_SITE_DEFAULT;
	}
}
