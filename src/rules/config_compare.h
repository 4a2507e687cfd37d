/*
 * What a change to the config and its packs loosens: the change's config
 * and ruleset against the merge base's (config.changed, SPEC section 9).
 * Only the facts; the check words the finding.
 */
#ifndef OR_RULES_CONFIG_COMPARE_H
#define OR_RULES_CONFIG_COMPARE_H

#include <stddef.h>

#include "rules/config.h"
#include "rules/ruleset.h"

typedef struct or_config_diff {
	char **loosens;      /* "gate.fail_on never (was error)", "rule review.stale off", ... */
	size_t nloosens, cap_loosens;
	char **changes;      /* what differs but is not plainly looser: a rule's param, a
				pack setting ("rule review.stale max_age_days 400 (was 365)") */
	size_t nchanges, cap_changes;
} or_config_diff;

/*
 * Compare `head` (the change's config, or the defaults) and the ruleset
 * built from it with `base` (the merge base's) and its ruleset; appends to
 * `out`, which starts zeroed. Loosening: fail_on raised, min_score lowered
 * or removed, rules off, removed or at a lower severity, new or extended
 * waivers, required documents removed, suppressions.require_reason turned
 * off, files taken out of scope (paths, max_file_bytes), other inputs, a
 * pinned `now`.
 */
void or_config_compare(or_config_diff *out, const or_config *base,
		       const or_ruleset *base_rules, const or_config *head,
		       const or_ruleset *head_rules);
void or_config_diff_dispose(or_config_diff *diff);

/* What config.changed reports (with --since, when the change edits the
 * config or a pack file it extends): set by the scan, read by the check. */
typedef struct or_config_change {
	char *file;          /* where the finding sits, relative to the scanned root */
	char *what;          /* "edits .opsready.yml", "adds .opsready.yml",
				"edits the pack file packs/local.yml" */
	or_config_diff diff;
} or_config_change;

void or_config_change_dispose(or_config_change *change);

#endif
