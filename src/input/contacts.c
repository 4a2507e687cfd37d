#include "input/contacts.h"

#include <stdlib.h>
#include <string.h>

#include "input/yaml.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/text.h"

#define MAX_TOKENS 32
#define REGISTRY_MAX_BYTES (4u * 1024 * 1024)

const char *or_verified_source_name(or_verified_source source)
{
	switch (source) {
	case OR_VERIFIED_ANNOTATION:
		return "annotation";
	case OR_VERIFIED_REGISTRY:
		return "registry";
	case OR_VERIFIED_BLAME:
		return "blame";
	case OR_VERIFIED_NONE:
		break;
	}
	return NULL;
}

/* Keys that name a medium rather than a role: the value must be one. */
static bool medium_key(const char *key)
{
	static const char *const media[] = { "phone", "tel", "telephone", "mobile", "cell",
					     "email", "e mail", "mail", "slack", "teams",
					     "chat", "channel", "url", "web", "website",
					     "status page", "pager", NULL };
	or_buf k = OR_BUF_INIT;
	size_t i;
	bool found = false;

	or_text_key(&k, key, strlen(key));
	for (i = 0; media[i] && !found; i++)
		found = strcmp(or_buf_cstr(&k), media[i]) == 0;
	or_buf_dispose(&k);
	return found;
}

/* Whether the words of one of `want` (text keys) appear whole in `name`. */
static bool heading_matches(const char *name, const or_buf *want, size_t n)
{
	or_buf key = OR_BUF_INIT;
	size_t i;
	bool found = false;

	or_text_key(&key, name, strlen(name));
	for (i = 0; i < n && !found; i++) {
		const char *k = or_buf_cstr(&key), *w = or_buf_cstr(&want[i]), *hit;
		size_t wlen = want[i].size;

		/* a whole-word match of the heading words inside the name */
		for (hit = strstr(k, w); hit && !found; hit = strstr(hit + 1, w))
			found = wlen && (hit == k || hit[-1] == ' ') &&
				(hit[wlen] == '\0' || hit[wlen] == ' ');
	}
	or_buf_dispose(&key);
	return found;
}

/*
 * Per section of `doc`: whether it holds contacts, that is, whether its
 * heading or a parent's matches one of `headings`. Parents come before
 * their children, so one pass in order answers every section.
 */
static bool *sections_holding_contacts(const or_document *doc, const char *const *headings,
				       size_t n)
{
	bool *holds = or_xcalloc(doc->nsections + 1, sizeof(bool));
	or_buf *want = or_xcalloc(n + 1, sizeof(or_buf));
	size_t i;

	for (i = 0; i < n; i++)
		or_text_key(&want[i], headings[i], strlen(headings[i]));
	for (i = 0; i < doc->nsections; i++) {
		int parent = doc->sections[i].parent;

		holds[i] = (parent >= 0 && (size_t)parent < i && holds[parent]) ||
			   heading_matches(doc->sections[i].name, want, n);
	}
	for (i = 0; i < n; i++)
		or_buf_dispose(&want[i]);
	free(want);
	return holds;
}

/*
 * "(verified 2026-10-01)", "verified: 2026-10-01", "Verified 1 Oct 2026":
 * OR_DATE_OK with the date, OR_DATE_INVALID with *bad at the impossible
 * date the note gives ("verified 2026-02-30"), else OR_DATE_NOT_FOUND.
 */
static or_date_status verified_annotation(const char *text, or_date_order order, or_date *out,
					  const char **bad)
{
	const char *p = text;
	or_date_status found = OR_DATE_NOT_FOUND;

	*bad = NULL;
	while ((p = or_text_find_word(p, strlen(p), "verified")) != NULL) {
		const char *q = p + 8;
		or_date_status status;

		while (*q == ' ' || *q == ':' || *q == '\t')
			q++;
		if (strncmp(q, "on ", 3) == 0)
			q += 3;
		status = or_date_parse(out, q, strlen(q), order, NULL);
		if (status == OR_DATE_OK)
			return OR_DATE_OK;
		if (status == OR_DATE_INVALID && !*bad) {
			*bad = q;
			found = OR_DATE_INVALID;
		}
		p += 8;
	}
	return found;
}

