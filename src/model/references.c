/*
 * Pre-merge mode: the documents that mention a path the change deletes or
 * renames away. They are unchanged, yet their links and commands may now
 * point at nothing, so they join the change: read and gated like the files
 * it touched.
 *
 * A document is found by a removed path's base name (or the name of a
 * folder the change emptied), not by the whole path: a link is written
 * relative to its document ("../scripts/x.sh", "./x.sh"), a command relative
 * to the root or to a `cd`. The normal link and command checks then decide
 * whether the reference is broken; a document that only shares a name is
 * read for nothing, which costs time, never a wrong verdict.
 *
 * Each file is read once and cut into words at whitespace and Markdown or
 * shell punctuation; a word's last path segment is looked up in a set of
 * the names, so the cost does not grow with the number of removed paths.
 * A name that itself holds such punctuation ("my script.sh") is looked for
 * by its longest piece without any ("script.sh").
 */
#define _GNU_SOURCE /* memmem */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "model/scope.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/parallel.h"
#include "util/strset.h"
#include "util/text.h"

#define OR_LOOK_THREADS 7 /* besides the caller's, as the processors allow */
#define OR_MEMMEM_NAMES 16 /* up to this many names, a memmem pass first */

/* Bytes that end a word: controls, space, and Markdown or shell punctuation
 * around a path. */
static bool is_delimiter(unsigned char c)
{
	switch (c) {
	case '(': case ')': case '[': case ']': case '<': case '>': case '"': case '\'':
	case '`': case '|': case ',': case ';': case '{': case '}': case '=': case ':':
	case 0x7f:
		return true;
	default:
		return c <= ' ';
	}
}

/* Emphasis and sentence punctuation around a name ("**x.sh**", "x.sh."). */
static bool is_trim(unsigned char c)
{
	return c && strchr("*_~.!?", c) != NULL;
}

static void add_name(or_strset *names, const char *name, size_t len)
{
	size_t i = 0, best = 0, best_len = 0;

	while (i < len) {
		size_t start;

		while (i < len && is_delimiter((unsigned char)name[i]))
			i++;
		start = i;
		while (i < len && !is_delimiter((unsigned char)name[i]))
			i++;
		if (i - start > best_len) {
			best = start;
			best_len = i - start;
		}
	}
	if (best_len)
		or_strset_add(names, name + best, best_len);
}

/* The base name of each removed path, and of each of its folders that no
 * listed file is left in. */
static void collect_names(or_strset *names, const or_file_list *files)
{
	or_buf dir = OR_BUF_INIT;
	size_t i;

	for (i = 0; i < files->ndeleted; i++) {
		const char *path = files->deleted[i];
		size_t end = strlen(path);

		while (end > 0) {
			size_t start = end;

			while (start > 0 && path[start - 1] != '/')
				start--;
			add_name(names, path + start, end - start);
			if (start == 0)
				break;
			end = start - 1; /* the folder holding it */
			or_buf_clear(&dir);
			or_buf_put(&dir, path, end);
			if (or_files_has_dir(files, or_buf_cstr(&dir)))
				break;
		}
	}
	or_buf_dispose(&dir);
}

static bool lookup(const or_strset *names, const char *s, size_t len)
{
	size_t a = 0, b = len;

	if (len && or_strset_contains(names, s, len))
		return true;
	while (a < b && is_trim((unsigned char)s[a]))
		a++;
	while (b > a && is_trim((unsigned char)s[b - 1]))
		b--;
	return b > a && (a > 0 || b < len) && or_strset_contains(names, s + a, b - a);
}

/* The word's last path segment, without a fragment or query. */
static bool word_mentions(const or_strset *names, const char *w, size_t len)
{
	size_t start, end = len;

	while (end > 0 && w[end - 1] == '/')
		end--;
	start = end;
	while (start > 0 && w[start - 1] != '/' && w[start - 1] != '\\')
		start--;
	if (lookup(names, w + start, end - start))
		return true;
	for (end = start; end < len && w[end] != '#' && w[end] != '?'; end++)
		;
	return end < len && lookup(names, w + start, end - start);
}

static bool mentions(const or_strset *names, const char *data, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t start;

		while (i < len && is_delimiter((unsigned char)data[i]))
			i++;
		start = i;
		while (i < len && !is_delimiter((unsigned char)data[i]))
			i++;
		if (i > start && word_mentions(names, data + start, i - start))
			return true;
	}
	return false;
}

/* The files to look into, shared by the workers: each takes the next. */
typedef struct look_queue {
	const or_model *model;
	const or_strset *names;
	const char **plain;       /* with few names: each, for a memmem first look */
	size_t nplain;
	or_file **files;
	bool *found;
	size_t nfiles;
	atomic_size_t next;
} look_queue;

/* Whether any name occurs in the bytes at all: with a few names, memmem
 * (vectorised) rules out most files before they are cut into words. */
static bool may_mention(const look_queue *q, const char *data, size_t len)
{
	size_t i;

	if (!q->plain)
		return true;
	for (i = 0; i < q->nplain; i++)
		if (memmem(data, len, q->plain[i], strlen(q->plain[i])))
			return true;
	return false;
}

/* A numeric character reference at `p` ("&#46;", "&#x2E;") naming an ASCII
 * character: its value, and its length in *n; else -1. */
