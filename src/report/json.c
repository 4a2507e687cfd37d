/* The JSON report: the report value itself, serialised. */
#include "report/reporter.h"

static int render_json(or_out *out, const json_t *report, const or_render_options *options,
		       or_diag *diag)
{
	(void)options;
	if (json_dump_callback(report, or_out_write_cb, out,
			       JSON_INDENT(2) | JSON_REAL_PRECISION(10)) != 0) {
		if (out->failed) /* the file's own error is reported by whoever writes it */
			return 0;
		return or_diag_set(diag, OR_EXIT_RUNTIME, NULL, 0, 0,
				   "the JSON report could not be serialised");
	}
	or_out_putc(out, '\n');
	return 0;
}

const or_reporter or_reporter_json = { "json", "json", render_json };
