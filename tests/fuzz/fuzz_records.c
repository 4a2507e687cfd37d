/*
 * libFuzzer harness: opsready's record files. The bytes are written to a
 * temporary folder (mkdtemp in /tmp, removed after) as records.yml and
 * records.csv, then read as
 * training records (YAML and CSV), as the drill log and as the contacts
 * registry, with the date order `size % 3` (none, dmy, mdy). A loader either
 * reads the file, listing bad records as problems, or refuses it with a
 * diagnostic; never anything else.
 */
#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "input/contacts.h"
#include "input/records.h"
#include "util/arena.h"

static void write_input(const char *root, const char *name, const uint8_t *data, size_t size)
{
	char path[256];
	int fd;

	snprintf(path, sizeof(path), "%s/%s", root, name);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	require(fd >= 0);
	require(size == 0 || write(fd, data, size) == (ssize_t)size);
	close(fd);
}

static void remove_input(const char *root, const char *name)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", root, name);
	require(unlink(path) == 0);
}

static void require_problems(const or_record_problem *problems, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		require(problems[i].subject && problems[i].message && problems[i].line >= 0);
}

static void require_error(const or_diag *diag)
{
	require(diag->code == OR_EXIT_USAGE || diag->code == OR_EXIT_RUNTIME);
	require(diag->message[0] != '\0');
}

static void load_training(const char *root, const char *name, or_date_order order)
{
	or_training_records records;
	or_diag diag = OR_DIAG_INIT;
	size_t i;

	if (or_training_load(&records, root, name, order, &diag) == 0) {
		require_problems(records.problems, records.nproblems);
		for (i = 0; i < records.ncompletions; i++)
			require(records.completions[i].person && records.completions[i].course);
		for (i = 0; i < records.npeople; i++)
			require(records.people[i].id != NULL);
		for (i = 0; i < records.ncourses; i++)
			require(records.courses[i].id != NULL);
	} else {
		require_error(&diag);
	}
	or_training_dispose(&records);
}

static void load_drills(const char *root, or_date_order order)
{
	or_drill_log log;
	or_diag diag = OR_DIAG_INIT;
	size_t i;

	if (or_drills_load(&log, root, "records.yml", order, &diag) == 0) {
		require_problems(log.problems, log.nproblems);
		for (i = 0; i < log.ndrills; i++)
			require(log.drills[i].type != NULL);
	} else {
		require_error(&diag);
	}
	or_drills_dispose(&log);
}

static void load_contacts(const char *root, or_date_order order)
{
	or_arena *arena = or_arena_new();
	or_contact *contacts = NULL;
	size_t count = 0, cap = 0, i;
	or_diag diag = OR_DIAG_INIT;

	if (or_contacts_registry_load(&contacts, &count, &cap, arena, root, "records.yml",
				      order, &diag) == 0) {
		for (i = 0; i < count; i++)
			require(contacts[i].role && contacts[i].value);
	} else {
		require_error(&diag);
	}
	free(contacts);
	or_arena_free(arena);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char root[] = "/tmp/opsready-fuzz-records-XXXXXX";
	or_date_order order = (or_date_order)(size % 3);

	require(mkdtemp(root) != NULL);
	write_input(root, "records.yml", data, size);
	write_input(root, "records.csv", data, size);
	load_training(root, "records.yml", order);
	load_training(root, "records.csv", order);
	load_drills(root, order);
	load_contacts(root, order);
	remove_input(root, "records.yml");
	remove_input(root, "records.csv");
	require(rmdir(root) == 0);
	return 0;
}
