/*
 * The model of one scan: the repository's files and facts, the parsed
 * documents with their resolved metadata, and the rules and config that
 * apply. Built once by or_model_build(); the checks only read it.
 */
#ifndef OR_MODEL_MODEL_H
#define OR_MODEL_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "rules/config.h"
#include "rules/ruleset.h"
#include "input/document.h"
#include "input/files.h"
#include "input/codeowners.h"
#include "input/contacts.h"
#include "input/history.h"
#include "input/read_documents.h"
#include "input/records.h"
#include "input/site.h"
#include "model/readiness.h"
#include "util/date.h"
#include "util/strset.h"
#include "util/timing.h"

/* The metadata every document is asked for, matched through the pack's
 * `metadata_aliases` (keys of the same names). */
typedef enum or_meta_key {
	OR_META_LAST_UPDATED = 0,
	OR_META_NEXT_REVIEW,
	OR_META_OWNER,
	OR_META_VERSION,
	OR_META_STATUS,
	OR_META_APPROVAL,
	OR_META_REVIEW_PERIOD,
	OR_META__COUNT
} or_meta_key;

/* "last_updated", "next_review", ... (static). */
const char *or_meta_key_name(or_meta_key key);
/* 0 and *out for one of those names, else -1. */
int or_meta_key_parse(or_meta_key *out, const char *name);

/* A date read from a metadata value. */
typedef struct or_meta_date {
	or_date_status status;  /* OR_DATE_OK, OR_DATE_NOT_FOUND (absent or no date), OR_DATE_INVALID */
	or_date date;
	bool derived;           /* next review computed as last update + review period */
} or_meta_date;

/* Where a document last changed, from git. */
typedef struct or_last_change {
	bool known;                    /* history was read and has an answer */
	bool uncommitted;              /* changed in the work tree or index: changed now */
	const or_commit_info *commit;  /* the last commit that changed it, or NULL */
	bool wrote_review;             /* that commit also wrote its review-date line (asked
					  only when the change is dated after the review) */
} or_last_change;

/* Where a document's owner came from. */
typedef enum or_owner_source {
	OR_OWNER_NONE = 0,      /* no owner */
	OR_OWNER_METADATA,      /* meta[OR_META_OWNER], a key of the document */
	OR_OWNER_CODEOWNERS,    /* owner_rule, a rule of the repository's CODEOWNERS */
	OR_OWNER_SITE_DEFAULT   /* the site's default owner (or_site_owner) */
} or_owner_source;

/* A site-wide default owner: tech-docs' `default_owner_slack` in
 * config/tech-docs.yml. `owner` NULL: none. Strings in the model's arena. */
typedef struct or_site_owner {
	const char *owner, *file, *key;
	int line;
} or_site_owner;

typedef struct or_model_doc {
	or_document *doc;
	bool is_runbook;
	const or_kv *meta[OR_META__COUNT];  /* the first match by source priority, or NULL;
					       a CODEOWNERS owner is a kv of the model's arena */
	or_owner_source owner_source;
	const or_codeowners_rule *owner_rule; /* with OR_OWNER_CODEOWNERS */
	or_meta_date last_updated;
	or_meta_date next_review;
	or_last_change last_change;
} or_model_doc;

/* Why git history could not be read (OR_HISTORY_AVAILABLE when it was). */
typedef enum or_history_state {
	OR_HISTORY_AVAILABLE = 0,
	OR_HISTORY_DISABLED,     /* --no-history */
	OR_HISTORY_NOT_GIT,
	OR_HISTORY_NO_COMMITS,
	OR_HISTORY_SHALLOW,
	OR_HISTORY_UNREADABLE    /* a commit libgit2 cannot parse: history.unreadable */
} or_history_state;

/* For people: "not a git repository", "--no-history" ... (static). */
const char *or_history_state_reason(or_history_state state);

typedef struct or_skipped_file {
	char *path;
	or_skip_kind kind;
	char *reason;  /* for people: "larger than max_file_bytes (5242880 > 4194304 bytes)" */
} or_skipped_file;

typedef struct or_model {
	const char *root;          /* as given by the user */
	const or_config *config;
	const or_ruleset *rules;
	or_date now;
	or_file_list files;        /* every file below the root (not only the scanned ones) */
	or_model_doc *docs;        /* the Markdown documents in scope, sorted by path */
	size_t ndocs;
	or_skipped_file *skipped;  /* files in scope that were not parsed, sorted by path */
	size_t nskipped;
	or_codeowners codeowners;  /* the repository's CODEOWNERS (path NULL: none) */
	or_site_owner site_owner;  /* the site's default owner (owner NULL: none) */
	or_site site;              /* the documentation site: detected, then the config's `site:` */
	or_history_state history_state;
	or_history history;        /* the commits documents last changed in */
	const char *since;         /* pre-merge mode: the revision, or NULL */
	char merge_base[41];       /* with `since`: the merge base with HEAD */
	size_t changed_files;      /* with `since`: files in the change, deleted ones too */
	or_strset removed_names;   /* with `since`: base names of the paths it removed */
	const struct or_config_change *config_change; /* with `since`, when the change edits
				      the config or its packs: how (set by the scan); else NULL */

	or_arena *arena;           /* what is derived from the inputs below */
	or_escalation_level *escalation; /* every escalation level of the documents */
	size_t nescalation;
	bool has_training;         /* `inputs.training` was read */
	or_training_records training_records;
	or_training training;      /* the matrix */
	bool has_drills;           /* `inputs.drills` was read */
	or_drill_log drill_log;
	or_drill_record drills;
	bool has_contacts_registry; /* `inputs.contacts` was read */
	or_contact *contacts;      /* the registry's, then the documents' in path order */
	size_t ncontacts;
} or_model;

typedef struct or_model_options {
	or_event_fn on_event;      /* one OR_EVENT_PROGRESS per document read, or NULL */
	void *event_data;
	bool no_history;           /* do not read git history */
	const char *since;         /* pre-merge mode: scan only what changed since the merge
				      base of this revision and HEAD */
	or_timing *timing;         /* phase timings (the caller's on_event), or NULL */
	const char *merge_base;    /* with `since`: the merge base (hex) when the caller
				      found it already (to read its config), or NULL */
} or_model_options;

/* Build the model. -1 with OR_EXIT_RUNTIME when the root cannot be read,
 * OR_EXIT_USAGE when the --since revision cannot be found. With `since`,
 * only the documents in the change are read. */
int or_model_build(or_model *out, const char *root, const or_config *config,
		   const or_ruleset *rules, or_date now, const or_model_options *options,
		   or_diag *diag);
void or_model_dispose(or_model *model);

/* True when a finding in `file` about `subject` can fail the gate: always,
 * except in pre-merge mode, where only findings in the change can: in files
 * it changed, at paths it deleted or renamed away, and, in an unchanged
 * document that mentions such a path, the findings whose subject names it
 * (a link or command that now points at nothing; the document's older
 * findings stay outside the change). */
bool or_model_in_change(const or_model *model, const char *file, const char *subject);

/* The scanned document at `path`, or NULL. */
const or_model_doc *or_model_find_doc(const or_model *model, const char *path);

/* True when the rule's `applies_to` param covers the document: "all", "runbooks"
 * (the default when absent is `default_runbooks_only`), or a list of globs. */
bool or_model_rule_applies(const or_model_doc *doc, const or_rule *rule,
			   bool default_runbooks_only);

#endif
