/* Training records in YAML: courses, people and completions. */
#include <stdio.h>
#include <string.h>

#include <yaml.h>

#include "input/records_loader.h"
#include "input/yaml.h"
#include "util/alloc.h"

/* A record that is not a mapping: a problem, the record kept out. */
static bool need_mapping(loader *ld, const yaml_node_t *node, const char *kind,
			 const char *subject_kind, const char *expected)
{
	char subject[64];

	if (or_yaml_is_mapping(node))
		return true;
	snprintf(subject, sizeof(subject), "%s:line:%d", subject_kind, or_yaml_line(node));
	or_records_add_problem(ld, or_yaml_line(node), or_yaml_column(node), subject,
			       "%s at line %d is %s, not a mapping (expected %s)", kind,
			       or_yaml_line(node), or_rec_node_kind(node), expected);
	return false;
}

/* The subject and description of a record by its identifying text, or by its line. */
static void name_record(record *rec, const char *subject_kind, const char *kind,
			const char *id)
{
	int line = or_yaml_line(rec->node);

	if (id) {
		rec->subject = or_arena_printf(rec->ld->arena, "%s:%s", subject_kind, id);
		rec->what = or_arena_printf(rec->ld->arena, "%s %s", kind, id);
	} else {
		rec->subject = or_arena_printf(rec->ld->arena, "%s:line:%d", subject_kind, line);
		rec->what = or_arena_printf(rec->ld->arena, "%s at line %d", kind, line);
	}
}

static void read_course(loader *ld, const yaml_node_t *node)
{
	static const char *const keys[] = { "id", "title", "hours", "mandatory",
					    "required_for", "valid_for_days" };
	static const char *const yes[] = { "true", "yes", "on", NULL };
	static const char *const no[] = { "false", "no", "off", NULL };
	record rec = { ld, node, NULL, NULL, true };
	or_course course;
	yaml_node_t *value;
	const char *s;
	bool given;
	double days;

	if (!need_mapping(ld, node, "course", "course", "{id, title, hours, mandatory, ...}"))
		return;
	memset(&course, 0, sizeof(course));
	course.line = or_yaml_line(node);
	course.hours = -1;
	course.mandatory = -1;
	name_record(&rec, "course", "course",
		    or_rec_scalar_text(or_yaml_get(&ld->yaml, node, "id")));
	or_rec_keys(&rec, keys, sizeof(keys) / sizeof(keys[0]));
	or_rec_text(&rec, "id", true, &course.id);
	or_rec_text(&rec, "title", false, &course.title);
	or_rec_number(&rec, "hours", &course.hours, &given);
	if (!given)
		course.hours = -1;
	value = or_yaml_get(&ld->yaml, node, "mandatory");
	s = or_rec_scalar_text(value);
	if (s && or_yaml_is_scalar(value) && or_rec_word_in(s, yes))
		course.mandatory = 1;
	else if (s && or_yaml_is_scalar(value) && or_rec_word_in(s, no))
		course.mandatory = 0;
	else if (value && !or_yaml_is_null(value))
		or_rec_problem(&rec, value, true, "mandatory should be true or false, not '%s'",
			       s ? s : or_rec_node_kind(value));
	or_rec_names(&rec, "required_for", &course.required_for, &course.nrequired_for);
	or_rec_number(&rec, "valid_for_days", &days, &given);
	if (given && (days > 100000 || days != (double)(int)days))
		or_rec_problem(&rec, or_yaml_get(&ld->yaml, node, "valid_for_days"), true,
			       "valid_for_days should be a whole number of days");
	else if (given)
		course.valid_for_days = (int)days;
	if (!rec.ok)
		return;
	ld->courses = or_xgrow(ld->courses, &ld->courses_cap, ld->ncourses + 1,
			       sizeof(*ld->courses));
	ld->courses[ld->ncourses++] = course;
}

