/*
 * The contacts family: can every number and address that someone will call
 * at 3 a.m. be reached — is it well formed, real, distinct where it must be,
 * present for every required role, and verified recently?
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "input/contact.h"
#include "util/text.h"

/* Roles compared without spaces: "On Call", "On-Call" and "Oncall" are one. */
static void role_key(or_buf *out, const char *role)
{
	size_t i, start;

	or_buf_clear(out);
	if (!role)
		return;
	or_text_key(out, role, strlen(role));
	for (i = 0, start = 0; i < out->size; i++)
		if (out->ptr[i] != ' ')
			out->ptr[start++] = out->ptr[i];
	or_buf_truncate(out, start);
}

static bool role_equal(const char *a, const char *b)
{
	or_buf ka = OR_BUF_INIT, kb = OR_BUF_INIT;
	bool equal;

	role_key(&ka, a);
	role_key(&kb, b);
	equal = strcmp(or_buf_cstr(&ka), or_buf_cstr(&kb)) == 0;
	or_buf_dispose(&ka);
	or_buf_dispose(&kb);
	return equal;
}

/* role_key clears its buffer: build the subject in two steps. */
static const char *contact_subject(or_buf *out, or_buf *scratch, const or_contact *c)
{
	role_key(scratch, c->role);
	or_buf_clear(out);
	or_buf_printf(out, "contact:%s:%s", or_buf_cstr(scratch), c->value);
	return out->ptr;
}

/* A string-list param as a NULL-terminated array (free the array, not the strings). */
static void strings_param(const or_rule *rule, const char *name, const char ***out, size_t *n)
{
	const json_t *a = or_rule_param_array(rule, name);
	size_t i;

	*out = or_xcalloc(json_array_size(a) + 1, sizeof(char *));
	*n = 0;
	for (i = 0; i < json_array_size(a); i++)
		if (json_is_string(json_array_get(a, i)))
			(*out)[(*n)++] = json_string_value(json_array_get(a, i));
}

/* ---- contacts.invalid --------------------------------------------------- */

/* 0 and the normalised value, or -1 and why it cannot be used. */
static int validate(const or_contact *c, const char *const *codes, size_t ncodes,
		    or_buf *normalized, or_buf *reason)
{
	size_t len = strlen(c->value);

	or_buf_clear(normalized);
	or_buf_clear(reason);
	switch (c->kind) {
	case OR_CONTACT_PHONE:
		return or_phone_check(c->value, len, codes, ncodes, normalized, reason);
	case OR_CONTACT_EMAIL:
		return or_email_check(c->value, len, normalized, reason);
	case OR_CONTACT_URL:
		return or_url_check(c->value, len, normalized, reason);
	case OR_CONTACT_CHANNEL:
		or_buf_puts(normalized, c->value);
		return 0;
	case OR_CONTACT_TEXT:
		or_buf_puts(normalized, c->value);
		if (c->medium_key) {
			or_buf_printf(reason, "'%s' is not a number, address or channel",
				      c->value);
			return -1;
		}
		return 0;
	}
	return 0;
}

static void check_invalid(or_check_ctx *ctx)
{
	const char **codes;
	size_t ncodes, i;
	or_buf subject = OR_BUF_INIT, scratch = OR_BUF_INIT, normalized = OR_BUF_INIT;
	or_buf reason = OR_BUF_INIT;

	strings_param(ctx->rule, "allowed_country_codes", &codes, &ncodes);
	for (i = 0; i < ctx->model->ncontacts; i++) {
		const or_contact *c = &ctx->model->contacts[i];

		if (c->kind == OR_CONTACT_TEXT && !c->medium_key)
			continue;
		contact_subject(&subject, &scratch, c);
		if (validate(c, codes, ncodes, &normalized, &reason) == 0)
			or_eval_pass(ctx, c->file, subject.ptr);
		else
			or_eval_fail(ctx, c->file, c->line, c->column, subject.ptr, c->line_text,
				     "%s for %s: %s", or_contact_kind_name(c->kind), c->role,
				     or_buf_cstr(&reason));
	}
	free(codes);
	or_buf_dispose(&subject);
	or_buf_dispose(&scratch);
	or_buf_dispose(&normalized);
	or_buf_dispose(&reason);
}

/* ---- contacts.placeholder ----------------------------------------------- */

