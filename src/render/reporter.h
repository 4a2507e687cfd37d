/*
 * The reporter plug-in interface: one file per format renders the finished
 * report value into an or_out, a buffer or a file written as it goes (a report
 * of 100,000 findings is never held whole in memory a second time). Reporters
 * see only the report, never the repository. registry.c lists them.
 */
#ifndef OR_RENDER_REPORTER_H
#define OR_RENDER_REPORTER_H

#include <jansson.h>

#include "opsready/report.h"
#include "report/read.h"
#include "report/value.h"
#include "util/buf.h"
#include "util/out.h"

/* `report` is the value of report/value.h: its root, and the findings
 * and the evaluations that are not findings, held typed. */
typedef int (*or_render_fn)(or_out *out, const or_report *report,
			    const or_render_options *options, or_diag *diag);

typedef struct or_reporter {
	const char *name;       /* "text", "json", ... */
	const char *extension;  /* "txt", "json", ... */
	or_render_fn render;
} or_reporter;

const or_reporter *or_reporter_find(const char *name);

extern const or_reporter or_reporter_text;
extern const or_reporter or_reporter_json;
extern const or_reporter or_reporter_html;
extern const or_reporter or_reporter_junit;
extern const or_reporter or_reporter_sarif;
extern const or_reporter or_reporter_markdown;

/*
 * Reporters run side by side on one report (or_report_write_all), so they
 * never take a reference to its values (jansson's reference counts are
 * atomic, but its test for a singleton before each one is not): they read
 * it through report/read.h, whose lookups (or_report_rule_ids) hold
 * indices, not values.
 */

/* Text safe inside a Markdown table cell (the Markdown report, the diff):
 * no pipes, no line breaks, nothing GitHub would read as markup or HTML. */
void or_report_md_cell(or_buf *out, const char *s);
/* `s` as inline code when it is a plain identifier ([A-Za-z0-9._/-]),
 * else as an or_report_md_cell. */
void or_report_md_code(or_buf *out, const char *s);

/* A severity's weight: error 2, warning 1, notice 0; anything else (the
 * gate's "never") 3. */
int or_report_severity_rank(const char *name);

/* The summary's findings that do not count, ", 2 waived, 1 outside the
 * change" (each after `sep`; none when there are none). */
void or_report_put_excepted(or_buf *out, const or_report_summary_view *summary, const char *sep);

#endif
