#include "render/json_stream.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

#define FLAGS (JSON_INDENT(2) | JSON_REAL_PRECISION(10))

static void indent(or_out *out, int depth)
{
	static const char spaces[] = "                                ";
	size_t n = (size_t)depth * 2;

	while (n > 0) {
		size_t k = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;
		or_out_put(out, spaces, k);
		n -= k;
	}
}

/* `text` with `depth` levels of indent after each newline. */
static void put_reindented(or_out *out, const char *text, int depth)
{
	const char *nl;

	while ((nl = strchr(text, '\n')) != NULL) {
		or_out_put(out, text, (size_t)(nl - text) + 1);
		indent(out, depth);
		text = nl + 1;
	}
	or_out_puts(out, text);
}

int or_json_stream(or_out *out, const json_t *envelope, const char *key, int depth, size_t n,
		   or_json_element_fn element, void *ctx)
{
	char *dump = json_dumps(envelope, FLAGS), *at;
	or_buf marker = OR_BUF_INIT;
	size_t i;
	int error = -1;

	if (!dump)
		return -1;
	or_buf_putc(&marker, '\n');
	while ((size_t)depth * 2 > marker.size - 1)
		or_buf_putc(&marker, ' ');
	or_buf_printf(&marker, "\"%s\": []", key);
	at = strstr(dump, marker.ptr);
	if (!at)
		goto cleanup;
	at += marker.size - 1; /* at the ']' */
	if (n == 0) {
		or_out_puts(out, dump);
		error = 0;
		goto cleanup;
	}
	or_out_put(out, dump, (size_t)(at - dump));
	for (i = 0; i < n; i++) {
		json_t *value = element(ctx, i);
		char *text = value ? json_dumps(value, FLAGS | JSON_ENCODE_ANY) : NULL;

		json_decref(value);
		if (!text)
			goto cleanup;
		or_out_putc(out, '\n');
		indent(out, depth + 1);
		put_reindented(out, text, depth + 1);
		free(text);
		if (i + 1 < n)
			or_out_putc(out, ',');
	}
	or_out_putc(out, '\n');
	indent(out, depth);
	or_out_puts(out, at);
	error = 0;
cleanup:
	or_buf_dispose(&marker);
	free(dump);
	return error;
}

/* `value` dumped and written at `depth` (its first line already indented). */
static int put_value(or_out *out, const json_t *value, int depth)
{
	char *text = json_dumps(value, FLAGS | JSON_ENCODE_ANY);

	if (!text)
		return -1;
	put_reindented(out, text, depth);
	free(text);
	return 0;
}

static const or_json_streamed *streamed_member(const or_json_streamed *streamed, size_t n,
					      const char *key)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(streamed[i].key, key) == 0)
			return &streamed[i];
	return NULL;
}

int or_json_stream_members(or_out *out, const json_t *root, const or_json_streamed *members,
			   size_t nmembers)
{
	const char *name;
	json_t *value;
	size_t left = json_object_size(root);

	if (!json_is_object(root) || left == 0)
		return put_value(out, root, 0);
	or_out_putc(out, '{');
	json_object_foreach((json_t *)root, name, value) {
		json_t *quoted = json_string(name);
		const or_json_streamed *streamed = streamed_member(members, nmembers, name);
		size_t count = streamed ? streamed->n : json_array_size(value), i;
		int error;

		or_out_putc(out, '\n');
		indent(out, 1);
		error = put_value(out, quoted, 1);
		json_decref(quoted);
		if (error)
			return -1;
		or_out_puts(out, ": ");
		if ((streamed || json_is_array(value)) && count > 0) {
			or_out_putc(out, '[');
			for (i = 0; i < count; i++) {
				/* the root's own values are only read, never
				 * referenced: reporters share it across threads */
				json_t *made = streamed ? streamed->element(streamed->ctx, i) : NULL;
				const json_t *item = streamed ? made : json_array_get(value, i);

				or_out_putc(out, '\n');
				indent(out, 2);
				error = item ? put_value(out, item, 2) : -1;
				json_decref(made);
				if (error)
					return -1;
				if (i + 1 < count)
					or_out_putc(out, ',');
			}
			or_out_putc(out, '\n');
			indent(out, 1);
			or_out_putc(out, ']');
		} else if (put_value(out, value, 1) != 0) {
			return -1;
		}
		if (--left)
			or_out_putc(out, ',');
	}
	or_out_puts(out, "\n}");
	return 0;
}
