#include "opsready/common.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util/buf.h"
#include "util/escape.h"

int or_diag_set(or_diag *diag, or_exit code, const char *file, int line, int column,
		const char *fmt, ...)
{
	va_list ap;

	if (!diag)
		return -1;
	diag->code = code;
	snprintf(diag->file, sizeof(diag->file), "%s", file ? file : "");
	diag->line = line;
	diag->column = column;
	va_start(ap, fmt);
	vsnprintf(diag->message, sizeof(diag->message), fmt, ap);
	va_end(ap);
	return -1;
}

/* The file and the message may quote the scanned repository (a file name,
 * a key, a value): control characters and line breaks are escaped, and the
 * line cannot open with a workflow command. */
void or_diag_format(const or_diag *diag, char *out, size_t out_size)
{
	or_buf file = OR_BUF_INIT, message = OR_BUF_INIT;
	const char *f, *m;

	or_escape_line_start(&file, diag->file);
	or_escape_text(&message, diag->message);
	f = file.ptr ? file.ptr : "";
	m = message.ptr ? message.ptr : "";
	if (f[0] && diag->line > 0 && diag->column > 0)
		snprintf(out, out_size, "%s:%d:%d: error: %s", f, diag->line, diag->column, m);
	else if (f[0] && diag->line > 0)
		snprintf(out, out_size, "%s:%d: error: %s", f, diag->line, m);
	else if (f[0])
		snprintf(out, out_size, "%s: error: %s", f, m);
	else
		snprintf(out, out_size, "opsready: error: %s", m);
	or_buf_dispose(&file);
	or_buf_dispose(&message);
}
