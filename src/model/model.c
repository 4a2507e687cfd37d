#include "model/model.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/glob.h"
#include "util/parallel.h"
#include "util/text.h"

static const char *const meta_key_names[OR_META__COUNT] = {
	"last_updated", "next_review", "owner", "version", "status", "approval", "review_period",
};

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
	}
	return "unknown";
}

const char *or_meta_key_name(or_meta_key key)
{
	return key < OR_META__COUNT ? meta_key_names[key] : "?";
}

int or_meta_key_parse(or_meta_key *out, const char *name)
{
	int i;

	for (i = 0; i < OR_META__COUNT; i++) {
		if (strcmp(meta_key_names[i], name) == 0) {
			*out = (or_meta_key)i;
			return 0;
		}
	}
	return -1;
}

/* Lookup keys of each metadata alias, built once per scan. */
typedef struct alias_table {
	char **keys[OR_META__COUNT];
	size_t nkeys[OR_META__COUNT];
} alias_table;

static void alias_table_init(alias_table *table, const json_t *settings)
{
	const json_t *aliases = json_object_get(settings, "metadata_aliases");
	or_buf key = OR_BUF_INIT;
	int m;

	memset(table, 0, sizeof(*table));
	for (m = 0; m < OR_META__COUNT; m++) {
		const json_t *list = json_object_get(aliases, meta_key_names[m]);
		size_t i, n = json_array_size(list);

		table->keys[m] = or_xcalloc(n + 1, sizeof(char *));
		for (i = 0; i < n; i++) {
			const char *alias = json_string_value(json_array_get(list, i));
			if (!alias)
				continue;
			or_buf_clear(&key);
			or_text_key(&key, alias, strlen(alias));
			table->keys[m][table->nkeys[m]++] = or_xstrdup(or_buf_cstr(&key));
		}
	}
	or_buf_dispose(&key);
}

static void alias_table_dispose(alias_table *table)
{
	int m;
	size_t i;

	for (m = 0; m < OR_META__COUNT; m++) {
		for (i = 0; i < table->nkeys[m]; i++)
			free(table->keys[m][i]);
		free(table->keys[m]);
	}
}

static int meta_key_of(const alias_table *table, const char *key_text)
{
	int m;
	size_t i;

	for (m = 0; m < OR_META__COUNT; m++)
		for (i = 0; i < table->nkeys[m]; i++)
			if (strcmp(table->keys[m][i], key_text) == 0)
				return m;
	return -1;
}

static int source_rank(const or_kv *kv)
{
	switch (kv->source) {
	case OR_KV_FRONT_MATTER:
		return 0;
	case OR_KV_LABEL:
		return 1;
	case OR_KV_TABLE:
		return 2;
	}
	return 3;
}

static void read_date(or_meta_date *out, const or_kv *kv, or_date_order order)
{
	out->derived = false;
	if (!kv) {
		out->status = OR_DATE_NOT_FOUND;
		return;
	}
	out->status = or_date_parse(&out->date, kv->value, strlen(kv->value), order, NULL);
}

static void resolve_metadata(or_model_doc *md, const alias_table *aliases, or_date_order order)
{
	const or_document *doc = md->doc;
	or_buf key = OR_BUF_INIT;
	size_t i;

	for (i = 0; i < doc->nkvs; i++) {
		const or_kv *kv = &doc->kvs[i];
		int m;

		/* Key/value lines in lists are contacts, escalation levels and the
		 * like, not facts about the document. */
		if (kv->in_list)
			continue;
		or_buf_clear(&key);
		or_text_key(&key, kv->key, strlen(kv->key));
		m = meta_key_of(aliases, or_buf_cstr(&key));
		if (m < 0)
			continue;
		if (!md->meta[m] || source_rank(kv) < source_rank(md->meta[m]))
			md->meta[m] = kv;
	}
	or_buf_dispose(&key);

	read_date(&md->last_updated, md->meta[OR_META_LAST_UPDATED], order);
	read_date(&md->next_review, md->meta[OR_META_NEXT_REVIEW], order);
	if (!md->meta[OR_META_NEXT_REVIEW] && md->meta[OR_META_REVIEW_PERIOD] &&
	    md->last_updated.status == OR_DATE_OK) {
		or_period period;
		if (or_period_parse(&period, md->meta[OR_META_REVIEW_PERIOD]->value) == 0) {
			md->next_review.status = OR_DATE_OK;
			md->next_review.date = or_date_add_period(md->last_updated.date, period);
			md->next_review.derived = true;
		}
	}
}

