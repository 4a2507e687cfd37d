#include "input/contacts.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "input/yaml.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/text.h"

#define MAX_TOKENS 32
#define REGISTRY_MAX_BYTES (4u * 1024 * 1024)
/* Bytes after "verified" in which its date is looked for. */
#define VERIFIED_DATE_MAX 64

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

/*
 * Keys that name a medium rather than a role: the value must be one.
 * "Phone (24/7)" names the phone: a note in parentheses is left out.
 */
static bool medium_key(const char *key)
{
	static const char *const media[] = { "phone", "tel", "telephone", "mobile", "cell",
					     "phone number", "email", "e mail", "mail",
					     "email address", "slack", "slack channel", "teams",
					     "teams channel", "chat", "channel", "url", "web",
					     "website", "status page", "pager", "pagerduty",
					     "opsgenie", NULL };
	or_buf k = OR_BUF_INIT;
	size_t i, len = strcspn(key, "(");
	bool found = false;

	or_text_key(&k, key, len);
	for (i = 0; media[i] && !found; i++)
		found = strcmp(or_buf_cstr(&k), media[i]) == 0;
	or_buf_dispose(&k);
	return found;
}

/*
 * What may follow a contact phrase in a heading for the heading still to be
 * about contacts: a word that joins ("Escalation for suppliers", "Contacts
 * and escalation") or a word for a list of them ("Escalation matrix",
 * "On call rota"). "Notification template" is about a template.
 */
static bool heading_tail_keeps_meaning(const char *rest)
{
	static const char *const tails[] = {
		"and", "or", "for", "of", "in", "during", "outside", "to", "at", "with", "by",
		"list", "lists", "rota", "rotas", "schedule", "schedules", "matrix", "policy",
		"policies", "path", "paths", "procedure", "procedures", "chain", "tree",
		"details", "numbers", "information", "info", "team", "teams", "contacts",
		"channels", "role", "roles", "process", "levels", NULL
	};
	size_t i, n = strcspn(rest, " ");

	for (i = 0; tails[i]; i++)
		if (strlen(tails[i]) == n && memcmp(rest, tails[i], n) == 0)
			return true;
	return false;
}

/* "contact", "who to call", "on call", "escalating": words about reaching
 * someone keep the heading about it whatever follows ("How to contact the
 * DBAs", "Escalating a database issue"). */
static bool names_reaching(const char *w)
{
	return strstr(w, "contact") != NULL || strstr(w, "call") != NULL ||
	       strstr(w, "escalating") != NULL;
}

/*
 * Whether the words of one of `want` (text keys) appear whole in `name`:
 * words about reaching someone anywhere, others ("escalation",
 * "notification") at its end or followed by a word that keeps the heading
 * about them: 1. -1 when they appear followed by another subject
 * ("Notification template"), 0 when they do not appear.
 */