static void read_person(loader *ld, const yaml_node_t *node)
{
	static const char *const keys[] = { "id", "name", "team", "joined" };
	record rec = { ld, node, NULL, NULL, true };
	or_person person;

	if (!need_mapping(ld, node, "person", "person", "{id, name, team, joined}"))
		return;
	memset(&person, 0, sizeof(person));
	person.line = or_yaml_line(node);
	name_record(&rec, "person", "person",
		    or_rec_scalar_text(or_yaml_get(&ld->yaml, node, "id")));
	or_rec_keys(&rec, keys, sizeof(keys) / sizeof(keys[0]));
	or_rec_text(&rec, "id", true, &person.id);
	or_rec_text(&rec, "name", false, &person.name);
	or_rec_text(&rec, "team", false, &person.team);
	/* kept without the date: leaving the person out would hide their training */
	or_rec_date(&rec, "joined", "joined ", false, false, &person.joined, &person.has_joined);
	if (!rec.ok)
		return;
	ld->people = or_xgrow(ld->people, &ld->people_cap, ld->npeople + 1, sizeof(*ld->people));
	ld->people[ld->npeople++] = person;
}

static void read_completion(loader *ld, const yaml_node_t *node)
{
	static const char *const keys[] = { "person", "course", "date", "hours" };
	record rec = { ld, node, NULL, NULL, true };
	or_completion completion;
	const char *person_id, *course_id;
	bool given;

	if (!need_mapping(ld, node, "completion", "completion", "{person, course, date, hours}"))
		return;
	memset(&completion, 0, sizeof(completion));
	completion.line = or_yaml_line(node);
	person_id = or_rec_scalar_text(or_yaml_get(&ld->yaml, node, "person"));
	course_id = or_rec_scalar_text(or_yaml_get(&ld->yaml, node, "course"));
	if (person_id && course_id) {
		person_id = or_rec_trimmed(ld->arena, person_id);
		course_id = or_rec_trimmed(ld->arena, course_id);
		rec.subject = or_arena_printf(ld->arena, "completion:%s:%s", person_id, course_id);
		rec.what = or_arena_printf(ld->arena, "completion of %s by %s", course_id,
					   person_id);
	} else {
		name_record(&rec, "completion", "completion", NULL);
	}
	or_rec_keys(&rec, keys, sizeof(keys) / sizeof(keys[0]));
	or_rec_text(&rec, "person", true, &completion.person);
	or_rec_text(&rec, "course", true, &completion.course);
	or_rec_date(&rec, "date", "", true, true, &completion.date, &given);
	or_rec_number(&rec, "hours", &completion.hours, &given);
	if (!given)
		completion.hours = -1;
	if (!rec.ok)
		return;
	ld->completions = or_xgrow(ld->completions, &ld->completions_cap, ld->ncompletions + 1,
				   sizeof(*ld->completions));
	ld->completions[ld->ncompletions++] = completion;
}

int or_training_yaml(loader *ld, const char *text, size_t len, or_diag *diag)
{
	static const char *const sections[] = { "courses", "people", "completions" };
	yaml_node_t *root, *key_node, *value;
	const char *key;
	size_t i, n;
	int rc;

	if (or_yaml_load_max(&ld->yaml, text, len, OR_RECORDS_MAX_BYTES, ld->path, diag) != 0)
		return -1;
	root = or_yaml_root(&ld->yaml);
	if (!root)
		return 0;
	if (!or_yaml_is_mapping(root))
		return or_yaml_error(diag, &ld->yaml, root,
				     "expected a mapping with courses, people and completions at "
				     "the top level, found %s",
				     or_rec_node_kind(root));
	if (or_yaml_check_keys(&ld->yaml, root, NULL, NULL, diag) != 0)
		return -1;
	n = or_yaml_mapping_size(root);
	for (i = 0; i < n; i++) {
		key_node = or_yaml_pair_key(&ld->yaml, root, i);
		value = or_yaml_pair_value(&ld->yaml, root, i);
		key = or_yaml_scalar(key_node);
		if (strcmp(key, "courses") == 0)
			rc = or_rec_read_section(ld, value, key, read_course, diag);
		else if (strcmp(key, "people") == 0)
			rc = or_rec_read_section(ld, value, key, read_person, diag);
		else if (strcmp(key, "completions") == 0)
			rc = or_rec_read_section(ld, value, key, read_completion, diag);
		else {
			or_rec_unknown_top_key(ld, key_node, sections, 3, "the training records");
			rc = 0;
		}
		if (rc != 0)
			return -1;
	}
	return 0;
}
