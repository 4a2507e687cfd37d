/* The commands in code blocks: shell-like words read from each command line
 * to find the repository paths it runs or reads (or_command_ref). */
#include <stdlib.h>
#include <string.h>

#include "input/document.h"
#include "input/document_builder.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/text.h"

/* ------------------------------------------------------------------------ */
/* Code blocks and the commands in them                                     */

or_code_kind or_doc_code_kind(const char *info)
{
	static const char *const scripts[] = {
		"bash", "sh", "shell", "zsh", "ksh", "powershell", "ps1", "pwsh", "cmd", "bat",
		"batch", "fish"
	};
	static const char *const consoles[] = { "console", "shell-session", "shellsession", "terminal" };
	static const char *const data[] = { "json", "jsonc", "json5", "yaml", "yml", "xml",
					    "toml", "ini", "csv", "text", "txt", "plain",
					    "plaintext", "output", "log", "html", "diff", "http" };
	char word[32];
	size_t n = 0, k;

	while (*info == ' ' || *info == '\t')
		info++;
	while (info[n] && info[n] != ' ' && info[n] != '\t' && info[n] != '{' && info[n] != ',' &&
	       n < sizeof(word) - 1) {
		word[n] = (char)lower_ascii((unsigned char)info[n]);
		n++;
	}
	word[n] = '\0';
	if (n == 0)
		return OR_CODE_SCRIPT;
	for (k = 0; k < N_ITEMS(scripts); k++)
		if (strcmp(word, scripts[k]) == 0)
			return OR_CODE_SCRIPT;
	for (k = 0; k < N_ITEMS(consoles); k++)
		if (strcmp(word, consoles[k]) == 0)
			return OR_CODE_CONSOLE;
	for (k = 0; k < N_ITEMS(data); k++)
		if (strcmp(word, data[k]) == 0)
			return OR_CODE_DATA;
	return OR_CODE_OTHER;
}

static void cmd_append(parse_ctx *ctx, const char *s, size_t len, int line, int col)
{
	size_t k, need = ctx->cmd.size + len + 1;

	if (need > ctx->cmd_cap) {
		size_t cap = ctx->cmd_cap;
		ctx->cmd_line = or_xgrow(ctx->cmd_line, &cap, need, sizeof(int));
		ctx->cmd_col = or_xrealloc(ctx->cmd_col, cap * sizeof(int));
		ctx->cmd_cap = cap;
	}
	for (k = 0; k < len; k++) {
		ctx->cmd_line[ctx->cmd.size + k] = line;
		ctx->cmd_col[ctx->cmd.size + k] = col + (int)k;
	}
	or_buf_put(&ctx->cmd, s, len);
}

static bool is_interpreter(const char *tok, size_t len)
{
	static const char *const names[] = {
		"bash", "sh", "zsh", "source", ".", "python", "python3", "ruby", "perl", "node", "pwsh"
	};
	size_t k, base = len;

	while (base > 0 && tok[base - 1] != '/')
		base--;
	for (k = 0; k < N_ITEMS(names); k++)
		if (strlen(names[k]) == len - base && memcmp(tok + base, names[k], len - base) == 0)
			return true;
	return false;
}

static bool ends_with(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);
	return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

static bool path_acceptable(const char *p, size_t len)
{
	size_t i;

	if (len == 0 || p[0] == '/' || p[0] == '\\')
		return false;
	for (i = 0; i < len; i++) {
		if (strchr("$*?{~<>|`", p[i]) || p[i] == '\0')
			return false;
		if (p[i] == ':' && i + 2 < len && p[i + 1] == '/' && p[i + 2] == '/')
			return false;
	}
	return true;
}

typedef struct cmd_token {
	or_buf text;
	int *origin;       /* index into ctx->cmd of each byte of text */
	size_t origin_cap;
} cmd_token;

static void tok_put(cmd_token *tok, char c, size_t origin)
{
	tok->origin = or_xgrow(tok->origin, &tok->origin_cap, tok->text.size + 1, sizeof(int));
	tok->origin[tok->text.size] = (int)origin;
	or_buf_putc(&tok->text, c);
}

