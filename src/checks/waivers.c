/*
 * The waivers family: runs after suppressions and waivers were applied, and
 * judges the exceptions themselves — expired waivers, waivers and inline
 * suppressions that matched nothing, inline suppressions the config refuses
 * (waiver.unused: they suppress nothing), suppressions without a reason.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/fs.h"

/* Where findings about the config point: the config file, relative to the
 * scanned root like every other finding's file when it lies inside it, else
 * as named. */
static const char *config_file(const or_check_ctx *ctx)
{
	const char *path = ctx->model->config->path;
	const char *inside = ctx->model->config->scan_path
				     ? ctx->model->config->scan_path
				     : or_fs_inside(ctx->model->root, path);

	return inside ? inside : path ? path : ".opsready.yml";
}

static void waiver_subject(or_buf *out, const or_waiver *w)
{
	or_buf_clear(out);
	or_buf_printf(out, "waiver:%s", w->rule);
	if (w->subject)
		or_buf_printf(out, ":%s", w->subject);
	if (w->path)
		or_buf_printf(out, ":%s", w->path);
}

static void waiver_what(or_buf *out, const or_waiver *w)
{
	or_buf_clear(out);
	or_buf_printf(out, "waiver of %s", w->rule);
	if (w->subject)
		or_buf_printf(out, " for %s", w->subject);
	if (w->path)
		or_buf_printf(out, " in %s", w->path);
}

static void check_expired(or_check_ctx *ctx)
{
	const or_config *config = ctx->model->config;
	or_buf subject = OR_BUF_INIT, what = OR_BUF_INIT;
	size_t i;
	char expires[11];

	for (i = 0; i < config->nwaivers; i++) {
		const or_waiver *w = &config->waivers[i];

		waiver_subject(&subject, w);
		if (!ctx->exceptions->waiver_expired[i]) {
			or_eval_pass(ctx, config_file(ctx), subject.ptr);
			continue;
		}
		waiver_what(&what, w);
		or_date_format(w->expires, expires);
		if (w->approved_by)
			or_buf_printf(&what, ", approved by %s,", w->approved_by);
		or_eval_fail(ctx, config_file(ctx), w->line, w->column, subject.ptr, w->reason,
			     "the %s expired on %s: the findings it would cover are no longer waived", what.ptr,
			     expires);
	}
	or_buf_dispose(&subject);
	or_buf_dispose(&what);
}

/* Why an inline suppression the config refuses suppresses nothing (or not
 * everything it names). */
static void refused_message(or_buf *out, const or_config *config, const or_suppression_use *u)
{
	const or_suppression *s = u->suppression;
	const char *p = s->rules;
	size_t listed = 0;

	or_buf_clear(out);
	or_buf_printf(out, "inline suppression of %s does not take effect", *p ? p : "every rule");
	switch (u->refused) {
	case OR_SUPPRESSION_OFF:
		or_buf_puts(out, ": the config turns inline suppressions off (suppressions: { allow: false })");
		break;
	case OR_SUPPRESSION_BLANKET:
		or_buf_puts(out, ": a disable without rule ids needs suppressions: { allow: blanket } in the config; name the rules it is for");
		break;
	default:
		if (!*p) {
			or_buf_puts(out, " for the rules outside suppressions.allowed_rules");
			break;
		}
		or_buf_puts(out, " for ");
		while (*p) {
			const char *end = strchr(p, ',');
			size_t len = end ? (size_t)(end - p) : strlen(p);
			char *id = or_xstrndup(p, len);

			if (!or_config_may_suppress(config, id))
				or_buf_printf(out, "%s%s", listed++ ? ", " : "", id);
			free(id);
			p += len;
			if (*p == ',')
				p++;
		}
		or_buf_puts(out, ": not in suppressions.allowed_rules");
		break;
	}
	or_buf_puts(out, "; the findings it covers stay active");
}

static void check_unused(or_check_ctx *ctx)
{
	const or_config *config = ctx->model->config;
	const or_exception_use *ex = ctx->exceptions;
	or_buf subject = OR_BUF_INIT, what = OR_BUF_INIT;
	size_t i;

	for (i = 0; i < config->nwaivers; i++) {
		const or_waiver *w = &config->waivers[i];

		if (ex->waiver_expired[i])
			continue; /* waiver.expired says it */
		waiver_subject(&subject, w);
		if (ex->waiver_matches[i]) {
			or_eval_pass(ctx, config_file(ctx), subject.ptr);
			continue;
		}
		waiver_what(&what, w);
		if (ex->waiver_hints && i < ex->nwaivers && ex->waiver_hints[i])
			or_eval_fail(ctx, config_file(ctx), w->line, w->column, subject.ptr, w->reason,
				     "the %s matched no finding: %s", what.ptr, ex->waiver_hints[i]);
		else
			or_eval_fail(ctx, config_file(ctx), w->line, w->column, subject.ptr, w->reason,
				     "the %s matched no finding: remove it, or correct its rule, subject or path",
				     what.ptr);
	}
	for (i = 0; i < ex->nsuppressions; i++) {
		const or_suppression *s = ex->suppressions[i].suppression;

		or_buf_clear(&subject);
		or_buf_printf(&subject, "suppression:%s:%d", *s->rules ? s->rules : "*", s->line);
		if (ex->suppressions[i].refused != OR_SUPPRESSION_ALLOWED) {
			refused_message(&what, ctx->model->config, &ex->suppressions[i]);
			or_eval_fail(ctx, ex->suppressions[i].file, s->line, s->column, subject.ptr,
				     s->reason, "%s", what.ptr);
		} else if (ex->suppressions[i].matched || ex->suppressions[i].blocked)
			/* one that covers findings but gives no reason the
			 * config requires: waiver.missing-reason says it */
			or_eval_pass(ctx, ex->suppressions[i].file, subject.ptr);
		else
			or_eval_fail(ctx, ex->suppressions[i].file, s->line, s->column, subject.ptr,
				     s->reason,
				     "inline suppression of %s suppressed nothing: remove it",
				     *s->rules ? s->rules : "every rule");
	}
	or_buf_dispose(&subject);
	or_buf_dispose(&what);
}

static void check_suppression_reason(or_check_ctx *ctx)
{
	const or_exception_use *ex = ctx->exceptions;
	or_buf subject = OR_BUF_INIT;
	size_t i;

	if (!ctx->model->config->suppressions_require_reason)
		return;
	for (i = 0; i < ex->nsuppressions; i++) {
		const or_suppression *s = ex->suppressions[i].suppression;

		or_buf_clear(&subject);
		or_buf_printf(&subject, "suppression:%s:%d", *s->rules ? s->rules : "*", s->line);
		if (s->reason)
			or_eval_pass(ctx, ex->suppressions[i].file, subject.ptr);
		else
			or_eval_fail(ctx, ex->suppressions[i].file, s->line, s->column, subject.ptr,
				     NULL,
				     "inline suppression of %s gives no reason; the config requires one, so it suppresses nothing",
				     *s->rules ? s->rules : "every rule");
	}
	or_buf_dispose(&subject);
}

static const or_check waivers_checks[] = {
	{ "waiver-expired", check_expired },
	{ "waiver-unused", check_unused },
	{ "suppression-reason", check_suppression_reason },
	{ NULL, NULL },
};

const or_check_family or_waivers_family = { "waivers", waivers_checks, OR_PHASE_AFTER_EXCEPTIONS };
