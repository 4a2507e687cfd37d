/*
 * Building the model of one scan: the files are listed, the documents in
 * scope are read (by the input stage) and given their metadata and kind,
 * the records and contacts are read and turned into the readiness facts,
 * and the history dates what it can. Also the model's lookups.
 */
#include "model/model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "input/read_documents.h"
#include "input/yaml.h"
#include "model/history_job.h"
#include "model/metadata.h"
#include "model/scope.h"
#include "util/alloc.h"
#include "util/fs.h"

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
	size_t cap = 0, d, required;

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
		required = or_training_required_cells(&model->training);
		if (required > OR_TRAINING_MAX_REQUIRED_CELLS)
			return or_diag_set(diag, OR_EXIT_USAGE, config->training_path, 0, 0,
					   "the training records require %zu person x course cells "
					   "(%zu people, %zu courses), more than the %zu one scan "
					   "evaluates: split the records, or make fewer courses "
					   "mandatory for everyone",
					   required, model->training.npeople,
					   model->training.ncourses, OR_TRAINING_MAX_REQUIRED_CELLS);
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

/* The strings of a JSON array (others skipped), calloc'd; *n gets how many. */
static const char **strings_of(const json_t *array, size_t *n)
{
	const char **out = or_xcalloc(json_array_size(array) + 1, sizeof(char *));
	size_t i;

	*n = 0;
	for (i = 0; i < json_array_size(array); i++)
		if (json_is_string(json_array_get(array, i)))
			out[(*n)++] = json_string_value(json_array_get(array, i));
	return out;
}

/*
 * Contacts of the registry and of every document. Lines without a
 * "(verified DATE)" note get their date from the history (or_model_read_history).
 */
static int read_contacts(or_model *model, or_diag *diag)
{
	const json_t *settings = model->rules->settings;
	or_contact_words words;
	const char **headings, **endpoints, **placeholders, **feeds;
	size_t cap = 0, d;
	int error = -1;

	headings = strings_of(json_object_get(settings, "contact_headings"), &words.nheadings);
	endpoints = strings_of(json_object_get(settings, "contact_endpoints"), &words.nendpoints);
	feeds = strings_of(json_object_get(settings, "contact_feeds"), &words.nfeeds);
	placeholders = strings_of(or_ruleset_param(model->rules, "contacts.placeholder", "words"),
				  &words.nplaceholders);
	words.headings = headings;
	words.endpoints = endpoints;
	words.feeds = feeds;
	words.placeholders = placeholders;
	if (model->config->contacts_path) {
		if (or_contacts_registry_load(&model->contacts, &model->ncontacts, &cap, model->arena,
					      model->root, model->config->contacts_path,
					      model->config->date_order, diag) != 0)
			goto cleanup;
		model->has_contacts_registry = true;
	}
	for (d = 0; d < model->ndocs; d++)
		or_contacts_extract(&model->contacts, &model->ncontacts, &cap, model->arena,
				    model->docs[d].doc, &words, model->config->date_order);
	error = 0;
cleanup:
	free(headings);
	free(endpoints);
	free(placeholders);
	free(feeds);
	return error;
}

/*
 * The site's default owner: `default_owner_slack` at the top of a tech-docs
 * site's config/tech-docs.yml. The file is the site's, not opsready's: one
 * that cannot be read safely (a link, too large, not YAML) is ignored.
 */
static void read_site_owner(or_model *model)
{
	static const char file[] = "config/tech-docs.yml", key[] = "default_owner_slack";
	char *full = or_fs_join(model->root, file), *text = NULL;
	or_yaml yaml = OR_YAML_INIT;
	or_diag diag = OR_DIAG_INIT;
	yaml_node_t *root;
	struct stat st;
	size_t len = 0, i;
	int found = lstat(full, &st) == 0 && S_ISREG(st.st_mode);

	free(full);
	if (!found || or_fs_read_repo_input(&text, &len, model->root, file, "tech-docs config",
					    OR_YAML_MAX_BYTES, &diag) != 0)
		return;
	if (or_yaml_load(&yaml, text, len, file, &diag) == 0 &&
	    or_yaml_is_mapping(root = or_yaml_root(&yaml))) {
		for (i = 0; i < or_yaml_mapping_size(root); i++) {
			const yaml_node_t *k = or_yaml_pair_key(&yaml, root, i);
			const yaml_node_t *v = or_yaml_pair_value(&yaml, root, i);
			const char *value = or_yaml_scalar(v);

			if (!k || !or_yaml_scalar(k) || strcmp(or_yaml_scalar(k), key) != 0)
				continue;
			if (value && *value && !or_yaml_is_null(v)) {
				model->site_owner.owner = or_arena_strdup(model->arena, value);
				model->site_owner.file = file;
				model->site_owner.key = key;
				model->site_owner.line = or_yaml_line(v);
			}
			break;
		}
	}
	or_yaml_dispose(&yaml);
	free(text);
}

