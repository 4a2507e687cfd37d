/*
 * The scan: config and rules, the model, every check, the score and the
 * gate, and the report value — in that order, each step reading only what
 * the one before produced.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "input/base_tree.h"
#include "rules/config.h"
#include "rules/config_compare.h"
#include "gate/exceptions.h"
#include "gate/gate.h"
#include "model/model.h"
#include "report/build.h"
#include "report/value.h"
#include "checks/results.h"
#include "opsready/scan.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/timing.h"

/* "now": --now, else the config's `now:`, else SOURCE_DATE_EPOCH (as the
 * caller passes it), else today. */
static int resolve_now(or_date *out, const or_scan_options *opts, const or_config *config,
		       or_diag *diag)
{
	const char *epoch = opts->source_date_epoch;

	if (opts->now) {
		size_t consumed = 0;
		if (or_date_parse_iso(out, opts->now) == 0)
			return 0;
		if (or_date_parse(out, opts->now, strlen(opts->now), OR_DATE_ORDER_NONE,
				  &consumed) == OR_DATE_OK &&
		    opts->now[consumed] == 'T' && strlen(opts->now) >= 10 && opts->now[4] == '-')
			return 0;
		return or_diag_set(diag, OR_EXIT_USAGE, NULL, 0, 0,
				   "--now: '%s' is not a valid ISO 8601 date (YYYY-MM-DD)", opts->now);
	}
	if (config->has_now) {
		*out = config->now;
		return 0;
	}
	if (epoch && *epoch) {
		char *end;
		long long seconds = strtoll(epoch, &end, 10);
		if (*end || seconds < 0)
			return or_diag_set(diag, OR_EXIT_USAGE, NULL, 0, 0,
					   "SOURCE_DATE_EPOCH: '%s' is not a number of seconds", epoch);
		*out = or_date_from_unix(seconds);
		return 0;
	}
	*out = or_date_today();
	return 0;
}

static int resolve_gate(or_gate_options *out, const or_scan_options *opts,
			const or_config *config, or_diag *diag)
{
	out->fail_on = config->has_fail_on ? config->fail_on : OR_SEV_ERROR;
	if (opts->fail_on && or_severity_parse(&out->fail_on, opts->fail_on) != 0)
		return or_diag_set(diag, OR_EXIT_USAGE, NULL, 0, 0,
				   "--fail-on: '%s' is not one of error, warning, notice, never",
				   opts->fail_on);
	out->has_min_score = config->has_min_score;
	out->min_score = config->min_score;
	out->documents = NULL;
	if (opts->has_min_score) {
		if (opts->min_score < 0 || opts->min_score > 100)
			return or_diag_set(diag, OR_EXIT_USAGE, NULL, 0, 0,
					   "--min-score: %g is not between 0 and 100", opts->min_score);
		out->has_min_score = true;
		out->min_score = opts->min_score;
	}
	return 0;
}

/*
 * The policy of a pre-merge check (--since): the gate applies the config
 * and packs of the merge base; the change's own config (`head`) is only
 * compared with them, for config.changed (SPEC section 9, "--since trust").
 * An operator's --config outside the repository is trusted as without
 * --since.
 */
typedef struct or_policy {
	bool has_base;             /* the merge base's config decides */
	bool operator_config;      /* a --config outside the repository: trusted */
	or_base_tree base;
	or_config *head;           /* the change's config, or the defaults when it has none */
	bool head_exists;
	or_ruleset *head_rules;
	or_config_change change;
} or_policy;

static void policy_dispose(or_policy *policy)
{
	or_config_change_dispose(&policy->change);
	or_ruleset_free(policy->head_rules);
	or_config_free(policy->head);
	or_base_tree_dispose(&policy->base);
	memset(policy, 0, sizeof(*policy));
}

/*
 * Where `path` (as given, relative to the working folder or absolute) lies
 * in the work tree whose top is `workdir` (resolved), hence in the merge
 * base's tree: malloc'd, or NULL when outside. Folders are resolved only up
 * to the shortest prefix that is the work tree's top; below it the path is
 * taken as spelled ("." and ".." as text), so a symbolic link that a pull
 * request commits ("ci -> loose") cannot choose which of the merge base's
 * files is read.
 */