/* The date text of an impossible note, as written, up to where the note ends. */
static const char *bad_date_text(or_arena *arena, const char *at)
{
	size_t len = strcspn(at, ")]|;");

	while (len > 0 && (at[len - 1] == ' ' || at[len - 1] == '\t'))
		len--;
	return or_arena_strndup(arena, at, len);
}

typedef struct add_ctx {
	or_contact **items;
	size_t *count, *cap;
	or_arena *arena;
	const char *file;
	or_date_order order;  /* the config's date_order, for "(verified 03/11/2026)" */
	bool registry;        /* contacts.yml, not a document */
} add_ctx;

static or_contact *add(add_ctx *a, const char *role, const char *name, or_contact_kind kind,
		       const char *value, size_t len, const char *line_text, int line, int column)
{
	or_contact *c;

	*a->items = or_xgrow(*a->items, a->cap, *a->count + 1, sizeof(or_contact));
	c = &(*a->items)[(*a->count)++];
	memset(c, 0, sizeof(*c));
	c->role = role;
	c->name = name;
	c->kind = kind;
	c->value = or_arena_strndup(a->arena, value, len);
	c->line_text = line_text;
	c->file = a->file;
	c->registry = a->registry;
	c->line = line;
	c->column = column;
	c->medium_key = role && medium_key(role);
	return c;
}

/* Every contact in one value; a value with none is one TEXT contact. */
static void add_value(add_ctx *a, const char *role, const char *name, const char *value,
		      int line, int column)
{
	or_contact_token tokens[MAX_TOKENS];
	size_t n = or_contact_scan(value, strlen(value), tokens, MAX_TOKENS), i;
	or_date verified;
	const char *bad;
	or_date_status note = verified_annotation(value, a->order, &verified, &bad);
	bool annotated = note == OR_DATE_OK;
	const char *invalid = note == OR_DATE_INVALID ? bad_date_text(a->arena, bad) : NULL;
	const char *text = or_arena_strdup(a->arena, value);

	if (n > MAX_TOKENS)
		n = MAX_TOKENS;
	if (!n) {
		size_t len = strlen(value);
		const char *trimmed = or_text_trim(value, &len);
		or_contact *c;
		if (!len)
			return;
		c = add(a, role, name, OR_CONTACT_TEXT, trimmed, len, text, line, column);
		c->invalid_verified = invalid;
		if (annotated) {
			c->verified_source = OR_VERIFIED_ANNOTATION;
			c->verified = verified;
		}
		return;
	}
	for (i = 0; i < n; i++) {
		or_contact *c = add(a, role, name, tokens[i].kind, value + tokens[i].offset,
				    tokens[i].length, text, line,
				    column + (int)tokens[i].offset);
		c->invalid_verified = invalid;
		if (annotated) {
			c->verified_source = OR_VERIFIED_ANNOTATION;
			c->verified = verified;
		}
	}
}

static int column_of(const or_table *table, const char *const *names)
{
	size_t c, n;

	for (c = 0; c < table->rows[0].ncells; c++)
		for (n = 0; names[n]; n++)
			if (or_text_key_equal(table->rows[0].cells[c].text, names[n]))
				return (int)c;
	return -1;
}

/* Contacts of a table's rows; a row with neither role nor name is a
 * contact of `section_role` (the section's name), as a plain list line is. */
