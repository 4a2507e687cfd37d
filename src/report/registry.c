#include <string.h>

#include "report/reporter.h"

/* Every format; adding one is one line here and one file. */
static const or_reporter *const reporters[] = {
	&or_reporter_text,
	&or_reporter_json,
	&or_reporter_html,
	&or_reporter_junit,
	&or_reporter_sarif,
	&or_reporter_markdown,
	NULL,
};

const or_reporter *or_reporter_find(const char *name)
{
	size_t i;

	for (i = 0; reporters[i]; i++)
		if (strcmp(reporters[i]->name, name) == 0)
			return reporters[i];
	return NULL;
}

const char *or_report_format_list(void)
{
	return "text, json, junit, sarif, markdown, html";
}

bool or_report_format_known(const char *format)
{
	return or_reporter_find(format) != NULL;
}
