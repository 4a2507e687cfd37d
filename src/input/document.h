/*
 * The document model: one Markdown file as the checks see it. Built from
 * cmark-gfm (with the table and tasklist extensions) and libyaml for front
 * matter; the cmark tree is converted and freed at once, so checks never see
 * cmark nodes.
 *
 * Every string and array of a document lives in its arena and dies with
 * or_document_free(). Lines and columns are 1-based; columns count bytes
 * (as cmark-gfm does).
 */
#ifndef OR_INPUT_DOCUMENT_H
#define OR_INPUT_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"

/* A status marker found in a checklist item or a status value. */
typedef enum or_item_status {
	OR_ITEM_NONE = 0,        /* no marker */
	OR_ITEM_COMPLETE,        /* ✅ ☑ ✔ ✔️ :white_check_mark: :heavy_check_mark: "Complete", "Done" */
	OR_ITEM_IN_PROGRESS,     /* ⚠️ ⚠ 🚧 ⏳ :warning: :construction: "In Progress", "WIP", "Draft", "Pending" */
	OR_ITEM_MISSING          /* ❌ ✖ ✗ :x: "Missing", "TODO", "Not Started" */
} or_item_status;

/*
 * Find a status marker in `text` (mojibake such as "‚úÖ" is recognised as
 * what it should have been). Emoji and shortcodes count anywhere in the text;
 * words count only as a whole marker: "(In Progress)", "- In Progress",
 * "Status: WIP", or the text being just the word(s), with an emoji before it
 * ("✅ Complete"). When several markers appear, the first one wins. On a
 * marker, *marker_offset / *marker_len (if not NULL) give its bytes in text.
 */
or_item_status or_status_parse(const char *text, size_t len, size_t *marker_offset,
			       size_t *marker_len);
/* "complete", "in-progress", "missing" or "none" (static). */
const char *or_item_status_name(or_item_status status);

typedef struct or_section {
	int level;          /* 1-6 */
	const char *title;  /* heading text as written, inline markup flattened */
	const char *name;   /* or_text_heading_name(title): "Emergency Procedures" */
	const char *anchor; /* GitHub anchor, made unique in the document ("x", "x-1") */
	int line, column;   /* of the heading */
	int end_line;       /* last line before the next heading of this level or above,
			       or the last line of the document */
	int parent;         /* index of the enclosing section, -1 at top level */
	bool has_content;   /* any block (a deeper heading counts) before the next
			       heading of this level or above; a thematic break or
			       an HTML block of comments alone does not count */
} or_section;

typedef enum or_kv_source {
	OR_KV_FRONT_MATTER = 0, /* a top-level scalar of the YAML front matter */
	OR_KV_LABEL,            /* "**Key:** value", "**Key**: value", "*Key:* value",
				   "__Key:__ value" at the start of a paragraph line */
	OR_KV_TABLE             /* a row of a two-column table: | Key | Value | */
} or_kv_source;

/* A key/value pair found in the document: metadata, contacts, escalation
 * fields. Which keys mean what is decided later (the pack's aliases). */
typedef struct or_kv {
	const char *key;    /* as written, markup and trailing ':' removed: "Last Updated" */
	const char *value;  /* the rest of the line, inline markup flattened, trimmed */
	int line, column;   /* of the key */
	int value_column;   /* of the value */
	or_kv_source source;
	int section;        /* enclosing section, -1 before the first heading */
	bool in_list;       /* the line is inside a list item */
} or_kv;

/* A list item that is a GFM task item, or that carries a status marker. */
typedef struct or_task {
	bool is_task;           /* "- [ ]" / "- [x]" */
	bool checked;           /* "[x]" or "[X]" */
	or_item_status status;  /* marker in the item's own text, OR_ITEM_NONE if none */
	const char *marker;     /* the marker as written ("‚úÖ", "(In Progress)"), or NULL */
	const char *text;       /* the item's first paragraph, inline markup flattened */
	int line, column;       /* of the list item */
	int marker_column;      /* of the marker, 0 if none */
	int section;
} or_task;

/* A fenced or indented code block. */
/* What a code block holds, from its info string's first word. */
typedef enum or_code_kind {
	OR_CODE_OTHER = 0,   /* a program in another language ("python", "hcl") */
	OR_CODE_SCRIPT,      /* shell commands: "bash", "sh", ... or no info string */
	OR_CODE_CONSOLE,     /* a shell session with prompts: "console", "terminal" */
	OR_CODE_DATA         /* data or output, shown and not run: "json", "yaml", "text" */
} or_code_kind;

typedef struct or_code_block {
	const char *info;    /* info string ("bash"), "" if none */
	or_code_kind kind;
	const char *literal; /* contents */
	int line;            /* line of the opening fence (of the first line if indented) */
	int first_line;      /* line of the first content line */
	int last_line;       /* line of the last content line (first_line - 1 if empty) */
	int end_line;        /* last line of the block: the closing fence if any */
	int section;
} or_code_block;