static bool match_any(char *const *globs, size_t n, const char *path)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (or_glob_match(globs[i], path))
			return true;
	return false;
}

static bool match_any_json(const json_t *globs, const char *path)
{
	size_t i;

	for (i = 0; i < json_array_size(globs); i++) {
		const char *glob = json_string_value(json_array_get(globs, i));
		if (glob && or_glob_match(glob, path))
			return true;
	}
	return false;
}

static bool in_scope(const or_config *config, const char *path);

/* A file the scan reads: in scope and, in pre-merge mode, in the change
 * (a flag, tested before any glob). */
static bool to_read(const or_model *model, const or_file *file)
{
	return (!model->since || file->in_change) && in_scope(model->config, file->path);
}

static bool in_scope(const or_config *config, const char *path)
{
	if (config->ninclude) {
		if (!match_any(config->include, config->ninclude, path))
			return false;
	} else if (!or_glob_match("**/*.md", path)) {
		return false;
	}
	return !match_any(config->exclude, config->nexclude, path);
}

static bool is_runbook(const or_model *model, const or_document *doc)
{
	if (doc->type)
		return or_text_key_equal(doc->type, "runbook");
	if (model->config->has_runbook_paths)
		return match_any(model->config->runbook_paths, model->config->nrunbook_paths,
				 doc->path);
	return match_any_json(json_object_get(model->rules->settings, "runbook_paths"),
			      doc->path);
}

static void add_skipped(or_model *model, size_t *cap, const char *path, or_skip_kind kind,
			const char *reason)
{
	or_skipped_file *s;

	model->skipped = or_xgrow(model->skipped, cap, model->nskipped + 1, sizeof(*s));
	s = &model->skipped[model->nskipped++];
	s->path = or_xstrdup(path);
	s->kind = kind;
	s->reason = or_xstrdup(reason);
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
static or_history_state history_state_of(const or_file_list *files, bool disabled)
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

/*
 * The walk for the documents' last changes runs on a thread of its own
 * while the documents, records and contacts are read: none of that uses
 * libgit2, which the walk tunes process-wide (see or_history_walk). Its
 * paths are every file that may become a document; those that do not (a
 * binary file, say) cost the walk little. In pre-merge mode a document
 * changed in the work tree is not dated by a commit (its report shows it
 * uncommitted, with no last commit).
 */
typedef struct history_job {
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
} history_job;

static void *last_changes(void *data)
{
	history_job *job = data;

	job->error = or_history_last_changes(&job->history, job->repo,
					     (const char *const *)job->paths, job->npaths,
					     job->answers, &job->diag);
	return NULL;
}

static void history_start(history_job *job, const or_model *model)
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
		if (!to_read(model, file) || file->symlink || !file->tracked)
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
static int history_wait(history_job *job)
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

static void history_job_dispose(history_job *job)
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
 * From the history: the last change of every document (the walk started by
 * history_start), and the date of every contact line without a "(verified
 * DATE)" note (its last change, as `git blame --first-parent` has it;
 * changed now when it differs from HEAD), from a second walk that follows
 * only those lines. Where there is no history to read, history_state says
 * why, no document has a known last change and no contact a date.
 * Runs after read_contacts.
 */
static int read_history(or_model *model, history_job *job, or_diag *diag)
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
			     line_answers, cutoff, diag) != 0)
		goto cleanup;
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

/* The drill log records drills that took place: one dated after today is a
 * mistake in opsready's own records (exit 2), never silently left out. */
