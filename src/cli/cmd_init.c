/* opsready init [--dry-run] [PATH]: a .opsready.yml that fits the repository,
 * never over an existing one; --dry-run prints it instead. */
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int or_cmd_init(int argc, char **argv)
{
	or_diag diag = OR_DIAG_INIT;
	char written[PATH_MAX];
	const char *path = NULL;
	bool dry_run = false;
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			puts("Usage: opsready init [--dry-run] [PATH]\n\n"
			     "Read the repository at PATH (default .) and write a .opsready.yml that\n"
			     "fits it: the folders that hold runbooks, the pack their headings match,\n"
			     "the metadata keys in use and the folders not to scan, each line\n"
			     "commented with what was found. An existing file is never overwritten.\n\n"
			     "  --dry-run   print the config instead of writing it");
			return OR_EXIT_PASS;
		}
		if (strcmp(argv[i], "--dry-run") == 0)
			dry_run = true;
		else if (argv[i][0] == '-' && argv[i][1])
			return or_cli_usage_error("init", "unknown option");
		else if (path)
			return or_cli_usage_error("init", "one PATH only");
		else
			path = argv[i];
	}
	if (!path)
		path = ".";
	if (dry_run) {
		char *text = NULL;
		if (or_init_render(&text, path, &diag) != 0)
			return or_cli_error(&diag);
		fputs(text, stdout);
		free(text);
		return OR_EXIT_PASS;
	}
	if (or_init_write(path, written, sizeof(written), &diag) != 0)
		return or_cli_error(&diag);
	printf("wrote %s\n", written);
	return OR_EXIT_PASS;
}
