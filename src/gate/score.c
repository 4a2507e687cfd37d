/* The readiness score (gate/score.h): weights, tallies by area, rounding. */
#include "gate/score.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/buf.h"

/* The areas of SPEC section 6, always reported in this order. */
static const char *const fixed_areas[] = { "docs", "review", "training", "drills", "contacts" };

int or_score_weight(or_severity severity)
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

double or_score_round(double passed, double total)
{
	if (total <= 0)
		return 100.0;
	return floor(1000.0 * passed / total + 0.5) / 10.0;
}

void or_score_init(or_score *score)
{
	size_t i;

	memset(score, 0, sizeof(*score));
	for (i = 0; i < sizeof(fixed_areas) / sizeof(fixed_areas[0]); i++)
		or_score_area(score, fixed_areas[i]);
}

void or_score_dispose(or_score *score)
{
	size_t i;

	for (i = 0; i < score->nareas; i++)
		free(score->areas[i].area);
	free(score->areas);
	memset(score, 0, sizeof(*score));
}

size_t or_score_area(or_score *score, const char *area)
{
	size_t i;

	for (i = 0; i < score->nareas; i++)
		if (strcmp(score->areas[i].area, area) == 0)
			return i;
	score->areas = or_xgrow(score->areas, &score->capacity, score->nareas + 1,
				sizeof(*score->areas));
	memset(&score->areas[score->nareas], 0, sizeof(*score->areas));
	score->areas[score->nareas].area = or_xstrdup(area);
	return score->nareas++;
}

void or_score_add(or_score *score, size_t area, or_severity severity, size_t n, bool passed)
{
	or_area_score *a = &score->areas[area];
	double weight = or_score_weight(severity) * (double)n;

	a->evaluations += n;
	a->total += weight;
	score->total += weight;
	if (passed) {
		a->passed += weight;
		score->passed += weight;
	}
}

void or_score_count(or_score *score, size_t area, size_t n)
{
	score->areas[area].evaluations += n;
}

/* Weigh without counting evaluations (those were counted one by one). */
static void weigh(or_score *score, size_t area, or_severity severity, bool passed)
{
	or_area_score *a = &score->areas[area];
	double weight = or_score_weight(severity);

	a->total += weight;
	score->total += weight;
	if (passed) {
		a->passed += weight;
		score->passed += weight;
	}
}

void or_score_units_init(or_score_units *units)
{
	memset(units, 0, sizeof(*units));
}

void or_score_units_add(or_score_units *units, const char *rule, const char *file, size_t area,
			or_severity severity, bool passed)
{
	or_buf key = OR_BUF_INIT;
	const char *copy;
	size_t before = units->keys.count;

	or_buf_printf(&key, "%s\x1f%s", rule, file);
	copy = or_strset_intern(&units->keys, key.ptr, key.size);
	if (units->keys.count != before) {
		units->items = or_xgrow(units->items, &units->capacity, units->count + 1,
					sizeof(*units->items));
		units->items[units->count].key = copy;
		units->items[units->count].area = area;
		units->items[units->count].severity = severity;
		units->count++;
	}
	if (!passed)
		or_strset_add(&units->failed, key.ptr, key.size);
	or_buf_dispose(&key);
}

void or_score_units_finish(or_score_units *units, or_score *score)
{
	size_t i;

	for (i = 0; i < units->count; i++) {
		const or_score_unit *u = &units->items[i];

		weigh(score, u->area, u->severity,
		      !or_strset_contains(&units->failed, u->key, strlen(u->key)));
	}
	free(units->items);
	or_strset_dispose(&units->keys);
	or_strset_dispose(&units->failed);
	memset(units, 0, sizeof(*units));
}

void or_score_finish(or_score *score)
{
	size_t i;

	score->value = or_score_round(score->passed, score->total);
	for (i = 0; i < score->nareas; i++)
		score->areas[i].score = or_score_round(score->areas[i].passed, score->areas[i].total);
}
