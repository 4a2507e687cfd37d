/*
 * What every libFuzzer harness of this folder shares: the entry point
 * libFuzzer calls, and require(), which turns a broken invariant into a
 * crash so that libFuzzer keeps the input.
 */
#ifndef OR_TESTS_FUZZ_H
#define OR_TESTS_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define require(ok) or_fuzz_require((ok), #ok, __FILE__, __LINE__)

static inline void or_fuzz_require(bool ok, const char *what, const char *file, int line)
{
	if (!ok) {
		fprintf(stderr, "%s:%d: invariant broken: %s\n", file, line, what);
		abort();
	}
}

#endif
