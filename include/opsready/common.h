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

/*
 * What a scan or a render reports as it goes, for a front end to draw: the
 * library itself prints nothing. A callback may be called from several
 * threads at once (documents are read in parallel), so it must be
 * thread-safe; it must not call back into the library.
 */
typedef enum or_event_kind {
	OR_EVENT_PROGRESS = 0, /* one more document read: `done` of `total` */
	OR_EVENT_PHASE         /* a phase ended: `phase`, its time and memory */
} or_event_kind;

typedef struct or_event {
	or_event_kind kind;
	size_t done, total;          /* OR_EVENT_PROGRESS */
	const char *phase;           /* OR_EVENT_PHASE: "list files", "json", ... */
	double seconds;              /* the phase's wall time */
	double total_seconds;        /* since the scan or the write began */
	long peak_mb;                /* the process's peak resident memory */
	long heap_mb, mapped_mb;     /* resident now: heap, mapped files; -1 unknown */
} or_event;

typedef void (*or_event_fn)(const or_event *event, void *data);

/*
 * The library's process-wide set-up, done once however often it is called
 * (or_scan calls it): libgit2 is initialised and never shut down, and its
 * process-wide options are set for how opsready reads repositories — each
 * object is read once, so the object cache is off and object hashes are not
 * re-verified; pack windows are small (16 MiB, at most 64 MiB mapped), so a
 * long history walk does not keep every page it touched. An embedder that
 * uses libgit2 for its own purposes gets these settings too.
 */
void or_library_init(void);

/* `s` as the text report prints a value from a repository or a pack: control
 * characters, line breaks, bidi overrides and invalid UTF-8 as escapes, and a
 * leading "::" defused (see README "Security model"). malloc'd; "" for NULL. */
char *or_escape_for_terminal(const char *s);

/* Set a diagnostic; returns -1 so callers can `return or_diag_set(...)`. */
int or_diag_set(or_diag *diag, or_exit code, const char *file, int line, int column,
		const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* The diagnostic as a compiler writes one, "file:line:column: error:
 * message" (the parts that are known), or "opsready: error: message" when
 * it has no file, into `out`; OR_DIAG_FORMAT_SIZE holds any. */
#define OR_DIAG_FORMAT_SIZE (sizeof(((or_diag *)0)->file) + sizeof(((or_diag *)0)->message) + 64)
void or_diag_format(const or_diag *diag, char *out, size_t out_size);

#endif