/* A repository path that a command in a code block runs: the command word
 * ("./scripts/failover-drill.sh") or the script an interpreter is given
 * ("bash tools/check.sh", "python3 x/y.py"). Arguments ("go test ./...",
 * "--config ./x") are not recorded, nor is anything after a `cd` that leaves
 * the repository's folders (an absolute, "~" or "$VAR" path, `cd -`, `popd`). */
typedef struct or_command_ref {
	const char *path;    /* as written, quotes and a leading "./" removed */
	const char *command; /* the whole command line it appeared on, trimmed */
	const char *dir;     /* the folder an earlier relative `cd` of the block moved
				to, as written and joined ("ops/../tools"), or NULL
				when the command runs where the block starts */
	int line, column;    /* of the path */
	int block;           /* index into code_blocks */
	int section;
} or_command_ref;

/* A link or image destination. */
typedef struct or_link {
	const char *dest;   /* as written */
	const char *text;   /* the link text, flattened */
	int line, column;
	bool is_image;
	int section;
} or_link;

typedef struct or_table_cell {
	const char *text;   /* flattened, trimmed */
	int column;
} or_table_cell;

typedef struct or_table_row {
	or_table_cell *cells;
	size_t ncells;
	int line;
	bool is_header;
} or_table_row;

typedef struct or_table {
	or_table_row *rows; /* the header row first */
	size_t nrows;
	size_t ncols;
	int line;
	int section;
} or_table;

/*
 * An inline suppression: <!-- opsready-disable-next-line RULE[,RULE] reason -->
 * covers the next line; <!-- opsready-disable RULE reason --> covers the lines
 * up to <!-- opsready-enable RULE --> (or the end of the file). Without a
 * rule id it covers every rule.
 */
typedef struct or_suppression {
	bool next_line;
	const char *rules;      /* as written, comma-separated; "" for every rule */
	const char *reason;     /* NULL when none was given */
	int line, column;       /* of the comment */
	int first_line, last_line; /* the lines it covers */
} or_suppression;

/* True when `s` covers `rule_id` at `line`. */
bool or_suppression_covers(const or_suppression *s, const char *rule_id, int line);

typedef struct or_document {
	or_arena *arena;
	const char *path;       /* repository-relative */
	const char *source;     /* the file's bytes, NUL-terminated (front matter included) */
	size_t source_len;
	const size_t *line_starts; /* byte offset of each line; line N is line_starts[N-1] */
	size_t nlines;

	const char *title;      /* front matter `title`, else the first level-1 heading, else NULL */
	const char *type;       /* front matter `type` ("runbook"), else NULL */

	bool has_front_matter;
	const char *front_matter_error; /* libyaml's problem, or NULL */
	int front_matter_error_line, front_matter_error_column;
	int front_matter_end_line; /* line of the closing "---", 0 without front matter */

	or_section *sections; size_t nsections;
	or_kv *kvs; size_t nkvs;
	or_task *tasks; size_t ntasks;
	or_code_block *code_blocks; size_t ncode_blocks;
	or_command_ref *commands; size_t ncommands;
	or_link *links; size_t nlinks;
	or_table *tables; size_t ntables;
	or_suppression *suppressions; size_t nsuppressions;

	const int *anchor_index; /* section indices sorted by anchor (strcmp), for lookups */
	/* anchors the document sets itself, sorted (strcmp): <a name="x">, an
	 * id="x" attribute of an HTML tag, a heading's {#x} attribute */
	const char **explicit_anchors; size_t nexplicit_anchors;
} or_document;

/*
 * Parse `len` bytes of Markdown (not necessarily NUL-terminated; any bytes,
 * including invalid UTF-8 and NULs, are accepted) into *out. The document
 * copies what it keeps. Never fails on content: malformed front matter is
 * recorded in front_matter_error. Returns 0, or -1 only if cmark-gfm could
 * not be set up.
 */
int or_document_parse(or_document **out, const char *path, const char *data, size_t len);

/* Registers cmark-gfm's extensions (process-wide). or_document_parse does it
 * too; call this once before parsing on several threads at once. */
void or_document_init(void);
void or_document_free(or_document *doc);

/* Find the inline suppressions of a parsed document (or_document_parse calls
 * it; lines inside code blocks are not read). */
void or_document_find_suppressions(or_document *doc);

/* Line `line` (1-based) without its line ending; *len set. NULL if out of range. */
const char *or_document_line(const or_document *doc, int line, size_t *len);
/* Index of the innermost section containing `line`, or -1. */
int or_document_section_at(const or_document *doc, int line);
/* True when `line` lies inside a code block (fences included). */
bool or_document_line_in_code(const or_document *doc, int line);
/* Section whose anchor is `anchor` (without '#'), or -1. */
int or_document_find_anchor(const or_document *doc, const char *anchor);
/* True when `anchor` is one the document sets itself (explicit_anchors). */
bool or_document_has_explicit_anchor(const or_document *doc, const char *anchor);
/* The length of a heading title without a trailing attribute list
 * ("Restore {#restore-db}", "Restore {: #x .c}"), as site generators read it. */
size_t or_document_title_text_len(const char *title);

#endif
