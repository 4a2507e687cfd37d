/*
 * Contacts: every number, address, URL and channel that someone will use in
 * an emergency, from the runbooks' contact sections and from the optional
 * registry (contacts.yml).
 */
#ifndef OR_INPUT_CONTACTS_H
#define OR_INPUT_CONTACTS_H

#include <stdbool.h>
#include <stddef.h>

#include "input/document.h"
#include "opsready/common.h"
#include "util/arena.h"
#include "input/contact.h"
#include "util/date.h"

typedef enum or_verified_source {
	OR_VERIFIED_NONE = 0,    /* not known (yet) */
	OR_VERIFIED_ANNOTATION,  /* "(verified 2026-10-01)" on the line */
	OR_VERIFIED_REGISTRY,    /* `verified:` in contacts.yml */
	OR_VERIFIED_BLAME        /* the line's last change, from git blame */
} or_verified_source;

/* "annotation", "registry", "blame" or NULL (static). */
const char *or_verified_source_name(or_verified_source source);

typedef struct or_contact {
	const char *role;           /* "Primary On-Call", "Slack" */
	const char *name;           /* a person or team, or NULL */
	or_contact_kind kind;
	const char *value;          /* as written: the token, or for TEXT the whole value */
	const char *line_text;      /* the whole value it was found in, for evidence */
	const char *file;           /* the document or the registry */
	bool registry;              /* from the registry (dated by its `verified:` alone) */
	int line, column;
	bool medium_key;            /* the role names a medium ("Phone", "Email", "Slack") */
	or_verified_source verified_source;
	or_date verified;
	char commit[41];            /* with OR_VERIFIED_BLAME: the commit of the line */
	bool uncommitted;           /* with OR_VERIFIED_BLAME: the line changed in the work tree */
	bool older;                 /* with OR_VERIFIED_BLAME: unchanged since before `verified`
				       (history was read back to that day only) */
	const char *invalid_verified; /* the impossible date of a "(verified ...)" note, as
					 written: the contact is not verified, nor dated by git */
} or_contact;

/*
 * The contacts of a document: key/value lines and table rows in sections
 * whose heading, or a parent's, holds one of `headings` (as lookup keys:
 * "contact" matches "Contact Information" and "Emergency Contacts").
 * Appends to *items (a growable array, *count and *cap), strings in `arena`.
 * A "(verified DATE)" note is read with the config's `order` for numeric
 * day/month dates.
 */
void or_contacts_extract(or_contact **items, size_t *count, size_t *cap, or_arena *arena,
			 const or_document *doc, const char *const *headings, size_t nheadings,
			 or_date_order order);

/*
 * Read the registry at `path` (relative to `root`): a list, or a mapping
 * with `contacts:` holding one, of { role, name, phone, email, url, channel,
 * verified }. Each value becomes a contact of its kind. A missing or
 * invalid file, an entry without a role, or a bad `verified` date is an
 * OR_EXIT_USAGE error with file, line and column.
 */
int or_contacts_registry_load(or_contact **items, size_t *count, size_t *cap, or_arena *arena,
			      const char *root, const char *path, or_date_order order,
			      or_diag *diag);

#endif