static const char *placeholder_reason(or_buf *out, const or_contact *c, const or_rule *rule)
{
	const json_t *ranges = or_rule_param_array(rule, "phone_ranges");
	const json_t *words = or_rule_param_array(rule, "words");
	const char **domains;
	size_t ndomains, i, host_len;
	size_t len = strlen(c->value);
	const char *host;

	or_buf_clear(out);
	if (c->kind == OR_CONTACT_PHONE) {
		for (i = 0; i < json_array_size(ranges); i++) {
			const char *range = json_string_value(json_array_get(ranges, i));
			if (range && or_phone_in_range(c->value, len, range)) {
				or_buf_printf(out, "%s is in the fictional range %s", c->value, range);
				return out->ptr;
			}
		}
	}
	strings_param(rule, "domains", &domains, &ndomains);
	host = or_contact_host(c->kind, c->value, len, &host_len);
	if (host && or_domain_reserved(host, host_len, domains, ndomains))
		or_buf_printf(out, "%.*s is a reserved example domain: nothing there reaches anyone",
			      (int)host_len, host);
	free(domains);
	if (out->size)
		return out->ptr;
	for (i = 0; i < json_array_size(words); i++) {
		const char *word = json_string_value(json_array_get(words, i));
		if (word && or_text_find_word(c->value, len, word)) {
			or_buf_printf(out, "'%s' is a placeholder, not a contact", c->value);
			return out->ptr;
		}
	}
	return NULL;
}

static void check_placeholder(or_check_ctx *ctx)
{
	or_buf subject = OR_BUF_INIT, scratch = OR_BUF_INIT, reason = OR_BUF_INIT;
	size_t i;

	for (i = 0; i < ctx->model->ncontacts; i++) {
		const or_contact *c = &ctx->model->contacts[i];

		contact_subject(&subject, &scratch, c);
		if (placeholder_reason(&reason, c, ctx->rule))
			or_eval_fail(ctx, c->file, c->line, c->column, subject.ptr, c->line_text,
				     "%s for %s: %s", or_contact_kind_name(c->kind), c->role,
				     reason.ptr);
		else
			or_eval_pass(ctx, c->file, subject.ptr);
	}
	or_buf_dispose(&subject);
	or_buf_dispose(&scratch);
	or_buf_dispose(&reason);
}

/* ---- contacts.duplicate ------------------------------------------------- */

/* One contact as the duplicate check sees it. */
typedef struct dup_entry {
	size_t index;      /* into the model's contacts */
	long group;        /* the distinct_roles group of its role, -1 for none */
	char *role;        /* role key */
	char *value;       /* normalised value */
} dup_entry;

static int compare_dup(const void *pa, const void *pb)
{
	const dup_entry *a = pa, *b = pb;
	int c;

	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	if ((c = strcmp(a->value, b->value)) != 0)
		return c;
	return a->index < b->index ? -1 : a->index > b->index;
}

/*
 * One number or address serving roles that must be distinct: contacts are
 * sorted by (group, normalised value), so that each run of equal values is
 * one candidate — n log n, not n².
 */
