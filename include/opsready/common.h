/*
 * opsready public contract: version, exit codes and the diagnostics object
 * that every fallible function fills in.
 */
#ifndef OPSREADY_COMMON_H
#define OPSREADY_COMMON_H

#include <stddef.h>

#define OPSREADY_VERSION "0.1.0"

/* Exit codes of the command line (SPEC section 1). */
typedef enum or_exit {
	OR_EXIT_PASS = 0,    /* the gate passed */
	OR_EXIT_FAIL = 1,    /* the gate failed */
	OR_EXIT_USAGE = 2,   /* usage or configuration error */
	OR_EXIT_RUNTIME = 3  /* runtime error: repository unreadable, report not written */
} or_exit;

/*
 * A diagnostic: what went wrong, where, and which exit code it maps to.
 * Functions return 0 on success and -1 on failure with the diagnostic set.
 * `file` is empty and `line`/`column` are 0 where there is no location.
 */
typedef struct or_diag {
	or_exit code;
	char file[1024];
	int line;
	int column;
	char message[2048];
} or_diag;

#define OR_DIAG_INIT { OR_EXIT_PASS, "", 0, 0, "" }

/* Set a diagnostic; returns -1 so callers can `return or_diag_set(...)`. */
int or_diag_set(or_diag *diag, or_exit code, const char *file, int line, int column,
		const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* "file:line:column: message" (the parts that are known), into `out`. */
void or_diag_format(const or_diag *diag, char *out, size_t out_size);

#endif
