/*
 * Rendering the report value in a format: to memory, to a file written
 * whole or not at all, to a stream, or several at once.
 */
#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parser.h>

#include "render/reporter.h"
#include "rules/severity.h"
#include "util/alloc.h"
#include "util/fs.h"
#include "util/parallel.h"
#include "util/timing.h"
#include "util/utf8.h"

static bool md_word_char(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       c == '_' || c == '.' || c == '-' || c == '+' || c >= 0x80;
}

/* Text safe inside a Markdown table cell: no pipes, no line breaks, and
 * nothing GitHub would read as markup or HTML; control characters, bidi
 * controls and invalid UTF-8 shown as \xHH or \uHHHH, and an @mention
 * broken by a zero-width space (an address's '@' is left alone). */
void or_report_md_cell(or_buf *out, const char *s)
{
	size_t i = 0, len = s ? strlen(s) : 0;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		unsigned int cp;
		int n;

		switch (c) {
		case '|':
		case '\\':
		case '`':
		case '*':
		case '_':
		case '[':
		case ']':
		case '#':
		case '~':
			or_buf_putc(out, '\\');
			or_buf_putc(out, (char)c);
			break;
		case '<':
			or_buf_puts(out, "&lt;");
			break;
		case '>':
			or_buf_puts(out, "&gt;");
			break;
		case '&':
			or_buf_puts(out, "&amp;");
			break;
		case '\n':
		case '\r':
		case '\t':
			or_buf_putc(out, ' ');
			break;
		case '@':
			or_buf_putc(out, '@');
			if (i == 0 || !md_word_char((unsigned char)s[i - 1]))
				or_buf_puts(out, "\xe2\x80\x8b"); /* U+200B */
			break;
		default:
			if (c < 0x20 || c == 0x7f) {
				or_buf_printf(out, "\\x%02x", c);
				break;
			}
			if (c < 0x80) {
				or_buf_putc(out, (char)c);
				break;
			}
			n = or_utf8_decode(s + i, len - i, &cp);
			if (n < 0) {
				or_buf_printf(out, "\\x%02x", c);
				break;
			}
			if ((cp >= 0x80 && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) ||
			    (cp >= 0x2066 && cp <= 0x2069))
				or_buf_printf(out, "\\u%04x", cp);
			else
				or_buf_put(out, s + i, (size_t)n);
			i += (size_t)n;
			continue;
		}
		i++;
	}
}

void or_report_md_code(or_buf *out, const char *s)
{
	const char *p;

	for (p = s; *p; p++)
		if (!md_word_char((unsigned char)*p) || (unsigned char)*p >= 0x80)
			if (*p != '/')
				break;
	if (*s && !*p) {
		or_buf_putc(out, '`');
		or_buf_puts(out, s);
		or_buf_putc(out, '`');
	} else {
		or_report_md_cell(out, s);
	}
}

int or_report_severity_rank(const char *name)
{
	return (int)or_severity_of(name, OR_SEV_NEVER);
}

void or_report_put_excepted(or_buf *out, const or_report_summary_view *summary, const char *sep)
{
	const struct {
		const or_report_int *count;
		const char *what;
	} excepted[] = {
		{ &summary->waived, "waived" },
		{ &summary->suppressed, "suppressed" },
		{ &summary->baseline, "baseline" },
		{ &summary->outside_change, "outside the change" },
	};
	size_t i;

	for (i = 0; i < sizeof(excepted) / sizeof(excepted[0]); i++)
		if (excepted[i].count->value)
			or_buf_printf(out, "%s%lld %s", sep, excepted[i].count->value,
				      excepted[i].what);
}

static const or_render_options default_options = OR_RENDER_OPTIONS_INIT;

/* The reporter of `format`, and in *options the options to render with (the
 * defaults for NULL); NULL with the diagnostic for an unknown format or
 * options of a version this library does not know. */
static const or_reporter *find_reporter(const char *format, const or_render_options **options,
					or_diag *diag)
{
	const or_reporter *reporter = or_reporter_find(format);

	if (!*options)
		*options = &default_options;
	if ((*options)->version < 1 || (*options)->version > OR_RENDER_OPTIONS_VERSION) {
		or_diag_set(diag, OR_EXIT_USAGE, NULL, 0, 0,
			    "render options version %u is not supported (this library takes 1 to %d)",
			    (*options)->version, OR_RENDER_OPTIONS_VERSION);
		return NULL;
	}
	if (!reporter)
		or_diag_set(diag, OR_EXIT_USAGE, NULL, 0, 0, "unknown report format '%s' (known: %s)",
			    format, or_report_format_list());
	return reporter;
}

