/*
 * libFuzzer harness: path globs. The bytes are "PATTERN\nPATH" (no newline:
 * the pattern is matched against itself); or_glob_validate judges the
 * pattern and or_glob_match matches it, in time linear enough for the
 * fuzzer's timeout whatever the stars and braces.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "util/glob.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *pattern = malloc(size + 1);
	const char *path, *why = NULL;
	char *newline;

	require(pattern != NULL);
	memcpy(pattern, data, size);
	pattern[size] = '\0';
	newline = strchr(pattern, '\n');
	if (newline) {
		*newline = '\0';
		path = newline + 1;
	} else {
		path = pattern;
	}
	if (or_glob_validate(pattern, &why) != 0)
		require(why != NULL && why[0] != '\0');
	(void)or_glob_match(pattern, path);
	/* a literal path with no special characters matches itself */
	if (!strpbrk(path, "*?[]{}\\") && path[0] != '\0')
		require(or_glob_match(path, path));
	free(pattern);
	return 0;
}
