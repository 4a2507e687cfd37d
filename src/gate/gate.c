/* The gate (gate/gate.h): the counts, the score and the verdict of a scan's evaluations. */
#include "gate/gate.h"

#include <string.h>

void or_gate_evaluate(or_gate *out, const or_results *results, const or_gate_options *options)
{
	or_score_units units;
	size_t i;

	memset(out, 0, sizeof(*out));
	or_score_init(&out->score);
	or_score_units_init(&units);

	for (i = 0; i < results->count; i++) {
		const or_evaluation *e = &results->items[i];
		size_t a = or_score_area(&out->score, e->rule->area);

		if (e->outcome == OR_OUTCOME_SKIPPED)
			continue;
		out->evaluations++;
		if (e->file && options->documents &&
		    or_strset_contains(options->documents, e->file, strlen(e->file))) {
			or_score_count(&out->score, a, 1);
			or_score_units_add(&units, e->rule->id, e->file, a, e->rule->severity,
					   e->outcome != OR_OUTCOME_FAIL);
		} else {
			or_score_add(&out->score, a, e->rule->severity, 1,
				     e->outcome != OR_OUTCOME_FAIL);
		}
		if (!or_evaluation_is_finding(e))
			continue;
		out->findings++;
		if (e->outcome == OR_OUTCOME_WAIVED) {
			out->waived++;
		} else if (e->outcome == OR_OUTCOME_SUPPRESSED) {
			out->suppressed++;
		} else if (e->status == OR_FINDING_BASELINE) {
			out->baseline++;
		} else if (e->status == OR_FINDING_OUTSIDE_CHANGE) {
			out->outside_change++;
		} else {
			out->counts[e->rule->severity]++;
			out->score.areas[a].findings++;
			if (e->rule->severity >= options->fail_on)
				out->failing++;
		}
	}
	or_score_units_finish(&units, &out->score);
	or_score_finish(&out->score);
	out->passed = out->failing == 0 &&
		      !(options->has_min_score && out->score.value < options->min_score);
}

void or_gate_dispose(or_gate *gate)
{
	or_score_dispose(&gate->score);
}