static int heading_matches(const char *name, const or_buf *want, size_t n)
{
	or_buf key = OR_BUF_INIT;
	size_t i;
	int found = 0;

	or_text_key(&key, name, strlen(name));
	for (i = 0; i < n && found <= 0; i++) {
		const char *k = or_buf_cstr(&key), *w = or_buf_cstr(&want[i]), *hit;
		size_t wlen = want[i].size;

		/* a whole-word match of the heading words inside the name */
		for (hit = strstr(k, w); hit && found <= 0; hit = strstr(hit + 1, w)) {
			if (!wlen || (hit != k && hit[-1] != ' ') ||
			    (hit[wlen] != '\0' && hit[wlen] != ' '))
				continue;
			if (hit[wlen] == '\0' || names_reaching(w) ||
			    heading_tail_keeps_meaning(hit + wlen + 1))
				found = 1;
			else
				found = -1; /* "Notification template": about something else */
		}
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

		int match = heading_matches(doc->sections[i].name, want, n);

		/* a sub-section named for something else ("Notification
		 * template" under "Notification") does not inherit */
		holds[i] = match > 0 ||
			   (match == 0 && parent >= 0 && (size_t)parent < i && holds[parent]);
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
	const char *p = text, *end = text + strlen(text);
	or_date_status found = OR_DATE_NOT_FOUND;

	*bad = NULL;
	while ((p = or_text_find_word(p, (size_t)(end - p), "verified")) != NULL) {
		const char *q = p + 8;
		or_date_status status;
		size_t qlen;

		while (*q == ' ' || *q == ':' || *q == '\t')
			q++;
		if (strncmp(q, "on ", 3) == 0)
			q += 3;
		/* a date is short: "verified verified ..." costs one pass */
		qlen = (size_t)(end - q) < VERIFIED_DATE_MAX ? (size_t)(end - q) : VERIFIED_DATE_MAX;
		status = or_date_parse(out, q, qlen, order, NULL);
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
	const char *const *endpoints; /* the pack's contact_endpoints: paging and chat hosts */
	size_t nendpoints;
	const char *const *placeholders; /* contacts.placeholder's words */
	size_t nplaceholders;
	const char *const *feeds;     /* the pack's contact_feeds: "alerts", "notifications" */
	size_t nfeeds;
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

/* s[0..len) is `word`, ASCII case-insensitively. */
static bool same_word(const char *s, size_t len, const char *word)
{
	size_t i;

	if (len != strlen(word))
		return false;
	for (i = 0; i < len; i++) {
		char c = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];

		if (c != word[i])
			return false;
	}
	return true;
}

/* support.pagerduty.com, docs.opsgenie.com: the vendor's help pages, on an
 * endpoint's domain, reach no one. */
static bool endpoint_help_page(const char *host, size_t len)
{
	static const char *const help[] = { "support.", "docs.", "help.", "community.", "api.",
					    "identity.",
					    "developer.", "status.", "www.", NULL };
	size_t i, n;

	for (i = 0; help[i]; i++) {
		n = strlen(help[i]);
		if (len > n && memcmp(host, help[i], n) == 0)
			return true;
	}
	return false;
}

/*
 * "#db-alerts", "alerting-prod@lists.example.org": a channel or list whose
 * name holds one of the pack's contact_feeds words, as a whole part between
 * '-', '_', '.' or '#', is where alerts are posted, not a way to reach
 * someone.
 */
static bool names_feed(const add_ctx *a, const char *s, size_t len)
{
	size_t start = 0, i, k;

	while (start < len) {
		while (start < len && strchr("#@-_.", s[start]))
			start++;
		for (i = start; i < len && !strchr("#@-_.", s[i]); i++)
			;
		for (k = 0; k < a->nfeeds && i > start; k++)
			if (same_word(s + start, i - start, a->feeds[k]))
				return true;
		start = i;
	}
	return false;
}

/*
 * Whether a token found where contacts are is a way to reach someone.
 * `@here`, `@channel` and `@everyone` address whoever reads a chat, not a
 * contact; a URL is one only under a key that names a medium ("Status
 * Page:", "Slack:") or when its host is a paging or chat endpoint (the
 * pack's contact_endpoints): a repository, a dashboard or a page of
 * instructions reaches no one.
 */
static bool reaches_someone(const add_ctx *a, const char *role, or_contact_kind kind,
			    const char *s, size_t len)
{
	static const char *const broadcast[] = { "@here", "@channel", "@everyone", NULL };
	size_t i, host_len;
	const char *host;

	if (kind == OR_CONTACT_CHANNEL) {
		for (i = 0; broadcast[i]; i++)
			if (same_word(s, len, broadcast[i]))
				return false;
		return !names_feed(a, s, len);
	}
	if (kind == OR_CONTACT_EMAIL) {
		const char *at = memchr(s, '@', len);

		return !names_feed(a, s, at ? (size_t)(at - s) : len);
	}
	if (kind != OR_CONTACT_URL || (role && medium_key(role)))
		return true;
	host = or_contact_host(kind, s, len, &host_len);
	return host && or_domain_reserved(host, host_len, a->endpoints, a->nendpoints) &&
	       !endpoint_help_page(host, host_len);
}

#define MAX_LINKS 16

/* A Markdown link in a value: [text](href), as byte ranges. */
typedef struct link_span {
	size_t text_start, text_end, href_start, href_end;
} link_span;

/* The links of s, left to right, in one pass (at most `max` stored). */
static size_t find_links(const char *s, size_t n, link_span *out, size_t max)
{
	size_t i, open = 0, count = 0;
	bool opened = false;

	for (i = 0; i < n && count < max; i++) {
		if (s[i] == '[') {
			open = i;
			opened = true;
		} else if (s[i] == ']' && opened && i + 1 < n && s[i + 1] == '(') {
			size_t j = i + 2;

			while (j < n && s[j] != ')' && s[j] != ' ' && s[j] != '[')
				j++;
			opened = false;
			if (j < n && s[j] == ')') {
				out[count].text_start = open + 1;
				out[count].text_end = i;
				out[count].href_start = i + 2;
				out[count].href_end = j;
				count++;
				i = j;
			}
		}
	}
	return count;
}

/*
 * Every contact in one value. A link is one contact: the address of
 * [team-a@x.uk](mailto:team-a@x.uk) or the channel of [#team-a](https://
 * x.slack.com/...) is read from its text, and its target only when the text
 * holds none. A value without any contact value is one TEXT contact when
 * `text_ok` (a label or field that should hold one: "Phone: ask Sam",
 * "Escalation Manager: TBD"), else nothing: prose is not a contact.
 */
/* "<#C0123ABC>", "<@U0456>": Slack's markup for a mention inside a
 * message, shown as an example of formatting, not a channel to reach. */
static bool slack_markup(const char *value, size_t vlen, const or_contact_token *t)
{
	size_t end = t->offset + t->length;

	return t->kind == OR_CONTACT_CHANNEL && t->offset > 0 && value[t->offset - 1] == '<' &&
	       end < vlen && (value[end] == '>' || value[end] == '|');
}

static void add_value(add_ctx *a, const char *role, const char *name, const char *value,
		      int line, int column, bool text_ok)
{
	or_contact_token tokens[MAX_TOKENS];
	bool keep[MAX_TOKENS];
	link_span links[MAX_LINKS];
	size_t vlen = strlen(value);
	size_t n = or_contact_scan(value, vlen, tokens, MAX_TOKENS), i, l, j, nlinks;
	or_date verified;
	const char *bad;
	or_date_status note = verified_annotation(value, a->order, &verified, &bad);
	bool annotated = note == OR_DATE_OK;
	const char *invalid = note == OR_DATE_INVALID ? bad_date_text(a->arena, bad) : NULL;
	const char *text = or_arena_strdup(a->arena, value);

	if (n > MAX_TOKENS)
		n = MAX_TOKENS;
	if (!n) {
		size_t len = vlen;
		const char *trimmed = or_text_trim(value, &len);
		or_contact *c;
		if (!len || !text_ok)
			return;
		c = add(a, role, name, OR_CONTACT_TEXT, trimmed, len, text, line, column);
		c->invalid_verified = invalid;
		if (annotated) {
			c->verified_source = OR_VERIFIED_ANNOTATION;
			c->verified = verified;
		}
		return;
	}
	for (i = 0; i < n; i++)
		keep[i] = reaches_someone(a, role, tokens[i].kind, value + tokens[i].offset,
					  tokens[i].length) &&
			  !slack_markup(value, vlen, &tokens[i]);
	nlinks = find_links(value, vlen, links, MAX_LINKS);
	for (l = 0; l < nlinks; l++) {
		bool text_has = false;

		/* "[References](#references)": a link within the page */
		for (i = 0; i < n; i++)
			if (tokens[i].offset == links[l].href_start &&
			    value[links[l].href_start] == '#')
				keep[i] = false;
		/* "[tenant.pagerduty.com](https://identity.pagerduty.com/login)":
		 * where the link goes is a sign-in or help page, so the host its
		 * text names is that page's, not a way to reach someone */
		for (i = 0; i < n; i++)
			if (tokens[i].offset == links[l].href_start && !keep[i] &&
			    tokens[i].kind == OR_CONTACT_URL)
				for (j = 0; j < n; j++)
					if (tokens[j].kind == OR_CONTACT_URL &&
					    tokens[j].offset >= links[l].text_start &&
					    tokens[j].offset < links[l].text_end)
						keep[j] = false;

		for (j = 0; j < n && !text_has; j++)
			text_has = keep[j] && tokens[j].offset >= links[l].text_start &&
				   tokens[j].offset + tokens[j].length <= links[l].text_end;
		for (i = 0; i < n && text_has; i++)
			if (tokens[i].offset >= links[l].href_start &&
			    tokens[i].offset < links[l].href_end)
				keep[i] = false;
	}
	/* "`<#C0123>` refers to <#C0123>": one channel named twice on a line */
	for (i = 0; i < n; i++)
		for (j = 0; j < i && keep[i]; j++)
			if (keep[j] && tokens[j].kind == tokens[i].kind &&
			    tokens[j].length == tokens[i].length &&
			    memcmp(value + tokens[j].offset, value + tokens[i].offset,
				   tokens[i].length) == 0)
				keep[i] = false;
	for (i = 0; i < n; i++) {
		or_contact *c;

		if (!keep[i])
			continue;
		c = add(a, role, name, tokens[i].kind, value + tokens[i].offset, tokens[i].length,
			text, line, column + (int)tokens[i].offset);
		c->invalid_verified = invalid;
		if (annotated) {
			c->verified_source = OR_VERIFIED_ANNOTATION;
			c->verified = verified;
		}
	}
}

/*
 * Whether a value without a number, address or channel is still a
 * contact: under a key that names a medium ("Phone: call reception", which
 * contacts.invalid reports), or a placeholder where one belongs
 * ("Escalation Manager: TBD", which contacts.placeholder reports). Any other
 * text ("Team: Support Engineers") is prose, not a contact.
 */
static bool text_expected(const add_ctx *a, const char *role, const char *value)
{
	size_t i;

	if (role && medium_key(role))
		return true;
	for (i = 0; i < a->nplaceholders; i++)
		if (or_text_find_word(value, strlen(value), a->placeholders[i]))
			return true;
	return false;
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
	if (role < 0 && name < 0) {
		/* | Method | Details |: a two-column table whose first column
		 * names the medium of the second */
		if (table->rows[0].ncells != 2)
			return;
		for (r = 1; r < table->nrows; r++) {
			const or_table_row *row = &table->rows[r];

			if (row->ncells >= 2 && medium_key(row->cells[0].text) &&
			    *row->cells[1].text)
				add_value(a, row->cells[0].text, NULL, row->cells[1].text,
					  row->line, row->cells[1].column,
					  text_expected(a, row->cells[0].text, row->cells[1].text));
		}
		return;
	}
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
					  row->cells[c].column,
					  text_expected(a, table->rows[0].cells[c].text,
							row->cells[c].text));
		}
	}
}

