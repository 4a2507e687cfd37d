#include "gate/gate.h"

#include <math.h>
#include <string.h>

/* The areas of SPEC section 6, always reported in this order. */
static const char *const fixed_areas[] = { "docs", "review", "training", "drills", "contacts" };

typedef struct tally {
	double passed, total;
} tally;

static int weight(or_severity severity)
{
	switch (severity) {
	case OR_SEV_ERROR:
		return 3;
	case OR_SEV_WARNING:
		return 1;
	default:
		return 0;
	}
}

static double round1(double passed, double total)
{
	if (total <= 0)
		return 100.0;
	return floor(1000.0 * passed / total + 0.5) / 10.0;
}

static size_t area_index(or_gate *gate, const char *area)
{
	size_t i;

	for (i = 0; i < gate->nareas; i++)
		if (strcmp(gate->areas[i].area, area) == 0)
			return i;
	if (gate->nareas == OR_GATE_MAX_AREAS)
		return OR_GATE_MAX_AREAS - 1;
	gate->areas[gate->nareas].area = area;
	return gate->nareas++;
}

void or_gate_evaluate(or_gate *out, const or_results *results, const or_gate_options *options)
{
	tally overall = { 0, 0 }, areas[OR_GATE_MAX_AREAS];
	size_t i;

	memset(out, 0, sizeof(*out));
	memset(areas, 0, sizeof(areas));
	for (i = 0; i < sizeof(fixed_areas) / sizeof(fixed_areas[0]); i++)
		area_index(out, fixed_areas[i]);

	for (i = 0; i < results->count; i++) {
		const or_evaluation *e = &results->items[i];
		size_t a = area_index(out, e->rule->area);
		int w = weight(e->rule->severity);
		bool passed;

		if (e->outcome == OR_OUTCOME_SKIPPED)
			continue;
		out->evaluations++;
		out->areas[a].evaluations++;
		passed = e->outcome != OR_OUTCOME_FAIL;
		overall.total += w;
		areas[a].total += w;
		if (passed) {
			overall.passed += w;
			areas[a].passed += w;
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
			out->areas[a].findings++;
			if (e->rule->severity >= options->fail_on)
				out->failing++;
		}
	}
	out->score = round1(overall.passed, overall.total);
	for (i = 0; i < out->nareas; i++)
		out->areas[i].score = round1(areas[i].passed, areas[i].total);
	out->passed = out->failing == 0 &&
		      !(options->has_min_score && out->score < options->min_score);
}