static int ascii_reference(const char *p, size_t len, size_t *n)
{
	size_t i = 2;
	int value = 0, digits = 0;
	bool hex;

	if (len < 4 || p[0] != '&' || p[1] != '#')
		return -1;
	hex = p[2] == 'x' || p[2] == 'X';
	i += hex;
	for (; i < len && digits < 8; i++, digits++) {
		int d = hex ? or_text_hex_value((unsigned char)p[i]) : (p[i] >= '0' && p[i] <= '9' ? p[i] - '0' : -1);

		if (d < 0)
			break;
		value = value * (hex ? 16 : 10) + d;
	}
	if (!digits || i >= len || p[i] != ';' || value <= 0 || value > 0x7f)
		return -1;
	*n = i + 1;
	return value;
}

/*
 * The bytes as a reader of the rendered page or the link check sees a path
 * in them: a backslash before punctuation dropped ("deploy\.sh"), "%XX"
 * decoded ("und%6F.sh", "my%20script.sh"), numeric references to ASCII
 * ("deploy&#46;sh") replaced, so that an escaped mention is found as the
 * link check finds its target. NULL when there is nothing to decode.
 */
static char *decoded(const char *data, size_t len, size_t *out_len)
{
	or_buf out = OR_BUF_INIT;
	size_t i;

	if (!memchr(data, '\\', len) && !memchr(data, '%', len) && !memchr(data, '&', len))
		return NULL;
	for (i = 0; i < len;) {
		unsigned char c = (unsigned char)data[i];
		size_t n;
		int v;

		if (c == '\\' && i + 1 < len && data[i + 1] > ' ' && data[i + 1] < 0x7f &&
		    !((data[i + 1] >= '0' && data[i + 1] <= '9') ||
		      ((data[i + 1] | 0x20) >= 'a' && (data[i + 1] | 0x20) <= 'z'))) {
			or_buf_putc(&out, data[i + 1]);
			i += 2;
		} else if (c == '%' && i + 2 < len && or_text_hex_value((unsigned char)data[i + 1]) >= 0 &&
			   or_text_hex_value((unsigned char)data[i + 2]) >= 0) {
			or_buf_putc(&out, (char)(or_text_hex_value((unsigned char)data[i + 1]) * 16 +
						 or_text_hex_value((unsigned char)data[i + 2])));
			i += 3;
		} else if (c == '&' && (v = ascii_reference(data + i, len - i, &n)) > 0) {
			or_buf_putc(&out, (char)v);
			i += n;
		} else {
			or_buf_putc(&out, (char)c);
			i++;
		}
	}
	*out_len = out.size;
	return or_buf_detach(&out);
}

/* Whether the bytes mention a removed name, as written or once decoded. */
static bool mentions_any(const or_strset *names, const look_queue *q, const char *data,
			 size_t len)
{
	size_t dlen = 0;
	char *d;
	bool found;

	if ((!q || may_mention(q, data, len)) && mentions(names, data, len))
		return true;
	d = decoded(data, len, &dlen);
	found = d && (!q || may_mention(q, d, dlen)) && mentions(names, d, dlen);
	free(d);
	return found;
}

static void *look_worker(void *ctx)
{
	look_queue *q = ctx;
	size_t i;

	while ((i = atomic_fetch_add(&q->next, 1)) < q->nfiles) {
		char *full = or_fs_join(q->model->root, q->files[i]->path), *data = NULL;
		size_t len = 0;
		or_read_status status;
		or_diag diag = OR_DIAG_INIT;

		/* a file that cannot be read is not read in the full scan either */
		q->found[i] = or_fs_read(&data, &len, &status, full, q->model->config->max_file_bytes,
					 0, OR_EXIT_RUNTIME, &diag) == 0 &&
			      status == OR_READ_OK && mentions_any(q->names, q, data, len);
		free(data);
		free(full);
	}
	return NULL;
}

void or_model_mark_referencing(or_model *model)
{
	or_file_list *files = &model->files;
	or_strset *names = &model->removed_names;
	look_queue q;
	size_t i, cap = 0;

	if (!model->since || !files->ndeleted)
		return;
	memset(&q, 0, sizeof(q));
	collect_names(names, files);
	q.model = model;
	q.names = names;
	if (names->count <= OR_MEMMEM_NAMES) {
		q.plain = or_xcalloc(names->count + 1, sizeof(*q.plain));
		for (i = 0; i < names->capacity; i++)
			if (names->keys[i])
				q.plain[q.nplain++] = names->keys[i];
	}
	for (i = 0; names->count && i < files->nfiles; i++) {
		or_file *f = &files->files[i];

		if (f->in_change || f->symlink || !or_model_in_scope(model, f->path))
			continue;
		q.files = or_xgrow(q.files, &cap, q.nfiles + 1, sizeof(*q.files));
		q.files[q.nfiles++] = f;
	}
	if (q.nfiles) {
		q.found = or_xcalloc(q.nfiles, sizeof(bool));
		atomic_init(&q.next, 0);
		or_parallel(look_worker, &q, OR_LOOK_THREADS);
		for (i = 0; i < q.nfiles; i++)
			if (q.found[i])
				q.files[i]->mentions_removed = true;
	}
	free(q.plain);
	free(q.found);
	free(q.files);
}

bool or_model_mentions_removed(const or_model *model, const char *text)
{
	return model->removed_names.count &&
	       mentions_any(&model->removed_names, NULL, text, strlen(text));
}
