/*
 * A JSON document with one large array written element by element: the
 * envelope (everything else) is built as a jansson value with that array
 * empty, and each element is built, serialised by jansson, written and freed
 * in turn. The bytes are exactly those of json_dumps of the whole document
 * with JSON_INDENT(2): an element dumped on its own is re-indented by the
 * depth of the array (every newline in jansson's indented output is between
 * tokens; newlines inside strings are escaped).
 */
#ifndef OR_RENDER_JSON_STREAM_H
#define OR_RENDER_JSON_STREAM_H

#include <jansson.h>

#include "util/out.h"

/* Builds element `i` (a new reference, freed by the caller), or NULL. */
typedef json_t *(*or_json_element_fn)(void *ctx, size_t i);

/* Writes `envelope` to `out` with the empty array at `key`, whose line is
 * indented by `depth` levels, filled with elements 0..n-1 from `element`.
 * -1 when the envelope holds no such empty array or a value cannot be
 * serialised. */
int or_json_stream(or_out *out, const json_t *envelope, const char *key, int depth, size_t n,
		   or_json_element_fn element, void *ctx);

/* A member of the root written from elements built one at a time: the
 * root holds an empty array at `key`, written as elements 0..n-1 from
 * `element`. */
typedef struct or_json_streamed {
	const char *key;
	size_t n;
	or_json_element_fn element;
	void *ctx;
} or_json_streamed;

/* Writes the object `root` as json_dumps(root, JSON_INDENT(2)) would, with
 * no copy of the whole text in memory: each member is dumped on its own, and
 * each element of a member that is an array; the `nmembers` members named in
 * `members` are filled from their elements. -1 when a value
 * cannot be serialised. */
int or_json_stream_members(or_out *out, const json_t *root, const or_json_streamed *members,
			   size_t nmembers);

#endif
