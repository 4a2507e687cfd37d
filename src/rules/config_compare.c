/*
 * Comparing two configs and their rulesets (rules/config_compare.h). Each
 * comparison is over lists of a few dozen items at most (rules are sorted:
 * one lookup each), so the simple loops stay cheap.
 */
#include "rules/config_compare.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/buf.h"
#include "util/date.h"

static void add(char ***items, size_t *n, size_t *cap, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void add(char ***items, size_t *n, size_t *cap, const char *fmt, ...)
{
	or_buf text = OR_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	or_buf_vprintf(&text, fmt, ap);
	va_end(ap);
	*items = or_xgrow(*items, cap, *n + 1, sizeof(char *));
	(*items)[(*n)++] = or_buf_detach(&text);
}

#define LOOSENS(out, ...) add(&(out)->loosens, &(out)->nloosens, &(out)->cap_loosens, __VA_ARGS__)
#define CHANGES(out, ...) add(&(out)->changes, &(out)->nchanges, &(out)->cap_changes, __VA_ARGS__)

static bool same_text(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static bool has_string(char *const *list, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return true;
	return false;
}

static void compare_gate(or_config_diff *out, const or_config *base, const or_config *head)
{
	or_severity was = base->has_fail_on ? base->fail_on : OR_SEV_ERROR;
	or_severity now = head->has_fail_on ? head->fail_on : OR_SEV_ERROR;

	if (now > was)
		LOOSENS(out, "gate.fail_on %s (was %s)", or_severity_name(now), or_severity_name(was));
	if (base->has_min_score && !head->has_min_score)
		LOOSENS(out, "gate.min_score removed (was %g)", base->min_score);
	else if (base->has_min_score && head->min_score < base->min_score)
		LOOSENS(out, "gate.min_score %g (was %g)", head->min_score, base->min_score);
}

/* A param's value as the rule changes of ruleset_build.c print it. */
static char *param_text(const json_t *value)
{
	if (!value)
		return or_xstrdup("none");
	return json_is_string(value) ? or_xstrdup(json_string_value(value))
				     : json_dumps(value, JSON_COMPACT | JSON_ENCODE_ANY | JSON_SORT_KEYS);
}

static bool same_value(const json_t *a, const json_t *b)
{
	if (json_is_number(a) && json_is_number(b))
		return json_number_value(a) == json_number_value(b);
	return a && b && json_equal(a, b);
}

static void compare_params(or_config_diff *out, const or_rule *was, const or_rule *now)
{
	const char *key;
	json_t *value;

	json_object_foreach(was->params, key, value) {
		const json_t *other = json_object_get(now->params, key);

		if (!same_value(value, other)) {
			char *a = param_text(other), *b = param_text(value);

			CHANGES(out, "rule %s %s %s (was %s)", was->id, key, a ? a : "?",
				b ? b : "?");
			free(a);
			free(b);
		}
	}
}

static void compare_rules(or_config_diff *out, const or_ruleset *base, const or_ruleset *head)
{
	size_t i;

	for (i = 0; i < base->nrules; i++) {
		const or_rule *was = &base->rules[i];
		const or_rule *now = or_ruleset_find(head, was->id);

		if (!was->enabled)
			continue;
		if (!now) {
			LOOSENS(out, "rule %s removed (its pack is no longer extended)", was->id);
			continue;
		}
		if (!now->enabled) {
			LOOSENS(out, "rule %s off", was->id);
			continue;
		}
		if (now->severity < was->severity)
			LOOSENS(out, "rule %s severity %s (was %s)", was->id,
				or_severity_name(now->severity), or_severity_name(was->severity));
		compare_params(out, was, now);
	}
	if (!json_equal(base->settings, head->settings))
		CHANGES(out, "pack settings (runbook paths, metadata aliases or contact words)");
}

static void waiver_text(or_buf *out, const or_waiver *w)
{
	char expires[11];

	or_buf_clear(out);
	or_buf_printf(out, "waiver of %s", w->rule);
	if (w->subject)
		or_buf_printf(out, " for %s", w->subject);
	if (w->path)
		or_buf_printf(out, " in %s", w->path);
	or_date_format(w->expires, expires);
	or_buf_printf(out, " until %s", expires);
}

static void compare_waivers(or_config_diff *out, const or_config *base, const or_config *head)
{
	or_buf text = OR_BUF_INIT;
	char expires[11];
	size_t i, j;

	for (i = 0; i < head->nwaivers; i++) {
		const or_waiver *w = &head->waivers[i];
		const or_waiver *match = NULL;

		for (j = 0; j < base->nwaivers && !match; j++)
			if (strcmp(base->waivers[j].rule, w->rule) == 0 &&
			    same_text(base->waivers[j].subject, w->subject) &&
			    same_text(base->waivers[j].path, w->path))
				match = &base->waivers[j];
		waiver_text(&text, w);
		if (!match) {
			LOOSENS(out, "new %s", or_buf_cstr(&text));
		} else if (w->expires > match->expires) {
			or_date_format(match->expires, expires);
			LOOSENS(out, "%s (was until %s)", or_buf_cstr(&text), expires);
		}
	}
	or_buf_dispose(&text);
}

static void compare_input(or_config_diff *out, const char *key, const char *was,
			  const char *now)
{
	if (!same_text(was, now))
		LOOSENS(out, "inputs.%s %s (was %s)", key, now ? now : "none", was ? was : "none");
}

/* How much inline suppression may do: none < named rules < blanket. */
static int allow_rank(or_suppressions_allow allow)
{
	return allow == OR_SUPPRESSIONS_NONE ? 0 : allow == OR_SUPPRESSIONS_RULES ? 1 : 2;
}

static const char *allow_name(or_suppressions_allow allow)
{
	return allow == OR_SUPPRESSIONS_NONE ? "false" : allow == OR_SUPPRESSIONS_RULES ? "true"
										  : "blanket";
}

static bool allows_rule(const or_config *config, const char *id)
{
	size_t i;

	for (i = 0; i < config->nsuppressions_allowed_rules; i++)
		if (strcmp(config->suppressions_allowed_rules[i].id, id) == 0)
			return true;
	return false;
}

static void compare_suppressions(or_config_diff *out, const or_config *base,
				 const or_config *head)
{
	size_t i;

	if (allow_rank(head->suppressions_allow) > allow_rank(base->suppressions_allow))
		LOOSENS(out, "suppressions.allow %s (was %s)", allow_name(head->suppressions_allow),
			allow_name(base->suppressions_allow));
	if (base->has_suppressions_allowed_rules && !head->has_suppressions_allowed_rules) {
		LOOSENS(out, "suppressions.allowed_rules removed (every rule may be suppressed)");
		return;
	}
	for (i = 0; base->has_suppressions_allowed_rules && i < head->nsuppressions_allowed_rules;
	     i++)
		if (!allows_rule(base, head->suppressions_allowed_rules[i].id))
			LOOSENS(out, "suppressions.allowed_rules adds %s",
				head->suppressions_allowed_rules[i].id);
}

static void compare_scope(or_config_diff *out, const or_config *base, const or_config *head)
{
	size_t i;

	for (i = 0; i < base->nrequired_documents; i++) {
		const char *path = base->required_documents[i].path;
		size_t j;

		for (j = 0; j < head->nrequired_documents; j++)
			if (strcmp(head->required_documents[j].path, path) == 0)
				break;
		if (j == head->nrequired_documents)
			LOOSENS(out, "required document %s removed", path);
	}
	for (i = 0; i < head->nexclude; i++)
		if (!has_string(base->exclude, base->nexclude, head->exclude[i]))
			LOOSENS(out, "paths.exclude adds %s", head->exclude[i]);
	for (i = 0; i < base->ninclude; i++)
		if (!has_string(head->include, head->ninclude, base->include[i]))
			LOOSENS(out, "paths.include drops %s", base->include[i]);
	if (!base->ninclude && head->ninclude)
		LOOSENS(out, "paths.include narrows the scan (was every Markdown file)");
	if (head->max_file_bytes < base->max_file_bytes)
		LOOSENS(out, "max_file_bytes %zu (was %zu)", head->max_file_bytes,
			base->max_file_bytes);
	compare_input(out, "training", base->training_path, head->training_path);
	compare_input(out, "contacts", base->contacts_path, head->contacts_path);
	compare_input(out, "drills", base->drills_path, head->drills_path);
	if (base->suppressions_require_reason && !head->suppressions_require_reason)
		LOOSENS(out, "suppressions.require_reason off");
	compare_suppressions(out, base, head);
	if (head->has_now && (!base->has_now || head->now != base->now)) {
		char now[11];

		or_date_format(head->now, now);
		LOOSENS(out, "now %s (pins the date that reviews and training are judged on)", now);
	}
	if (base->date_order != head->date_order)
		CHANGES(out, "date_order");
	if (!same_text(base->repo_url, head->repo_url))
		CHANGES(out, "repo_url");
}

void or_config_compare(or_config_diff *out, const or_config *base,
		       const or_ruleset *base_rules, const or_config *head,
		       const or_ruleset *head_rules)
{
	compare_gate(out, base, head);
	compare_rules(out, base_rules, head_rules);
	compare_waivers(out, base, head);
	compare_scope(out, base, head);
}

void or_config_diff_dispose(or_config_diff *diff)
{
	size_t i;

	for (i = 0; i < diff->nloosens; i++)
		free(diff->loosens[i]);
	free(diff->loosens);
	for (i = 0; i < diff->nchanges; i++)
		free(diff->changes[i]);
	free(diff->changes);
	memset(diff, 0, sizeof(*diff));
}

void or_config_change_dispose(or_config_change *change)
{
	free(change->file);
	free(change->what);
	or_config_diff_dispose(&change->diff);
	memset(change, 0, sizeof(*change));
}
