#include "input/yaml.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/alloc.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/text.h"

int or_yaml_read_file(char **out, size_t *len, const char *path, const char *what,
		      or_diag *diag)
{
	return or_fs_read_input(out, len, path, path, what, OR_YAML_MAX_BYTES, OR_FS_FOLLOW_LINKS,
				diag);
}

int or_yaml_error(or_diag *diag, const or_yaml *yaml, const yaml_node_t *node,
		  const char *fmt, ...)
{
	va_list ap;

	if (!diag)
		return -1;
	diag->code = OR_EXIT_USAGE;
	snprintf(diag->file, sizeof(diag->file), "%s",
		 yaml && yaml->file ? yaml->file : "");
	diag->line = node ? or_yaml_line(node) : 0;
	diag->column = node ? or_yaml_column(node) : 0;
	va_start(ap, fmt);
	vsnprintf(diag->message, sizeof(diag->message), fmt, ap);
	va_end(ap);
	return -1;
}

static int mark_error(or_diag *diag, const char *file, yaml_mark_t mark, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int mark_error(or_diag *diag, const char *file, yaml_mark_t mark, const char *fmt, ...)
{
	va_list ap;

	if (!diag)
		return -1;
	diag->code = OR_EXIT_USAGE;
	snprintf(diag->file, sizeof(diag->file), "%s", file);
	diag->line = (int)mark.line + 1;
	diag->column = (int)mark.column + 1;
	va_start(ap, fmt);
	vsnprintf(diag->message, sizeof(diag->message), fmt, ap);
	va_end(ap);
	return -1;
}

static int parser_error(or_diag *diag, const char *file, const yaml_parser_t *parser,
			const char *text, size_t len)
{
	const char *problem = parser->problem ? parser->problem : "unknown problem";
	yaml_mark_t mark = { 0, 0, 0 };
	size_t i;

	if (parser->error == YAML_MEMORY_ERROR)
		return or_diag_set(diag, OR_EXIT_RUNTIME, file, 0, 0,
				   "out of memory while parsing YAML");
	if (parser->error == YAML_READER_ERROR) {
		/* Reader errors (bad encoding) only know the byte offset. */
		for (i = 0; i < parser->problem_offset && i < len; i++) {
			if (text[i] == '\n') {
				mark.line++;
				mark.column = 0;
			} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
				mark.column++;
			}
		}
		return mark_error(diag, file, mark, "invalid YAML text: %s", problem);
	}
	if (parser->context)
		return mark_error(diag, file, parser->problem_mark, "YAML syntax error: %s %s",
				  parser->context, problem);
	return mark_error(diag, file, parser->problem_mark, "YAML syntax error: %s", problem);
}

/* Deeper nesting is refused: libyaml's scanner takes time quadratic in the
 * depth of flow collections ("[[[[..." of a megabyte would run for minutes). */
#define YAML_MAX_DEPTH 64

/*
 * A first pass over the events: syntax errors, anchors and aliases (the
 * "billion laughs" expansion needs them, and configs have no use for them),
 * nesting deeper than YAML_MAX_DEPTH, and more than one document.
 */