static char *tree_path_of(const char *workdir, const char *path)
{
	or_buf full = OR_BUF_INIT, norm = OR_BUF_INIT, prefix = OR_BUF_INIT;
	char *cwd = path[0] == '/' ? NULL : realpath(".", NULL), *rel = NULL;
	const char *p;

	if (path[0] != '/' && !cwd)
		return NULL;
	or_buf_printf(&full, "%s/%s", cwd ? cwd : "", path);
	free(cwd);
	/* "." and ".." as text over the whole path; false: above "/" */
	if (!or_fs_normalise(&norm, "", or_buf_cstr(&full) + 1, 0))
		goto done;
	for (p = or_buf_cstr(&norm); *p;) {
		const char *end = strchr(p, '/');
		char *real;

		if (!end)
			break; /* the file itself is never the top */
		or_buf_clear(&prefix);
		or_buf_printf(&prefix, "/%.*s", (int)(end - or_buf_cstr(&norm)), or_buf_cstr(&norm));
		real = realpath(or_buf_cstr(&prefix), NULL);
		if (real && strcmp(real, workdir) == 0) {
			rel = or_xstrdup(end + 1);
			free(real);
			break;
		}
		free(real);
		p = end + 1;
	}
	if (!rel && strcmp(workdir, "/") == 0)
		rel = or_xstrdup(or_buf_cstr(&norm)); /* a work tree at the top of the disk */
done:
	or_buf_dispose(&full);
	or_buf_dispose(&norm);
	or_buf_dispose(&prefix);
	return rel;
}

/* The merge base's config: the one at the place of the --config given, or
 * found at the root as in the work tree. 1 when it has none. */
static int load_base_config(or_config **out, or_policy *policy, const char *config_path,
			    const char *root, or_diag *diag)
{
	static const char *const names[] = { ".opsready.yml", ".opsready.yaml" };
	or_buf path = OR_BUF_INIT;
	char *tree_path;
	const char *scan_path;
	size_t i;
	int rc = 1;

	if (config_path) {
		if (!(tree_path = tree_path_of(policy->base.workdir, config_path)))
			return 1;
		scan_path = or_fs_inside(root, config_path);
		rc = or_config_load_tree(out, &policy->base, tree_path,
					 scan_path ? scan_path : tree_path, root, diag);
		free(tree_path);
		return rc;
	}
	for (i = 0; i < sizeof(names) / sizeof(names[0]) && rc == 1; i++) {
		or_buf_clear(&path);
		or_buf_printf(&path, "%s%s", policy->base.prefix, names[i]);
		rc = or_config_load_tree(out, &policy->base, or_buf_cstr(&path), names[i], root,
					 diag);
	}
	or_buf_dispose(&path);
	return rc;
}

/*
 * The config the scan applies, into *config and *config_path (the name the
 * report gives it, NULL for the defaults): the work tree's, as found or
 * given; with --since and a config of the repository's, the merge base's
 * (the work tree's goes to policy->head).
 */
static int load_config(or_config **config, char **config_path, or_policy *policy,
		       const or_scan_options *opts, const char *root, or_diag *diag)
{
	or_config *head = NULL;
	char *head_path = NULL;
	int rc;

	*config = NULL;
	*config_path = NULL;
	head_path = opts->config_path ? or_xstrdup(opts->config_path) : or_config_find(root);
	if (head_path && or_config_load(&head, head_path, root, diag) != 0) {
		free(head_path);
		return -1;
	}
	policy->operator_config = head && !head->repo_root;
	if (!opts->since || policy->operator_config ||
	    or_base_tree_open(&policy->base, root, opts->since) != 0) {
		/* without --since, an operator's config, or no merge base (the
		 * file listing says why and the scan stops there) */
		*config = head ? head : or_config_default();
		*config_path = head_path;
		return 0;
	}
	policy->has_base = true;
	policy->head_exists = head != NULL;
	policy->head = head ? head : or_config_default();
	rc = load_base_config(config, policy, opts->config_path ? head_path : NULL, root, diag);
	free(head_path);
	if (rc < 0)
		return -1;
	if (rc == 1) {
		/* none at the merge base: the defaults, not the change's */
		*config = or_config_default();
		return 0;
	}
	*config_path = or_xstrdup((*config)->path);
	return 0;
}

