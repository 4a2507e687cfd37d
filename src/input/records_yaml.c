/* One YAML record (a course, a person, a completion, a drill): its fields
 * read and checked, each problem worded with the record's subject. */
#include <stdarg.h>
#include <string.h>

#include <yaml.h>

#include "input/records_loader.h"
#include "input/yaml.h"
#include "util/buf.h"
#include "util/text.h"

/* ---- YAML records: one record's fields, problems with its subject */

void or_rec_problem(record *rec, const yaml_node_t *at, bool keep_out, const char *fmt, ...)
{
	or_buf message = OR_BUF_INIT;
	va_list ap;

	if (!at)
		at = rec->node;
	va_start(ap, fmt);
	or_buf_vprintf(&message, fmt, ap);
	va_end(ap);
	or_records_add_problem(rec->ld, or_yaml_line(at), or_yaml_column(at), rec->subject,
			       "%s: %s", rec->what, or_buf_cstr(&message));
	or_buf_dispose(&message);
	if (keep_out)
		rec->ok = false;
}

const char *or_rec_node_kind(const yaml_node_t *node)
{
	if (or_yaml_is_mapping(node))
		return "a mapping";
	if (or_yaml_is_sequence(node))
		return "a list";
	return "a scalar";
}

/* The text of a scalar value, trimmed, or NULL when absent, null or empty. */
const char *or_rec_scalar_text(const yaml_node_t *node)
{
	const char *s = or_yaml_scalar(node);

	if (!s || or_yaml_is_null(node))
		return NULL;
	while (*s == ' ' || *s == '\t')
		s++;
	return *s ? s : NULL;
}

const char *or_rec_trimmed(or_arena *arena, const char *s)
{
	size_t len = strlen(s);

	s = or_text_trim(s, &len);
	return or_arena_strndup(arena, s, len);
}

/* Unknown, duplicate and non-scalar keys: problems that keep the record in. */
void or_rec_keys(record *rec, const char *const *allowed, size_t nallowed)
{
	size_t i, j, n = or_yaml_mapping_size(rec->node);
	yaml_node_t *key_node;
	const char *key, *other, *suggestion;

	for (i = 0; i < n; i++) {
		key_node = or_yaml_pair_key(&rec->ld->yaml, rec->node, i);
		key = or_yaml_scalar(key_node);
		if (!key) {
			or_rec_problem(rec, key_node, false, "a key is %s, not a name",
				       or_rec_node_kind(key_node));
			continue;
		}
		for (j = 0; j < i; j++) {
			other = or_yaml_scalar(or_yaml_pair_key(&rec->ld->yaml, rec->node, j));
			if (other && strcmp(other, key) == 0)
				break;
		}
		if (j < i) {
			or_rec_problem(rec, key_node, false,
				       "duplicate key '%s' (the first one is used)", key);
			continue;
		}
		for (j = 0; j < nallowed; j++)
			if (strcmp(allowed[j], key) == 0)
				break;
		if (j < nallowed)
			continue;
		suggestion = or_text_did_you_mean(key, allowed, nallowed);
		if (suggestion)
			or_rec_problem(rec, key_node, false,
				       "unknown key '%s' (did you mean '%s'?)", key, suggestion);
		else
			or_rec_problem(rec, key_node, false, "unknown key '%s'", key);
	}
}

/* A text field: *out in the arena or NULL. A missing required one keeps the record out. */
void or_rec_text(record *rec, const char *key, bool required, const char **out)
{
	yaml_node_t *node = or_yaml_get(&rec->ld->yaml, rec->node, key);
	const char *s;

	*out = NULL;
	if (node && !or_yaml_is_scalar(node)) {
		or_rec_problem(rec, node, true, "%s should be text, not %s", key,
			       or_rec_node_kind(node));
		return;
	}
	s = or_rec_scalar_text(node);
	if (!s) {
		if (required)
			or_rec_problem(rec, node, true, "no %s", key);
		return;
	}
	*out = or_rec_trimmed(rec->ld->arena, s);
}

/* A number >= 0; *given false when absent. */
void or_rec_number(record *rec, const char *key, double *out, bool *given)
{
	yaml_node_t *node = or_yaml_get(&rec->ld->yaml, rec->node, key);
	const char *s = or_rec_scalar_text(node);

	*given = false;
	if (node && !or_yaml_is_scalar(node)) {
		or_rec_problem(rec, node, true, "%s should be a number, not %s", key,
			       or_rec_node_kind(node));
		return;
	}
	if (!s)
		return;
	if (or_records_parse_number(out, s, strlen(s), false) != 0) {
		or_rec_problem(rec, node, true, "%s '%s' is not a number", key, s);
		return;
	}
	if (*out < 0) {
		or_rec_problem(rec, node, true, "negative %s (%s)", key, s);
		return;
	}
	*given = true;
}

