/*
 * One rule pack (a file in rules/, or a pack file a config extends), parsed and
 * validated: its rules in file order and its settings.
 *
 *   pack: NAME                 required
 *   title: TEXT                required
 *   description: TEXT          optional
 *   settings:                  optional
 *     runbook_paths: [GLOB...]
 *     metadata_aliases: { last_updated|next_review|owner|version|status|
 *                         approval|review_period: [TEXT...] }
 *   rules:                     required, a list of:
 *     - id, check, severity (error|warning|notice), title, description,
 *       remediation            required
 *       rationale (text), references (list of text), params (mapping),
 *       enabled (true|false)   optional
 */
#ifndef OR_RULES_PACK_H
#define OR_RULES_PACK_H

#include <stddef.h>

#include <jansson.h>

#include "rules/ruleset.h"
#include "opsready/common.h"

typedef struct or_pack {
	char *name;          /* the `pack:` value */
	char *title;
	char *description;   /* may be NULL */
	or_rule *rules;      /* in file order; ids unique */
	size_t nrules;
	json_t *settings;    /* an object, never NULL; owned */
} or_pack;

/*
 * Parse the YAML text of one pack. `file` names it in diagnostics. On error
 * -1 with OR_EXIT_USAGE and the position of the offending node.
 * *out belongs to the caller (or_pack_free).
 */
int or_pack_parse(or_pack **out, const char *text, size_t len, const char *file,
		  or_diag *diag);
void or_pack_free(or_pack *pack);

/* Release what a rule owns (not the struct itself). */
void or_rule_dispose(or_rule *rule);
/* A deep copy of `src` into `dst`. */
void or_rule_copy(or_rule *dst, const or_rule *src);

#endif
