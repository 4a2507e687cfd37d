/*
 * Files compiled into the binary by cmake/Embed.cmake: the rule packs and
 * the templates, so that opsready works with nothing installed.
 */
#ifndef OR_UTIL_EMBED_H
#define OR_UTIL_EMBED_H

#include <stddef.h>

typedef struct or_embedded_file {
	const char *name;          /* "business-continuity", "report.html" */
	const unsigned char *data; /* NUL-terminated */
	size_t size;               /* without the NUL */
} or_embedded_file;

/* The tables, each ending with an entry whose name is NULL. */
extern const or_embedded_file or_packs_files[];
extern const or_embedded_file or_templates_files[];

/* The entry called `name` in `table`, or NULL. */
const or_embedded_file *or_embedded_find(const or_embedded_file *table, const char *name);

#endif
