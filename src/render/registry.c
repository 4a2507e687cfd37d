#include <pthread.h>
#include <string.h>

#include "render/reporter.h"

/* Every format, in the order --help and errors list them; adding one is
 * one line here (and its declaration in reporter.h) and one file. */
static const or_reporter *const reporters[] = {
	&or_reporter_text,
	&or_reporter_json,
	&or_reporter_junit,
	&or_reporter_sarif,
	&or_reporter_markdown,
	&or_reporter_html,
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

static char format_list[256];

static void build_format_list(void)
{
	size_t i, used = 0;

	for (i = 0; reporters[i]; i++) {
		size_t n = strlen(reporters[i]->name);

		if (used + n + 3 > sizeof(format_list))
			break;
		if (i > 0) {
			memcpy(format_list + used, ", ", 2);
			used += 2;
		}
		memcpy(format_list + used, reporters[i]->name, n);
		used += n;
	}
	format_list[used] = '\0';
}

const char *or_report_format_list(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, build_format_list);
	return format_list;
}

bool or_report_format_known(const char *format)
{
	return or_reporter_find(format) != NULL;
}
