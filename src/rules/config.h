/*
 * The configuration file (.opsready.yml), validated completely: every
 * unknown key, wrong type, bad date and unknown rule id is an error with
 * file, line and column (exit code 2). Also the ruleset built from the
 * config (or_ruleset_build, in ruleset_build.c).
 */
#ifndef OR_RULES_CONFIG_H
#define OR_RULES_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "input/site.h"
#include "rules/ruleset.h"
#include "opsready/common.h"
#include "util/date.h"

typedef struct or_waiver {
	char *rule;          /* a rule id */
	char *subject;       /* matches an evaluation's subject exactly, or NULL */
	char *path;          /* a glob over the finding's file, or NULL */
	char *reason;        /* required */
	char *approved_by;   /* may be NULL */
	or_date expires;     /* required */
	int line, column;    /* where the waiver starts in the config */
} or_waiver;

/* `suppressions: { allow: ... }`: which inline suppressions take effect. */
typedef enum or_suppressions_allow {
	OR_SUPPRESSIONS_RULES = 0, /* true (the default): those that name rule ids */
	OR_SUPPRESSIONS_NONE,      /* false: none (audits) */
	OR_SUPPRESSIONS_BLANKET    /* blanket: also a disable without rule ids */
} or_suppressions_allow;

/* One id of `suppressions: { allowed_rules: [...] }`, where it is written. */
typedef struct or_allowed_rule {
	char *id;
	int line, column;
} or_allowed_rule;

typedef struct or_required_document {
	char *title;
	char *path;          /* repository-relative */
	int line, column;
} or_required_document;

typedef struct or_rule_override {
	char *id;
	bool has_enabled;    /* `off` / `on`, or `enabled:` in the mapping form */
	bool enabled;
	bool has_severity;
	or_severity severity;
	json_t *params;      /* the other keys of the mapping form (an object), or NULL */
	int line, column;
} or_rule_override;

typedef struct or_config {
	char *path;          /* the file it was read from; NULL for the built-in defaults */
	char *repo_root;     /* the scanned repository when the config lies in it: the
				packs it extends must stay inside; NULL for an
				operator's config outside it (trusted) */
	const struct or_base_tree *tree; /* read from this git tree (the merge base's,
				with --since), pack files too; NULL: the file
				system. Borrowed: it outlives the config */
	char *tree_path;     /* with `tree`: the config's path in it */
	char *scan_path;     /* with `tree`: the config's path relative to the scanned
				root, as findings name it */
	int version;         /* 1 */
	char **extends;      /* pack names or paths (YAML files, relative to the config) */
	size_t nextends;     /* 0 means the default: business-continuity */
	bool has_now;
	or_date now;
	char *repo_url;      /* with {commit} {path} {line} placeholders, or NULL */
	char **include;      /* globs; none means the default: every .md file */
	size_t ninclude;
	char **exclude;
	size_t nexclude;
	char **runbook_paths; /* globs overriding the pack setting, or NULL */
	size_t nrunbook_paths;
	bool has_runbook_paths;
	char *training_path; /* inputs:, relative to the scanned root, or NULL */
	char *contacts_path;
	char *drills_path;
	or_required_document *required_documents;
	size_t nrequired_documents;
	or_rule_override *overrides;
	size_t noverrides;
	bool has_fail_on;
	or_severity fail_on; /* OR_SEV_NEVER for "never" */
	bool has_min_score;
	double min_score;
	or_waiver *waivers;
	size_t nwaivers;
	or_date_order date_order;   /* `date_order: dmy|mdy`; default none */
	size_t max_file_bytes;      /* default 4 MiB */
	bool suppressions_require_reason; /* `suppressions: { require_reason: true }` */
	or_suppressions_allow suppressions_allow; /* `suppressions: { allow: }` */
	or_allowed_rule *suppressions_allowed_rules; /* NULL: every rule may be suppressed */
	size_t nsuppressions_allowed_rules;
	bool has_suppressions_allowed_rules; /* `allowed_rules:` given (may be empty) */
	bool has_site_generator;    /* `site:`; each part optional, detected when absent */
	or_site_generator site_generator;
	char *site_root;            /* a folder of the repository, or NULL */
	bool has_site_directory_urls;
	bool site_directory_urls;
} or_config;

