#include "gate/exceptions.h"

#include <stdlib.h>
#include <string.h>

#include "report/value.h"
#include "util/alloc.h"
#include "util/glob.h"

int or_exceptions_init(or_exceptions *out, const or_model *model, const char *baseline_path,
		       bool no_inline_suppressions, or_diag *diag)
{
	const or_config *config = model->config;
	size_t d, i, cap = 0;

	memset(out, 0, sizeof(*out));
	out->waiver_matches = or_xcalloc(config->nwaivers + 1, sizeof(size_t));
	out->waiver_expired = or_xcalloc(config->nwaivers + 1, sizeof(bool));
	for (i = 0; i < config->nwaivers; i++)
		out->waiver_expired[i] = config->waivers[i].expires < model->now;
	out->inline_disabled = no_inline_suppressions;
	for (d = 0; d < model->ndocs && !no_inline_suppressions; d++) {
		const or_document *doc = model->docs[d].doc;
		for (i = 0; i < doc->nsuppressions; i++) {
			out->suppressions = or_xgrow(out->suppressions, &cap, out->nsuppressions + 1,
						     sizeof(*out->suppressions));
			out->suppressions[out->nsuppressions].file = doc->path;
			out->suppressions[out->nsuppressions].suppression = &doc->suppressions[i];
			out->suppressions[out->nsuppressions].matched = 0;
			out->nsuppressions++;
		}
	}
	if (baseline_path) {
		or_report *report = NULL;

		if (or_report_load(&report, baseline_path, diag) != 0) {
			snprintf(diag->message + strlen(diag->message),
				 sizeof(diag->message) - strlen(diag->message),
				 " (--baseline takes a JSON report written by opsready)");
			or_exceptions_dispose(out);
			return -1;
		}
		out->baseline = json_object();
		out->baseline_path = baseline_path;
		for (i = 0; i < report->findings.count; i++)
			json_object_set_new(out->baseline, report->findings.items[i].fingerprint,
					    json_true());
		or_report_free(report);
	}
	return 0;
}

void or_exceptions_dispose(or_exceptions *ex)
{
	free(ex->waiver_matches);
	free(ex->waiver_expired);
	free(ex->suppressions);
	json_decref(ex->baseline);
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
		for (k = 0; e->file && k < ex->nsuppressions; k++) {
			const or_suppression *s = ex->suppressions[k].suppression;
			if (strcmp(ex->suppressions[k].file, e->file) != 0 ||
			    !or_suppression_covers(s, e->rule->id, e->line))
				continue;
			e->outcome = OR_OUTCOME_SUPPRESSED;
			e->status = OR_FINDING_SUPPRESSED;
			e->reason = s->reason ? s->reason : "suppressed inline, without a reason";
			ex->suppressions[k].matched++;
			break;
		}
		if (e->outcome != OR_OUTCOME_FAIL)
			continue;
		for (k = 0; k < config->nwaivers; k++) {
			const or_waiver *w = &config->waivers[k];
			if (ex->waiver_expired[k] || !waiver_matches(w, e))
				continue;
			e->outcome = OR_OUTCOME_WAIVED;
			e->status = OR_FINDING_WAIVED;
			e->detail->waiver = w;
			e->reason = w->reason;
			ex->waiver_matches[k]++;
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
		if (ex->baseline && json_object_get(ex->baseline, e->detail->fingerprint)) {
			e->status = OR_FINDING_BASELINE;
			ex->baseline_matched++;
		} else if (!or_model_in_change(model, e->file)) {
			e->status = OR_FINDING_OUTSIDE_CHANGE;
		}
	}
}