/* Markup that does not change what a contact line says: emphasis, code
 * spans. A '_' between letters or digits stays ("team_a@corp.example"). */
static void plain_text(or_buf *out, const char *s, size_t len)
{
	size_t i;

	or_buf_clear(out);
	for (i = 0; i < len; i++) {
		bool inner = s[i] == '_' && i > 0 && i + 1 < len &&
			     ((unsigned char)s[i - 1] >= 0x80 || isalnum((unsigned char)s[i - 1])) &&
			     ((unsigned char)s[i + 1] >= 0x80 || isalnum((unsigned char)s[i + 1]));

		if ((s[i] != '*' && s[i] != '`' && s[i] != '_') || inner)
			or_buf_putc(out, s[i]);
	}
}

/*
 * A line of a code block inside a contact section that is one address and
 * nothing else ("    team-b@pagerduty.example.com"): a contact of the
 * section. Any other code line is not read.
 */
static void extract_code_line(add_ctx *a, const char *role, const char *s, size_t len, int line)
{
	or_contact_token tok[2];
	const char *t = or_text_trim(s, &len);
	size_t n;

	if (!len)
		return;
	n = or_contact_scan(t, len, tok, 2);
	if (n != 1 || tok[0].offset != 0 || tok[0].length != len)
		return;
	add_value(a, role, NULL, or_arena_strndup(a->arena, t, len), line,
		  (int)(t - s) + 1, false);
}

