/*
 * The docs-tasks family: are the checklists done? Unchecked items in
 * sections that require completion, items whose status marker says they are
 * not complete, and checkboxes, markers and the document status that
 * contradict each other.
 */
#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "checks/docs_common.h"
#include "util/buf.h"
#include "util/text.h"

/* ---- checklists ------------------------------------------------------- */

static bool section_requires_completion(const or_document *doc, int section,
					const or_rule *rule, const char **heading)
{
	const json_t *words = or_rule_param_array(rule, "completion_headings");
	size_t w;

	while (section >= 0) {
		const or_section *sec = &doc->sections[section];
		for (w = 0; w < json_array_size(words); w++) {
			const char *word = json_string_value(json_array_get(words, w));
			if (word && or_text_find_ci(sec->name, strlen(sec->name), word)) {
				*heading = sec->name;
				return true;
			}
		}
		section = sec->parent;
	}
	return false;
}

static void task_subject(or_buf *out, const char *kind, const or_document *doc,
			 const or_task *task)
{
	or_buf_clear(out);
	or_buf_printf(out, "%s:%s:", kind,
		      task->section >= 0 ? doc->sections[task->section].anchor : "");
	or_text_key(out, task->text, strlen(task->text));
}

static void check_checklist_complete(or_check_ctx *ctx)
{
	or_buf subject = OR_BUF_INIT;
	size_t d, t;

	for (d = 0; d < ctx->model->ndocs; d++) {
		const or_model_doc *md = &ctx->model->docs[d];
		const or_document *doc = md->doc;

		if (!or_model_rule_applies(md, ctx->rule, true))
			continue;
		for (t = 0; t < doc->ntasks; t++) {
			const or_task *task = &doc->tasks[t];
			const char *heading = NULL;

			/* Items with a status marker are judged by their marker
			 * (docs.status-incomplete, docs.status-conflict). */
			if (!task->is_task || task->status != OR_ITEM_NONE)
				continue;
			if (!section_requires_completion(doc, task->section, ctx->rule, &heading))
				continue;
			task_subject(&subject, "item", doc, task);
			if (task->checked)
				or_eval_pass(ctx, doc->path, subject.ptr);
			else
				or_eval_fail(ctx, doc->path, task->line, task->column, subject.ptr,
					     task->text,
					     "unchecked item in '%s', which requires completion: %s",
					     heading, task->text);
		}
	}
	or_buf_dispose(&subject);
}

static void check_status_incomplete(or_check_ctx *ctx)
{
	or_buf subject = OR_BUF_INIT;
	size_t d, t;

	for (d = 0; d < ctx->model->ndocs; d++) {
		const or_model_doc *md = &ctx->model->docs[d];
		const or_document *doc = md->doc;

		if (!or_model_rule_applies(md, ctx->rule, false))
			continue;
		for (t = 0; t < doc->ntasks; t++) {
			const or_task *task = &doc->tasks[t];

			if (task->status == OR_ITEM_NONE)
				continue;
			task_subject(&subject, "item", doc, task);
			if (task->status == OR_ITEM_COMPLETE)
				or_eval_pass(ctx, doc->path, subject.ptr);
			else
				or_eval_fail(ctx, doc->path, task->line,
					     task->marker_column ? task->marker_column : task->column,
					     subject.ptr, task->text, "item is marked %s (%s): %s",
					     task->status == OR_ITEM_MISSING ? "missing" : "in progress",
					     task->marker, task->text);
		}
	}
	or_buf_dispose(&subject);
}

static bool task_done(const or_task *task)
{
	if (task->status == OR_ITEM_IN_PROGRESS || task->status == OR_ITEM_MISSING)
		return false;
	return task->is_task ? task->checked : task->status == OR_ITEM_COMPLETE;
}

static void check_status_conflict(or_check_ctx *ctx)
{
	or_buf subject = OR_BUF_INIT;
	size_t d, t;

	for (d = 0; d < ctx->model->ndocs; d++) {
		const or_model_doc *md = &ctx->model->docs[d];
		const or_document *doc = md->doc;
		const or_kv *status = md->meta[OR_META_STATUS];
		size_t open_items = 0, items = 0;

		if (!or_model_rule_applies(md, ctx->rule, false))
			continue;
		for (t = 0; t < doc->ntasks; t++) {
			const or_task *task = &doc->tasks[t];

			items++;
			if (!task_done(task))
				open_items++;
			if (!task->is_task || task->status == OR_ITEM_NONE)
				continue;
			task_subject(&subject, "item", doc, task);
			if (!task->checked && task->status == OR_ITEM_COMPLETE)
				or_eval_fail(ctx, doc->path, task->line, task->column, subject.ptr,
					     task->text,
					     "checkbox is unchecked but the item is marked complete (%s): %s",
					     task->marker, task->text);
			else if (task->checked && task->status != OR_ITEM_COMPLETE)
				or_eval_fail(ctx, doc->path, task->line, task->column, subject.ptr,
					     task->text,
					     "checkbox is checked but the item is marked %s (%s): %s",
					     task->status == OR_ITEM_MISSING ? "missing" : "in progress",
					     task->marker, task->text);
			else
				or_eval_pass(ctx, doc->path, subject.ptr);
		}
		if (status && or_status_parse(status->value, strlen(status->value), NULL, NULL) ==
				      OR_ITEM_COMPLETE) {
			if (open_items) {
				char *evidence = or_docs_line_evidence(doc, status->line);
				or_eval_fail(ctx, doc->path, status->line, status->column,
					     "document-status", evidence,
					     "the document status says complete while %zu of %zu checklist items are not done",
					     open_items, items);
				free(evidence);
			} else {
				or_eval_pass(ctx, doc->path, "document-status");
			}
		}
	}
	or_buf_dispose(&subject);
}

static const or_check docs_tasks_checks[] = {
	{ "checklist-complete", check_checklist_complete },
	{ "status-incomplete", check_status_incomplete },
	{ "status-conflict", check_status_conflict },
	{ NULL, NULL },
};

const or_check_family or_docs_tasks_family = { "docs-tasks", docs_tasks_checks, OR_PHASE_CHECKS };