int or_report_render(char **out, size_t *len, const or_report *report, const char *format,
		     const or_render_options *options, or_diag *diag)
{
	const or_reporter *reporter = find_reporter(format, &options, diag);
	or_out memory = OR_OUT_INIT;

	*out = NULL;
	*len = 0;
	if (!reporter)
		return -1;
	if (reporter->render(&memory, report, options, diag) != 0) {
		or_out_dispose(&memory);
		return -1;
	}
	*len = memory.buf.size;
	*out = or_buf_detach(&memory.buf);
	return 0;
}

int or_report_write(const or_report *report, const char *format, const char *path,
		    const or_render_options *options, or_diag *diag)
{
	const or_reporter *reporter = find_reporter(format, &options, diag);
	or_fs_atomic file;
	or_out out;
	or_timing timing;
	int error;

	if (!reporter)
		return -1;
	or_timing_init(&timing, options->on_event, options->event_data);
	if (or_fs_atomic_open(&file, path, diag) != 0)
		return -1;
	or_out_init_sink(&out, or_fs_atomic_write, &file);
	error = reporter->render(&out, report, options, diag);
	or_out_finish(&out);
	or_out_dispose(&out);
	if (error) {
		or_fs_atomic_abort(&file);
		return -1;
	}
	error = or_fs_atomic_commit(&file, diag); /* names a failed write's error */
	or_timing_mark(&timing, format);
	return error;
}

int or_report_path_check(const char *root, const char *path, or_diag *diag)
{
	char *link = NULL;
	int rc = 0;

	if (or_fs_folder_leaves(root, path, &link))
		rc = or_diag_set(diag, OR_EXIT_RUNTIME, path, 0, 0,
				 "cannot write report: its folder '%s' is a symbolic link in the "
				 "scanned repository that leads out of it; write the report outside "
				 "the checkout, or remove the link",
				 link);
	free(link);
	return rc;
}

static int stream_write(void *ctx, const char *data, size_t len)
{
	return fwrite(data, 1, len, ctx) == len ? 0 : -1;
}

int or_report_print(const or_report *report, const char *format, FILE *stream,
		    const or_render_options *options, or_diag *diag)
{
	const or_reporter *reporter = find_reporter(format, &options, diag);
	or_out out;
	int error;

	if (!reporter)
		return -1;
	or_out_init_sink(&out, stream_write, stream);
	error = reporter->render(&out, report, options, diag);
	if (or_out_finish(&out) != 0 || fflush(stream) != 0) {
		if (!error)
			or_diag_set(diag, OR_EXIT_RUNTIME, NULL, 0, 0,
				    "cannot write the report to standard output: %s",
				    strerror(errno));
		error = -1;
	}
	or_out_dispose(&out);
	return error;
}

typedef struct write_queue {
	const or_report *report;
	or_report_output *outputs;
	size_t n;
	atomic_size_t next;
} write_queue;

static void *write_worker(void *data)
{
	write_queue *queue = data;
	size_t i;

	while ((i = atomic_fetch_add(&queue->next, 1)) < queue->n) {
		or_report_output *o = &queue->outputs[i];
		or_diag init = OR_DIAG_INIT;

		o->diag = init;
		o->error = o->path ? or_report_write(queue->report, o->format, o->path, o->options,
						     &o->diag)
				   : or_report_print(queue->report, o->format, o->stream,
						     o->options, &o->diag);
	}
	return NULL;
}

int or_report_write_all(const or_report *report, or_report_output *outputs, size_t n)
{
	write_queue queue;
	size_t i;
	int error = 0;

	queue.report = report;
	queue.outputs = outputs;
	queue.n = n;
	atomic_init(&queue.next, 0);
	/* libxml2 sets itself up on first use; not from two threads at once */
	xmlInitParser();
	or_parallel(write_worker, &queue, n > 1 ? n - 1 : 0);
	for (i = 0; i < n; i++)
		if (outputs[i].error)
			error = -1;
	return error;
}
