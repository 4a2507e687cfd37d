/*
 * Applying the exceptions: inline suppressions, then the config's waivers
 * (by rule, and subject or path), then the baseline and the change. For a
 * waiver that matched nothing, what a corrected waiver would have matched.
 */
#include "gate/exceptions.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/buf.h"
#include "util/glob.h"
#include "util/text.h"

/* Whether the config lets the suppression `s` take effect at all, as
 * written: not when suppressions are off, not a disable without rule ids
 * unless `allow: blanket`, not one naming a rule outside `allowed_rules` (it
 * still takes effect for the rules it names that are in the list). */
static or_suppression_refusal refusal(const or_config *config, const or_suppression *s)
{
	const char *p = s->rules;
	char id[256];

	if (config->suppressions_allow == OR_SUPPRESSIONS_NONE)
		return OR_SUPPRESSION_OFF;
	if (!*p)
		return config->suppressions_allow == OR_SUPPRESSIONS_BLANKET ? OR_SUPPRESSION_ALLOWED
									    : OR_SUPPRESSION_BLANKET;
	while (*p) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);

		/* a rule id longer than any is no rule the list can hold */
		if (len >= sizeof(id))
			return config->has_suppressions_allowed_rules ? OR_SUPPRESSION_RULES
								      : OR_SUPPRESSION_ALLOWED;
		memcpy(id, p, len);
		id[len] = '\0';
		if (!or_config_may_suppress(config, id))
			return OR_SUPPRESSION_RULES;
		p += len;
		if (*p == ',')
			p++;
	}
	return OR_SUPPRESSION_ALLOWED;
}

void or_exceptions_init(or_exceptions *out, const or_model *model, const or_strset *baseline,
			const char *baseline_path, bool no_inline_suppressions)
{
	const or_config *config = model->config;
	or_exception_use *use = &out->use;
	size_t d, i, cap = 0;

	memset(out, 0, sizeof(*out));
	use->waiver_matches = or_xcalloc(config->nwaivers + 1, sizeof(size_t));
	use->waiver_expired = or_xcalloc(config->nwaivers + 1, sizeof(bool));
	use->waiver_hints = or_xcalloc(config->nwaivers + 1, sizeof(char *));
	use->nwaivers = config->nwaivers;
	for (i = 0; i < config->nwaivers; i++)
		use->waiver_expired[i] = config->waivers[i].expires < model->now;
	use->inline_disabled = no_inline_suppressions;
	for (d = 0; d < model->ndocs && !no_inline_suppressions; d++) {
		const or_document *doc = model->docs[d].doc;
		for (i = 0; i < doc->nsuppressions; i++) {
			use->suppressions = or_xgrow(use->suppressions, &cap, use->nsuppressions + 1,
						     sizeof(*use->suppressions));
			use->suppressions[use->nsuppressions].file = doc->path;
			use->suppressions[use->nsuppressions].suppression = &doc->suppressions[i];
			use->suppressions[use->nsuppressions].matched = 0;
			use->suppressions[use->nsuppressions].blocked = 0;
			use->suppressions[use->nsuppressions].refused =
				refusal(config, &doc->suppressions[i]);
			use->suppressions[use->nsuppressions].no_reason =
				config->suppressions_require_reason && !doc->suppressions[i].reason;
			use->nsuppressions++;
		}
	}
	out->baseline = baseline;
	out->baseline_path = baseline ? baseline_path : NULL;
}

void or_exceptions_dispose(or_exceptions *ex)
{
	size_t i, nwaivers = ex->use.nwaivers;

	free(ex->use.waiver_matches);
	free(ex->use.waiver_expired);
	for (i = 0; ex->use.waiver_hints && i < nwaivers; i++)
		free(ex->use.waiver_hints[i]);
	free(ex->use.waiver_hints);
	free(ex->use.suppressions);
	memset(ex, 0, sizeof(*ex));
}

/* A waiver's subject names the finding's subject, or its first parts:
 * "bob" waives "bob:incident-response"; "contact:primaryoncall" waives
 * "contact:primaryoncall:+44 20 ...". */
static bool subject_matches(const char *want, const char *subject)
{
	size_t n = strlen(want);

	if (strncmp(subject, want, n) != 0)
		return false;
	return subject[n] == '\0' || subject[n] == ':' || subject[n] == '#';
}

/* A subject written as the document's path ("runbooks/alpha.md"), or a glob
 * over paths ("runbooks/legacy-*.md"), waives that document's findings as
 * `path:` does. */
static bool subject_names_file(const char *want, const char *file)
{
	const char *why = NULL;

	if (!file)
		return false;
	if (strcmp(want, file) == 0)
		return true;
	return strpbrk(want, "*?[{") && or_glob_validate(want, &why) == 0 &&
	       or_glob_match(want, file);
}