static void check_duplicates(or_check_ctx *ctx)
{
	const json_t *groups = or_rule_param_array(ctx->rule, "distinct_roles");
	const or_contact *contacts = ctx->model->contacts;
	size_t n = ctx->model->ncontacts, g, i, j, k, count = 0;
	dup_entry *entries = or_xcalloc(n ? n : 1, sizeof(*entries));
	char **group_keys;
	size_t ngroup_keys = 0;
	long *key_group;
	size_t *found = or_xcalloc(json_array_size(groups) + 1, sizeof(size_t));
	or_buf value = OR_BUF_INIT, reason = OR_BUF_INIT, subject = OR_BUF_INIT, key = OR_BUF_INIT;

	/* the role keys of every group, each with its group */
	for (g = 0; g < json_array_size(groups); g++)
		ngroup_keys += json_array_size(json_array_get(groups, g));
	group_keys = or_xcalloc(ngroup_keys + 1, sizeof(char *));
	key_group = or_xcalloc(ngroup_keys + 1, sizeof(long));
	for (g = 0, k = 0; g < json_array_size(groups); g++) {
		const json_t *group = json_array_get(groups, g);
		for (i = 0; i < json_array_size(group); i++) {
			role_key(&key, json_string_value(json_array_get(group, i)));
			group_keys[k] = or_xstrdup(or_buf_cstr(&key));
			key_group[k++] = (long)g;
		}
	}
	for (i = 0; i < n; i++) {
		long group = -1;
		if (contacts[i].kind == OR_CONTACT_TEXT)
			continue;
		role_key(&key, contacts[i].role);
		for (k = 0; k < ngroup_keys && group < 0; k++)
			if (strcmp(group_keys[k], or_buf_cstr(&key)) == 0)
				group = key_group[k];
		if (group < 0)
			continue;
		entries[count].index = i;
		entries[count].group = group;
		entries[count].role = or_xstrdup(or_buf_cstr(&key));
		if (validate(&contacts[i], NULL, 0, &value, &reason) != 0 && !value.size)
			or_buf_puts(&value, contacts[i].value);
		or_buf_clear(&reason);
		or_buf_printf(&reason, "%d:%s", (int)contacts[i].kind, or_buf_cstr(&value));
		entries[count].value = or_xstrdup(reason.ptr);
		count++;
	}
	if (count > 1)
		qsort(entries, count, sizeof(*entries), compare_dup);
	for (i = 0; i < count; i = j) {
		for (j = i + 1; j < count && entries[j].group == entries[i].group &&
				strcmp(entries[j].value, entries[i].value) == 0;
		     j++) {
			const or_contact *first = &contacts[entries[i].index];
			const or_contact *c = &contacts[entries[j].index];
			if (strcmp(entries[j].role, entries[i].role) == 0)
				continue; /* one role listed twice is not two roles */
			or_buf_clear(&subject);
			or_buf_printf(&subject, "roles:%ld:%s", entries[j].group, entries[j].value);
			or_eval_fail(ctx, c->file, c->line, c->column, subject.ptr, c->line_text,
				     "%s %s serves both %s (%s:%d) and %s, which must be distinct",
				     or_contact_kind_name(c->kind), c->value, first->role, first->file,
				     first->line, c->role);
			found[entries[j].group]++;
		}
	}
	for (g = 0; g < json_array_size(groups); g++) {
		if (found[g])
			continue;
		or_buf_clear(&subject);
		or_buf_puts(&subject, "roles");
		for (i = 0; i < json_array_size(json_array_get(groups, g)); i++)
			or_buf_printf(&subject, ":%s",
				      json_string_value(json_array_get(json_array_get(groups, g), i)));
		or_eval_pass(ctx, NULL, subject.ptr);
	}
	for (i = 0; i < count; i++) {
		free(entries[i].role);
		free(entries[i].value);
	}
	for (k = 0; k < ngroup_keys; k++)
		free(group_keys[k]);
	free(group_keys);
	free(key_group);
	free(entries);
	free(found);
	or_buf_dispose(&value);
	or_buf_dispose(&reason);
	or_buf_dispose(&subject);
	or_buf_dispose(&key);
}

/* ---- contacts.missing-role ---------------------------------------------- */

static void check_roles(or_check_ctx *ctx)
{
	const json_t *roles = or_rule_param_array(ctx->rule, "roles");
	const char *file = ctx->model->config->contacts_path;
	or_buf subject = OR_BUF_INIT;
	bool runbooks = false;
	size_t i, r;

	for (i = 0; i < ctx->model->ndocs && !runbooks; i++)
		runbooks = ctx->model->docs[i].is_runbook;
	/* a repository without runbooks or a registry has no contact list to judge */
	if (!runbooks && !ctx->model->has_contacts_registry)
		return;
	for (r = 0; r < json_array_size(roles); r++) {
		const char *role = json_string_value(json_array_get(roles, r));
		bool found = false;

		if (!role)
			continue;
		for (i = 0; i < ctx->model->ncontacts && !found; i++)
			found = ctx->model->contacts[i].kind != OR_CONTACT_TEXT &&
				role_equal(ctx->model->contacts[i].role, role);
		/* (a linear scan per required role: a handful of roles) */
		or_buf_clear(&subject);
		or_buf_printf(&subject, "role:%s", role);
		if (found)
			or_eval_pass(ctx, file, subject.ptr);
		else
			or_eval_fail(ctx, file, 0, 0, subject.ptr, NULL,
				     "no contact for the required role %s in any runbook%s", role,
				     file ? " or the registry" : "");
	}
	or_buf_dispose(&subject);
}

/* ---- contacts.stale ----------------------------------------------------- */


