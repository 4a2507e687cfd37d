#include "report/finding_table.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/buf.h"

void or_finding_table_init(or_finding_table *table)
{
	or_strset empty = OR_STRSET_INIT;

	memset(table, 0, sizeof(*table));
	table->strings = empty;
}

void or_finding_table_dispose(or_finding_table *table)
{
	free(table->items);
	or_strset_dispose(&table->strings);
	or_finding_table_init(table);
}

static const char *intern(or_finding_table *table, const char *s)
{
	return or_strset_intern_text(&table->strings, s);
}

or_report_finding *or_finding_table_add(or_finding_table *table, const or_report_finding *finding,
				       const char *prefix)
{
	or_report_finding copy = *finding; /* `finding` may be a row of the table */
	or_report_finding *row;

	finding = &copy;
	table->items = or_xgrow(table->items, &table->capacity, table->count + 1,
				sizeof(*table->items));
	row = &table->items[table->count++];
	*row = copy;
	row->rule = intern(table, finding->rule);
	row->severity = intern(table, finding->severity);
	row->area = intern(table, finding->area);
	row->message = intern(table, finding->message);
	if (prefix && finding->file) {
		or_buf path = OR_BUF_INIT;
		or_buf_printf(&path, "%s/%s", prefix, finding->file);
		row->file = intern(table, or_buf_cstr(&path));
		or_buf_dispose(&path);
	} else {
		row->file = intern(table, finding->file);
	}
	row->subject = intern(table, finding->subject);
	row->evidence = intern(table, finding->evidence);
	row->fingerprint = intern(table, finding->fingerprint);
	row->status = intern(table, finding->status);
	row->reason = intern(table, finding->reason);
	row->waiver.reason = intern(table, finding->waiver.reason);
	row->waiver.approved_by = intern(table, finding->waiver.approved_by);
	row->waiver.expires = intern(table, finding->waiver.expires);
	return row;
}

void or_finding_json_init(or_finding_json *writer)
{
	writer->object = NULL;
	writer->strings = NULL;
}

void or_finding_json_dispose(or_finding_json *writer)
{
	json_decref(writer->object);
	json_decref(writer->strings);
	or_finding_json_init(writer);
}

/* A new value of the string `s` (or null), for strings seldom shared (a
 * fingerprint, most messages). */
static json_t *own_string(const char *s)
{
	/* the table's strings are UTF-8: or_finding_table_add made them so */
	return s ? json_string_nocheck(s) : json_null();
}

/* A new reference to the one value of the string `s` (or null), for the
 * few strings that most rows repeat (rules, severities, areas, paths,
 * statuses). A writer without a cache makes a new value each time. */
static json_t *shared_string(or_finding_json *writer, const char *s)
{
	json_t *v;

	if (!s || !writer->strings)
		return own_string(s);
	v = json_object_get(writer->strings, s);
	if (v)
		return json_incref(v);
	v = own_string(s);
	json_object_set_nocheck(writer->strings, s, v); /* not kept when it fails: still ours */
	return v;
}

json_t *or_finding_json_row(or_finding_json *writer, const or_finding_table *table, size_t i)
{
	const or_report_finding *f = &table->items[i];
	json_t *o = writer->object;
	int error = 0;

	if (!o) {
		o = writer->object = json_object();
		writer->strings = json_object();
		if (!o || !writer->strings)
			return NULL;
	}
	/* the members in the report's order: replacing a member keeps its
	 * place, and the optional last two are added again in order */
	json_object_del(o, "reason");
	json_object_del(o, "waiver");
	error |= json_object_set_new_nocheck(o, "rule", shared_string(writer, f->rule));
	error |= json_object_set_new_nocheck(o, "severity", shared_string(writer, f->severity));
	error |= json_object_set_new_nocheck(o, "area", shared_string(writer, f->area));
	error |= json_object_set_new_nocheck(o, "message", own_string(f->message));
	error |= json_object_set_new_nocheck(o, "file", shared_string(writer, f->file));
	error |= json_object_set_new_nocheck(o, "line", json_integer((json_int_t)f->line));
	error |= json_object_set_new_nocheck(o, "column", json_integer((json_int_t)f->column));
	error |= json_object_set_new_nocheck(o, "subject", own_string(f->subject));
	error |= json_object_set_new_nocheck(o, "evidence", own_string(f->evidence));
	error |= json_object_set_new_nocheck(o, "fingerprint", own_string(f->fingerprint));
	error |= json_object_set_new_nocheck(o, "status", shared_string(writer, f->status));
	if (f->reason)
		error |= json_object_set_new_nocheck(o, "reason", own_string(f->reason));
	if (f->waived)
		error |= json_object_set_new_nocheck(o, "waiver", or_report_waiver_json(&f->waiver));
	return error ? NULL : o;
}

json_t *or_finding_table_json(const or_finding_table *table, size_t i)
{
	/* a writer of one row: its object is the answer, and it keeps no cache */
	or_finding_json writer = { json_object(), NULL };

	if (writer.object && !or_finding_json_row(&writer, table, i)) {
		json_decref(writer.object);
		return NULL;
	}
	return writer.object;
}

json_t *or_report_waiver_json(const or_report_waiver *waiver)
{
	return json_pack("{s:o, s:o, s:o}", "reason", own_string(waiver->reason), "approved_by",
			 own_string(waiver->approved_by), "expires", own_string(waiver->expires));
}

static const char *string_at(const json_t *object, const char *key)
{
	return json_string_value(json_object_get(object, key));
}

int or_finding_table_load(or_finding_table *table, const json_t *array, const char *prefix,
			  const char *path, or_diag *diag)
{
	/* the keys every reporter, diff and merge read */
	static const char *const required[] = { "rule", "severity", "message", "fingerprint",
						"status" };
	size_t i, k;

	if (!json_is_array(array))
		return or_diag_set(diag, OR_EXIT_USAGE, path, 0, 0,
				   "not an opsready JSON report: findings is not an array");
	for (i = 0; i < json_array_size(array); i++) {
		const json_t *f = json_array_get(array, i);
		const json_t *waiver = json_object_get(f, "waiver");
		or_report_finding row;

		for (k = 0; k < sizeof(required) / sizeof(required[0]); k++)
			if (!string_at(f, required[k]))
				return or_diag_set(diag, OR_EXIT_USAGE, path, 0, 0,
						   "not an opsready JSON report: findings[%zu] has "
						   "no string '%s'", i, required[k]);
		memset(&row, 0, sizeof(row));
		row.rule = string_at(f, "rule");
		row.severity = string_at(f, "severity");
		row.area = string_at(f, "area");
		row.message = string_at(f, "message");
		row.file = string_at(f, "file");
		row.line = json_integer_value(json_object_get(f, "line"));
		row.column = json_integer_value(json_object_get(f, "column"));
		row.subject = string_at(f, "subject");
		row.evidence = string_at(f, "evidence");
		row.fingerprint = string_at(f, "fingerprint");
		row.status = string_at(f, "status");
		row.reason = string_at(f, "reason");
		if (json_is_object(waiver)) {
			row.waived = true;
			row.waiver.reason = string_at(waiver, "reason");
			row.waiver.approved_by = string_at(waiver, "approved_by");
			row.waiver.expires = string_at(waiver, "expires");
		}
		or_finding_table_add(table, &row, prefix);
	}
	return 0;
}