static void add_command_ref(parse_ctx *ctx, const cmd_token *tok, size_t start, size_t len,
			    int block, const char *command)
{
	or_command_ref *ref;
	const char *p = tok->text.ptr + start;
	size_t origin;

	if (ctx->cd_elsewhere || !path_acceptable(p, len))
		return;
	origin = (size_t)tok->origin[start];
	while (len >= 2 && p[0] == '.' && p[1] == '/') {
		p += 2;
		len -= 2;
		while (len && p[0] == '/') {
			p++;
			len--;
		}
	}
	if (len == 0 || (len == 1 && p[0] == '.') || (len == 2 && p[0] == '.' && p[1] == '.'))
		return;
	ref = vec_push(&ctx->commands, sizeof(or_command_ref));
	ref->path = or_arena_strndup(ctx->arena, p, len);
	ref->command = command;
	ref->dir = ctx->cd_dir;
	ref->line = ctx->cmd_line[origin];
	ref->column = ctx->cmd_col[origin];
	ref->block = block;
	ref->section = ctx->cur_section;
}

/* Length of "NAME=" or "--opt=" at the start of a token, or 0. */
static size_t assignment_prefix(const char *s, size_t len)
{
	size_t i = 0;

	if (len && s[0] == '-') {
		while (i < len && s[i] == '-')
			i++;
		if (i > 2 || i == len || !is_alnum_ascii((unsigned char)s[i]))
			return 0;
		while (i < len && (is_alnum_ascii((unsigned char)s[i]) || s[i] == '-' || s[i] == '_' ||
				   s[i] == '.'))
			i++;
	} else {
		if (!len || !(s[0] == '_' || (is_alnum_ascii((unsigned char)s[0]) &&
					      !(s[0] >= '0' && s[0] <= '9'))))
			return 0;
		while (i < len && (is_alnum_ascii((unsigned char)s[i]) || s[i] == '_'))
			i++;
	}
	return i < len && s[i] == '=' ? i + 1 : 0;
}

/* Longest `cd` folder followed; past it the block is not followed. */
#define CD_DIR_MAX 1024

static bool word_is(const char *t, size_t len, const char *word)
{
	return strlen(word) == len && memcmp(t, word, len) == 0;
}

/*
 * `cd t`: where the block's next commands run. A relative folder is joined
 * to the one before (the check decides whether it is the repository's); an
 * absolute, "~" or "$VAR" folder, `cd -` or `cd` alone (home) is somewhere
 * else, where the block's relative paths are another checkout's.
 */
static void change_dir(parse_ctx *ctx, const char *t, size_t len)
{
	/* its ")" may have gone with the separators a token ends with */
	static const char toplevel[] = "$(git rev-parse --show-toplevel";
	size_t have;
	char *dir;

	if (t && len >= sizeof(toplevel) - 1 && memcmp(t, toplevel, sizeof(toplevel) - 1) == 0 &&
	    (len == sizeof(toplevel) - 1 || word_is(t + len - 1, 1, ")"))) {
		ctx->cd_dir = NULL; /* back at the repository's root */
		ctx->cd_elsewhere = false;
		return;
	}
	if (ctx->cd_elsewhere)
		return;
	if (!t || !path_acceptable(t, len) || (len == 1 && t[0] == '-')) {
		ctx->cd_elsewhere = true;
		return;
	}
	if (len == 1 && t[0] == '.')
		return;
	have = ctx->cd_dir ? strlen(ctx->cd_dir) : 0;
	if (have + len + 1 > CD_DIR_MAX) {
		ctx->cd_elsewhere = true;
		return;
	}
	dir = or_arena_alloc(ctx->arena, have + len + 2);
	if (have) {
		memcpy(dir, ctx->cd_dir, have);
		dir[have++] = '/';
	}
	memcpy(dir + have, t, len);
	dir[have + len] = '\0';
	ctx->cd_dir = dir;
}

static bool is_dot_path(const char *s, size_t len)
{
	return (len >= 2 && s[0] == '.' && s[1] == '/') ||
	       (len >= 3 && s[0] == '.' && s[1] == '.' && s[2] == '/');
}

