/*
 * The scan: config and rules, the model, every check, the score and the
 * gate, and the report value — in that order, each step reading only what
 * the one before produced.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "rules/config.h"
#include "gate/exceptions.h"
#include "gate/gate.h"
#include "model/model.h"
#include "report/build.h"
#include "report/value.h"
#include "checks/results.h"
#include "opsready/scan.h"
#include "util/alloc.h"
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
					   opts->since, &timing };
	or_report_inputs inputs;
	or_exceptions exceptions;
	or_strset baseline = OR_STRSET_INIT, documents = OR_STRSET_INIT;
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

	if (opts->config_path) {
		config_path = or_xstrdup(opts->config_path);
		if (or_config_load(&config, config_path, root, diag) != 0)
			goto cleanup;
	} else if ((config_path = or_config_find(root)) != NULL) {
		if (or_config_load(&config, config_path, root, diag) != 0)
			goto cleanup;
	} else {
		config = or_config_default();
	}
	if (or_ruleset_build(&rules, config, opts->rules, opts->nrules, diag) != 0 ||
	    resolve_now(&now, opts, config, diag) != 0 ||
	    resolve_gate(&gate_options, opts, config, diag) != 0)
		goto cleanup;

	if (or_model_build(&model, root, config, rules, now, &model_options, diag) != 0)
		goto cleanup;
	if (opts->baseline && or_report_load_fingerprints(&baseline, opts->baseline, diag) != 0) {
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
	free(config_path);
	or_timing_mark(&timing, "clean up");
	return error;
}