static int drills_took_place(const or_model *model, const char *path, or_diag *diag)
{
	size_t i;
	char when[11], today[11];

	for (i = 0; i < model->drill_log.ndrills; i++) {
		const or_drill *d = &model->drill_log.drills[i];

		if (d->date <= model->now)
			continue;
		or_date_format(d->date, when);
		or_date_format(model->now, today);
		return or_diag_set(diag, OR_EXIT_USAGE, path, d->line, 0,
				   "the %s drill is dated %s, after today (%s): the drill log records drills that took place",
				   d->type, when, today);
	}
	return 0;
}

/* Escalation levels of every document, then the training matrix and the
 * drill record from the records the config names. */
static int read_records(or_model *model, or_diag *diag)
{
	const or_config *config = model->config;
	or_escalation_level *all = NULL;
	size_t cap = 0, d;

	for (d = 0; d < model->ndocs; d++) {
		or_escalation_level *levels;
		size_t n = or_escalation_extract(&levels, model->arena, model->docs[d].doc);
		all = or_xgrow(all, &cap, model->nescalation + n, sizeof(*all));
		if (n)
			memcpy(all + model->nescalation, levels, n * sizeof(*levels));
		model->nescalation += n;
	}
	if (model->nescalation) {
		model->escalation = or_arena_alloc(model->arena,
						   model->nescalation * sizeof(*model->escalation));
		memcpy(model->escalation, all, model->nescalation * sizeof(*all));
	}
	free(all);

	if (config->training_path) {
		if (or_training_load(&model->training_records, model->root, config->training_path,
				     config->date_order, diag) != 0)
			return -1;
		model->has_training = true;
		or_training_build(&model->training, model->arena, &model->training_records,
				  model->rules, model->escalation, model->nescalation, model->now);
	}
	if (config->drills_path) {
		if (or_drills_load(&model->drill_log, model->root, config->drills_path,
				   config->date_order, diag) != 0)
			return -1;
		model->has_drills = true;
		if (model->drill_log.nproblems) {
			const or_record_problem *p = &model->drill_log.problems[0];
			if (model->drill_log.nproblems > 1)
				return or_diag_set(diag, OR_EXIT_USAGE, config->drills_path, p->line,
						   p->column, "%s (and %zu more problems in the drill log)",
						   p->message, model->drill_log.nproblems - 1);
			return or_diag_set(diag, OR_EXIT_USAGE, config->drills_path, p->line,
					   p->column, "%s", p->message);
		}
		if (drills_took_place(model, config->drills_path, diag) != 0)
			return -1;
		or_drill_record_build(&model->drills, model->arena, &model->drill_log, model->rules,
				      model->now);
	}
	return 0;
}

/*
 * Contacts of the registry and of every document. Lines without a
 * "(verified DATE)" note get their date from the history (read_history).
 */
static int read_contacts(or_model *model, or_diag *diag)
{
	const json_t *headings = json_object_get(model->rules->settings, "contact_headings");
	const char **words = or_xcalloc(json_array_size(headings) + 1, sizeof(char *));
	size_t nwords = 0, cap = 0, d, i;
	int error = -1;

	for (i = 0; i < json_array_size(headings); i++)
		if (json_is_string(json_array_get(headings, i)))
			words[nwords++] = json_string_value(json_array_get(headings, i));
	if (model->config->contacts_path) {
		if (or_contacts_registry_load(&model->contacts, &model->ncontacts, &cap, model->arena,
					      model->root, model->config->contacts_path,
					      model->config->date_order, diag) != 0)
			goto cleanup;
		model->has_contacts_registry = true;
	}
	for (d = 0; d < model->ndocs; d++)
		or_contacts_extract(&model->contacts, &model->ncontacts, &cap, model->arena,
				    model->docs[d].doc, words, nwords, model->config->date_order);
	error = 0;
cleanup:
	free(words);
	return error;
}

/*
 * Reading the documents: each file in scope is read and parsed on one of a
 * few threads (parsing is most of a scan's time after the history, and
 * documents do not depend on each other); the results are then taken in
 * the order of the files, so the model is the same whatever the threads did.
 */
typedef struct read_job {
	const or_file *file;
	or_document *doc;      /* parsed, or NULL when skipped (or failed) */
	or_skip_kind skip;
	char *reason;          /* why it was skipped (malloc'd) */
	bool failed;           /* the parser could not be set up */
} read_job;

