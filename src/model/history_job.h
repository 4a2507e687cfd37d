/*
 * What the model takes from git history: why history cannot be read, the
 * walk for the documents' last changes (a job on a thread of its own), and
 * the dates of the contact lines. Private to model/; or_model_build drives it.
 */
#ifndef OR_MODEL_HISTORY_JOB_H
#define OR_MODEL_HISTORY_JOB_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

#include <git2.h>

#include "input/files.h"
#include "input/history.h"
#include "model/model.h"
#include "opsready/common.h"

/*
 * The walk for the documents' last changes runs on a thread of its own
 * while the documents, records and contacts are read: none of that uses
 * libgit2, which the walk tunes process-wide (see or_history_walk). Its
 * paths are every file that may become a document; those that do not (a
 * binary file, say) cost the walk little. In pre-merge mode a document
 * changed in the work tree is not dated by a commit (its report shows it
 * uncommitted, with no last commit).
 */
typedef struct or_history_job {
	git_repository *repo;
	char **paths;      /* the repository's prefix and the file's path */
	const char **rel;  /* the file's path, as documents have it */
	size_t npaths;
	int *answers;
	or_history history;
	or_diag diag;
	int error;
	pthread_t thread;
	bool started, done;
} or_history_job;

/* Why history cannot be read, or OR_HISTORY_AVAILABLE. */
or_history_state or_history_state_of(const or_file_list *files, bool disabled);

/* Start the walk over the files the model will read (model->files, scope and
 * history_state set); nothing to do unless history is available. */
void or_history_job_start(or_history_job *job, const or_model *model);
/* Waits for the walk, then frees what the model did not take. */
void or_history_job_dispose(or_history_job *job);

/*
 * From the history: the last change of every document (the walk started by
 * or_history_job_start), and the date of every contact line without a
 * "(verified DATE)" note (its last change, as `git blame --first-parent` has
 * it; changed now when it differs from HEAD), from a second walk that follows
 * only those lines. Where there is no history to read, history_state says
 * why, no document has a known last change and no contact a date.
 * Runs after the contacts are read.
 */
int or_model_read_history(or_model *model, or_history_job *job, or_diag *diag);

#endif