static int scan_events(const char *text, size_t len, const char *file, or_diag *diag)
{
	yaml_parser_t parser;
	yaml_event_t event;
	const yaml_char_t *anchor;
	int documents = 0, depth = 0;
	int rc = -1;
	bool done = false;

	if (!yaml_parser_initialize(&parser))
		return or_diag_set(diag, OR_EXIT_RUNTIME, file, 0, 0,
				   "cannot initialise the YAML parser");
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	while (!done) {
		if (!yaml_parser_parse(&parser, &event)) {
			parser_error(diag, file, &parser, text, len);
			goto cleanup;
		}
		anchor = NULL;
		switch (event.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++documents > 1) {
				mark_error(diag, file, event.start_mark,
					   "expected one YAML document, found more");
				yaml_event_delete(&event);
				goto cleanup;
			}
			break;
		case YAML_ALIAS_EVENT:
			mark_error(diag, file, event.start_mark,
				   "YAML aliases are not allowed (alias '*%s')",
				   (const char *)event.data.alias.anchor);
			yaml_event_delete(&event);
			goto cleanup;
		case YAML_SCALAR_EVENT:
			anchor = event.data.scalar.anchor;
			break;
		case YAML_SEQUENCE_START_EVENT:
			anchor = event.data.sequence_start.anchor;
			depth++;
			break;
		case YAML_MAPPING_START_EVENT:
			anchor = event.data.mapping_start.anchor;
			depth++;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		default:
			break;
		}
		if (depth > YAML_MAX_DEPTH) {
			mark_error(diag, file, event.start_mark,
				   "YAML nested deeper than %d levels", YAML_MAX_DEPTH);
			yaml_event_delete(&event);
			goto cleanup;
		}
		if (anchor) {
			mark_error(diag, file, event.start_mark,
				   "YAML anchors and aliases are not allowed (anchor '&%s')",
				   (const char *)anchor);
			yaml_event_delete(&event);
			goto cleanup;
		}
		yaml_event_delete(&event);
	}
	rc = 0;
cleanup:
	yaml_parser_delete(&parser);
	return rc;
}

int or_yaml_load(or_yaml *yaml, const char *text, size_t len, const char *file,
		 or_diag *diag)
{
	return or_yaml_load_max(yaml, text, len, OR_YAML_MAX_BYTES, file, diag);
}

int or_yaml_load_max(or_yaml *yaml, const char *text, size_t len, size_t max_bytes,
		     const char *file, or_diag *diag)
{
	yaml_parser_t parser;
	yaml_document_t *doc = NULL;
	int rc = -1;

	free(yaml->file);
	yaml->file = or_xstrdup(file ? file : "");
	if (len > max_bytes)
		return or_diag_set(diag, OR_EXIT_USAGE, yaml->file, 0, 0,
				   "YAML input is larger than %zu bytes", max_bytes);
	if (scan_events(text, len, yaml->file, diag) != 0)
		return -1;
	if (!yaml_parser_initialize(&parser))
		return or_diag_set(diag, OR_EXIT_RUNTIME, yaml->file, 0, 0,
				   "cannot initialise the YAML parser");
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	doc = or_xmalloc(sizeof(yaml_document_t));
	if (!yaml_parser_load(&parser, doc)) {
		parser_error(diag, yaml->file, &parser, text, len);
		goto cleanup;
	}
	yaml->doc = doc;
	doc = NULL;
	rc = 0;
cleanup:
	free(doc);
	yaml_parser_delete(&parser);
	return rc;
}

void or_yaml_dispose(or_yaml *yaml)
{
	if (!yaml)
		return;
	if (yaml->doc) {
		yaml_document_delete(yaml->doc);
		free(yaml->doc);
	}
	yaml->doc = NULL;
	free(yaml->file);
	yaml->file = NULL;
}

yaml_node_t *or_yaml_root(or_yaml *yaml)
{
	yaml_node_t *root;

	if (!yaml->doc)
		return NULL;
	root = yaml_document_get_root_node(yaml->doc);
	if (root && or_yaml_is_null(root))
		return NULL;
	return root;
}

yaml_node_t *or_yaml_node(or_yaml *yaml, int index)
{
	return yaml_document_get_node(yaml->doc, index);
}

int or_yaml_line(const yaml_node_t *node)
{
	return (int)node->start_mark.line + 1;
}

int or_yaml_column(const yaml_node_t *node)
{
	return (int)node->start_mark.column + 1;
}

bool or_yaml_is_mapping(const yaml_node_t *node)
{
	return node && node->type == YAML_MAPPING_NODE;
}

bool or_yaml_is_sequence(const yaml_node_t *node)
{
	return node && node->type == YAML_SEQUENCE_NODE;
}

bool or_yaml_is_scalar(const yaml_node_t *node)
{
	return node && node->type == YAML_SCALAR_NODE;
}

