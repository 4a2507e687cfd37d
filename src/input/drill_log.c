/* The drill log (or_drills_load): a YAML list of drills and their outcomes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "input/records.h"
#include "input/records_loader.h"
#include "input/yaml.h"
#include "util/alloc.h"

/* ---- the drill log */

static void read_drill(loader *ld, const yaml_node_t *node)
{
	static const char *const keys[] = { "type",	   "date",	   "outcome", "rto_minutes",
					    "rpo_seconds", "participants", "notes" };
	static const char *const passed[] = { "pass", "passed", "success", "successful", NULL };
	static const char *const failed[] = { "fail", "failed", "failure", "unsuccessful", NULL };
	record rec = { ld, node, NULL, NULL, true };
	or_drill drill;
	yaml_node_t *value;
	const char *type, *s;
	bool given;
	int line = or_yaml_line(node);

	if (!or_yaml_is_mapping(node)) {
		char subject[64];

		snprintf(subject, sizeof(subject), "drill:%d", line);
		or_records_add_problem(ld, line, or_yaml_column(node), subject,
				       "drill at line %d is %s, not a mapping (expected {type, "
				       "date, outcome, ...})",
				       line, or_rec_node_kind(node));
		return;
	}
	memset(&drill, 0, sizeof(drill));
	drill.line = line;
	drill.outcome = -1;
	rec.subject = or_arena_printf(ld->arena, "drill:%d", line);
	type = or_rec_scalar_text(or_yaml_get(&ld->yaml, node, "type"));
	if (type && or_yaml_is_scalar(or_yaml_get(&ld->yaml, node, "type")))
		rec.what = or_arena_printf(ld->arena, "%s drill at line %d", type, line);
	else
		rec.what = or_arena_printf(ld->arena, "drill at line %d", line);
	or_rec_keys(&rec, keys, sizeof(keys) / sizeof(keys[0]));
	or_rec_text(&rec, "type", true, &drill.type);
	or_rec_date(&rec, "date", "", true, true, &drill.date, &given);
	value = or_yaml_get(&ld->yaml, node, "outcome");
	s = or_rec_scalar_text(value);
	if (s && or_yaml_is_scalar(value) && or_rec_word_in(s, passed))
		drill.outcome = 1;
	else if (s && or_yaml_is_scalar(value) && or_rec_word_in(s, failed))
		drill.outcome = 0;
	else if (value && !or_yaml_is_null(value))
		or_rec_problem(&rec, value, true, "outcome '%s' is not pass or fail",
			       s ? s : or_rec_node_kind(value));
	or_rec_number(&rec, "rto_minutes", &drill.rto_minutes, &drill.has_rto);
	or_rec_number(&rec, "rpo_seconds", &drill.rpo_seconds, &drill.has_rpo);
	or_rec_names(&rec, "participants", &drill.participants, &drill.nparticipants);
	or_rec_text(&rec, "notes", false, &drill.notes);
	if (!rec.ok)
		return;
	ld->drills = or_xgrow(ld->drills, &ld->drills_cap, ld->ndrills + 1, sizeof(*ld->drills));
	ld->drills[ld->ndrills++] = drill;
}

static int drills_yaml(loader *ld, const char *text, size_t len, or_diag *diag)
{
	static const char *const known[] = { "drills" };
	yaml_node_t *root, *key_node;
	size_t i, n;

	if (or_yaml_load_max(&ld->yaml, text, len, OR_RECORDS_MAX_BYTES, ld->path, diag) != 0)
		return -1;
	root = or_yaml_root(&ld->yaml);
	if (!root)
		return 0;
	if (or_yaml_is_sequence(root))
		return or_rec_read_section(ld, root, "the drill log", read_drill, diag);
	if (!or_yaml_is_mapping(root) || !or_yaml_get(&ld->yaml, root, "drills"))
		return or_yaml_error(diag, &ld->yaml, root,
				     "expected a list of drills, or a mapping with drills:, at the "
				     "top level");
	if (or_yaml_check_keys(&ld->yaml, root, NULL, NULL, diag) != 0)
		return -1;
	n = or_yaml_mapping_size(root);
	for (i = 0; i < n; i++) {
		key_node = or_yaml_pair_key(&ld->yaml, root, i);
		if (strcmp(or_yaml_scalar(key_node), "drills") != 0)
			or_rec_unknown_top_key(ld, key_node, known, 1, "the drill log");
		else if (or_rec_read_section(ld, or_yaml_pair_value(&ld->yaml, root, i), "drills",
				      read_drill, diag) != 0)
			return -1;
	}
	return 0;
}

int or_drills_load(or_drill_log *out, const char *root, const char *path, or_date_order order,
		   or_diag *diag)
{
	loader ld;
	char *text = NULL;
	size_t len = 0;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	or_records_loader_init(&ld, path, order);
	if (or_records_read_file(&text, &len, root, path, "drill log", diag) != 0)
		goto cleanup;
	if (drills_yaml(&ld, text, len, diag) != 0)
		goto cleanup;
	out->path = ld.path;
	out->drills = or_records_arena_copy(ld.arena, ld.drills, ld.ndrills, sizeof(or_drill));
	out->ndrills = ld.ndrills;
	out->problems = or_records_arena_copy(ld.arena, ld.problems, ld.nproblems,
					      sizeof(or_record_problem));
	out->nproblems = ld.nproblems;
	out->arena = ld.arena;
	ld.arena = NULL;
	rc = 0;
cleanup:
	free(text);
	or_records_loader_dispose(&ld);
	return rc;
}

void or_drills_dispose(or_drill_log *log)
{
	if (!log)
		return;
	or_arena_free(log->arena);
	memset(log, 0, sizeof(*log));
}
