/*
 * Reading the documents of a scan from disk, in parallel: the bytes of each
 * file, the reasons a file is skipped (a symbolic link, untracked, too large,
 * unreadable, binary, a shape cmark-gfm would take too long on) and the
 * parse into a document.
 */
#include "input/read_documents.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "input/markdown_guard.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/parallel.h"

typedef struct read_queue {
	const or_read_options *options;
	or_read_job *jobs;
	size_t njobs;
	atomic_size_t next, done;
	or_event_fn on_event;      /* progress, or NULL */
	void *event_data;
	size_t total;
} read_queue;

static void read_one(const or_read_options *options, or_read_job *job)
{
	const or_file *file = job->file;
	or_diag read_diag = OR_DIAG_INIT;
	or_read_status status;
	or_buf full = OR_BUF_INIT, reason = OR_BUF_INIT, why = OR_BUF_INIT;
	char *data = NULL;
	size_t len = 0;
	const char *nul;

	if (file->symlink) {
		job->skip = OR_SKIP_SYMLINK;
		job->reason = or_xstrdup("symbolic link, not followed");
		return;
	}
	if (options->tracked_only && !file->tracked) {
		job->skip = OR_SKIP_UNTRACKED;
		job->reason = or_xstrdup("untracked: git add it to have it scanned");
		return;
	}
	or_buf_printf(&full, "%s/%s", options->root, file->path);
	if (or_fs_read(&data, &len, &status, full.ptr, options->max_file_bytes, 0,
		       OR_EXIT_RUNTIME, &read_diag) != 0) {
		job->skip = OR_SKIP_UNREADABLE;
		job->reason = or_xstrdup(read_diag.message);
	} else if (status == OR_READ_TOO_LARGE) {
		or_buf_printf(&reason, "larger than max_file_bytes (%zu > %zu bytes)", len,
			      options->max_file_bytes);
		job->skip = OR_SKIP_TOO_LARGE;
		job->reason = or_buf_detach(&reason);
	} else if (status == OR_READ_NOT_REGULAR) {
		job->skip = OR_SKIP_UNREADABLE;
		job->reason = or_xstrdup("not a regular file");
	} else if ((nul = memchr(data, '\0', len)) != NULL) {
		or_buf_printf(&reason, "binary file (NUL byte at offset %zu)", (size_t)(nul - data));
		job->skip = OR_SKIP_BINARY;
		job->reason = or_buf_detach(&reason);
	} else if (or_markdown_too_costly(data, len, &why)) {
		or_buf_printf(&reason, "not parsed: cmark-gfm takes quadratic time on this shape: %s",
			      or_buf_cstr(&why));
		job->skip = OR_SKIP_TOO_COSTLY;
		job->reason = or_buf_detach(&reason);
	} else if (or_document_parse(&job->doc, file->path, data, len) != 0) {
		job->failed = true;
	}
	free(data);
	or_buf_dispose(&full);
	or_buf_dispose(&reason);
	or_buf_dispose(&why);
}

static void *read_worker(void *data)
{
	read_queue *q = data;
	size_t i;

	while ((i = atomic_fetch_add(&q->next, 1)) < q->njobs) {
		read_one(q->options, &q->jobs[i]);
		if (q->on_event) {
			or_event event = { OR_EVENT_PROGRESS, 0, q->total, NULL, 0, 0, 0, 0, 0 };

			event.done = atomic_fetch_add(&q->done, 1) + 1;
			q->on_event(&event, q->event_data);
		}
	}
	return NULL;
}

/* At most this many threads besides the caller read documents. */
#define OR_READ_THREADS 3

void or_documents_read(or_read_job *jobs, size_t njobs, const or_read_options *options)
{
	read_queue q;

	memset(&q, 0, sizeof(q));
	q.options = options;
	q.on_event = options->on_event;
	q.event_data = options->event_data;
	q.jobs = jobs;
	q.njobs = njobs;
	q.total = q.njobs;
	atomic_init(&q.next, 0);
	atomic_init(&q.done, 0);
	or_document_init(); /* cmark-gfm's extensions, registered once, before the threads */
	/* from two documents on: a thread costs microseconds, and small
	 * repositories (the tests' fixtures) take the same path as large ones */
	or_parallel(read_worker, &q, q.njobs < 2 ? 0 : OR_READ_THREADS);
}