bool or_yaml_is_null(const yaml_node_t *node)
{
	const char *s;

	if (!node)
		return true;
	if (node->type != YAML_SCALAR_NODE || node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	s = (const char *)node->data.scalar.value;
	return s[0] == '\0' || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
	       strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0;
}

const char *or_yaml_scalar(const yaml_node_t *node)
{
	if (!node || node->type != YAML_SCALAR_NODE)
		return NULL;
	return (const char *)node->data.scalar.value;
}

size_t or_yaml_mapping_size(const yaml_node_t *mapping)
{
	if (!or_yaml_is_mapping(mapping))
		return 0;
	return (size_t)(mapping->data.mapping.pairs.top - mapping->data.mapping.pairs.start);
}

yaml_node_t *or_yaml_pair_key(or_yaml *yaml, const yaml_node_t *mapping, size_t i)
{
	return or_yaml_node(yaml, mapping->data.mapping.pairs.start[i].key);
}

yaml_node_t *or_yaml_pair_value(or_yaml *yaml, const yaml_node_t *mapping, size_t i)
{
	return or_yaml_node(yaml, mapping->data.mapping.pairs.start[i].value);
}

yaml_node_t *or_yaml_get(or_yaml *yaml, const yaml_node_t *mapping, const char *key)
{
	size_t i, n = or_yaml_mapping_size(mapping);
	const char *k;

	for (i = 0; i < n; i++) {
		k = or_yaml_scalar(or_yaml_pair_key(yaml, mapping, i));
		if (k && strcmp(k, key) == 0)
			return or_yaml_pair_value(yaml, mapping, i);
	}
	return NULL;
}

size_t or_yaml_sequence_size(const yaml_node_t *sequence)
{
	if (!or_yaml_is_sequence(sequence))
		return 0;
	return (size_t)(sequence->data.sequence.items.top - sequence->data.sequence.items.start);
}

yaml_node_t *or_yaml_item(or_yaml *yaml, const yaml_node_t *sequence, size_t i)
{
	return or_yaml_node(yaml, sequence->data.sequence.items.start[i]);
}

static const char *where_suffix(or_buf *buf, const char *where)
{
	or_buf_clear(buf);
	if (where && where[0])
		or_buf_printf(buf, " in %s", where);
	return or_buf_cstr(buf);
}

int or_yaml_check_keys(or_yaml *yaml, const yaml_node_t *mapping,
		       const char *const *allowed, const char *where, or_diag *diag)
{
	size_t i, j, n, nallowed = 0;
	const char *key, *other, *suggestion;
	yaml_node_t *key_node;
	or_buf suffix = OR_BUF_INIT;
	int rc = -1;

	if (!or_yaml_is_mapping(mapping)) {
		if (where && where[0])
			or_yaml_error(diag, yaml, mapping, "expected a mapping for %s", where);
		else
			or_yaml_error(diag, yaml, mapping, "expected a mapping at the top level");
		goto cleanup;
	}
	if (allowed)
		while (allowed[nallowed])
			nallowed++;
	n = or_yaml_mapping_size(mapping);
	for (i = 0; i < n; i++) {
		key_node = or_yaml_pair_key(yaml, mapping, i);
		key = or_yaml_scalar(key_node);
		if (!key) {
			or_yaml_error(diag, yaml, key_node, "expected a plain key%s",
				      where_suffix(&suffix, where));
			goto cleanup;
		}
		for (j = 0; j < i; j++) {
			other = or_yaml_scalar(or_yaml_pair_key(yaml, mapping, j));
			if (other && strcmp(other, key) == 0) {
				or_yaml_error(diag, yaml, key_node, "duplicate key '%s'%s", key,
					      where_suffix(&suffix, where));
				goto cleanup;
			}
		}
		if (!allowed)
			continue;
		for (j = 0; j < nallowed; j++)
			if (strcmp(allowed[j], key) == 0)
				break;
		if (j < nallowed)
			continue;
		suggestion = or_text_did_you_mean(key, allowed, nallowed);
		if (suggestion)
			or_yaml_error(diag, yaml, key_node,
				      "unknown key '%s'%s (did you mean '%s'?)", key,
				      where_suffix(&suffix, where), suggestion);
		else
			or_yaml_error(diag, yaml, key_node, "unknown key '%s'%s", key,
				      where_suffix(&suffix, where));
		goto cleanup;
	}
	rc = 0;
cleanup:
	or_buf_dispose(&suffix);
	return rc;
}

int or_yaml_get_string(char **out, or_yaml *yaml, const yaml_node_t *node,
		       const char *what, or_diag *diag)
{
	if (!or_yaml_is_scalar(node) || or_yaml_is_null(node))
		return or_yaml_error(diag, yaml, node, "expected a string for %s", what);
	*out = or_xstrdup(or_yaml_scalar(node));
	return 0;
}

static bool is_plain(const yaml_node_t *node)
{
	return or_yaml_is_scalar(node) && node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
}

static int plain_bool(bool *out, const char *s)
{
	if (strcmp(s, "true") == 0 || strcmp(s, "True") == 0 || strcmp(s, "TRUE") == 0) {
		*out = true;
		return 0;
	}
	if (strcmp(s, "false") == 0 || strcmp(s, "False") == 0 || strcmp(s, "FALSE") == 0) {
		*out = false;
		return 0;
	}
	return -1;
}

int or_yaml_get_bool(bool *out, or_yaml *yaml, const yaml_node_t *node,
		     const char *what, or_diag *diag)
{
	if (!is_plain(node) || plain_bool(out, or_yaml_scalar(node)) != 0)
		return or_yaml_error(diag, yaml, node, "expected true or false for %s", what);
	return 0;
}

/* A decimal integer, optionally signed, nothing else. */
static int parse_integer(long long *out, const char *s)
{
	const char *p = s;
	char *end;

	if (*p == '-' || *p == '+')
		p++;
	if (*p < '0' || *p > '9')
		return -1;
	for (; *p; p++)
		if (*p < '0' || *p > '9')
			return -1;
	errno = 0;
	*out = strtoll(s, &end, 10);
	if (errno == ERANGE || *end != '\0')
		return -1;
	return 0;
}

/* A decimal number with a '.' or an exponent (YAML 1.2 core schema float). */
static int parse_real(double *out, const char *s)
{
	const char *p = s;
	char *end;
	bool digits = false, dot = false;

	if (*p == '-' || *p == '+')
		p++;
	for (; *p >= '0' && *p <= '9'; p++)
		digits = true;
	if (*p == '.') {
		dot = true;
		for (p++; *p >= '0' && *p <= '9'; p++)
			digits = true;
	}
	if (!digits)
		return -1;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '-' || *p == '+')
			p++;
		if (*p < '0' || *p > '9')
			return -1;
		while (*p >= '0' && *p <= '9')
			p++;
	} else if (!dot) {
		return -1;
	}
	if (*p != '\0')
		return -1;
	errno = 0;
	*out = strtod(s, &end);
	if (errno == ERANGE || *end != '\0')
		return -1;
	return 0;
}

