/*
 * Reading the documents of a scan: each file the caller chose is read from
 * disk and parsed on one of a few threads (parsing is most of a scan's time
 * after the history, and documents do not depend on each other). The results
 * stay in the jobs, in the order given, so what the caller builds from them
 * is the same whatever the threads did. Which files are in scope is the
 * caller's to decide; a file that is not parsed says why.
 */
#ifndef OR_INPUT_READ_DOCUMENTS_H
#define OR_INPUT_READ_DOCUMENTS_H

#include <stdbool.h>
#include <stddef.h>

#include "input/document.h"
#include "input/files.h"
#include "opsready/common.h"

typedef enum or_skip_kind {
	OR_SKIP_SYMLINK = 0, /* symbolic links are never followed */
	OR_SKIP_TOO_LARGE,   /* larger than max_file_bytes */
	OR_SKIP_BINARY,      /* a NUL byte: not text */
	OR_SKIP_UNREADABLE,  /* could not be opened or read */
	OR_SKIP_UNTRACKED,   /* in a git work tree, not in the index (a full scan reads
				git-tracked files only; --since reads them as changes) */
	OR_SKIP_TOO_COSTLY   /* a shape cmark-gfm parses in quadratic time
				(input/markdown_guard.h) */
} or_skip_kind;

/* One file to read, and what came of it. The caller sets `file` (the rest
 * zero) and owns `doc` and `reason` afterwards. */
typedef struct or_read_job {
	const or_file *file;
	or_document *doc;      /* parsed, or NULL when skipped (or failed) */
	or_skip_kind skip;
	char *reason;          /* why it was skipped (malloc'd) */
	bool failed;           /* the parser could not be set up */
} or_read_job;

typedef struct or_read_options {
	const char *root;          /* the scanned root: a file is read at root/path */
	size_t max_file_bytes;     /* a larger file is skipped (OR_SKIP_TOO_LARGE) */
	bool tracked_only;         /* a file outside the git index is skipped
				      (OR_SKIP_UNTRACKED): a full scan of a git work tree */
	or_event_fn on_event;      /* one OR_EVENT_PROGRESS per document read, or NULL */
	void *event_data;
} or_read_options;

/* Read and parse the files of jobs[0..njobs), on several threads from two
 * jobs on. */
void or_documents_read(or_read_job *jobs, size_t njobs, const or_read_options *options);

#endif
