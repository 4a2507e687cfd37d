/*
 * The drill record: per drill type, the cadence and objectives of the pack
 * and the latest drill of the log.
 */
#include "model/drill_record.h"

#include <string.h>

#include "util/text.h"

static or_drill_type *drill_type(or_drill_record *r, const char *type, size_t cap)
{
	size_t i;

	for (i = 0; i < r->ntypes; i++)
		if (or_text_key_equal(r->types[i].type, type))
			return &r->types[i];
	if (r->ntypes == cap)
		return NULL;
	memset(&r->types[r->ntypes], 0, sizeof(or_drill_type));
	r->types[r->ntypes].type = type;
	return &r->types[r->ntypes++];
}

void or_drill_record_build(or_drill_record *out, or_arena *arena, const or_drill_log *log,
			   const or_ruleset *rules, or_date now)
{
	const json_t *cadences = or_ruleset_param(rules, "drills.overdue", "drills");
	const json_t *objectives = or_ruleset_param(rules, "drills.objective-missed", "objectives");
	size_t cap = json_array_size(cadences) + json_array_size(objectives) + log->ndrills, i;

	memset(out, 0, sizeof(*out));
	out->path = log->path;
	out->types = or_arena_alloc(arena, (cap ? cap : 1) * sizeof(or_drill_type));
	for (i = 0; i < json_array_size(cadences); i++) {
		const json_t *c = json_array_get(cadences, i);
		const char *type = json_string_value(json_object_get(c, "type"));
		or_drill_type *t;

		if (!type || !(t = drill_type(out, or_arena_strdup(arena, type), cap)))
			continue;
		t->every_days = (int)json_integer_value(json_object_get(c, "every_days"));
	}
	for (i = 0; i < json_array_size(objectives); i++) {
		const json_t *o = json_array_get(objectives, i);
		const char *type = json_string_value(json_object_get(o, "type"));
		or_drill_type *t;

		if (!type || !(t = drill_type(out, or_arena_strdup(arena, type), cap)))
			continue;
		if (json_is_number(json_object_get(o, "rto_minutes"))) {
			t->has_rto = true;
			t->rto_minutes = json_number_value(json_object_get(o, "rto_minutes"));
		}
		if (json_is_number(json_object_get(o, "rpo_seconds"))) {
			t->has_rpo = true;
			t->rpo_seconds = json_number_value(json_object_get(o, "rpo_seconds"));
		}
	}
	for (i = 0; i < log->ndrills; i++) {
		const or_drill *d = &log->drills[i];
		or_drill_type *t = drill_type(out, d->type, cap);

		if (!t)
			continue;
		t->count++;
		/* the latest on or before now; of two on one day, the later in the file */
		if (d->date <= now && (!t->latest || d->date >= t->latest->date))
			t->latest = d;
	}
	for (i = 0; i < out->ntypes; i++) {
		or_drill_type *t = &out->types[i];
		if (t->latest && t->every_days)
			t->next_due = t->latest->date + t->every_days;
	}
}