int or_yaml_get_int(long long *out, or_yaml *yaml, const yaml_node_t *node,
		    const char *what, or_diag *diag)
{
	if (!is_plain(node) || parse_integer(out, or_yaml_scalar(node)) != 0)
		return or_yaml_error(diag, yaml, node, "expected an integer for %s", what);
	return 0;
}

int or_yaml_get_number(double *out, or_yaml *yaml, const yaml_node_t *node,
		       const char *what, or_diag *diag)
{
	long long i;

	if (is_plain(node)) {
		if (parse_integer(&i, or_yaml_scalar(node)) == 0) {
			*out = (double)i;
			return 0;
		}
		if (parse_real(out, or_yaml_scalar(node)) == 0)
			return 0;
	}
	return or_yaml_error(diag, yaml, node, "expected a number for %s", what);
}

int or_yaml_get_date(or_date *out, or_yaml *yaml, const yaml_node_t *node,
		     const char *what, or_diag *diag)
{
	const char *s = or_yaml_scalar(node);

	if (!s || or_yaml_is_null(node))
		return or_yaml_error(diag, yaml, node,
				     "expected a date (YYYY-MM-DD) for %s", what);
	if (or_date_parse_iso(out, s) != 0)
		return or_yaml_error(diag, yaml, node,
				     "invalid date '%s' for %s (expected a real YYYY-MM-DD date)",
				     s, what);
	return 0;
}