/* The root-relative paths of the pack files `config` (at `config_file`,
 * relative to the root) extends, appended to `out`. */
static void pack_files(char ***out, size_t *n, size_t *cap, const or_config *config,
		       const char *config_file)
{
	const char *slash = strrchr(config_file, '/');
	char *dir = or_xstrndup(config_file, slash ? (size_t)(slash - config_file) : 0);
	or_buf path = OR_BUF_INIT;
	size_t i;

	for (i = 0; i < config->nextends; i++) {
		const char *name = config->extends[i];

		if (or_pack_builtin_source(name, NULL) || name[0] == '/')
			continue;
		or_buf_clear(&path);
		if (!or_fs_normalise(&path, dir, name, 0))
			continue;
		*out = or_xgrow(*out, cap, *n + 1, sizeof(char *));
		(*out)[(*n)++] = or_buf_detach(&path);
	}
	or_buf_dispose(&path);
	free(dir);
}

/*
 * With --since: does the change edit the config or a pack file it extends
 * (either side's)? Then what config.changed reports: where, what, and what
 * the change's config loosens against the merge base's.
 */
static int describe_policy_change(or_policy *policy, const or_model *model,
				  const or_config *base, const or_ruleset *base_rules,
				  const char *const *cli_rules, size_t ncli_rules, or_diag *diag)
{
	const char *head_file = NULL, *base_file = base->scan_path;
	char **packs = NULL;
	size_t npacks = 0, cap = 0, i;
	or_buf what = OR_BUF_INIT;
	const char *file = NULL;

	if (policy->head_exists)
		head_file = policy->head->repo_root ? or_fs_inside(model->root, policy->head->path)
						    : NULL;
	if (head_file && !base_file) {
		or_buf_printf(&what, "adds the config %s", head_file);
		file = head_file;
	} else if (!policy->head_exists && base_file) {
		or_buf_printf(&what, "removes the config %s", base_file);
		file = base_file;
	} else if (head_file && strcmp(head_file, base_file) != 0) {
		or_buf_printf(&what, "moves the config to %s (was %s)", head_file, base_file);
		file = head_file;
	} else if (head_file && or_model_in_change(model, head_file, NULL)) {
		or_buf_printf(&what, "edits the config %s", head_file);
		file = head_file;
	}
	if (head_file)
		pack_files(&packs, &npacks, &cap, policy->head, head_file);
	if (base_file)
		pack_files(&packs, &npacks, &cap, base, base_file);
	for (i = 0; i < npacks; i++) {
		size_t j;

		for (j = 0; j < i && strcmp(packs[j], packs[i]) != 0; j++)
			;
		if (j < i || !or_model_in_change(model, packs[i], NULL))
			continue;
		or_buf_printf(&what, "%s the pack file %s", what.size ? " and edits" : "edits",
			      packs[i]);
		if (!file)
			file = packs[i];
	}
	if (file) {
		if (or_ruleset_build(&policy->head_rules, policy->head, cli_rules, ncli_rules,
				     diag) != 0) {
			for (i = 0; i < npacks; i++)
				free(packs[i]);
			free(packs);
			or_buf_dispose(&what);
			return -1;
		}
		policy->change.file = or_xstrdup(file);
		policy->change.what = or_buf_detach(&what);
		or_config_compare(&policy->change.diff, base, base_rules, policy->head,
				  policy->head_rules);
	}
	for (i = 0; i < npacks; i++)
		free(packs[i]);
	free(packs);
	or_buf_dispose(&what);
	return 0;
}

