#include "gate/exceptions.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/glob.h"

void or_exceptions_init(or_exceptions *out, const or_model *model, const or_strset *baseline,
			const char *baseline_path, bool no_inline_suppressions)
{
	const or_config *config = model->config;
	or_exception_use *use = &out->use;
	size_t d, i, cap = 0;

	memset(out, 0, sizeof(*out));
	use->waiver_matches = or_xcalloc(config->nwaivers + 1, sizeof(size_t));
	use->waiver_expired = or_xcalloc(config->nwaivers + 1, sizeof(bool));
	for (i = 0; i < config->nwaivers; i++)
		use->waiver_expired[i] = config->waivers[i].expires < model->now;
	use->inline_disabled = no_inline_suppressions;
	for (d = 0; d < model->ndocs && !no_inline_suppressions; d++) {
		const or_document *doc = model->docs[d].doc;
		for (i = 0; i < doc->nsuppressions; i++) {
			use->suppressions = or_xgrow(use->suppressions, &cap, use->nsuppressions + 1,
						     sizeof(*use->suppressions));
			use->suppressions[use->nsuppressions].file = doc->path;
			use->suppressions[use->nsuppressions].suppression = &doc->suppressions[i];
			use->suppressions[use->nsuppressions].matched = 0;
			use->nsuppressions++;
		}
	}
	out->baseline = baseline;
	out->baseline_path = baseline ? baseline_path : NULL;
}

void or_exceptions_dispose(or_exceptions *ex)
{
	free(ex->use.waiver_matches);
	free(ex->use.waiver_expired);
	free(ex->use.suppressions);
	memset(ex, 0, sizeof(*ex));
}

/* A waiver's subject names the finding's subject, or its first parts:
 * "bob" waives "bob:incident-response"; "contact:primaryoncall" waives
 * "contact:primaryoncall:+44 20 ...". */
static bool subject_matches(const char *want, const char *subject)
{
	size_t n = strlen(want);

	if (strncmp(subject, want, n) != 0)
		return false;
	return subject[n] == '\0' || subject[n] == ':' || subject[n] == '#';
}

static bool waiver_matches(const or_waiver *w, const or_evaluation *e)
{
	if (strcmp(w->rule, e->rule->id) != 0)
		return false;
	if (w->subject && !subject_matches(w->subject, e->subject))
		return false;
	if (w->path && (!e->file || !or_glob_match(w->path, e->file)))
		return false;
	return true;
}

void or_exceptions_waive(or_exceptions *ex, or_results *results, const or_model *model)
{
	const or_config *config = model->config;
	size_t i, k;

	for (i = 0; i < results->count; i++) {
		or_evaluation *e = &results->items[i];

		if (e->outcome != OR_OUTCOME_FAIL)
			continue;
		for (k = 0; e->file && k < ex->use.nsuppressions; k++) {
			const or_suppression *s = ex->use.suppressions[k].suppression;
			if (strcmp(ex->use.suppressions[k].file, e->file) != 0 ||
			    !or_suppression_covers(s, e->rule->id, e->line))
				continue;
			e->outcome = OR_OUTCOME_SUPPRESSED;
			e->status = OR_FINDING_SUPPRESSED;
			e->reason = s->reason ? s->reason : "suppressed inline, without a reason";
			ex->use.suppressions[k].matched++;
			break;
		}
		if (e->outcome != OR_OUTCOME_FAIL)
			continue;
		for (k = 0; k < config->nwaivers; k++) {
			const or_waiver *w = &config->waivers[k];
			if (ex->use.waiver_expired[k] || !waiver_matches(w, e))
				continue;
			e->outcome = OR_OUTCOME_WAIVED;
			e->status = OR_FINDING_WAIVED;
			e->detail->waiver = w;
			e->reason = w->reason;
			ex->use.waiver_matches[k]++;
			break;
		}
	}
}

void or_exceptions_gate(or_exceptions *ex, or_results *results, const or_model *model)
{
	size_t i;

	for (i = 0; i < results->count; i++) {
		or_evaluation *e = &results->items[i];

		if (e->outcome != OR_OUTCOME_FAIL || e->status != OR_FINDING_ACTIVE)
			continue;
		if (ex->baseline && or_strset_contains(ex->baseline, e->detail->fingerprint,
						  strlen(e->detail->fingerprint))) {
			e->status = OR_FINDING_BASELINE;
			ex->baseline_matched++;
		} else if (!or_model_in_change(model, e->file)) {
			e->status = OR_FINDING_OUTSIDE_CHANGE;
		}
	}
}