typedef struct read_queue {
	const or_model *model;
	read_job *jobs;
	size_t njobs;
	atomic_size_t next, done;
	or_event_fn on_event;      /* progress, or NULL */
	void *event_data;
	size_t total;
} read_queue;

static void read_one(const or_model *model, read_job *job)
{
	const or_file *file = job->file;
	or_diag read_diag = OR_DIAG_INIT;
	or_read_status status;
	or_buf full = OR_BUF_INIT, reason = OR_BUF_INIT;
	char *data = NULL;
	size_t len = 0;
	const char *nul;

	if (file->symlink) {
		job->skip = OR_SKIP_SYMLINK;
		job->reason = or_xstrdup("symbolic link, not followed");
		return;
	}
	if (model->files.repo && !model->since && !file->tracked) {
		job->skip = OR_SKIP_UNTRACKED;
		job->reason = or_xstrdup("untracked: git add it to have it scanned");
		return;
	}
	or_buf_printf(&full, "%s/%s", model->root, file->path);
	if (or_fs_read(&data, &len, &status, full.ptr, model->config->max_file_bytes, 0,
		       OR_EXIT_RUNTIME, &read_diag) != 0) {
		job->skip = OR_SKIP_UNREADABLE;
		job->reason = or_xstrdup(read_diag.message);
	} else if (status == OR_READ_TOO_LARGE) {
		or_buf_printf(&reason, "larger than max_file_bytes (%zu > %zu bytes)", len,
			      model->config->max_file_bytes);
		job->skip = OR_SKIP_TOO_LARGE;
		job->reason = or_buf_detach(&reason);
	} else if (status == OR_READ_NOT_REGULAR) {
		job->skip = OR_SKIP_UNREADABLE;
		job->reason = or_xstrdup("not a regular file");
	} else if ((nul = memchr(data, '\0', len)) != NULL) {
		or_buf_printf(&reason, "binary file (NUL byte at offset %zu)", (size_t)(nul - data));
		job->skip = OR_SKIP_BINARY;
		job->reason = or_buf_detach(&reason);
	} else if (or_document_parse(&job->doc, file->path, data, len) != 0) {
		job->failed = true;
	}
	free(data);
	or_buf_dispose(&full);
	or_buf_dispose(&reason);
}

