/*
 * CODEOWNERS: reading the file safely, parsing its lines into rules and
 * matching a path against them (last matching rule wins).
 *
 * Patterns follow gitignore as GitHub documents them: a pattern without a
 * '/' (other than a trailing one) matches at any depth; a leading '/' or a
 * '/' inside anchors it at the root; a trailing '/' matches a folder and
 * everything below it; a pattern whose last segment is a plain name
 * matches that file or that folder and everything below it, while one
 * whose last segment has a wildcard ("docs/" "*") does not reach into nested
 * folders. '*', '?', '**' and [classes] are util/glob's; braces are
 * literal here.
 */
#include "input/codeowners.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/alloc.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/glob.h"

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* The next whitespace-separated token of s[*i, len), backslash escapes
 * kept; false at the end. */
static bool next_token(const char *s, size_t len, size_t *i, size_t *start, size_t *end)
{
	size_t p = *i;

	while (p < len && is_space(s[p]))
		p++;
	if (p >= len)
		return false;
	*start = p;
	while (p < len && !is_space(s[p])) {
		if (s[p] == '\\' && p + 1 < len)
			p++;
		p++;
	}
	*end = p;
	*i = p;
	return true;
}

/* Owners from s[i, len) joined by one space, up to a '#' comment. */
static void read_owners(or_buf *out, const char *s, size_t len, size_t i)
{
	size_t start, end;

	while (next_token(s, len, &i, &start, &end)) {
		if (s[start] == '#')
			break;
		if (out->size)
			or_buf_putc(out, ' ');
		or_buf_put(out, s + start, end - start);
	}
}

/*
 * A GitLab section header: `[Name]`, `^[Name]`, `[Name][2]`, then default
 * owners. 1 and the defaults in *defaults when s[0, len) is one.
 */
static int section_header(or_buf *defaults, const char *s, size_t len)
{
	size_t i = 0;

	if (i < len && s[i] == '^')
		i++;
	if (i >= len || s[i] != '[')
		return 0;
	while (i < len && s[i] != ']')
		i++;
	if (i >= len)
		return 0;
	i++;
	if (i < len && s[i] == '[') {
		size_t j = i + 1;
		while (j < len && s[j] >= '0' && s[j] <= '9')
			j++;
		if (j >= len || s[j] != ']' || j == i + 1)
			return 0;
		i = j + 1;
	}
	if (i < len && !is_space(s[i]))
		return 0;
	or_buf_clear(defaults);
	read_owners(defaults, s, len, i);
	return 1;
}

/* The glob(s) of one pattern; -1 when it cannot be one. */
static int compile_pattern(or_codeowners_rule *rule, or_arena *arena, const char *p, size_t len)
{
	or_buf glob = OR_BUF_INIT;
	const char *why;
	size_t i, last_segment = 0;
	bool anchored = false, dir_only = false, wildcard = false, inner_slash = false;
	int rc = -1;

	while (len && p[0] == '/') {
		anchored = true;
		p++;
		len--;
	}
	while (len && p[len - 1] == '/' && !(len >= 2 && p[len - 2] == '\\')) {
		dir_only = true;
		len--;
	}
	if (!len)
		goto done;
	for (i = 0; i < len; i++) {
		if (p[i] == '\\' && i + 1 < len) {
			i++;
		} else if (p[i] == '/') {
			inner_slash = true;
			last_segment = i + 1;
		}
	}
	for (i = last_segment; i < len; i++) {
		if (p[i] == '\\' && i + 1 < len)
			i++;
		else if (p[i] == '*' || p[i] == '?' || p[i] == '[')
			wildcard = true;
	}
	if (!anchored && !inner_slash)
		or_buf_puts(&glob, "**/");
	for (i = 0; i < len; i++) {
		if (p[i] == '\\' && i + 1 < len) {
			or_buf_put(&glob, p + i, 2);
			i++;
			continue;
		}
		if (p[i] == '{' || p[i] == '}')
			or_buf_putc(&glob, '\\');
		or_buf_putc(&glob, p[i]);
	}
	if (dir_only)
		or_buf_puts(&glob, "/**");
	if (or_glob_validate(or_buf_cstr(&glob), &why) != 0)
		goto done;
	rule->glob = or_arena_strndup(arena, glob.ptr, glob.size);
	rule->below = NULL;
	if (!dir_only && !wildcard) {
		or_buf_puts(&glob, "/**");
		if (or_glob_validate(or_buf_cstr(&glob), &why) != 0)
			goto done;
		rule->below = or_arena_strndup(arena, glob.ptr, glob.size);
	}
	rc = 0;
done:
	or_buf_dispose(&glob);
	return rc;
}

