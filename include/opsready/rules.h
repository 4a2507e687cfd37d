/*
 * The rules a configuration loads, for `opsready rules` and
 * `opsready explain`, and the starter config of `opsready init`.
 */
#ifndef OPSREADY_RULES_H
#define OPSREADY_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "opsready/common.h"

typedef struct or_rule_info {
	const char *id;
	const char *check;
	const char *area;
	const char *severity;      /* "error", "warning", "notice" */
	bool enabled;
	const char *title;
	const char *description;
	const char *rationale;     /* may be NULL */
	const char *remediation;
	const char *const *references;
	size_t nreferences;
	const char *pack;
	const char *params_json;   /* the rule's params as compact JSON */
} or_rule_info;

typedef struct or_rules or_rules;

/* True when `name` is a severity ("error", "warning", "notice") or the
 * gate's "never": what --fail-on takes. */
bool or_fail_on_known(const char *name);

/*
 * Load the rules of `config_path`, or of `root`/.opsready.yml when it is
 * NULL and that file exists, or the built-in defaults. Errors as for a scan
 * (exit code in diag->code).
 */
int or_rules_load(or_rules **out, const char *config_path, const char *root, or_diag *diag);
size_t or_rules_count(const or_rules *rules);
/* The i-th rule in id order; the strings are borrowed from `rules`. */
void or_rules_get(const or_rules *rules, size_t i, or_rule_info *out);
/* 0 and *out for `id`; else -1, with *suggestion set to the nearest id or NULL. */
int or_rules_find(const or_rules *rules, const char *id, or_rule_info *out,
		  const char **suggestion);
void or_rules_free(or_rules *rules);

/*
 * The .opsready.yml that `opsready init` writes for the repository at `dir`:
 * it reads the repository (runbook folders, the pack their headings fit,
 * metadata keys, folders not to scan) and comments every line with what it
 * found. *out is malloc'd. Errors as for a scan.
 */
int or_init_render(char **out, const char *dir, or_diag *diag);

/*
 * Write that config into directory `dir` as .opsready.yml. Never
 * overwrites: an existing file is an error (OR_EXIT_USAGE). The file appears
 * whole or not at all. The path written is copied into `written` (if not
 * NULL).
 */
int or_init_write(const char *dir, char *written, size_t written_size, or_diag *diag);

#endif
