#include "opsready/common.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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

void or_diag_format(const or_diag *diag, char *out, size_t out_size)
{
	if (diag->file[0] && diag->line > 0 && diag->column > 0)
		snprintf(out, out_size, "%s:%d:%d: error: %s", diag->file, diag->line,
			 diag->column, diag->message);
	else if (diag->file[0] && diag->line > 0)
		snprintf(out, out_size, "%s:%d: error: %s", diag->file, diag->line,
			 diag->message);
	else if (diag->file[0])
		snprintf(out, out_size, "%s: error: %s", diag->file, diag->message);
	else
		snprintf(out, out_size, "opsready: error: %s", diag->message);
}