static void check_stale(or_check_ctx *ctx)
{
	json_int_t max_age = or_rule_param_int(ctx->rule, "max_age_days", 90);
	or_buf subject = OR_BUF_INIT, scratch = OR_BUF_INIT;
	size_t i;
	char when[11];

	const or_rule *invalid_rule = or_ruleset_find(ctx->model->rules, "contacts.invalid");
	const char **codes = NULL;
	size_t ncodes = 0;
	or_buf normalized = OR_BUF_INIT, reason = OR_BUF_INIT;

	if (invalid_rule && invalid_rule->enabled)
		strings_param(invalid_rule, "allowed_country_codes", &codes, &ncodes);
	for (i = 0; i < ctx->model->ncontacts; i++) {
		const or_contact *c = &ctx->model->contacts[i];
		json_int_t age;

		if (c->kind == OR_CONTACT_TEXT)
			continue;
		contact_subject(&subject, &scratch, c);
		/* an address that cannot work is contacts.invalid's finding: how
		 * long ago it was verified is the next question, not this one */
		if (codes && validate(c, codes, ncodes, &normalized, &reason) != 0) {
			or_eval_skip(ctx, c->file, subject.ptr,
				     "the contact is not valid (contacts.invalid says why); its age matters once it is fixed");
			continue;
		}
		if (c->verified_source == OR_VERIFIED_NONE && c->invalid_verified) {
			or_eval_fail(ctx, c->file, c->line, c->column, subject.ptr, c->line_text,
				     "%s %s for %s: its verification date '%s' is not a date opsready can trust (impossible, or day and month could be either way round); write (verified YYYY-MM-DD)",
				     or_contact_kind_name(c->kind), c->value, c->role,
				     c->invalid_verified);
			continue;
		}
		/* a note or the registry dated ahead; a commit dated after --now (a
		 * fixed "now" in the past) is simply recent */
		if ((c->verified_source == OR_VERIFIED_ANNOTATION ||
		     c->verified_source == OR_VERIFIED_REGISTRY) &&
		    c->verified > ctx->model->now) {
			char today[11];

			or_date_format(c->verified, when);
			or_date_format(ctx->model->now, today);
			or_eval_fail(ctx, c->file, c->line, c->column, subject.ptr, c->line_text,
				     "%s %s for %s was verified on %s (%s), which lies after today (%s): a verification cannot be dated ahead",
				     or_contact_kind_name(c->kind), c->value, c->role, when,
				     or_verified_source_name(c->verified_source), today);
			continue;
		}
		if (c->verified_source == OR_VERIFIED_NONE && !c->registry &&
		    ctx->model->history_state != OR_HISTORY_AVAILABLE) {
			/* its age was to come from the history: a history check, skipped
			 * (review.history-unavailable says so once) */
			or_buf_clear(&scratch);
			or_buf_printf(&scratch,
				      "its age would come from git history, which is not available (%s); add (verified YYYY-MM-DD) to the line",
				      or_history_state_reason(ctx->model->history_state));
			or_eval_skip(ctx, c->file, subject.ptr, scratch.ptr);
			continue;
		}
		if (c->verified_source == OR_VERIFIED_NONE) {
			or_eval_fail(ctx, c->file, c->line, c->column, subject.ptr, c->line_text,
				     "%s %s for %s was never verified: add %s",
				     or_contact_kind_name(c->kind), c->value, c->role,
				     c->registry ? "verified: YYYY-MM-DD to its registry entry"
								: "(verified YYYY-MM-DD) to the line");
			continue;
		}
		age = ctx->model->now - c->verified;
		if (age <= max_age) {
			or_eval_pass(ctx, c->file, subject.ptr);
			continue;
		}
		or_date_format(c->verified, when);
		if (c->verified_source == OR_VERIFIED_BLAME && c->older)
			or_eval_fail(ctx, c->file, c->line, c->column, subject.ptr, c->line_text,
				     "%s %s for %s has not changed since %s or before, more than %lld days ago, and was never marked verified; contacts must be verified every %lld days",
				     or_contact_kind_name(c->kind), c->value, c->role, when,
				     (long long)max_age, (long long)max_age);
		else if (c->verified_source == OR_VERIFIED_BLAME)
			or_eval_fail(ctx, c->file, c->line, c->column, subject.ptr, c->line_text,
				     "%s %s for %s was last changed on %s (commit %.12s), %lld days ago, and never marked verified; contacts must be verified every %lld days",
				     or_contact_kind_name(c->kind), c->value, c->role, when, c->commit,
				     (long long)age, (long long)max_age);
		else
			or_eval_fail(ctx, c->file, c->line, c->column, subject.ptr, c->line_text,
				     "%s %s for %s was verified on %s (%s), %lld days ago; contacts must be verified every %lld days",
				     or_contact_kind_name(c->kind), c->value, c->role, when,
				     or_verified_source_name(c->verified_source), (long long)age,
				     (long long)max_age);
	}
	free(codes);
	or_buf_dispose(&normalized);
	or_buf_dispose(&reason);
	or_buf_dispose(&subject);
	or_buf_dispose(&scratch);
}

static const or_check contacts_checks[] = {
	{ "contact-freshness", check_stale },
	{ "contact-invalid", check_invalid },
	{ "contact-placeholder", check_placeholder },
	{ "contact-duplicates", check_duplicates },
	{ "contact-roles", check_roles },
	{ NULL, NULL },
};

const or_check_family or_contacts_family = { "contacts", contacts_checks, OR_PHASE_CHECKS };