static void extract_table(add_ctx *a, const or_table *table, const char *section_role)
{
	static const char *const role_cols[] = { "role", "position", "function", "responsibility",
						  NULL };
	static const char *const name_cols[] = { "name", "contact", "person", "owner", NULL };
	static const char *const value_cols[] = { "phone", "mobile", "telephone", "number", "email",
						  "e-mail", "slack", "channel", "chat", "pager",
						  "url", NULL };
	int role, name;
	size_t r, c;

	if (!table->nrows || !table->rows[0].is_header)
		return;
	role = column_of(table, role_cols);
	name = column_of(table, name_cols);
	if (role < 0 && name < 0)
		return;
	for (r = 1; r < table->nrows; r++) {
		const or_table_row *row = &table->rows[r];
		const char *role_text = role >= 0 && (size_t)role < row->ncells
						? row->cells[role].text
						: NULL;
		const char *name_text = name >= 0 && (size_t)name < row->ncells
						? row->cells[name].text
						: NULL;

		if (role_text && !*role_text)
			role_text = NULL;
		if (name_text && !*name_text)
			name_text = NULL;
		for (c = 0; c < row->ncells && c < table->rows[0].ncells; c++) {
			size_t k;
			bool is_value = false;

			for (k = 0; value_cols[k] && !is_value; k++)
				is_value = or_text_key_equal(table->rows[0].cells[c].text,
							     value_cols[k]);
			if (is_value && *row->cells[c].text)
				add_value(a, role_text ? role_text : name_text ? name_text : section_role,
					  name_text, row->cells[c].text, row->line,
					  row->cells[c].column);
		}
	}
}

static bool line_has_kv(const or_document *doc, int line)
{
	size_t i;

	for (i = 0; i < doc->nkvs; i++)
		if (doc->kvs[i].line == line)
			return true;
	return false;
}

/* Markup that does not change what a contact line says. */
static void plain_text(or_buf *out, const char *s, size_t len)
{
	size_t i;

	or_buf_clear(out);
	for (i = 0; i < len; i++)
		if (s[i] != '*' && s[i] != '`' && s[i] != '_')
			or_buf_putc(out, s[i]);
}

/*
 * Plain list items: "- Primary on-call: hana (+1-555-6308)" gives the role
 * before the colon; "- Jane Doe, +44 20 7946 0018" a contact of the
 * section's role. Lines with a **Label:** were read as key/value already.
 */
static void extract_list_lines(add_ctx *a, const or_document *doc, int section)
{
	const or_section *sec = &doc->sections[section];
	or_buf text = OR_BUF_INIT;
	int line;

	for (line = sec->line + 1; line <= sec->end_line; line++) {
		size_t len, i = 0;
		const char *s = or_document_line(doc, line, &len), *colon, *value;
		const char *role = sec->name;

		if (!s || or_document_section_at(doc, line) != section ||
		    or_document_line_in_code(doc, line) || line_has_kv(doc, line))
			continue;
		while (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i < len && (s[i] == '-' || s[i] == '*' || s[i] == '+') && i + 1 < len &&
		    s[i + 1] == ' ') {
			i += 2;
		} else {
			size_t d = i;
			while (d < len && s[d] >= '0' && s[d] <= '9')
				d++;
			if (d == i || d + 1 >= len || (s[d] != '.' && s[d] != ')') || s[d + 1] != ' ')
				continue;
			i = d + 2;
		}
		if (i + 4 <= len && s[i] == '[' && s[i + 2] == ']')
			i += 4; /* a task box */
		plain_text(&text, s + i, len - i);
		value = text.ptr ? text.ptr : "";
		colon = strchr(value, ':');
		/* "Role: value", unless the colon belongs to a URL or a time */
		if (colon && colon - value <= 60 && colon[1] == ' ') {
			role = or_arena_strndup(a->arena, value, (size_t)(colon - value));
			value = colon + 1;
		}
		add_value(a, role, NULL, value, line, 1);
	}
	or_buf_dispose(&text);
}

void or_contacts_extract(or_contact **items, size_t *count, size_t *cap, or_arena *arena,
			 const or_document *doc, const char *const *headings, size_t nheadings,
			 or_date_order order)
{
	add_ctx a = { items, count, cap, arena, doc->path, order, false };
	bool *holds = sections_holding_contacts(doc, headings, nheadings);
	size_t i;

#define HOLDS(section) ((section) >= 0 && (size_t)(section) < doc->nsections && holds[section])
	for (i = 0; i < doc->nkvs; i++) {
		const or_kv *kv = &doc->kvs[i];

		if (kv->source != OR_KV_LABEL || !*kv->value || !HOLDS(kv->section))
			continue;
		add_value(&a, kv->key, NULL, kv->value, kv->line,
			  kv->value_column ? kv->value_column : kv->column);
	}
	for (i = 0; i < doc->ntables; i++)
		if (HOLDS(doc->tables[i].section))
			extract_table(&a, &doc->tables[i],
				      doc->sections[doc->tables[i].section].name);
	for (i = 0; i < doc->nsections; i++)
		if (holds[i])
			extract_list_lines(&a, doc, (int)i);
#undef HOLDS
	free(holds);
}