static bool waiver_fields_match(const char *rule, const char *subject, const char *path,
				const or_evaluation *e)
{
	if (strcmp(rule, e->rule->id) != 0)
		return false;
	if (subject && !subject_matches(subject, e->subject) && !subject_names_file(subject, e->file))
		return false;
	if (path && (!e->file || !or_glob_match(path, e->file)))
		return false;
	return true;
}

static bool waiver_matches(const or_waiver *w, const or_evaluation *e)
{
	return waiver_fields_match(w->rule, w->subject, w->path, e);
}

/* True when `file` is `name` below some folder: "runbooks/alpha.md" for
 * "alpha.md" or "docs/runbooks/alpha.md" for "runbooks/alpha.md". */
static bool file_ends_with(const char *file, const char *name)
{
	size_t fl, nl = strlen(name);

	if (!file || !nl)
		return false;
	fl = strlen(file);
	return fl > nl && file[fl - nl - 1] == '/' && strcmp(file + fl - nl, name) == 0;
}

/* Subjects compared for a near miss, per waiver: enough for a config's typo
 * without making a large scan's unused waiver slow. */
#define HINT_MAX_COMPARED 2048

/*
 * What the unused waiver `w` would have matched with one of its keys
 * corrected: its path written as a subject, a subject or path that names a
 * document by a shorter path, a near-miss rule id, a near-miss subject.
 * NULL when nothing comes close.
 */
static char *waiver_hint(const or_waiver *w, const or_results *results)
{
	const or_evaluation *as_subject = NULL, *by_suffix = NULL, *near_rule = NULL;
	const char *near_subject = NULL, *suffix_of = NULL;
	size_t i, compared = 0, best = (size_t)-1, limit = 0;
	const or_rule *last_rule = NULL; /* findings come rule by rule */
	bool last_near = false;
	or_buf out = OR_BUF_INIT;

	/* a typo, not another subject that shares a long prefix
	 * ("command:scripts/gone.sh" is no "command:scripts/deploy.sh") */
	if (w->subject)
		limit = strlen(w->subject) >= 8 ? 2 : 1;
	for (i = 0; i < results->count; i++) {
		const or_evaluation *e = &results->items[i];
		bool same_rule;

		if (!or_evaluation_is_finding(e))
			continue;
		same_rule = strcmp(e->rule->id, w->rule) == 0;
		if (same_rule) {
			if (!as_subject && w->path && !w->subject &&
			    subject_matches(w->path, e->subject))
				as_subject = e;
			if (!by_suffix && w->path && !strpbrk(w->path, "*?[{") &&
			    file_ends_with(e->file, w->path) &&
			    waiver_fields_match(w->rule, w->subject, NULL, e)) {
				by_suffix = e;
				suffix_of = w->path;
			}
			if (!by_suffix && w->subject && file_ends_with(e->file, w->subject) &&
			    (!w->path || or_glob_match(w->path, e->file))) {
				by_suffix = e;
				suffix_of = w->subject;
			}
			if (w->subject && compared < HINT_MAX_COMPARED &&
			    (!w->path || (e->file && or_glob_match(w->path, e->file)))) {
				size_t sl = strlen(e->subject), wl = strlen(w->subject);
				size_t d;

				if ((sl > wl ? sl - wl : wl - sl) <= limit) {
					compared++;
					d = or_text_levenshtein(w->subject, e->subject);
					if (d <= limit && d < best) {
						best = d;
						near_subject = e->subject;
					}
				}
			}
		} else if (!near_rule) {
			if (e->rule != last_rule) {
				last_rule = e->rule;
				last_near = or_text_levenshtein(w->rule, e->rule->id) <= 3;
			}
			if (last_near && waiver_fields_match(e->rule->id, w->subject, w->path, e))
				near_rule = e;
		}
	}
	if (as_subject)
		or_buf_printf(&out, "did you mean `subject: %s` (findings of %s have it as their subject, not as their path)?",
			      w->path, w->rule);
	else if (by_suffix)
		or_buf_printf(&out, "did you mean `path: %s` (paths are from the repository root, not '%s')?",
			      by_suffix->file, suffix_of);
	else if (near_rule)
		or_buf_printf(&out, "did you mean `rule: %s`?", near_rule->rule->id);
	else if (near_subject)
		or_buf_printf(&out, "did you mean `subject: %s`?", near_subject);
	else
		return NULL;
	return or_buf_detach(&out);
}

/* Whether the suppression `u`, which covers a finding of `rule_id`, may
 * suppress it. A blanket disable the config allows still leaves the rules
 * outside `allowed_rules` alone, and is then reported like one that names
 * them. */
static bool takes_effect(const or_config *config, or_suppression_use *u, const char *rule_id)
{
	if (u->refused == OR_SUPPRESSION_OFF || u->refused == OR_SUPPRESSION_BLANKET ||
	    u->no_reason)
		return false;
	if (or_config_may_suppress(config, rule_id))
		return true;
	u->refused = OR_SUPPRESSION_RULES;
	return false;
}

