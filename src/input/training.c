/* Training records (or_training_load): YAML or CSV by the file name, and
 * the loaded result. */
#include <stdlib.h>
#include <string.h>

#include "input/records.h"
#include "input/records_loader.h"

static bool ends_with_csv(const char *path)
{
	size_t n = strlen(path);

	return n >= 4 && path[n - 4] == '.' && (path[n - 3] | 0x20) == 'c' &&
	       (path[n - 2] | 0x20) == 's' && (path[n - 1] | 0x20) == 'v';
}

int or_training_load(or_training_records *out, const char *root, const char *path,
		     or_date_order order, or_diag *diag)
{
	loader ld;
	char *text = NULL;
	size_t len = 0;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	or_records_loader_init(&ld, path, order);
	if (or_records_read_file(&text, &len, root, path, "training records", diag) != 0)
		goto cleanup;
	if (ends_with_csv(path) ? or_training_csv(&ld, text, len, diag) != 0
				: or_training_yaml(&ld, text, len, diag) != 0)
		goto cleanup;
	out->path = ld.path;
	out->csv = ends_with_csv(path);
	out->courses = or_records_arena_copy(ld.arena, ld.courses, ld.ncourses, sizeof(or_course));
	out->ncourses = ld.ncourses;
	out->people = or_records_arena_copy(ld.arena, ld.people, ld.npeople, sizeof(or_person));
	out->npeople = ld.npeople;
	out->completions = or_records_arena_copy(ld.arena, ld.completions, ld.ncompletions,
						 sizeof(or_completion));
	out->ncompletions = ld.ncompletions;
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

void or_training_dispose(or_training_records *records)
{
	if (!records)
		return;
	or_arena_free(records->arena);
	memset(records, 0, sizeof(*records));
}
