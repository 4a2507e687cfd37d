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

/* The pack's words for contacts: the headings of the sections that hold
 * them, the hosts of paging and chat endpoints, and the words that name a
 * feed of alerts. */
typedef struct or_contact_words {
	const char *const *headings;   /* as lookup keys: "contact" matches
					  "Contact Information" and "Emergency Contacts" */
	size_t nheadings;
	const char *const *endpoints;  /* "pagerduty.com": a URL at or under one is a contact */
	size_t nendpoints;
	const char *const *placeholders; /* "TBD": a value of words alone that holds one of
					    these stands for a contact still to be given */
	size_t nplaceholders;
	const char *const *feeds;      /* "alerts": a channel or list named with one is where
					  machines post ("#db-alerts"), not a way to reach someone */
	size_t nfeeds;
} or_contact_words;

/*
 * The contacts of a document, from sections whose heading, or a parent's,
 * holds one of the headings of `words`: **Label:** lines, tables (a role or
 * name column with value columns, or a two-column | Method | Details |
 * table), list items, "label: value" lines, the addresses of a code block
 * and the addresses in the section's sentences. A URL is a contact only
 * under a medium key or at a paging or chat endpoint; @here, @channel and
 * prose are never contacts; a link is one contact.
 * Appends to *items (a growable array, *count and *cap), strings in `arena`.
 * A "(verified DATE)" note is read with the config's `order` for numeric
 * day/month dates.
 */
void or_contacts_extract(or_contact **items, size_t *count, size_t *cap, or_arena *arena,
			 const or_document *doc, const or_contact_words *words,
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
