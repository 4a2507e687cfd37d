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

/* The config's include and exclude globs (else the default include) take
 * `path` in. */
bool or_model_in_scope(const or_model *model, const char *path);

/* A file the scan reads: in scope and, in pre-merge mode, in the change
 * (a flag, tested before any glob). */
bool or_model_to_read(const or_model *model, const or_file *file);

/* Pre-merge mode, when the change deletes or renames paths: marks every
 * unchanged file in scope that mentions one of them (its base name, or the
 * name of a folder left empty) as `mentions_removed`, so that the documents
 * whose links and commands point at a removed path are read, and their
 * findings about those paths gated (or_model_in_change). One pass over each
 * file's bytes, whatever the number of removed paths. */
void or_model_mark_referencing(or_model *model);

/* Whether `text` (a finding's subject: "link:../scripts/x.sh") mentions a
 * path the change removed, as or_model_mark_referencing finds them. */
bool or_model_mentions_removed(const or_model *model, const char *text);

/* The document's `type`, else the config's `runbook_paths`, else the pack's. */
bool or_model_is_runbook(const or_model *model, const or_document *doc);

#endif
