/*
 * The JSON report: the report value serialised, the typed findings and
 * evaluations in their places, written member by member (json_stream.c).
 */
#include "core/report_value.h"
#include "report/json_stream.h"
#include "report/reporter.h"

static json_t *finding(void *ctx, size_t i)
{
	return or_finding_table_json(ctx, i);
}

static json_t *evaluation(void *ctx, size_t i)
{
	return or_eval_table_json(ctx, i);
}

static int render_json(or_out *out, const or_report *report, const or_render_options *options,
		       or_diag *diag)
{
	or_json_streamed rows[2] = {
		{ "findings", report->findings.count, finding, (void *)&report->findings },
		{ "evaluations", report->evaluations.ngroups, evaluation,
		  (void *)&report->evaluations },
	};

	(void)options;
	if (or_json_stream_members(out, report->root, rows, 2) != 0) {
		if (out->failed) /* the file's own error is reported by whoever writes it */
			return 0;
		return or_diag_set(diag, OR_EXIT_RUNTIME, NULL, 0, 0,
				   "the JSON report could not be serialised");
	}
	or_out_putc(out, '\n');
	return 0;
}

const or_reporter or_reporter_json = { "json", "json", render_json };
