/*
 * Reading the report value: typed, read-only views of its parts, so that a
 * reporter names what it reads (summary.waived) instead of looking it up by
 * string keys. A view is a plain struct filled by an or_report_read_*
 * function; lists are read by index (or_report_n* gives the count).
 *
 * Ownership: every string of a view is borrowed from the report and lives as
 * long as it does. Reading takes and drops no jansson reference, so the
 * reporters, which run side by side on one report (render/reporter.h), may
 * all read it at once.
 *
 * A saved report may lack any part or hold another type there: a string the
 * report lacks (or holds null or a non-string at) is NULL; a number is an
 * or_report_int or or_report_real whose `known` is false; a flag is false
 * unless the report says true (the exceptions are noted); a list it lacks
 * has no items.
 */
#ifndef OR_REPORT_READ_H
#define OR_REPORT_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "opsready/report.h"
#include "report/finding_table.h"

/* A flag that may be absent (a saved report's null), as or_report_int. */
typedef struct or_report_bool {
	bool value;
	bool known;
} or_report_bool;

/* A list of strings, borrowed from the report. */
typedef struct or_report_strings {
	const void *array; /* private: the report's array, or NULL */
	size_t count;
} or_report_strings;

/* Item `i` (< count) of `list`, or NULL when it is not a string. */
const char *or_report_strings_at(const or_report_strings *list, size_t i);

struct json_t;

/* The list as the report holds it (borrowed), items that are not strings
 * included, for a reporter that copies it whole (the SARIF report's rule
 * references); NULL when the report has no array there. */
const struct json_t *or_report_strings_json(const or_report_strings *list);

/* ---- tool and gate ---- */

typedef struct or_report_tool_view {
	const char *name;             /* "opsready" */
	const char *version;
	or_report_int schema_version; /* the report's, at its top level */
} or_report_tool_view;

void or_report_read_tool(const or_report *report, or_report_tool_view *out);

typedef struct or_report_gate_view {
	const char *fail_on;          /* "error", "warning", "notice" or "never" */
	or_report_real min_score;     /* not known: no minimum */
} or_report_gate_view;

void or_report_read_gate(const or_report *report, or_report_gate_view *out);

/* ---- the scan ---- */

typedef struct or_report_scan_view {
	const char *root;
	const char *commit;           /* NULL: outside git, or no commit yet */
	const char *branch;           /* NULL: detached */
	const char *now;              /* "YYYY-MM-DD", the date ages are measured against */
	const char *rules_digest;
	const char *config;           /* NULL: the built-in defaults */
	const char *repo_url;         /* the link template, as configured */
	const char *baseline;         /* the --baseline report, or NULL */
	bool git, dirty, shallow;
	bool inline_suppressions;     /* true unless the report says false */
	or_report_int files, documents;
	or_report_strings packs;
	struct {
		const char *training, *drills, *contacts; /* NULL: none configured */
	} inputs;
	bool history_available;
	const char *history_reason;
	bool has_since;               /* --since: the three below */
	const char *since_rev, *since_merge_base;
	or_report_int since_changed_files;
	or_report_real duration_seconds; /* known only with --timings */
	bool has_rule_changes;        /* false: a report from an older opsready */
	size_t nrule_changes;
	size_t nskipped;
} or_report_scan_view;

void or_report_read_scan(const or_report *report, or_report_scan_view *out);

/* A rule changed from its pack by the config or --rule (scan.rule_changes). */
typedef struct or_report_rule_change_view {
	const char *rule, *change;
	const char *source;           /* "--rule ...", or "config:line:column" */
} or_report_rule_change_view;

void or_report_read_rule_change(const or_report *report, size_t i,
				or_report_rule_change_view *out);

/* A file that was not read (scan.skipped). */
typedef struct or_report_skipped_view {
	const char *path, *reason;
} or_report_skipped_view;

void or_report_read_skipped(const or_report *report, size_t i, or_report_skipped_view *out);

/* ---- the summary ---- */

typedef struct or_report_summary_view {
	const char *verdict;          /* "pass" or "fail" */
	or_report_real score;
	or_report_int error, warning, notice; /* active findings by severity */
	or_report_int waived, suppressed, baseline, outside_change;
	or_report_int evaluations, findings;
	bool has_areas, has_counts;   /* false: the summary lacks them */
} or_report_summary_view;

