/*
 * The model's facts from git history: the history state, the walk for the
 * documents' last changes on a thread of its own, and the dating of contact
 * lines by a second walk that follows only those lines.
 */
#include "model/history_job.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/scope.h"
#include "util/alloc.h"
#include "util/buf.h"

const char *or_history_state_reason(or_history_state state)
{
	switch (state) {
	case OR_HISTORY_AVAILABLE:
		return "available";
	case OR_HISTORY_DISABLED:
		return "reading it is switched off by --no-history";
	case OR_HISTORY_NOT_GIT:
		return "not a git repository";
	case OR_HISTORY_NO_COMMITS:
		return "the repository has no commits yet";
	case OR_HISTORY_SHALLOW:
		return "this is a shallow clone, whose history is cut off; fetch it all with git fetch --unshallow";
	case OR_HISTORY_UNREADABLE:
		return "a commit on HEAD's history cannot be parsed (no e-mail, a timestamp out of range...); it was skipped, with the history behind it";
	}
	return "unknown";
}

static int compare_ints(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return x < y ? -1 : x > y;
}

/* The document a contact was found in (or_contacts_extract: c->file is doc->path), or NULL. */
static const or_model_doc *contact_doc(const or_model *model, const or_contact *c)
{
	size_t lo = 0, hi = model->ndocs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int cmp = strcmp(c->file, model->docs[mid].doc->path);

		if (cmp == 0)
			return model->docs[mid].doc->path == c->file ? &model->docs[mid] : NULL;
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* Contacts that git dates: found in a document, without a "(verified DATE)" note. */
static bool needs_date(const or_model *model, const or_contact *c)
{
	return c->verified_source == OR_VERIFIED_NONE && !c->invalid_verified &&
	       contact_doc(model, c) != NULL;
}

/* Why history cannot be read, or OR_HISTORY_AVAILABLE. */
or_history_state or_history_state_of(const or_file_list *files, bool disabled)
{
	if (disabled)
		return OR_HISTORY_DISABLED;
	if (!files->repo)
		return OR_HISTORY_NOT_GIT;
	if (!files->has_commit)
		return OR_HISTORY_NO_COMMITS;
	if (files->shallow)
		return OR_HISTORY_SHALLOW;
	return OR_HISTORY_AVAILABLE;
}

static void *last_changes(void *data)
{
	or_history_job *job = data;

	job->error = or_history_last_changes(&job->history, job->repo,
					     (const char *const *)job->paths, job->npaths,
					     job->answers, &job->diag);
	return NULL;
}

void or_history_job_start(or_history_job *job, const or_model *model)
{
	const or_file_list *files = &model->files;
	size_t i, cap = 0;

	memset(job, 0, sizeof(*job));
	if (model->history_state != OR_HISTORY_AVAILABLE)
		return;
	job->repo = files->repo;
	for (i = 0; i < files->nfiles; i++) {
		const or_file *file = &files->files[i];
		or_buf path = OR_BUF_INIT;

		/* an untracked file has no commit to find: asking for it would
		 * send the walk down to the root commit */
		if (!or_model_to_read(model, file) || file->symlink || !file->tracked)
			continue;
		/* pre-merge mode: a file changed in the work tree was changed now,
		 * which is all its checks ask; its last commit may lie deep in the
		 * history, and the gate must answer at once */
		if (model->since && file->changed)
			continue;
		if (job->npaths == cap) {
			cap = cap ? cap * 2 : 64;
			job->paths = or_xrealloc(job->paths, cap * sizeof(char *));
			job->rel = or_xrealloc(job->rel, cap * sizeof(char *));
		}
		or_buf_printf(&path, "%s%s", files->prefix, file->path);
		job->paths[job->npaths] = or_buf_detach(&path);
		job->rel[job->npaths++] = file->path;
	}
	job->answers = or_xcalloc(job->npaths + 1, sizeof(int));
	job->diag = (or_diag)OR_DIAG_INIT;
	job->started = job->npaths > 0 && pthread_create(&job->thread, NULL, last_changes, job) == 0;
}

/* A path the walk dated, and its place among the walk's answers. */
typedef struct dated_path {
	const char *path;
	size_t index;
} dated_path;

static int compare_dated(const void *a, const void *b)
{
	return strcmp(((const dated_path *)a)->path, ((const dated_path *)b)->path);
}

/* Waits for the walk (or runs it here, if no thread could be started). */
static int history_wait(or_history_job *job)
{
	if (job->done)
		return job->error;
	if (job->started)
		pthread_join(job->thread, NULL);
	else if (job->npaths)
		last_changes(job);
	job->done = true;
	return job->error;
}

void or_history_job_dispose(or_history_job *job)
{
	size_t i;

	history_wait(job);
	or_history_dispose(&job->history); /* unless moved into the model */
	for (i = 0; i < job->npaths; i++)
		free(job->paths[i]);
	free(job->paths);
	free(job->rel);
	free(job->answers);
}

/*
 * A review date written in the same commit as the edit is a review of it
 * (review.unreviewed-change): for each document whose last change is dated
 * after its review date, whether that commit wrote the review-date line.
 * Only those documents are read, one blob each.
 */
static void mark_review_commits(or_model *model)
{
	const or_rule *rule = or_ruleset_find(model->rules, "review.unreviewed-change");
	size_t i;

	if (!rule || !rule->enabled)
		return;
	for (i = 0; i < model->ndocs; i++) {
		or_model_doc *md = &model->docs[i];
		or_last_change *lc = &md->last_change;
		const or_kv *kv = md->meta[OR_META_LAST_UPDATED];
		const or_document *doc = md->doc;
		size_t start, end;
		or_buf path = OR_BUF_INIT;

		if (!lc->commit || lc->uncommitted || !kv || md->last_updated.status != OR_DATE_OK ||
		    or_date_from_unix(lc->commit->time) <= md->last_updated.date || kv->line < 1 ||
		    (size_t)kv->line > doc->nlines)
			continue;
		start = doc->line_starts[kv->line - 1];
		end = (size_t)kv->line < doc->nlines ? doc->line_starts[kv->line] : doc->source_len;
		if (start > end || end > doc->source_len)
			continue;
		while (end > start && (doc->source[end - 1] == '\n' || doc->source[end - 1] == '\r'))
			end--;
		or_buf_printf(&path, "%s%s", model->files.prefix, doc->path);
		lc->wrote_review = or_history_commit_wrote_line(model->files.repo, lc->commit,
								or_buf_cstr(&path),
								doc->source + start, end - start);
		or_buf_dispose(&path);
	}
}

/*
 * A commit libgit2 cannot parse (a hostile or damaged history) ends the
 * walk: the history is skipped, as a shallow clone's is, and
 * review.history-unavailable names the commit; the scan goes on. Dates
 * found before it are dropped too: what lies behind a commit that cannot
 * be read must not look recent.
 */
static int history_unreadable(or_model *model, const char *id)
{
	size_t i;

	model->history_state = OR_HISTORY_UNREADABLE;
	or_history_dispose(&model->history);
	memcpy(model->history.unreadable, id, sizeof model->history.unreadable);
	model->history.unreadable[sizeof model->history.unreadable - 1] = '\0';
	for (i = 0; i < model->ndocs; i++) {
		model->docs[i].last_change.known = false;
		model->docs[i].last_change.commit = NULL;
		model->docs[i].last_change.wrote_review = false;
	}
	return 0;
}

int or_model_read_history(or_model *model, or_history_job *job, or_diag *diag)
{
	const or_file_list *files = &model->files;
	const or_rule *stale = or_ruleset_find(model->rules, "contacts.stale");
	const char **paths = NULL;
	int *lines = NULL;
	or_line_request *requests = NULL;
	or_line_answer *line_answers = NULL;
	or_history line_history;
	dated_path *dated;
	size_t *request_of = NULL; /* per document: its request, or SIZE_MAX */
	size_t i, j, nrequests = 0, nlines = 0, d;
	int64_t cutoff = 0;
	int error = -1;

	memset(&line_history, 0, sizeof(line_history));
	if (model->history_state != OR_HISTORY_AVAILABLE)
		return 0;
	if (history_wait(job) != 0) {
		if (job->history.unreadable[0])
			return history_unreadable(model, job->history.unreadable);
		*diag = job->diag;
		return -1;
	}
	model->history = job->history;
	memset(&job->history, 0, sizeof(job->history));
	/* each document's answer, found by its path among the walk's (a document
	 * the walk did not date, changed in the work tree, has none) */
	dated = or_xmalloc((job->npaths + 1) * sizeof(*dated));
	for (j = 0; j < job->npaths; j++) {
		dated[j].path = job->rel[j];
		dated[j].index = j;
	}
	qsort(dated, job->npaths, sizeof(*dated), compare_dated);
	for (i = 0; i < model->ndocs; i++) {
		or_last_change *lc = &model->docs[i].last_change;
		dated_path key = { model->docs[i].doc->path, 0 };
		const dated_path *hit = bsearch(&key, dated, job->npaths, sizeof(*dated),
						compare_dated);
		int answer = hit ? job->answers[hit->index] : -1;

		lc->known = true;
		lc->commit = answer >= 0 ? &model->history.commits[answer] : NULL;
	}
	free(dated);
	mark_review_commits(model);
	if (!stale || !stale->enabled || model->ndocs == 0)
		return 0;

	paths = or_xcalloc(model->ndocs, sizeof(char *));
	request_of = or_xcalloc(model->ndocs, sizeof(size_t));
	for (i = 0; i < model->ndocs; i++) {
		or_buf path = OR_BUF_INIT;
		or_buf_printf(&path, "%s%s", files->prefix, model->docs[i].doc->path);
		paths[i] = or_buf_detach(&path);
		request_of[i] = SIZE_MAX;
	}

	/* the contact lines to date, for contacts.stale alone: ascending and unique per document */
	{
		size_t *count = or_xcalloc(model->ndocs, sizeof(size_t));
		size_t *offset = or_xcalloc(model->ndocs, sizeof(size_t));

		for (i = 0; i < model->ncontacts; i++)
			if (needs_date(model, &model->contacts[i]))
				count[contact_doc(model, &model->contacts[i]) - model->docs]++;
		for (d = 0; d < model->ndocs; d++) {
			offset[d] = nlines;
			nlines += count[d];
			if (count[d])
				nrequests++;
		}
		lines = or_xcalloc(nlines ? nlines : 1, sizeof(int));
		requests = or_xcalloc(nrequests ? nrequests : 1, sizeof(*requests));
		memset(count, 0, model->ndocs * sizeof(size_t));
		for (i = 0; i < model->ncontacts; i++) {
			const or_contact *c = &model->contacts[i];
			size_t doc;

			if (!needs_date(model, c))
				continue;
			doc = (size_t)(contact_doc(model, c) - model->docs);
			lines[offset[doc] + count[doc]++] = c->line;
		}
		nrequests = 0;
		nlines = 0;
		for (d = 0; d < model->ndocs; d++) {
			const or_model_doc *md = &model->docs[d];
			or_line_request *r;
			size_t k, n = 0;

			if (!count[d])
				continue;
			/* packed: this document's lines move down to nlines */
			memmove(lines + nlines, lines + offset[d], count[d] * sizeof(int));
			qsort(lines + nlines, count[d], sizeof(int), compare_ints);
			for (k = 0; k < count[d]; k++)
				if (n == 0 || lines[nlines + n - 1] != lines[nlines + k])
					lines[nlines + n++] = lines[nlines + k];
			request_of[d] = nrequests;
			r = &requests[nrequests++];
			r->path = d;
			r->lines = lines + nlines;
			r->nlines = n;
			r->data = md->last_change.uncommitted ? md->doc->source : NULL;
			r->len = md->last_change.uncommitted ? md->doc->source_len : 0;
			r->text_lines = (int)md->doc->nlines; /* the committed text, as read */
			nlines += n;
		}
		free(count);
		free(offset);
		line_answers = or_xcalloc(nlines ? nlines : 1, sizeof(*line_answers));
	}
	if (nrequests == 0) {
		error = 0;
		goto cleanup;
	}

	/* contacts.stale only asks whether a line is older than max_age_days:
	 * lines are followed back to that day, and no further */
	cutoff = ((int64_t)model->now - or_rule_param_int(stale, "max_age_days", 90)) * 86400;
	if (or_history_lines(&line_history, files->repo, paths, model->ndocs, requests, nrequests,
			     line_answers, cutoff, diag) != 0) {
		if (line_history.unreadable[0])
			error = history_unreadable(model, line_history.unreadable);
		goto cleanup;
	}
	for (i = 0; i < model->ncontacts; i++) {
		or_contact *c = &model->contacts[i];
		const or_line_request *r;
		const or_line_answer *a;
		const int *found;

		if (!needs_date(model, c))
			continue;
		r = &requests[request_of[contact_doc(model, c) - model->docs]];
		found = bsearch(&c->line, r->lines, r->nlines, sizeof(int), compare_ints);
		a = &line_answers[(size_t)(r->lines - lines) + (size_t)(found - r->lines)];
		if (!a->known)
			continue;
		c->verified_source = OR_VERIFIED_BLAME;
		c->uncommitted = a->uncommitted;
		if (a->uncommitted) {
			c->verified = model->now;
			c->commit[0] = '\0';
		} else if (a->older) {
			/* unchanged since before the cutoff: at least that old */
			c->older = true;
			c->verified = or_date_from_unix(cutoff) - 1;
			c->commit[0] = '\0';
		} else {
			const or_commit_info *commit = &line_history.commits[a->commit];
			c->verified = or_date_from_unix(commit->time);
			memcpy(c->commit, commit->id, sizeof(c->commit));
		}
	}
	error = 0;
cleanup:
	or_history_dispose(&line_history);
	for (i = 0; i < model->ndocs; i++)
		free((char *)paths[i]);
	free(paths);
	free(request_of);
	free(lines);
	free(requests);
	free(line_answers);
	return error;
}
