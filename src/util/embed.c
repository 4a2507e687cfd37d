#include "util/embed.h"

#include <string.h>

const or_embedded_file *or_embedded_find(const or_embedded_file *table, const char *name)
{
	for (; table->name; table++)
		if (strcmp(table->name, name) == 0)
			return table;
	return NULL;
}
