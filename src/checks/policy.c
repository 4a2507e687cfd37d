/*
 * The policy family: config.changed. With --since, the gate applies the
 * merge base's config and packs; a change that edits them is reported, with
 * what it loosens, so that the people who review it see the policy move
 * (SPEC section 9). The scan compares the two (rules/config_compare.h) and
 * hands the result over in the model; nothing is reported without --since.
 */
#include "checks/check.h"
#include "rules/config_compare.h"
#include "util/buf.h"

static void list(or_buf *out, char *const *items, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		or_buf_printf(out, "%s%s", i ? "; " : "", items[i]);
}

static void check_config_changed(or_check_ctx *ctx)
{
	const or_config_change *change = ctx->model->config_change;
	or_buf subject = OR_BUF_INIT, loosens = OR_BUF_INIT, evidence = OR_BUF_INIT;

	if (!change)
		return;
	or_buf_printf(&subject, "config:%s", change->file);
	list(&loosens, change->diff.loosens, change->diff.nloosens);
	or_buf_puts(&evidence, "loosens: ");
	if (change->diff.nloosens)
		list(&evidence, change->diff.loosens, change->diff.nloosens);
	else
		or_buf_puts(&evidence, "nothing");
	if (change->diff.nchanges) {
		or_buf_puts(&evidence, "; also changes: ");
		list(&evidence, change->diff.changes, change->diff.nchanges);
	}
	if (change->diff.nloosens)
		or_eval_fail(ctx, change->file, 0, 0, or_buf_cstr(&subject), or_buf_cstr(&evidence),
			     "the change %s and loosens the policy: %s; the gate applies the merge base's config until it is merged",
			     change->what, or_buf_cstr(&loosens));
	else
		or_eval_fail(ctx, change->file, 0, 0, or_buf_cstr(&subject), or_buf_cstr(&evidence),
			     "the change %s (it loosens nothing); the gate applies the merge base's config until it is merged",
			     change->what);
	or_buf_dispose(&subject);
	or_buf_dispose(&loosens);
	or_buf_dispose(&evidence);
}

static const or_check policy_checks[] = {
	{ "config-changed", check_config_changed },
	{ NULL, NULL },
};

const or_check_family or_policy_family = { "policy", policy_checks, OR_PHASE_CHECKS };