/* The documentation site: detected from its config at the top of the
 * repository, then what the config's `site:` sets. */
static void resolve_site(or_model *model)
{
	const or_config *config = model->config;

	or_site_detect(&model->site, model->root, NULL);
	if (config->has_site_generator && config->site_generator != model->site.generator)
		or_site_defaults(&model->site, config->site_generator);
	if (config->has_site_generator)
		model->site.detected_from[0] = '\0';
	if (config->site_root)
		snprintf(model->site.root, sizeof(model->site.root), "%s", config->site_root);
	if (config->has_site_directory_urls)
		model->site.directory_urls = config->site_directory_urls;
}

/*
 * The documents: the files in scope are read and parsed in parallel
 * (or_documents_read); the results are then taken in the order of the
 * files, so the model is the same whatever the threads did.
 */
static int read_documents(or_model *out, const or_alias_table *aliases,
			  const or_model_options *options, or_diag *diag)
{
	or_read_options read_options = {
		.root = out->root,
		.max_file_bytes = out->config->max_file_bytes,
		.tracked_only = out->files.repo && !out->since,
		.on_event = options ? options->on_event : NULL,
		.event_data = options ? options->event_data : NULL,
	};
	or_read_job *jobs;
	size_t i, njobs = 0, docs_cap = 0, skipped_cap = 0;
	int error = 0;

	jobs = or_xcalloc(out->files.nfiles + 1, sizeof(*jobs));
	for (i = 0; i < out->files.nfiles; i++)
		if (or_model_to_read(out, &out->files.files[i]))
			jobs[njobs++].file = &out->files.files[i];
	or_documents_read(jobs, njobs, &read_options);

	for (i = 0; i < njobs; i++) {
		or_read_job *job = &jobs[i];
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
			md->is_runbook = or_model_is_runbook(out, job->doc);
			md->last_change.uncommitted = job->file->changed;
			or_resolve_metadata(md, aliases, out->config->date_order);
			or_resolve_owner(md, &out->codeowners, &out->site_owner, out->arena);
		}
		free(job->reason);
	}
	free(jobs);
	return error;
}

int or_model_build(or_model *out, const char *root, const or_config *config,
		   const or_ruleset *rules, or_date now, const or_model_options *options,
		   or_diag *diag)
{
	or_alias_table aliases;
	or_history_job history;
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
	or_alias_table_init(&aliases, rules->settings);
	or_codeowners_load(&out->codeowners, root);
	read_site_owner(out);
	resolve_site(out);
	if (options && options->since) {
		out->since = options->since;
		if (options->merge_base)
			snprintf(out->merge_base, sizeof(out->merge_base), "%s", options->merge_base);
		if (or_files_mark_since(&out->files, options->since, out->merge_base, diag) != 0)
			goto cleanup;
		for (i = 0; i < out->files.nfiles; i++)
			out->changed_files += out->files.files[i].in_change;
		out->changed_files += out->files.ndeleted;
		/* after the count: these documents are read, not changed */
		or_model_mark_referencing(out);
		or_timing_mark(timing, "the change");
	}

	out->history_state = or_history_state_of(&out->files, options && options->no_history);
	or_history_job_start(&history, out);

	if (read_documents(out, &aliases, options, diag) != 0)
		goto cleanup;
	or_timing_mark(timing, "read documents");
	if (read_records(out, diag) != 0 || read_contacts(out, diag) != 0)
		goto cleanup;
	or_timing_mark(timing, "records, contacts");
	/* the walk started above dates the documents; one more, their contact lines */
	if (or_model_read_history(out, &history, diag) != 0)
		goto cleanup;
	/* what the scan needs of git is read: its pack windows, indexes and
	 * caches need not stay in memory through the checks and the report */
	or_file_list_close_repository(&out->files);
	or_timing_mark(timing, "history");
	error = 0;
cleanup:
	or_history_job_dispose(&history);
	or_alias_table_dispose(&aliases);
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
	or_codeowners_dispose(&model->codeowners);
	or_history_dispose(&model->history);
	free(model->contacts);
	or_training_dispose(&model->training_records);
	or_drills_dispose(&model->drill_log);
	or_arena_free(model->arena);
	or_file_list_dispose(&model->files);
	or_strset_dispose(&model->removed_names);
	memset(model, 0, sizeof(*model));
}

bool or_model_in_change(const or_model *model, const char *file, const char *subject)
{
	const or_file *f;

	if (!model->since)
		return true;
	if (!file)
		return false;
	/* a finding at a path the change removed (a required document) */
	if (or_files_deleted(&model->files, file))
		return true;
	f = or_files_find(&model->files, file);
	return f && (f->in_change ||
		     (f->mentions_removed && subject && or_model_mentions_removed(model, subject)));
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
