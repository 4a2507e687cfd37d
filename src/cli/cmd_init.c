/* opsready init [PATH]: a starter .opsready.yml, never over an existing one. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

int or_cmd_init(int argc, char **argv)
{
	or_diag diag = OR_DIAG_INIT;
	char written[PATH_MAX];

	if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		puts("Usage: opsready init [PATH]\n\n"
		     "Write a starter .opsready.yml into PATH (default .). An existing file\n"
		     "is never overwritten.");
		return OR_EXIT_PASS;
	}
	if (argc > 2)
		return or_cli_usage_error("init", "one PATH only");
	if (or_init_write(argc == 2 ? argv[1] : ".", written, sizeof(written), &diag) != 0)
		return or_cli_error(&diag);
	printf("wrote %s\n", written);
	return OR_EXIT_PASS;
}