int or_contacts_registry_load(or_contact **items, size_t *count, size_t *cap, or_arena *arena,
			      const char *root, const char *path, or_date_order order,
			      or_diag *diag)
{
	static const char *const keys[] = { "role", "name", "phone", "email", "url", "channel",
					    "verified", "notes", NULL };
	static const char *const value_keys[] = { "phone", "email", "url", "channel", NULL };
	or_yaml yaml = OR_YAML_INIT;
	add_ctx a = { items, count, cap, arena, NULL, order, true };
	char *text = NULL;
	yaml_node_t *top, *list;
	size_t len, i, k;
	int rc = -1;

	(void)order; /* registry dates are ISO 8601, like the config's */
	a.file = or_arena_strdup(arena, path);
	if (or_fs_read_repo_input(&text, &len, root, path, "contacts registry", REGISTRY_MAX_BYTES,
				  diag) != 0 ||
	    or_yaml_load(&yaml, text, len, path, diag) != 0)
		goto cleanup;
	top = or_yaml_root(&yaml);
	list = top && or_yaml_is_mapping(top) ? or_yaml_get(&yaml, top, "contacts") : top;
	if (top && or_yaml_is_mapping(top) &&
	    or_yaml_check_keys(&yaml, top, (const char *const[]){ "contacts", NULL }, "", diag) != 0)
		goto cleanup;
	if (list && !or_yaml_is_sequence(list)) {
		or_yaml_error(diag, &yaml, list, "expected a list of contacts");
		goto cleanup;
	}
	for (i = 0; list && i < or_yaml_sequence_size(list); i++) {
		yaml_node_t *entry = or_yaml_item(&yaml, list, i);
		char *role = NULL, *name = NULL;
		or_date verified = 0;
		bool has_verified = false;
		size_t before = *count, j;

		if (or_yaml_check_keys(&yaml, entry, keys, "a contact", diag) != 0)
			goto cleanup;
		if (!or_yaml_get(&yaml, entry, "role")) {
			or_yaml_error(diag, &yaml, entry, "a contact needs a role");
			goto cleanup;
		}
		if (or_yaml_get_string(&role, &yaml, or_yaml_get(&yaml, entry, "role"), "role",
				       diag) != 0)
			goto cleanup;
		if (or_yaml_get(&yaml, entry, "name") &&
		    or_yaml_get_string(&name, &yaml, or_yaml_get(&yaml, entry, "name"), "name",
				       diag) != 0) {
			free(role);
			goto cleanup;
		}
		if (or_yaml_get(&yaml, entry, "verified")) {
			if (or_yaml_get_date(&verified, &yaml, or_yaml_get(&yaml, entry, "verified"),
					     "verified", diag) != 0) {
				free(role);
				free(name);
				goto cleanup;
			}
			has_verified = true;
		}
		for (k = 0; value_keys[k]; k++) {
			yaml_node_t *v = or_yaml_get(&yaml, entry, value_keys[k]);
			const char *s = or_yaml_scalar(v);
			or_contact_kind kind = k == 0 ? OR_CONTACT_PHONE
					       : k == 1 ? OR_CONTACT_EMAIL
					       : k == 2 ? OR_CONTACT_URL
							: OR_CONTACT_CHANNEL;
			or_contact *c;

			if (!s || !*s)
				continue;
			/* the registry says what each value is: take it whole */
			c = add(&a, or_arena_strdup(arena, role), or_arena_strdup(arena, name), kind,
				s, strlen(s), or_arena_strdup(arena, s), or_yaml_line(v),
				or_yaml_column(v));
			c->medium_key = false;
		}
		for (j = before; j < *count; j++) {
			if (has_verified) {
				(*items)[j].verified_source = OR_VERIFIED_REGISTRY;
				(*items)[j].verified = verified;
			}
		}
		free(role);
		free(name);
	}
	rc = 0;
cleanup:
	or_yaml_dispose(&yaml);
	free(text);
	return rc;
}
