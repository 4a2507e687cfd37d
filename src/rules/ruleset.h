/*
 * Rules as loaded from packs (the YAML files in rules/, also compiled into the binary)
 * and adjusted by the config and the command line.
 */
#ifndef OR_RULES_RULESET_H
#define OR_RULES_RULESET_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "opsready/common.h"
#include "rules/severity.h"

typedef struct or_rule {
	char *id;            /* "docs.required-section" */
	char *check;         /* the built-in check that evaluates it: "required-sections" */
	char *area;          /* the id's prefix: "docs", "review", "training", "drills",
				"contacts", "waiver" */
	or_severity severity;
	bool enabled;
	char *title;
	char *description;
	char *rationale;     /* may be NULL */
	char *remediation;
	char **references;   /* "ISO 22301:2019 8.4.4", "NIST SP 800-34 Rev. 1 3.5" */
	size_t nreferences;
	json_t *params;      /* an object, never NULL; owned */
	char *pack;          /* the pack that last defined it */
} or_rule;

typedef struct or_ruleset {
	or_rule *rules;      /* sorted by id */
	size_t nrules;
	char **packs;        /* names of the packs loaded, in load order */
	size_t npacks;
	/*
	 * Pack-level settings, later packs overriding earlier ones key by key:
	 *   runbook_paths: [globs]
	 *   metadata_aliases: { last_updated: [..], next_review: [..], owner: [..],
	 *                       version: [..], status: [..], approval: [..],
	 *                       review_period: [..] }
	 *   contact_headings: [..]  (sections that hold contacts, by heading words)
	 *   contact_endpoints: [..] (paging and chat hosts whose URLs are contacts)
	 * An object, never NULL; owned.
	 */
	json_t *settings;
	/*
	 * What the config and --rule changed in the packs' rules, in the order
	 * applied, so that a report can say which rules were switched off,
	 * re-graded or re-parametrised, and where: the rules digest only
	 * tells that something differs.
	 */
	struct or_rule_change *changes;
	size_t nchanges, cap_changes;
} or_ruleset;

typedef struct or_rule_change {
	char *rule;          /* "review.stale" */
	char *change;        /* "off", "severity warning (was error)", "max_age_days 120 (was 90)" */
	char *cli;           /* the --rule argument that made it ("review.stale=off"), or NULL: */
	int line, column;    /* the config's line that made it */
} or_rule_change;

/* The rule with this id (enabled or not), or NULL. */
const or_rule *or_ruleset_find(const or_ruleset *set, const char *id);
void or_ruleset_free(or_ruleset *set);

/* Parameter access: the value, or `fallback` when absent or of another type. */
json_int_t or_rule_param_int(const or_rule *rule, const char *name, json_int_t fallback);
double or_rule_param_number(const or_rule *rule, const char *name, double fallback);
bool or_rule_param_bool(const or_rule *rule, const char *name, bool fallback);
const char *or_rule_param_string(const or_rule *rule, const char *name, const char *fallback);
/* An array parameter (of strings, objects...), or NULL. Borrowed. */
const json_t *or_rule_param_array(const or_rule *rule, const char *name);
/* Parameter `name` of the rule `id` (enabled or not), or NULL when there is
 * no such rule or parameter. Borrowed. */
const json_t *or_ruleset_param(const or_ruleset *set, const char *id, const char *name);

/*
 * Built-in packs, compiled in from the YAML files in rules/. or_pack_builtin_source
 * returns the YAML text of a built-in pack (borrowed) or NULL.
 */
const char *or_pack_builtin_source(const char *name, size_t *len);
/* NULL-terminated list of built-in pack names (static). */
const char *const *or_pack_builtin_names(void);

#endif
