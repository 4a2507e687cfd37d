/*
 * A document's metadata resolved through the pack's `metadata_aliases`: the
 * first match of each key by source priority (front matter, then a label
 * line, then a table), and the dates read from it. Private to model/.
 */
#ifndef OR_MODEL_METADATA_H
#define OR_MODEL_METADATA_H

#include <stddef.h>

#include <jansson.h>

#include "model/model.h"
#include "util/arena.h"
#include "util/date.h"

/* Lookup keys of each metadata alias, built once per scan. */
typedef struct or_alias_table {
	char **keys[OR_META__COUNT];
	size_t nkeys[OR_META__COUNT];
} or_alias_table;

/* From the ruleset's settings (`metadata_aliases`); or_alias_table_dispose frees it. */
void or_alias_table_init(or_alias_table *table, const json_t *settings);
void or_alias_table_dispose(or_alias_table *table);

/* Fill md->meta, md->last_updated and md->next_review from md->doc. */
void or_resolve_metadata(or_model_doc *md, const or_alias_table *aliases, or_date_order order);

/*
 * md->owner_source after or_resolve_metadata: the owner metadata when the
 * document has it, else the owners of the last CODEOWNERS rule matching its
 * path, else the site's default owner (either set as md->meta[OR_META_OWNER],
 * a kv allocated in `arena`), else none.
 */
void or_resolve_owner(or_model_doc *md, const or_codeowners *codeowners,
		      const or_site_owner *site, or_arena *arena);

#endif
