#include <string.h>

#include "checks/check.h"

extern const or_check_family or_docs_structure_family;
extern const or_check_family or_docs_tasks_family;
extern const or_check_family or_docs_placeholders_family;
extern const or_check_family or_docs_links_family;
extern const or_check_family or_docs_encoding_family;
extern const or_check_family or_review_family;
extern const or_check_family or_training_family;
extern const or_check_family or_drills_family;
extern const or_check_family or_contacts_family;
extern const or_check_family or_waivers_family;
extern const or_check_family or_policy_family;

/* Every check family; adding one is one line here and one file. */
static const or_check_family *const families[] = {
	&or_docs_structure_family,
	&or_docs_tasks_family,
	&or_docs_placeholders_family,
	&or_docs_links_family,
	&or_docs_encoding_family,
	&or_review_family,
	&or_training_family,
	&or_drills_family,
	&or_contacts_family,
	&or_waivers_family,
	&or_policy_family,
	NULL,
};

const or_check_family *const *or_check_families(void)
{
	return families;
}

const or_check *or_check_find(const char *name, or_check_phase *phase)
{
	const or_check_family *const *family;
	const or_check *check;

	for (family = families; *family; family++)
		for (check = (*family)->checks; check->name; check++)
			if (strcmp(check->name, name) == 0) {
				if (phase)
					*phase = (*family)->phase;
				return check;
			}
	return NULL;
}