void or_report_read_summary(const or_report *report, or_report_summary_view *out);

/* The areas are read with or_report_nareas and or_report_read_area
 * (opsready/report.h). The position of area `name` among them: false when
 * the summary has no such area. */
bool or_report_find_area(const or_report *report, const char *name, size_t *index);

/* ---- the rules ---- */

typedef struct or_report_rule_view {
	const char *id, *area, *severity, *title, *description;
	const char *rationale;        /* NULL: none given */
	const char *remediation, *pack, *check;
	bool evaluated;
	or_report_strings references;
} or_report_rule_view;

size_t or_report_nrules(const or_report *report);
void or_report_read_rule(const or_report *report, size_t i, or_report_rule_view *out);

/* The rules by id, for many lookups (the reader's, built once; the report
 * is not changed). Where two rules have one id the last counts. */
typedef struct or_report_rule_ids {
	struct or_report_rule_id *items;
	size_t count;
} or_report_rule_ids;

void or_report_rule_ids_init(or_report_rule_ids *ids, const or_report *report);
void or_report_rule_ids_dispose(or_report_rule_ids *ids);
/* The rule `id` (through `ids`, or by a search when `ids` is NULL): false
 * when the report lists no such rule. */
bool or_report_find_rule(const or_report *report, const or_report_rule_ids *ids, const char *id,
			 or_report_rule_view *out);
/* The same rule's position among the rules (or_report_read_rule; the
 * SARIF report's ruleIndex): false when the report lists no such rule. */
bool or_report_find_rule_index(const or_report *report, const or_report_rule_ids *ids,
			       const char *id, size_t *index);

/* ---- the findings ---- */

/* Finding `i` (< or_report_nfindings) as the report holds it, typed
 * (report/finding_table.h): everything or_report_read_finding gives and its
 * area, evidence, status reason and waiver. */
const or_report_finding *or_report_finding_row(const or_report *report, size_t i);

/* ---- waivers ---- */

/* False for a report that carries no waiver list (an older opsready's). */
bool or_report_lists_waivers(const or_report *report);

typedef struct or_report_waiver_view {
	const char *rule;
	or_report_int line;           /* its line in the config */
	const char *repository;       /* a merged report's: the repository it came from */
	const char *subject, *path, *reason, *approved_by;
	const char *expires;          /* "YYYY-MM-DD" */
	const char *status;           /* "active", "unused" or "expired" */
	or_report_int matched;        /* findings it waived */
} or_report_waiver_view;

size_t or_report_nwaivers(const or_report *report);
void or_report_read_waiver(const or_report *report, size_t i, or_report_waiver_view *out);

/* ---- training ---- */

typedef struct or_report_training_view {
	const char *records;          /* the training records file */
	or_report_int people, fully_trained;        /* its summary: people, */
	or_report_int missing, expired, expiring, due; /* and course completions */
	size_t ncourses, npeople, nmatrix, nteams;
} or_report_training_view;

/* False when the report has no training (none configured). */
bool or_report_read_training(const or_report *report, or_report_training_view *out);

typedef struct or_report_course_view {
	const char *id, *title;
	or_report_real hours;
	or_report_bool mandatory;
	or_report_int valid_for_days;
	or_report_strings required_for; /* teams; none: everyone if mandatory */
	or_report_int required, valid;  /* people who need it, and who hold it valid */
	or_report_real percent;         /* not known: nobody needs it */
} or_report_course_view;

void or_report_read_course(const or_report *report, size_t i, or_report_course_view *out);

typedef struct or_report_person_view {
	const char *id, *name, *team;
	const char *joined;           /* "YYYY-MM-DD", or NULL */
	bool fully_trained;
	or_report_int line;
} or_report_person_view;

void or_report_read_person(const or_report *report, size_t i, or_report_person_view *out);

/* One cell of the training matrix: a person and a course. */
typedef struct or_report_cell_view {
	const char *person, *course;  /* their ids */
	/* "done", "expiring", "expired", "missing", "due" or "not-required" */
	const char *status;
	bool required;
	const char *completed, *expires, *due; /* "YYYY-MM-DD", or NULL */
} or_report_cell_view;

void or_report_read_cell(const or_report *report, size_t i, or_report_cell_view *out);

/* The matrix by person and course, for many lookups (as or_report_rule_ids;
 * where two cells have one person and course the last counts). */