/* Every enabled rule whose check belongs to `phase`. */
static void run_checks(or_results *results, const or_model *model, or_check_phase phase,
		       const or_exception_use *exceptions)
{
	size_t i;

	for (i = 0; i < model->rules->nrules; i++) {
		const or_rule *rule = &model->rules->rules[i];
		const or_check *check;
		or_check_phase check_phase;
		or_check_ctx ctx;

		if (!rule->enabled || !(check = or_check_find(rule->check, &check_phase)) ||
		    check_phase != phase)
			continue;
		ctx.model = model;
		ctx.rule = rule;
		ctx.results = results;
		ctx.exceptions = exceptions;
		check->run(&ctx);
	}
}

/* A baseline read from the merge base's tree: a saved report, at most this. */
#define OR_BASELINE_MAX_BYTES ((size_t)1 << 30)

/*
 * --baseline: the fingerprints of a saved report. In a pre-merge check, a
 * baseline inside the repository is read as the merge base has it, so the
 * change cannot add its own findings to it (one the merge base lacks is
 * empty: every finding counts). One outside is the runner's, read as given.
 */
static int load_baseline(or_strset *out, const or_scan_options *opts, or_policy *policy,
			 const char *root, or_diag *diag)
{
	or_base_tree own;
	const or_base_tree *base = NULL;
	char *rel = NULL, *data = NULL;
	or_buf label = OR_BUF_INIT;
	size_t len = 0;
	int rc = 0;

	memset(&own, 0, sizeof(own));
	if (opts->since && policy->has_base)
		base = &policy->base;
	else if (opts->since && or_base_tree_open(&own, root, opts->since) == 0)
		base = &own;
	if (base)
		rel = tree_path_of(base->workdir, opts->baseline);
	if (!rel) {
		rc = or_report_load_fingerprints(out, opts->baseline, diag);
	} else {
		or_buf_printf(&label, "%s:%s", base->label, rel);
		switch (or_base_tree_read(base, rel, OR_BASELINE_MAX_BYTES, &data, &len)) {
		case OR_BASE_READ_OK:
			rc = or_report_fingerprints_of_text(out, data, len, or_buf_cstr(&label), diag);
			break;
		case OR_BASE_READ_MISSING:
			break;
		case OR_BASE_READ_NOT_FILE:
			rc = or_diag_set(diag, OR_EXIT_USAGE, or_buf_cstr(&label), 0, 0,
					 "not a JSON report: not a file at the merge base");
			break;
		case OR_BASE_READ_TOO_LARGE:
			rc = or_diag_set(diag, OR_EXIT_USAGE, or_buf_cstr(&label), 0, 0,
					 "not a JSON report: larger than %zu MiB",
					 OR_BASELINE_MAX_BYTES >> 20);
			break;
		default:
			rc = or_diag_set(diag, OR_EXIT_RUNTIME, or_buf_cstr(&label), 0, 0,
					 "cannot read the baseline at the merge base");
		}
	}
	or_buf_dispose(&label);
	free(data);
	free(rel);
	if (base == &own)
		or_base_tree_dispose(&own);
	return rc;
}