void or_rec_date(record *rec, const char *key, const char *label, bool required,
		 bool keep_out, or_date *out, bool *given)
{
	yaml_node_t *node = or_yaml_get(&rec->ld->yaml, rec->node, key);
	const char *s = or_rec_scalar_text(node), *why = NULL;

	*given = false;
	if (node && !or_yaml_is_scalar(node)) {
		or_rec_problem(rec, node, true, "%s should be a date, not %s", key,
			       or_rec_node_kind(node));
		return;
	}
	if (!s) {
		if (required)
			or_rec_problem(rec, node, true, "no %s", key);
		return;
	}
	if (or_records_parse_whole_date(out, s, strlen(s), rec->ld->order, &why) != 0) {
		or_rec_problem(rec, node, keep_out, "%s'%s' %s", label, s, why);
		return;
	}
	*given = true;
}

/* A list of names, or one name; NULL and 0 when absent. */
void or_rec_names(record *rec, const char *key, const char *const **out, size_t *n)
{
	yaml_node_t *node = or_yaml_get(&rec->ld->yaml, rec->node, key), *item;
	const char **names;
	const char *s;
	size_t i, count;

	*out = NULL;
	*n = 0;
	if (!node || or_yaml_is_null(node))
		return;
	if (or_yaml_is_scalar(node)) {
		s = or_rec_scalar_text(node);
		if (!s)
			return;
		names = or_arena_alloc(rec->ld->arena, sizeof(char *));
		names[0] = or_rec_trimmed(rec->ld->arena, s);
		*out = names;
		*n = 1;
		return;
	}
	if (!or_yaml_is_sequence(node)) {
		or_rec_problem(rec, node, true, "%s should be a list of names, not %s", key,
			       or_rec_node_kind(node));
		return;
	}
	count = or_yaml_sequence_size(node);
	names = or_arena_alloc(rec->ld->arena, (count ? count : 1) * sizeof(char *));
	for (i = 0; i < count; i++) {
		item = or_yaml_item(&rec->ld->yaml, node, i);
		s = or_rec_scalar_text(item);
		if (!or_yaml_is_scalar(item) || !s) {
			or_rec_problem(rec, item, true, "%s should be a list of names", key);
			return;
		}
		names[i] = or_rec_trimmed(rec->ld->arena, s);
	}
	*out = names;
	*n = count;
}

bool or_rec_word_in(const char *s, const char *const *words)
{
	size_t i;

	for (i = 0; words[i]; i++) {
		const char *a = s, *b = words[i];

		while (*a && *b && (*a | 0x20) == *b) {
			a++;
			b++;
		}
		if (!*a && !*b)
			return true;
	}
	return false;
}

/* A list section (`people:`): each item read by `read`. A null value is empty. */
int or_rec_read_section(loader *ld, const yaml_node_t *value, const char *name,
			void (*read)(loader *, const yaml_node_t *), or_diag *diag)
{
	size_t i, n;

	if (or_yaml_is_null(value))
		return 0;
	if (!or_yaml_is_sequence(value))
		return or_yaml_error(diag, &ld->yaml, value, "expected a list for %s, found %s",
				     name, or_rec_node_kind(value));
	n = or_yaml_sequence_size(value);
	for (i = 0; i < n; i++)
		read(ld, or_yaml_item(&ld->yaml, value, i));
	return 0;
}

/* A top-level key that is none of `known`: a problem, the rest is still read. */
void or_rec_unknown_top_key(loader *ld, const yaml_node_t *key_node, const char *const *known,
			    size_t nknown, const char *where)
{
	const char *key = or_yaml_scalar(key_node);
	const char *suggestion = or_text_did_you_mean(key, known, nknown);
	const char *subject = or_arena_printf(ld->arena, "key:%s", key);

	if (suggestion)
		or_records_add_problem(ld, or_yaml_line(key_node), or_yaml_column(key_node),
				       subject, "unknown key '%s' in %s (did you mean '%s'?)", key,
				       where, suggestion);
	else
		or_records_add_problem(ld, or_yaml_line(key_node), or_yaml_column(key_node),
				       subject, "unknown key '%s' in %s", key, where);
}
