#include "report/eval_table.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/buf.h"

void or_eval_table_init(or_eval_table *table)
{
	or_strset empty = OR_STRSET_INIT;

	memset(table, 0, sizeof(*table));
	table->strings = empty;
}

void or_eval_table_dispose(or_eval_table *table)
{
	free(table->groups);
	free(table->subjects);
	or_strset_dispose(&table->strings);
	or_eval_table_init(table);
}

static const char *intern(or_eval_table *table, const char *s)
{
	return or_strset_intern_text(&table->strings, s);
}

void or_eval_table_group(or_eval_table *table, const char *rule, const char *prefix,
			 const char *file, const char *outcome, const char *reason)
{
	or_eval_group *g;

	table->groups = or_xgrow(table->groups, &table->groups_cap, table->ngroups + 1,
				 sizeof(*table->groups));
	g = &table->groups[table->ngroups++];
	g->rule = intern(table, rule);
	if (prefix && file) {
		or_buf path = OR_BUF_INIT;
		or_buf_printf(&path, "%s/%s", prefix, file);
		g->file = intern(table, or_buf_cstr(&path));
		or_buf_dispose(&path);
	} else {
		g->file = intern(table, file);
	}
	g->outcome = intern(table, outcome);
	g->reason = intern(table, reason);
	g->first = table->nsubjects;
	g->count = 0;
}

void or_eval_table_subject(or_eval_table *table, const char *subject)
{
	table->subjects = or_xgrow(table->subjects, &table->subjects_cap, table->nsubjects + 1,
				   sizeof(*table->subjects));
	table->subjects[table->nsubjects++] = intern(table, subject);
	table->groups[table->ngroups - 1].count++;
}

static json_t *string_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

json_t *or_eval_table_json(const or_eval_table *table, size_t i)
{
	const or_eval_group *g = &table->groups[i];
	json_t *subjects = json_array();
	size_t s;

	for (s = 0; s < g->count; s++)
		json_array_append_new(subjects, json_string(table->subjects[g->first + s]));
	return json_pack("{s:s, s:o, s:s, s:o, s:o}", "rule", g->rule, "file",
			 string_or_null(g->file), "outcome", g->outcome, "reason",
			 string_or_null(g->reason), "subjects", subjects);
}

int or_eval_table_load(or_eval_table *table, const json_t *array, const char *prefix,
		       const char *path, or_diag *diag)
{
	size_t i, s;

	if (array && !json_is_array(array))
		return or_diag_set(diag, OR_EXIT_USAGE, path, 0, 0,
				   "not an opsready JSON report: evaluations is not an array");
	for (i = 0; i < json_array_size(array); i++) {
		const json_t *g = json_array_get(array, i);
		const json_t *subjects = json_object_get(g, "subjects");
		const char *outcome = json_string_value(json_object_get(g, "outcome"));

		if (!json_is_string(json_object_get(g, "rule")) || !json_is_array(subjects))
			return or_diag_set(diag, OR_EXIT_USAGE, path, 0, 0,
					   "not an opsready JSON report: evaluations[%zu] has no "
					   "string 'rule' and array 'subjects'", i);
		or_eval_table_group(table, json_string_value(json_object_get(g, "rule")), prefix,
				    json_string_value(json_object_get(g, "file")),
				    outcome ? outcome : "pass",
				    json_string_value(json_object_get(g, "reason")));
		for (s = 0; s < json_array_size(subjects); s++) {
			const char *subject = json_string_value(json_array_get(subjects, s));
			if (!subject)
				return or_diag_set(diag, OR_EXIT_USAGE, path, 0, 0,
						   "not an opsready JSON report: evaluations[%zu]."
						   "subjects[%zu] is not a string", i, s);
			or_eval_table_subject(table, subject);
		}
	}
	return 0;
}