static void parse_line(or_codeowners *co, size_t *cap, or_buf *defaults, const char *s,
		       size_t len, int line)
{
	or_buf owners = OR_BUF_INIT;
	or_codeowners_rule rule;
	size_t i = 0, start, end;

	while (len && is_space(s[0])) {
		s++;
		len--;
	}
	while (len && is_space(s[len - 1]))
		len--;
	if (!len || s[0] == '#')
		return;
	if (len > OR_CODEOWNERS_MAX_LINE || memchr(s, '\0', len)) {
		co->skipped++;
		return;
	}
	if (section_header(defaults, s, len))
		return;
	if (co->nrules >= OR_CODEOWNERS_MAX_RULES) {
		co->skipped++;
		return;
	}
	if (!next_token(s, len, &i, &start, &end))
		return;
	memset(&rule, 0, sizeof(rule));
	if (end - start > OR_CODEOWNERS_MAX_PATTERN ||
	    compile_pattern(&rule, co->arena, s + start, end - start) != 0) {
		co->skipped++;
		return;
	}
	read_owners(&owners, s, len, i);
	if (!owners.size && defaults->size)
		or_buf_put(&owners, defaults->ptr, defaults->size);
	rule.pattern = or_arena_strndup(co->arena, s + start, end - start);
	rule.owners = or_arena_strndup(co->arena, owners.size ? owners.ptr : "", owners.size);
	rule.text = or_arena_strndup(co->arena, s, len);
	rule.line = line;
	co->rules = or_xgrow(co->rules, cap, co->nrules + 1, sizeof(*co->rules));
	co->rules[co->nrules++] = rule;
	or_buf_dispose(&owners);
}

void or_codeowners_parse(or_codeowners *out, const char *path, const char *text, size_t len)
{
	or_buf defaults = OR_BUF_INIT;
	size_t pos = 0, cap = 0;
	int line = 0;

	memset(out, 0, sizeof(*out));
	out->arena = or_arena_new();
	out->path = path ? or_arena_strdup(out->arena, path) : NULL;
	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;

		if (line < 0x7fffffff)
			line++;
		parse_line(out, &cap, &defaults, text + pos, end - pos, line);
		pos = end + 1;
	}
	or_buf_dispose(&defaults);
}

void or_codeowners_load(or_codeowners *out, const char *root)
{
	static const char *const locations[] = {
		"CODEOWNERS", ".github/CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS",
	};
	size_t i;

	for (i = 0; i < sizeof(locations) / sizeof(locations[0]); i++) {
		char *full = or_fs_join(root, locations[i]), *text = NULL;
		or_diag diag = OR_DIAG_INIT;
		struct stat st;
		size_t len = 0;
		int found = lstat(full, &st) == 0;

		free(full);
		if (!found)
			continue;
		/* refused (a link, a folder, too large, outside the root): not used */
		if (or_fs_read_repo_input(&text, &len, root, locations[i], "CODEOWNERS",
					  OR_CODEOWNERS_MAX_BYTES, &diag) != 0)
			continue;
		or_codeowners_parse(out, locations[i], text, len);
		free(text);
		return;
	}
	or_codeowners_parse(out, NULL, "", 0);
}

const or_codeowners_rule *or_codeowners_match(const or_codeowners *co, const char *path)
{
	size_t i;

	for (i = co->nrules; i-- > 0;) {
		const or_codeowners_rule *r = &co->rules[i];
		if (or_glob_match(r->glob, path) || (r->below && or_glob_match(r->below, path)))
			return r;
	}
	return NULL;
}

void or_codeowners_dispose(or_codeowners *co)
{
	free(co->rules);
	or_arena_free(co->arena);
	memset(co, 0, sizeof(*co));
}