/* The built-in defaults (no file). Never NULL. */
or_config *or_config_default(void);

/*
 * Read and validate `path`. On error returns -1 with diag->code
 * OR_EXIT_USAGE and file/line/column of the offending node; a missing or
 * unreadable file is an error too (never a silent default). Rule ids in
 * `rules:` and `waivers:` are checked later, against the loaded packs,
 * by or_ruleset_build(). `root` is the scanned repository (may be NULL):
 * a config that lies in it is the repository's, chosen by whoever changes
 * it, so it may not be a symbolic link leading out of it and the pack files
 * it extends must stay inside it (no absolute path, no "..", no link out).
 * A config outside it (an operator's --config) is trusted.
 */
int or_config_load(or_config **out, const char *path, const char *root, or_diag *diag);
/*
 * The same over `len` bytes in memory (not necessarily NUL-terminated);
 * `name` is the config's path: it names the file in diagnostics and pack
 * files in `extends:` are relative to it. or_config_load reads the file and
 * calls this.
 */
int or_config_parse(or_config **out, const char *text, size_t len, const char *name,
		    or_diag *diag);
void or_config_free(or_config *config);

/* May an inline suppression silence `rule_id`: `suppressions.allow` is not
 * false, and the rule is in `allowed_rules` when that list is given. */
bool or_config_may_suppress(const or_config *config, const char *rule_id);

/*
 * Pre-merge mode (--since): the config at `tree_path` of the merge base's
 * `tree`, validated as or_config_load does a repository's config; the pack
 * files it extends are read from the same tree. Diagnostics name its files
 * "<merge base>:<path>". `scan_path` is where the config lies relative to
 * the scanned root `root` (findings about it name that). 1 when the tree
 * has no such file (nothing is set), 0 when loaded, -1 on error.
 */
int or_config_load_tree(or_config **out, const struct or_base_tree *tree,
			const char *tree_path, const char *scan_path, const char *root,
			or_diag *diag);
/*
 * The text of the pack file `name` that a config read from a tree extends:
 * 0 with *text (malloc'd) and *label (its name in diagnostics, malloc'd),
 * else -1 with OR_EXIT_USAGE naming the config's file. For or_ruleset_build.
 */
int or_config_read_tree_pack(const or_config *config, const char *name, char **text,
			     size_t *len, char **label, or_diag *diag);

/*
 * Find the config of a scan root: `root`/.opsready.yml, then .opsready.yaml.
 * Returns a malloc'd path or NULL when there is none.
 */
char *or_config_find(const char *root);

/*
 * Where a pack named by a path in `extends:` lies: relative to the config's
 * directory (malloc'd). or_config_check_pack: 0 when `name` is a built-in
 * pack or an existing pack file, else -1 with OR_EXIT_USAGE naming the
 * config's file ("did you mean" for a near built-in name). Both are for
 * or_ruleset_build.
 */
char *or_config_pack_path(const char *config_path, const char *name);
int or_config_check_pack(const or_config *config, const char *name, or_diag *diag);

/*
 * Load the packs the config extends (built-in names, or pack files given by
 * a path relative to the config), apply the config's rule overrides, then
 * the command line's `--rule ID=off|SEVERITY` arguments (`cli_rules`, in the
 * "ID=VALUE" form). An unknown rule id is an error with "did you mean"; for
 * the config it carries the config's file, line and column. A param in an
 * override that the rule does not have, or of another type than the pack's,
 * is an error too.
 */
int or_ruleset_build(or_ruleset **out, const or_config *config,
		     const char *const *cli_rules, size_t ncli_rules, or_diag *diag);

#endif