typedef struct or_report_cell_ids {
	struct or_report_cell_id *items;
	size_t count;
} or_report_cell_ids;

void or_report_cell_ids_init(or_report_cell_ids *ids, const or_report *report);
void or_report_cell_ids_dispose(or_report_cell_ids *ids);
/* The position in the matrix of the cell of `person` and `course`: false
 * when there is none. */
bool or_report_find_cell(const or_report_cell_ids *ids, const char *person, const char *course,
			 size_t *index);
/* The cells of `person`, by course: positions in the matrix of
 * ids->items[*from .. *to) (or_report_cell_at). */
void or_report_person_cells(const or_report_cell_ids *ids, const char *person, size_t *from,
			    size_t *to);
/* The position in the matrix of the k-th cell by person and course. */
size_t or_report_cell_at(const or_report_cell_ids *ids, size_t k);

typedef struct or_report_team_view {
	const char *name;
	or_report_int members, fully_trained;
	or_report_int required, valid; /* course completions its members need, and hold */
	or_report_real percent;
	bool has_escalation;          /* the escalation level it staffs: */
	or_report_int escalation_level;
	const char *escalation_window;
} or_report_team_view;

void or_report_read_team(const or_report *report, size_t i, or_report_team_view *out);

/* ---- drills ---- */

/* One drill of the drill log. */
typedef struct or_report_drill_run_view {
	const char *type, *date;
	const char *outcome;          /* "pass", "fail", or NULL: not recorded */
	or_report_real rto_minutes, rpo_seconds;
	or_report_strings participants;
	or_report_int line;           /* in the drill log */
} or_report_drill_run_view;

/* One drill type with its record. */
typedef struct or_report_drill_view {
	const char *type;
	or_report_int every_days;     /* not known: not scheduled */
	or_report_real rto_objective, rpo_objective; /* minutes, seconds */
	or_report_int count;
	/* True when the report has the key "latest", even as null (as opsready
	 * writes a type never drilled): then every part of `latest` is absent. */
	bool has_latest;
	or_report_drill_run_view latest;
	const char *next_due;
	const char *status;           /* "ok", "none", "failed" or "overdue" */
	size_t nhistory;              /* its drills: or_report_read_drill_run */
} or_report_drill_view;

size_t or_report_ndrills(const or_report *report);
void or_report_read_drill(const or_report *report, size_t i, or_report_drill_view *out);
/* Drill `j` of the history of drill type `i`. */
void or_report_read_drill_run(const or_report *report, size_t i, size_t j,
			      or_report_drill_run_view *out);

/* ---- documents ---- */

typedef struct or_report_document_view {
	const char *path, *title;
	const char *type;             /* "runbook" or "document" */
	const char *owner, *version, *status;
	const char *owner_source;     /* "metadata", "codeowners", "site-default", or NULL
					 (none, or an older report) */
	const char *owner_key;        /* metadata, site-default: the key ("owner_slack") */
	const char *owner_file;       /* codeowners, site-default: the file (".github/CODEOWNERS") */
	const char *owner_rule;       /* codeowners: the rule's line, trimmed */
	or_report_int owner_line;     /* of the key or of the rule */
	const char *last_updated, *next_review; /* "YYYY-MM-DD", or NULL */
	bool next_review_derived;     /* from `review_period` */
	const char *review_period;
	bool has_last_commit;         /* the commit it last changed in: */
	struct {
		const char *id, *time, *author, *summary;
		or_report_strings reviewed_by, approved_by;
	} last_commit;
	bool uncommitted;
	or_report_int checklist_items, checklist_done;
	or_report_int findings;
} or_report_document_view;

size_t or_report_ndocuments(const or_report *report);
void or_report_read_document(const or_report *report, size_t i, or_report_document_view *out);

/* ---- contacts ---- */

typedef struct or_report_contact_view {
	const char *role, *name, *kind, *value, *normalized;
	const char *file;
	or_report_int line, column;
	const char *verified;         /* "YYYY-MM-DD", or NULL: not known */
	/* set instead of `verified` when the line was followed back only as
	 * far as contacts.stale needed */
	const char *changed_on_or_before;
	const char *verified_source;  /* "registry", "blame", ..., or NULL */
	const char *commit;
	or_report_int age_days;
	const char *status;           /* "ok", "stale", "invalid", ... */
} or_report_contact_view;

