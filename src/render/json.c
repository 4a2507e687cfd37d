/*
 * The JSON report: the report value serialised, the typed findings and
 * evaluations in their places, written member by member (json_stream.c).
 */
#include "report/value.h"
#include "render/json_stream.h"
#include "render/reporter.h"

typedef struct findings_ctx {
	const or_finding_table *table;
	or_finding_json writer;
} findings_ctx;

static json_t *finding(void *data, size_t i)
{
	findings_ctx *ctx = data;

	return json_incref(or_finding_json_row(&ctx->writer, ctx->table, i));
}

static json_t *evaluation(void *ctx, size_t i)
{
	return or_eval_table_json(ctx, i);
}

static int render_json(or_out *out, const or_report *report, const or_render_options *options,
		       or_diag *diag)
{
	findings_ctx findings = { &report->findings, { 0 } };
	or_json_streamed rows[2] = {
		{ "findings", report->findings.count, finding, &findings },
		{ "evaluations", report->evaluations.ngroups, evaluation,
		  (void *)&report->evaluations },
	};
	int error;

	(void)options;
	or_finding_json_init(&findings.writer);
	error = or_json_stream_members(out, report->root, rows, 2);
	or_finding_json_dispose(&findings.writer);
	if (error) {
		if (out->failed) /* the file's own error is reported by whoever writes it */
			return 0;
		return or_diag_set(diag, OR_EXIT_RUNTIME, NULL, 0, 0,
				   "the JSON report could not be serialised");
	}
	or_out_putc(out, '\n');
	return 0;
}

const or_reporter or_reporter_json = { "json", "json", render_json };
