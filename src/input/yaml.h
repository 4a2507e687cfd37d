/*
 * Small helpers over libyaml's document API for the project's own YAML
 * inputs (the config, rule packs): load one document with aliases refused
 * and a size cap, walk mappings and sequences with their positions, read
 * typed values with "expected ..." diagnostics, and convert a node to JSON.
 *
 * Every error is OR_EXIT_USAGE with the file, 1-based line and column of the
 * offending node, and only the message text in diag->message.
 */
#ifndef OR_INPUT_YAML_H
#define OR_INPUT_YAML_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>
#include <yaml.h>

#include "opsready/common.h"
#include "util/date.h"

/* The largest config or pack accepted. */
#define OR_YAML_MAX_BYTES ((size_t)1024 * 1024)

typedef struct or_yaml {
	yaml_document_t *doc; /* NULL until loaded; owned */
	char *file;           /* the name used in diagnostics; owned */
} or_yaml;

#define OR_YAML_INIT { NULL, NULL }

/*
 * Read a whole file of at most OR_YAML_MAX_BYTES into *out (NUL-terminated,
 * caller frees). A missing, unreadable or too large file, or a directory, is
 * an OR_EXIT_USAGE error naming the file; `what` says what it is ("config
 * file", "rule pack").
 */
int or_yaml_read_file(char **out, size_t *len, const char *path, const char *what,
		      or_diag *diag);

/*
 * Parse `text` as one YAML document into `yaml` (an OR_YAML_INIT struct).
 * Syntax errors carry libyaml's problem text and position; anchors and
 * aliases, more than one document and inputs over the size cap are refused.
 * `file` names the input in diagnostics. Dispose with or_yaml_dispose even on
 * failure.
 */
int or_yaml_load(or_yaml *yaml, const char *text, size_t len, const char *file,
		 or_diag *diag);
/* The same with another size cap (the record files allow more than configs). */
int or_yaml_load_max(or_yaml *yaml, const char *text, size_t len, size_t max_bytes,
		     const char *file, or_diag *diag);
void or_yaml_dispose(or_yaml *yaml);

/* The root node, or NULL for an empty document (or one that is just null). */
yaml_node_t *or_yaml_root(or_yaml *yaml);
/* The node at a libyaml node index (from a pair or a sequence item). */
yaml_node_t *or_yaml_node(or_yaml *yaml, int index);

int or_yaml_line(const yaml_node_t *node);
int or_yaml_column(const yaml_node_t *node);

bool or_yaml_is_mapping(const yaml_node_t *node);
bool or_yaml_is_sequence(const yaml_node_t *node);
bool or_yaml_is_scalar(const yaml_node_t *node);
/* A plain null, ~, or empty plain scalar (and a NULL node). */
bool or_yaml_is_null(const yaml_node_t *node);
/* The text of a scalar node (borrowed), or NULL for other nodes. */
const char *or_yaml_scalar(const yaml_node_t *node);

/* Set an OR_EXIT_USAGE diagnostic at `node` (NULL: no position); returns -1. */
int or_yaml_error(or_diag *diag, const or_yaml *yaml, const yaml_node_t *node,
		  const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
 * Walk a mapping: the number of pairs, and the key and value of pair i.
 * Keys are scalars (or_yaml_check_keys refuses other keys).
 */
size_t or_yaml_mapping_size(const yaml_node_t *mapping);
yaml_node_t *or_yaml_pair_key(or_yaml *yaml, const yaml_node_t *mapping, size_t i);
yaml_node_t *or_yaml_pair_value(or_yaml *yaml, const yaml_node_t *mapping, size_t i);
/* The value for `key` in a mapping, or NULL. */
yaml_node_t *or_yaml_get(or_yaml *yaml, const yaml_node_t *mapping, const char *key);

size_t or_yaml_sequence_size(const yaml_node_t *sequence);
yaml_node_t *or_yaml_item(or_yaml *yaml, const yaml_node_t *sequence, size_t i);

/*
 * Check that `mapping` is a mapping whose keys are scalars, unique, and
 * among `allowed` (NULL-terminated; NULL allows any key). `where` names the
 * mapping in messages ("gate", "a waiver"; NULL or "" for the top level):
 *   unknown key 'fial_on' in gate (did you mean 'fail_on'?)
 *   expected a mapping for gate
 */
int or_yaml_check_keys(or_yaml *yaml, const yaml_node_t *mapping,
		       const char *const *allowed, const char *where, or_diag *diag);

/*
 * Typed getters. `what` names the value in messages ("repo_url",
 * "gate.min_score"). Strings accept any non-null scalar; booleans plain
 * true/false; integers plain decimal integers; numbers plain integers or
 * decimals; dates YYYY-MM-DD (plain or quoted).
 */
int or_yaml_get_string(char **out, or_yaml *yaml, const yaml_node_t *node,
		       const char *what, or_diag *diag);
int or_yaml_get_bool(bool *out, or_yaml *yaml, const yaml_node_t *node,
		     const char *what, or_diag *diag);
int or_yaml_get_int(long long *out, or_yaml *yaml, const yaml_node_t *node,
		    const char *what, or_diag *diag);
int or_yaml_get_number(double *out, or_yaml *yaml, const yaml_node_t *node,
		       const char *what, or_diag *diag);
int or_yaml_get_date(or_date *out, or_yaml *yaml, const yaml_node_t *node,
		     const char *what, or_diag *diag);
/*
 * A list of strings into *out (n items, each and the array malloc'd; free
 * with or_yaml_strings_free). With `allow_single`, one scalar is a list of
 * one. Error: "expected a list of strings for WHAT".
 */
int or_yaml_get_strings(char ***out, size_t *n, or_yaml *yaml, const yaml_node_t *node,
			bool allow_single, const char *what, or_diag *diag);
void or_yaml_strings_free(char **strings, size_t n);

/*
 * The JSON value of a node: quoted scalars are strings; plain null, ~ and
 * empty are null; plain true/false are booleans; plain integers are
 * integers; plain decimals are reals; every other scalar is a string.
 * Mappings become objects (keys must be scalars and unique), sequences
 * arrays. *out is a new reference.
 */
int or_yaml_to_json(json_t **out, or_yaml *yaml, const yaml_node_t *node, or_diag *diag);

#endif