/* The key of a rule's evaluation of a file, for resolve_folds. */
static void fold_key(or_buf *key, const or_rule *rule, const char *file)
{
	or_buf_clear(key);
	or_buf_printf(key, "%s\n%s", rule->id, file ? file : "");
}

/* A finding folded into another rule's finding on the same file (review.stale
 * into review.overdue: one lapse, one finding) is skipped only while that
 * finding is active; when a waiver or a suppression covers it, the folded
 * finding is reported on its own, so one exception never silences two rules. */
static void resolve_folds(or_results *results)
{
	or_strset active = OR_STRSET_INIT;
	or_buf key = OR_BUF_INIT;
	bool any = false;
	size_t i;

	for (i = 0; i < results->count && !any; i++)
		any = results->items[i].detail && results->items[i].detail->folded_into;
	if (!any)
		return;
	for (i = 0; i < results->count; i++) {
		const or_evaluation *e = &results->items[i];

		if (e->outcome == OR_OUTCOME_FAIL) {
			fold_key(&key, e->rule, e->file);
			or_strset_add(&active, key.ptr, key.size);
		}
	}
	for (i = 0; i < results->count; i++) {
		or_evaluation *e = &results->items[i];

		if (!e->detail || !e->detail->folded_into || e->outcome != OR_OUTCOME_FAIL)
			continue;
		fold_key(&key, e->detail->folded_into, e->file);
		if (or_strset_contains(&active, key.ptr, key.size))
			e->outcome = OR_OUTCOME_SKIPPED; /* `reason` says why */
		else
			e->reason = NULL;
	}
	or_buf_dispose(&key);
	or_strset_dispose(&active);
}

/* The first suppression, else the first waiver, that covers the finding `e`. */
static void except_one(or_exceptions *ex, const or_config *config, or_evaluation *e)
{
	size_t k;

	for (k = 0; e->file && k < ex->use.nsuppressions; k++) {
		or_suppression_use *u = &ex->use.suppressions[k];
		const or_suppression *s = u->suppression;
		if (strcmp(u->file, e->file) != 0 ||
		    !or_suppression_covers(s, e->rule->id, e->line))
			continue;
		if (!takes_effect(config, u, e->rule->id)) {
			/* the finding stays active; the waiver checks
			 * report the suppression */
			u->blocked++;
			continue;
		}
		e->outcome = OR_OUTCOME_SUPPRESSED;
		e->status = OR_FINDING_SUPPRESSED;
		e->reason = s->reason ? s->reason : "suppressed inline, without a reason";
		u->matched++;
		return;
	}
	for (k = 0; k < config->nwaivers; k++) {
		const or_waiver *w = &config->waivers[k];
		if (ex->use.waiver_expired[k] || !waiver_matches(w, e))
			continue;
		e->outcome = OR_OUTCOME_WAIVED;
		e->status = OR_FINDING_WAIVED;
		e->detail->waiver = w;
		e->reason = w->reason;
		ex->use.waiver_matches[k]++;
		return;
	}
}

void or_exceptions_waive(or_exceptions *ex, or_results *results, const or_model *model)
{
	const or_config *config = model->config;
	size_t i, k;

	/* the findings folded into another are excepted only once they are
	 * known to be reported (resolve_folds): an exception for one that is
	 * skipped would count as used, and its own would be hidden */
	for (i = 0; i < results->count; i++) {
		or_evaluation *e = &results->items[i];

		if (e->outcome == OR_OUTCOME_FAIL && !e->detail->folded_into)
			except_one(ex, config, e);
	}
	resolve_folds(results);
	for (i = 0; i < results->count; i++) {
		or_evaluation *e = &results->items[i];

		if (e->outcome == OR_OUTCOME_FAIL && e->detail->folded_into)
			except_one(ex, config, e);
	}
	for (k = 0; k < config->nwaivers; k++) {
		if (ex->use.waiver_expired[k] || ex->use.waiver_matches[k])
			continue;
		free(ex->use.waiver_hints[k]);
		ex->use.waiver_hints[k] = waiver_hint(&config->waivers[k], results);
	}
}

void or_exceptions_gate(or_exceptions *ex, or_results *results, const or_model *model)
{
	size_t i;

	for (i = 0; i < results->count; i++) {
		or_evaluation *e = &results->items[i];

		if (e->outcome != OR_OUTCOME_FAIL || e->status != OR_FINDING_ACTIVE)
			continue;
		if (ex->baseline && or_strset_contains(ex->baseline, e->detail->fingerprint,
						  strlen(e->detail->fingerprint))) {
			e->status = OR_FINDING_BASELINE;
			ex->baseline_matched++;
		} else if (!or_model_in_change(model, e->file, e->subject)) {
			e->status = OR_FINDING_OUTSIDE_CHANGE;
		}
	}
}