/* Tokenise the logical command in ctx->cmd and record its path references. */
static void scan_command(parse_ctx *ctx, int block)
{
	const char *c = or_buf_cstr(&ctx->cmd);
	size_t n = ctx->cmd.size, i = 0, tlen;
	const char *command;
	cmd_token tok = { OR_BUF_INIT, NULL, 0 };
	bool cmd_pos = true, interp_arg = false, cd_arg = false;

	tlen = n;
	command = or_text_trim(c, &tlen);
	if (tlen == 0)
		return;
	command = or_arena_strndup(ctx->arena, command, tlen);

	while (i < n) {
		const char *t;
		size_t len, pre;
		bool sep_after = false;

		while (i < n && is_space_ascii((unsigned char)c[i]))
			i++;
		if (i >= n || c[i] == '#')
			break;
		or_buf_clear(&tok.text);
		while (i < n && !is_space_ascii((unsigned char)c[i])) {
			if (c[i] == '\'') {
				for (i++; i < n && c[i] != '\''; i++)
					tok_put(&tok, c[i], i);
				if (i < n)
					i++;
			} else if (c[i] == '"') {
				for (i++; i < n && c[i] != '"'; i++) {
					if (c[i] == '\\' && i + 1 < n && strchr("\"\\$`", c[i + 1]))
						i++;
					tok_put(&tok, c[i], i);
				}
				if (i < n)
					i++;
			} else if (c[i] == '\\' && i + 1 < n) {
				tok_put(&tok, c[i + 1], i + 1);
				i += 2;
			} else {
				tok_put(&tok, c[i], i);
				i++;
			}
		}
		t = or_buf_cstr(&tok.text);
		len = tok.text.size;
		/* trailing separators */
		for (;;) {
			if (len >= 2 && t[len - 2] == '&' && t[len - 1] == '&') {
				len -= 2;
				sep_after = true;
			} else if (len >= 1 && (t[len - 1] == ';' || t[len - 1] == ')' || t[len - 1] == ',')) {
				if (t[len - 1] == ';')
					sep_after = true;
				len--;
			} else {
				break;
			}
		}
		if (len == 0 || (len <= 2 && strchr("|&(", t[0]))) {
			if (cd_arg)
				change_dir(ctx, NULL, 0);
			cmd_pos = true;
			interp_arg = false;
			cd_arg = false;
			continue;
		}
		if (cd_arg) {
			if (t[0] != '-' || len == 1) {
				change_dir(ctx, t, len);
				cd_arg = false;
			}
		} else if (cmd_pos) {
			pre = assignment_prefix(t, len);
			if (pre && t[0] != '-') {
				/* NAME=value before the command: not run */
			} else if (word_is(t, len, "cd") || word_is(t, len, "pushd")) {
				cd_arg = true;
				cmd_pos = false;
			} else if (word_is(t, len, "popd")) {
				ctx->cd_elsewhere = true; /* not followed */
				cmd_pos = false;
			} else if ((len == 4 && memcmp(t, "sudo", 4) == 0) ||
				   (len == 3 && memcmp(t, "env", 3) == 0) ||
				   (len == 4 && memcmp(t, "time", 4) == 0) ||
				   (len == 4 && memcmp(t, "exec", 4) == 0) ||
				   (len == 5 && memcmp(t, "nohup", 5) == 0) ||
				   (len == 8 && memcmp(t, "/bin/env", 8) == 0) ||
				   (len == 12 && memcmp(t, "/usr/bin/env", 12) == 0)) {
				/* still in command position */
			} else if (t[0] == '-') {
				/* an option of sudo/env */
			} else if (t[len - 1] == ':') {
				/* "name.json: |", "step:": a YAML key or a label, not a command */
				cmd_pos = false;
			} else {
				if (is_dot_path(t, len))
					add_command_ref(ctx, &tok, 0, len, block, command);
				interp_arg = is_interpreter(t, len);
				cmd_pos = false;
			}
		} else if (interp_arg) {
			if (t[0] == '-') {
				if ((len == 2 && (t[1] == 'c' || t[1] == 'm' || t[1] == 'e')) ||
				    (len > 2 && t[1] == 'c'))
					interp_arg = false;
			} else {
				interp_arg = false;
				if (memchr(t, '/', len) || ends_with(t, len, ".sh") || ends_with(t, len, ".py") ||
				    ends_with(t, len, ".rb") || ends_with(t, len, ".pl") ||
				    ends_with(t, len, ".js") || ends_with(t, len, ".ps1"))
					add_command_ref(ctx, &tok, 0, len, block, command);
			}
		}
		/* Other arguments ("go test ./...", "git clone URL ./repo",
		 * "--ignorefile ./x") are not run: not recorded. */
		if (sep_after) {
			if (cd_arg)
				change_dir(ctx, NULL, 0);
			cmd_pos = true;
			interp_arg = false;
			cd_arg = false;
		}
	}
	if (cd_arg)
		change_dir(ctx, NULL, 0);
	or_buf_dispose(&tok.text);
	free(tok.origin);
}