/*
 * The lines of a contact section that are neither a **Label:** (read as
 * key/value already) nor a table row: list items ("- Primary on-call: hana
 * (+1-555-6308)" gives the role before the colon; "- Jane Doe, +44 20 7946
 * 0018" a contact of the section's role), "label: value" lines
 * ("email: ops@corp.example"), the addresses of a code block, and the
 * addresses, numbers and channels in the section's sentences. A sentence
 * without one is prose, not a contact.
 */
static void extract_lines(add_ctx *a, const or_document *doc, int section, const bool *marked)
{
	const or_section *sec = &doc->sections[section];
	or_buf text = OR_BUF_INIT;
	int line;

	for (line = sec->line + 1; line <= sec->end_line; line++) {
		size_t len, i = 0;
		const char *s = or_document_line(doc, line, &len), *colon, *value;
		const char *role = sec->name;
		bool item = false, labelled = false;

		if (!s || (size_t)line > doc->nlines || marked[line] ||
		    or_document_section_at(doc, line) != section)
			continue;
		if (or_document_line_in_code(doc, line)) {
			extract_code_line(a, sec->name, s, len, line);
			continue;
		}
		while (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i < len && (s[i] == '-' || s[i] == '*' || s[i] == '+') && i + 1 < len &&
		    s[i + 1] == ' ') {
			i += 2;
			item = true;
		} else {
			size_t d = i;
			while (d < len && s[d] >= '0' && s[d] <= '9')
				d++;
			if (d > i && d + 1 < len && (s[d] == '.' || s[d] == ')') && s[d + 1] == ' ') {
				i = d + 2;
				item = true;
			}
		}
		if (!item && i < len && (s[i] == '#' || s[i] == '|' || s[i] == '<'))
			continue; /* a heading, a table or HTML */
		if (item && i + 4 <= len && s[i] == '[' && s[i + 2] == ']')
			i += 4; /* a task box */
		plain_text(&text, s + i, len - i);
		value = text.ptr ? text.ptr : "";
		colon = strchr(value, ':');
		/* "Role: value", unless the colon belongs to a URL or a time */
		if (colon && colon - value <= 60 && colon[1] == ' ') {
			role = or_arena_strndup(a->arena, value, (size_t)(colon - value));
			value = colon + 1;
			labelled = true;
		}
		add_value(a, role, NULL, value, line, 1,
			  labelled && (medium_key(role) || (item && text_expected(a, role, value))));
	}
	or_buf_dispose(&text);
}

