/* What every record file shares: the loader its records and problems are
 * collected in, reading the file, and the values (dates, numbers) that YAML
 * and CSV read alike. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "input/records_loader.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/text.h"

void or_records_loader_init(loader *ld, const char *path, or_date_order order)
{
	memset(ld, 0, sizeof(*ld));
	ld->arena = or_arena_new();
	ld->path = or_arena_strdup(ld->arena, path);
	ld->order = order;
	ld->yaml = (or_yaml)OR_YAML_INIT;
}

void or_records_loader_dispose(loader *ld)
{
	or_arena_free(ld->arena);
	or_yaml_dispose(&ld->yaml);
	free(ld->problems);
	free(ld->courses);
	free(ld->people);
	free(ld->completions);
	free(ld->drills);
	free(ld->person_slots);
	memset(ld, 0, sizeof(*ld));
}

void *or_records_arena_copy(or_arena *arena, const void *items, size_t n, size_t item_size)
{
	void *copy;

	if (n == 0)
		return NULL;
	copy = or_arena_alloc(arena, n * item_size);
	memcpy(copy, items, n * item_size);
	return copy;
}

void or_records_add_problem(loader *ld, int line, int column, const char *subject,
			    const char *fmt, ...)
{
	or_buf message = OR_BUF_INIT;
	or_record_problem *p;
	va_list ap;

	va_start(ap, fmt);
	or_buf_vprintf(&message, fmt, ap);
	va_end(ap);
	ld->problems = or_xgrow(ld->problems, &ld->problems_cap, ld->nproblems + 1,
				sizeof(*ld->problems));
	p = &ld->problems[ld->nproblems++];
	p->line = line > 0 ? line : 1;
	p->column = column > 0 ? column : 1;
	p->subject = or_arena_strdup(ld->arena, subject);
	p->message = or_arena_strndup(ld->arena, or_buf_cstr(&message), message.size);
	or_buf_dispose(&message);
}

/* ---- reading the file */

int or_records_read_file(char **out, size_t *len, const char *root, const char *path,
			 const char *what, or_diag *diag)
{
	return or_fs_read_repo_input(out, len, root, path, what, OR_RECORDS_MAX_BYTES, diag);
}

/* ---- values shared by YAML and CSV */

/*
 * A date that is the whole of `text` (a time may follow it, as or_date_parse
 * takes it). 0 and *out, or -1 and why not in *why (after the quoted value).
 */
int or_records_parse_whole_date(or_date *out, const char *text, size_t len, or_date_order order,
				const char **why)
{
	size_t consumed = 0;
	or_date_status status;
	or_date ignored;

	text = or_text_trim(text, &len);
	status = or_date_parse(out, text, len, order, &consumed);
	if (status == OR_DATE_OK && consumed == len)
		return 0;
	if (status == OR_DATE_INVALID && order == OR_DATE_ORDER_NONE &&
	    (or_date_parse(&ignored, text, len, OR_DATE_ORDER_DMY, &consumed) == OR_DATE_OK ||
	     or_date_parse(&ignored, text, len, OR_DATE_ORDER_MDY, &consumed) == OR_DATE_OK))
		*why = "is ambiguous (day/month or month/day?): write it as YYYY-MM-DD "
		       "or set date_order in the config";
	else if (status == OR_DATE_INVALID)
		*why = "is not a real date";
	else
		*why = "is not a date (expected YYYY-MM-DD)";
	return -1;
}

/*
 * A decimal number, the whole of `text`: [+-]digits[.digits]; with
 * `comma_decimal`, ',' may be the decimal mark ("1,5" in a ';' CSV).
 * Parsed by hand so that the locale does not matter.
 */
int or_records_parse_number(double *out, const char *text, size_t len, bool comma_decimal)
{
	size_t i = 0;
	double value = 0, scale = 1;
	bool negative = false, digits = false;

	text = or_text_trim(text, &len);
	if (i < len && (text[i] == '+' || text[i] == '-'))
		negative = text[i++] == '-';
	for (; i < len && text[i] >= '0' && text[i] <= '9'; i++) {
		value = value * 10 + (text[i] - '0');
		digits = true;
	}
	if (i < len && (text[i] == '.' || (comma_decimal && text[i] == ','))) {
		for (i++; i < len && text[i] >= '0' && text[i] <= '9'; i++) {
			scale /= 10;
			value += (text[i] - '0') * scale;
			digits = true;
		}
	}
	if (!digits || i != len || value > 1e12)
		return -1;
	*out = negative ? -value : value;
	return 0;
}