/* Column (1-based) where code line `t` (a suffix of source line `line`) starts. */
static int code_line_column(const parse_ctx *ctx, int line, const char *t, size_t tlen)
{
	size_t slen;
	const char *s = or_document_line(ctx->doc, line, &slen);

	if (s && tlen <= slen && memcmp(s + slen - tlen, t, tlen) == 0)
		return (int)(slen - tlen) + 1;
	return 1;
}

void or_doc_scan_code_commands(parse_ctx *ctx, const or_code_block *cb, int block)
{
	or_code_kind kind = cb->kind;
	const char *lit = cb->literal;
	bool has_prompt = false, continuing = false;
	int line = cb->first_line;
	const char *p;

	if (kind != OR_CODE_SCRIPT && kind != OR_CODE_CONSOLE)
		return;
	ctx->cd_dir = NULL;
	ctx->cd_elsewhere = false;
	if (kind == OR_CODE_CONSOLE) {
		for (p = lit; *p; ) {
			const char *e = strchr(p, '\n');
			while (*p == ' ' || *p == '\t')
				p++;
			if ((p[0] == '$' || p[0] == '#') && (p[1] == ' ' || p[1] == '\t'))
				has_prompt = true;
			if (!e)
				break;
			p = e + 1;
		}
	}
	or_buf_clear(&ctx->cmd);
	for (p = lit; *p; line++) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		size_t i = 0, end;
		int col0;

		if (len && p[len - 1] == '\r')
			len--;
		col0 = code_line_column(ctx, line, p, len);
		while (i < len && (p[i] == ' ' || p[i] == '\t'))
			i++;
		if (!continuing) {
			if (kind == OR_CODE_CONSOLE && has_prompt) {
				if (i + 1 < len && (p[i] == '$' || p[i] == '#') &&
				    (p[i + 1] == ' ' || p[i + 1] == '\t'))
					i += 2;
				else
					goto next; /* output */
			} else if (kind == OR_CODE_SCRIPT && i < len && p[i] == '#') {
				goto next;
			}
		} else if (kind == OR_CODE_CONSOLE && i + 1 < len && p[i] == '>' && p[i + 1] == ' ') {
			i += 2;
		}
		end = len;
		while (end > i && (p[end - 1] == ' ' || p[end - 1] == '\t'))
			end--;
		continuing = end > i && p[end - 1] == '\\';
		if (continuing) {
			end--;
			while (end > i && (p[end - 1] == ' ' || p[end - 1] == '\t'))
				end--;
		}
		if (ctx->cmd.size)
			cmd_append(ctx, " ", 1, line, col0 + (int)i);
		cmd_append(ctx, p + i, end - i, line, col0 + (int)i);
		if (!continuing) {
			scan_command(ctx, block);
			or_buf_clear(&ctx->cmd);
		}
next:
		if (!e)
			break;
		p = e + 1;
	}
	if (ctx->cmd.size) {
		scan_command(ctx, block);
		or_buf_clear(&ctx->cmd);
	}
}