void or_yaml_strings_free(char **strings, size_t n)
{
	size_t i;

	if (!strings)
		return;
	for (i = 0; i < n; i++)
		free(strings[i]);
	free(strings);
}

int or_yaml_get_strings(char ***out, size_t *n, or_yaml *yaml, const yaml_node_t *node,
			bool allow_single, const char *what, or_diag *diag)
{
	char **items = NULL;
	size_t i, count;
	yaml_node_t *item;

	*out = NULL;
	*n = 0;
	if (allow_single && or_yaml_is_scalar(node) && !or_yaml_is_null(node)) {
		items = or_xmalloc(sizeof(char *));
		items[0] = or_xstrdup(or_yaml_scalar(node));
		*out = items;
		*n = 1;
		return 0;
	}
	if (!or_yaml_is_sequence(node))
		return or_yaml_error(diag, yaml, node, "expected a list of strings for %s", what);
	count = or_yaml_sequence_size(node);
	for (i = 0; i < count; i++) {
		item = or_yaml_item(yaml, node, i);
		if (!or_yaml_is_scalar(item) || or_yaml_is_null(item))
			return or_yaml_error(diag, yaml, item,
					     "expected a list of strings for %s", what);
	}
	items = or_xcalloc(count ? count : 1, sizeof(char *));
	for (i = 0; i < count; i++)
		items[i] = or_xstrdup(or_yaml_scalar(or_yaml_item(yaml, node, i)));
	*out = items;
	*n = count;
	return 0;
}

static json_t *scalar_to_json(const yaml_node_t *node)
{
	const char *s = or_yaml_scalar(node);
	long long i;
	double d;
	bool b;

	if (!is_plain(node))
		return json_string(s);
	if (or_yaml_is_null(node))
		return json_null();
	if (plain_bool(&b, s) == 0)
		return json_boolean(b);
	if (parse_integer(&i, s) == 0)
		return json_integer((json_int_t)i);
	if (parse_real(&d, s) == 0)
		return json_real(d);
	return json_string(s);
}

static int to_json(json_t **out, or_yaml *yaml, const yaml_node_t *node, int depth,
		   or_diag *diag)
{
	json_t *value = NULL, *child = NULL;
	size_t i, n;
	int rc = -1;

	*out = NULL;
	if (depth > 64)
		return or_yaml_error(diag, yaml, node, "YAML nested too deeply");
	switch (node->type) {
	case YAML_SCALAR_NODE:
		value = scalar_to_json(node);
		if (!value)
			return or_yaml_error(diag, yaml, node, "invalid UTF-8 in a YAML string");
		break;
	case YAML_SEQUENCE_NODE:
		value = json_array();
		n = or_yaml_sequence_size(node);
		for (i = 0; i < n; i++) {
			if (to_json(&child, yaml, or_yaml_item(yaml, node, i), depth + 1,
				    diag) != 0)
				goto cleanup;
			json_array_append_new(value, child);
			child = NULL;
		}
		break;
	case YAML_MAPPING_NODE:
		if (or_yaml_check_keys(yaml, node, NULL, NULL, diag) != 0)
			return -1;
		value = json_object();
		n = or_yaml_mapping_size(node);
		for (i = 0; i < n; i++) {
			if (to_json(&child, yaml, or_yaml_pair_value(yaml, node, i), depth + 1,
				    diag) != 0)
				goto cleanup;
			json_object_set_new(value,
					    or_yaml_scalar(or_yaml_pair_key(yaml, node, i)),
					    child);
			child = NULL;
		}
		break;
	default:
		return or_yaml_error(diag, yaml, node, "unexpected YAML node");
	}
	*out = value;
	value = NULL;
	rc = 0;
cleanup:
	json_decref(value);
	return rc;
}

int or_yaml_to_json(json_t **out, or_yaml *yaml, const yaml_node_t *node, or_diag *diag)
{
	if (!node) {
		*out = json_null();
		return 0;
	}
	return to_json(out, yaml, node, 0, diag);
}
