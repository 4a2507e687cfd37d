/*
 * What the config and the pack say about a path: whether the scan reads a
 * file (in scope and, in pre-merge mode, in the change) and whether a
 * document is a runbook. Private to model/; or_model_rule_applies, in
 * model.h, is defined beside them.
 */
#ifndef OR_MODEL_SCOPE_H
#define OR_MODEL_SCOPE_H

#include <stdbool.h>

#include "input/document.h"
#include "input/files.h"
#include "model/model.h"

/* A file the scan reads: in scope and, in pre-merge mode, in the change
 * (a flag, tested before any glob). */
bool or_model_to_read(const or_model *model, const or_file *file);

/* The document's `type`, else the config's `runbook_paths`, else the pack's. */
bool or_model_is_runbook(const or_model *model, const or_document *doc);

#endif