static void *read_worker(void *data)
{
	read_queue *q = data;
	size_t i;

	while ((i = atomic_fetch_add(&q->next, 1)) < q->njobs) {
		read_one(q->model, &q->jobs[i]);
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

static int read_documents(or_model *out, const alias_table *aliases,
			  const or_model_options *options, or_diag *diag)
{
	read_queue q;
	size_t i, docs_cap = 0, skipped_cap = 0;
	int error = 0;

	memset(&q, 0, sizeof(q));
	q.model = out;
	q.on_event = options ? options->on_event : NULL;
	q.event_data = options ? options->event_data : NULL;
	q.jobs = or_xcalloc(out->files.nfiles + 1, sizeof(*q.jobs));
	for (i = 0; i < out->files.nfiles; i++)
		if (to_read(out, &out->files.files[i]))
			q.jobs[q.njobs++].file = &out->files.files[i];
	q.total = q.njobs;
	atomic_init(&q.next, 0);
	atomic_init(&q.done, 0);
	or_document_init(); /* cmark-gfm's extensions, registered once, before the threads */
	/* from two documents on: a thread costs microseconds, and small
	 * repositories (the tests' fixtures) take the same path as large ones */
	or_parallel(read_worker, &q, q.njobs < 2 ? 0 : OR_READ_THREADS);

	for (i = 0; i < q.njobs; i++) {
		read_job *job = &q.jobs[i];
		or_model_doc *md;

		if (job->failed && !error) {
			or_diag_set(diag, OR_EXIT_RUNTIME, job->file->path, 0, 0,
				    "the Markdown parser could not be set up");
			error = -1;
		}
		if (error || job->failed) {
			or_document_free(job->doc);
		} else if (!job->doc) {
			add_skipped(out, &skipped_cap, job->file->path, job->skip, job->reason);
		} else {
			out->docs = or_xgrow(out->docs, &docs_cap, out->ndocs + 1, sizeof(*md));
			md = &out->docs[out->ndocs++];
			memset(md, 0, sizeof(*md));
			md->doc = job->doc;
			md->is_runbook = is_runbook(out, job->doc);
			md->last_change.uncommitted = job->file->changed;
			resolve_metadata(md, aliases, out->config->date_order);
		}
		free(job->reason);
	}
	free(q.jobs);
	return error;
}

int or_model_build(or_model *out, const char *root, const or_config *config,
		   const or_ruleset *rules, or_date now, const or_model_options *options,
		   or_diag *diag)
{
	alias_table aliases;
	history_job history;
	or_timing *timing = options ? options->timing : NULL;
	size_t i;
	int error = -1;

	memset(out, 0, sizeof(*out));
	memset(&history, 0, sizeof(history));
	out->root = root;
	out->config = config;
	out->rules = rules;
	out->now = now;
	out->arena = or_arena_new();
	if (or_files_list(&out->files, root, diag) != 0) {
		or_arena_free(out->arena);
		out->arena = NULL;
		return -1;
	}
	or_timing_mark(timing, "list files");
	alias_table_init(&aliases, rules->settings);
	if (options && options->since) {
		out->since = options->since;
		if (or_files_mark_since(&out->files, options->since, out->merge_base, diag) != 0)
			goto cleanup;
		for (i = 0; i < out->files.nfiles; i++)
			out->changed_files += out->files.files[i].in_change;
	}

	out->history_state = history_state_of(&out->files, options && options->no_history);
	history_start(&history, out);

	if (read_documents(out, &aliases, options, diag) != 0)
		goto cleanup;
	or_timing_mark(timing, "read documents");
	if (read_records(out, diag) != 0 || read_contacts(out, diag) != 0)
		goto cleanup;
	or_timing_mark(timing, "records, contacts");
	/* the walk started above dates the documents; one more, their contact lines */
	if (read_history(out, &history, diag) != 0)
		goto cleanup;
	/* what the scan needs of git is read: its pack windows, indexes and
	 * caches need not stay in memory through the checks and the report */
	or_file_list_close_repository(&out->files);
	or_timing_mark(timing, "history");
	error = 0;
cleanup:
	history_job_dispose(&history);
	alias_table_dispose(&aliases);
	if (error)
		or_model_dispose(out);
	return error;
}

void or_model_dispose(or_model *model)
{
	size_t i;

	for (i = 0; i < model->ndocs; i++)
		or_document_free(model->docs[i].doc);
	free(model->docs);
	for (i = 0; i < model->nskipped; i++) {
		free(model->skipped[i].path);
		free(model->skipped[i].reason);
	}
	free(model->skipped);
	or_history_dispose(&model->history);
	free(model->contacts);
	or_training_dispose(&model->training_records);
	or_drills_dispose(&model->drill_log);
	or_arena_free(model->arena);
	or_file_list_dispose(&model->files);
	memset(model, 0, sizeof(*model));
}

bool or_model_in_change(const or_model *model, const char *file)
{
	const or_file *f;

	if (!model->since)
		return true;
	f = file ? or_files_find(&model->files, file) : NULL;
	return f && f->in_change;
}

const or_model_doc *or_model_find_doc(const or_model *model, const char *path)
{
	size_t lo = 0, hi = model->ndocs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(model->docs[mid].doc->path, path);
		if (c == 0)
			return &model->docs[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

bool or_model_rule_applies(const or_model_doc *doc, const or_rule *rule,
			   bool default_runbooks_only)
{
	const json_t *applies = json_object_get(rule->params, "applies_to");

	if (json_is_string(applies)) {
		const char *s = json_string_value(applies);
		if (strcmp(s, "all") == 0)
			return true;
		if (strcmp(s, "runbooks") == 0)
			return doc->is_runbook;
		return or_glob_match(s, doc->doc->path);
	}
	if (json_is_array(applies))
		return match_any_json(applies, doc->doc->path);
	return default_runbooks_only ? doc->is_runbook : true;
}