int or_scan(or_report **out, const or_scan_options *opts, or_diag *diag)
{
	or_config *config = NULL;
	or_ruleset *rules = NULL;
	or_model model;
	or_results results;
	or_gate gate = { 0 };
	or_gate_options gate_options;
	or_timing timing;
	double started = or_timing_now();
	or_model_options model_options = { opts->on_event, opts->event_data, opts->no_history,
					   opts->since, &timing, NULL };
	or_report_inputs inputs;
	or_exceptions exceptions;
	or_strset baseline = OR_STRSET_INIT, documents = OR_STRSET_INIT;
	or_policy policy;
	char *config_path = NULL;
	const char *root = opts->path ? opts->path : ".";
	or_date now;
	json_t *root_value;
	size_t i;
	int error = -1;

	*out = NULL;
	if (opts->version < 1 || opts->version > OR_SCAN_OPTIONS_VERSION)
		return or_diag_set(diag, OR_EXIT_USAGE, NULL, 0, 0,
				   "scan options version %u is not supported (this library takes 1 to %d)",
				   opts->version, OR_SCAN_OPTIONS_VERSION);
	or_library_init();
	or_timing_init(&timing, opts->on_event, opts->event_data);
	memset(&model, 0, sizeof(model));
	memset(&exceptions, 0, sizeof(exceptions));
	or_results_init(&results);
	memset(&policy, 0, sizeof(policy));

	if (load_config(&config, &config_path, &policy, opts, root, diag) != 0)
		goto cleanup;
	if (policy.has_base)
		model_options.merge_base = policy.base.id;
	if (or_ruleset_build(&rules, config, opts->rules, opts->nrules, diag) != 0 ||
	    resolve_now(&now, opts, config, diag) != 0 ||
	    resolve_gate(&gate_options, opts, config, diag) != 0)
		goto cleanup;

	if (or_model_build(&model, root, config, rules, now, &model_options, diag) != 0)
		goto cleanup;
	if (opts->since && !policy.has_base && !policy.operator_config) {
		/* the listing found the merge base where reading its config could not */
		or_diag_set(diag, OR_EXIT_RUNTIME, NULL, 0, 0,
			    "--since %s: the merge base's config cannot be read", opts->since);
		goto cleanup;
	}
	if (policy.has_base) {
		if (describe_policy_change(&policy, &model, config, rules, opts->rules, opts->nrules,
					   diag) != 0)
			goto cleanup;
		if (policy.change.file)
			model.config_change = &policy.change;
	}
	if (opts->baseline && load_baseline(&baseline, opts, &policy, root, diag) != 0) {
		snprintf(diag->message + strlen(diag->message),
			 sizeof(diag->message) - strlen(diag->message),
			 " (--baseline takes a JSON report written by opsready)");
		goto cleanup;
	}
	or_exceptions_init(&exceptions, &model, opts->baseline ? &baseline : NULL, opts->baseline,
			   opts->no_inline_suppressions);
	run_checks(&results, &model, OR_PHASE_CHECKS, NULL);
	or_timing_mark(&timing, "checks");
	or_exceptions_waive(&exceptions, &results, &model);
	run_checks(&results, &model, OR_PHASE_AFTER_EXCEPTIONS, &exceptions.use);
	or_results_finish(&results);
	or_exceptions_gate(&exceptions, &results, &model);
	/* the score weighs a rule once per document (gate/score.h) */
	for (i = 0; i < model.ndocs; i++)
		or_strset_add(&documents, model.docs[i].doc->path, strlen(model.docs[i].doc->path));
	gate_options.documents = &documents;
	or_gate_evaluate(&gate, &results, &gate_options);
	or_timing_mark(&timing, "exceptions, gate");

	inputs.model = &model;
	inputs.results = &results;
	inputs.gate = &gate;
	inputs.gate_options = &gate_options;
	inputs.config_path = config_path;
	inputs.exceptions = &exceptions;
	/* a duration only when asked for: reports are otherwise reproducible */
	inputs.duration = opts->timings ? or_timing_now() - started : -1;
	root_value = or_report_build(&inputs);
	or_gate_dispose(&gate);
	/* the largest part of the report is built in the model's memory */
	or_results_detach(&results);
	or_exceptions_dispose(&exceptions);
	or_model_dispose(&model);
	/* the documents were parsed on worker threads: the memory they held is
	 * in those threads' arenas, where the report cannot reuse it */
	or_release_free_memory();
	if (!root_value) {
		or_diag_set(diag, OR_EXIT_RUNTIME, NULL, 0, 0, "the report could not be built");
		goto cleanup;
	}
	*out = or_report_wrap(root_value);
	or_report_add_results(*out, &results);
	or_timing_mark(&timing, "report value");
	error = 0;
cleanup:
	or_exceptions_dispose(&exceptions);
	or_gate_dispose(&gate);
	or_strset_dispose(&baseline);
	or_strset_dispose(&documents);
	or_results_dispose(&results);
	or_model_dispose(&model);
	or_ruleset_free(rules);
	or_config_free(config);
	policy_dispose(&policy);
	free(config_path);
	or_timing_mark(&timing, "clean up");
	return error;
}
