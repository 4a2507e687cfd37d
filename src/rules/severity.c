/* Severity names <-> values (rules/severity.h). */
#include "rules/severity.h"

#include <stddef.h>
#include <string.h>

#include "opsready/rules.h"

static const char *const severity_names[] = { "notice", "warning", "error", "never" };

const char *or_severity_name(or_severity severity)
{
	if ((int)severity < 0 || (size_t)severity >= sizeof(severity_names) / sizeof(severity_names[0]))
		return "unknown";
	return severity_names[severity];
}

int or_severity_parse(or_severity *out, const char *name)
{
	size_t i;

	if (!name)
		return -1;
	for (i = 0; i < sizeof(severity_names) / sizeof(severity_names[0]); i++) {
		if (strcmp(severity_names[i], name) == 0) {
			*out = (or_severity)i;
			return 0;
		}
	}
	return -1;
}

or_severity or_severity_of(const char *name, or_severity otherwise)
{
	or_severity severity;

	return or_severity_parse(&severity, name) == 0 ? severity : otherwise;
}

bool or_fail_on_known(const char *name)
{
	or_severity severity;

	return name && or_severity_parse(&severity, name) == 0;
}