size_t or_report_ncontacts(const or_report *report);
void or_report_read_contact(const or_report *report, size_t i, or_report_contact_view *out);

/* ---- escalation ---- */

/* A level of an escalation matrix found in a document. */
typedef struct or_report_escalation_view {
	or_report_int level;
	const char *name;             /* NULL: the level is not named */
	const char *window, *team;
	const char *file;             /* the document it is in */
	or_report_int line;
} or_report_escalation_view;

size_t or_report_nescalation(const or_report *report);
void or_report_read_escalation(const or_report *report, size_t i, or_report_escalation_view *out);

/* ---- suppressions ---- */

/* An inline suppression comment, with the findings it suppressed. */
typedef struct or_report_suppression_view {
	const char *file;
	or_report_int line, last_line; /* the lines it covers */
	const char *rules;            /* as written; NULL: every rule */
	const char *reason;
	or_report_int matched;
} or_report_suppression_view;

size_t or_report_nsuppressions(const or_report *report);
void or_report_read_suppression(const or_report *report, size_t i,
				or_report_suppression_view *out);

/* ---- a merged report's repositories ---- */

/* The row of one repository in a merged report (opsready/compare.h): its
 * scan's facts and its own summary. */
typedef struct or_report_repository_view {
	const char *name, *root, *commit, *branch, *now, *verdict;
	or_report_real score;
	or_report_int error, warning, notice; /* its active findings by severity */
} or_report_repository_view;

/* 0 for a report that is not a merged one. */
size_t or_report_nrepositories(const or_report *report);
void or_report_read_repository(const or_report *report, size_t i,
			       or_report_repository_view *out);

/* ---- parts copied whole ---- */

/*
 * Merge copies the items of these lists whole into the merged report (it
 * rewrites a path and adds the repository's name, and passes on every other
 * key as it is, keys it does not know included): as far as merge is
 * concerned they are free-form JSON. What it reads of them it reads through
 * the views above.
 */
typedef enum or_report_list {
	OR_REPORT_RULES,
	OR_REPORT_DOCUMENTS,
	OR_REPORT_ESCALATION,
	OR_REPORT_DRILLS,
	OR_REPORT_CONTACTS,
	OR_REPORT_WAIVERS,
	OR_REPORT_SUPPRESSIONS,
	OR_REPORT_SKIPPED,      /* the scan's */
	OR_REPORT_RULE_CHANGES, /* the scan's */
	OR_REPORT_COURSES,      /* the training's */
	OR_REPORT_PEOPLE,
	OR_REPORT_MATRIX,
	OR_REPORT_TEAMS
} or_report_list;

size_t or_report_list_count(const or_report *report, or_report_list list);
/* The JSON of item `i` (< or_report_list_count) of `list`, borrowed. */
const struct json_t *or_report_list_item(const or_report *report, or_report_list list, size_t i);

/* ---- a diff (opsready/compare.h) ---- */

/* A score before and after: overall (area NULL) or of one area. */
typedef struct or_report_score_change_view {
	const char *area;
	or_report_real old_score, new_score; /* not known: not evaluated */
} or_report_score_change_view;

typedef enum or_diff_list {
	OR_DIFF_NEW,
	OR_DIFF_FIXED,
	OR_DIFF_UNCHANGED
} or_diff_list;

typedef struct or_report_diff_view {
	or_report_int added, fixed, unchanged; /* its counts */
	or_report_score_change_view score;     /* overall */
	size_t nareas;                         /* or_report_read_diff_area */
	size_t nfindings[3];                   /* by or_diff_list */
} or_report_diff_view;

void or_report_read_diff(const or_report *diff, or_report_diff_view *out);
/* The score change of area `i` (< nareas), in the new report's order. */
void or_report_read_diff_area(const or_report *diff, size_t i, or_report_score_change_view *out);

/* A finding of one of the diff's lists; a string it lacks is NULL. */
typedef struct or_report_diff_finding_view {
	const char *rule, *severity, *status, *message;
	const char *file;             /* NULL: about the repository as a whole */
	or_report_int line;
} or_report_diff_finding_view;

void or_report_read_diff_finding(const or_report *diff, or_diff_list list, size_t i,
				 or_report_diff_finding_view *out);

#endif
