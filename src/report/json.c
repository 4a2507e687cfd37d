/* The JSON report: the report value itself, serialised. */
#include <stdlib.h>

#include "report/reporter.h"

static int render_json(or_buf *out, const json_t *report, const or_render_options *options,
		       or_diag *diag)
{
	char *dump = json_dumps(report, JSON_INDENT(2) | JSON_REAL_PRECISION(10));

	if (!dump)
		return or_diag_set(diag, OR_EXIT_RUNTIME, NULL, 0, 0,
				   "the JSON report could not be serialised");
	or_buf_puts(out, dump);
	or_buf_putc(out, '\n');
	free(dump);
	return 0;
}

const or_reporter or_reporter_json = { "json", "json", render_json };