void or_contacts_extract(or_contact **items, size_t *count, size_t *cap, or_arena *arena,
			 const or_document *doc, const or_contact_words *words,
			 or_date_order order)
{
	add_ctx a = { items, count, cap, arena, doc->path, order, false, words->endpoints,
		      words->nendpoints, words->placeholders, words->nplaceholders,
		      words->feeds, words->nfeeds };
	bool *holds = sections_holding_contacts(doc, words->headings, words->nheadings);
	bool *marked, any = false;
	size_t i, r;

	for (i = 0; i < doc->nsections && !any; i++)
		any = holds[i];
	if (!any) {
		free(holds);
		return;
	}
#define HOLDS(section) ((section) >= 0 && (size_t)(section) < doc->nsections && holds[section])
	/* the lines read as a label or a table row: not read again as lines */
	marked = or_xcalloc(doc->nlines + 2, sizeof(bool));
	for (i = 0; i < doc->nkvs; i++) {
		const or_kv *kv = &doc->kvs[i];

		if (kv->source != OR_KV_LABEL)
			continue;
		if (kv->line >= 1 && (size_t)kv->line <= doc->nlines)
			marked[kv->line] = true;
		if (!*kv->value || !HOLDS(kv->section))
			continue;
		add_value(&a, kv->key, NULL, kv->value, kv->line,
			  kv->value_column ? kv->value_column : kv->column,
			  text_expected(&a, kv->key, kv->value));
	}
	for (i = 0; i < doc->ntables; i++) {
		for (r = 0; r < doc->tables[i].nrows; r++) {
			int l = doc->tables[i].rows[r].line;

			if (l >= 1 && (size_t)l <= doc->nlines)
				marked[l] = true;
		}
		if (HOLDS(doc->tables[i].section))
			extract_table(&a, &doc->tables[i],
				      doc->sections[doc->tables[i].section].name);
	}
	for (i = 0; i < doc->nsections; i++)
		if (holds[i])
			extract_lines(&a, doc, (int)i, marked);
#undef HOLDS
	free(marked);
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
	add_ctx a = { items, count, cap, arena, NULL, order, true, NULL, 0, NULL, 0, NULL, 0 };
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
