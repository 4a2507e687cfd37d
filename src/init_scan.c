/*
 * What `opsready init` reads in a repository before it writes a config: the
 * documents (listed and read by the input stage, so symlinks are never
 * followed and large files are skipped), the folders that hold runbooks,
 * the built-in pack whose required sections those pages have, the metadata
 * keys in use, and the folders that are not the team's documents (vendor/,
 * node_modules/, changelogs). The config is rendered as YAML with a comment
 * on each line saying what was found and how many documents it covers; it
 * is loaded back with the config loader before anyone sees it.
 */
#include "init_scan.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "input/document.h"
#include "input/files.h"
#include "input/read_documents.h"
#include "input/site.h"
#include "rules/config.h"
#include "rules/pack.h"
#include "rules/ruleset.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/glob.h"
#include "util/text.h"

#define OR_INIT_MAX_FILE_BYTES ((size_t)4 * 1024 * 1024)
#define OR_INIT_MAX_KEYS 25
#define OR_INIT_MAX_FOLDERS 40

/* The packs whose required sections are scored, in the order ties go. */
static const char *const scored_packs[] = {
	"alert-runbook", "incident-response", "business-continuity",
};
#define NPACKS (sizeof(scored_packs) / sizeof(scored_packs[0]))

/* Page files read, and the include glob each is counted under. */
static const struct {
	const char *suffix;
	const char *glob;
} page_kinds[] = {
	{ ".md.erb", "**/*.md.erb" },
	{ ".markdown", "**/*.markdown" },
	{ ".mdx", "**/*.mdx" },
	{ ".md", "**/*.md" },
};
#define NKINDS (sizeof(page_kinds) / sizeof(page_kinds[0]))

/* Folders and files that hold someone else's documents, or none at all. */
static const char *const excluded_dirs[] = {
	".github", "bower_components", "node_modules", "third_party", "vendor",
};
#define NEXCLUDED_DIRS (sizeof(excluded_dirs) / sizeof(excluded_dirs[0]))

typedef struct scored_pack {
	const char *name;
	or_pack *pack;
	const or_rule *rule;      /* its required-sections rule */
	const json_t *sections;   /* that rule's `sections` */
	size_t nsections;
	size_t need;              /* sections a page needs to fit: 3 of 4 and up */
	size_t fit;               /* candidate pages that fit */
	size_t all;               /* candidate pages with every section */
} scored_pack;

typedef struct scan_doc {
	const or_file *file;
	or_document *doc;
	int kind;                 /* index into page_kinds */
	int excluded;             /* index into excluded_dirs, NEXCLUDED_DIRS for a
				     changelog, -1 when scanned */
	bool named;               /* a folder or file name says runbook */
	bool candidate;           /* under a runbook folder */
	size_t hits[NPACKS];
	bool fits_any;
	const char *folder;       /* its runbook folder (in `folders`), or NULL */
} scan_doc;

typedef struct key_use {
	const char *key;          /* or_text_key form */
	const char *spelling;     /* as written */
	size_t doc;
} key_use;

typedef struct folder {
	char *path;               /* a folder ("" for the top), or a file when `file` */
	bool named;               /* its name says runbook */
	bool file;                /* one runbook page, listed by itself */
	bool keep;
	bool underscore_fits, underscore_other;
	bool skip_underscore;     /* its "_index.md" pages are not runbooks */
	size_t docs, runbooks;
	size_t doc;               /* the page of a `file` entry */
} folder;

typedef struct init_scan {
	or_file_list files;
	scan_doc *docs;
	size_t ndocs;
	scored_pack packs[NPACKS];
	json_t *aliases;          /* metadata_aliases of the packs' settings (borrowed) */
	folder *folders;
	size_t nfolders;
	size_t ncandidates;
	or_buf scratch;
} init_scan;

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int page_kind(const char *path)
{
	size_t i;

	for (i = 0; i < NKINDS; i++)
		if (ends_with(path, page_kinds[i].suffix))
			return (int)i;
	return -1;
}

/* A path component that names runbooks: "runbooks", "alert-runbooks", "playbook". */
static bool names_runbook(const char *s, size_t len)
{
	static const char *const words[] = { "runbook", "playbook" };
	size_t w, i;

	for (w = 0; w < sizeof(words) / sizeof(words[0]); w++) {
		size_t m = strlen(words[w]);
		for (i = 0; i + m <= len; i++)
			if (strncasecmp(s + i, words[w], m) == 0)
				return true;
	}
	return (len == 6 && strncasecmp(s, "alerts", 6) == 0);
}

static int excluded_kind(const char *path)
{
	const char *p = path, *slash, *base = strrchr(path, '/');
	size_t i;

	while ((slash = strchr(p, '/')) != NULL) {
		for (i = 0; i < NEXCLUDED_DIRS; i++)
			if ((size_t)(slash - p) == strlen(excluded_dirs[i]) &&
			    strncmp(p, excluded_dirs[i], (size_t)(slash - p)) == 0)
				return (int)i;
		p = slash + 1;
	}
	base = base ? base + 1 : path;
	if (strncasecmp(base, "changelog", 9) == 0)
		return (int)NEXCLUDED_DIRS;
	return -1;
}

/* Safe to write inside a double-quoted YAML string and a glob as itself. */
static bool plain_path(const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c < 0x20 || c == 0x7f || strchr("\"\\*?[]{}!#", c))
			return false;
	}
	return true;
}

/* Text from the repository in a comment: one line, no control bytes. */
static void put_comment_text(or_buf *out, const char *s, size_t max)
{
	size_t n = 0;

	for (; *s && n < max; s++, n++) {
		unsigned char c = (unsigned char)*s;
		or_buf_putc(out, c < 0x20 || c == 0x7f ? '?' : c);
	}
	if (*s)
		or_buf_puts(out, "...");
}

/* ---- packs ------------------------------------------------------------ */

static int load_packs(init_scan *scan, or_diag *diag)
{
	size_t p, r;

	for (p = 0; p < NPACKS; p++) {
		scored_pack *sp = &scan->packs[p];
		size_t len = 0;
		const char *source = or_pack_builtin_source(scored_packs[p], &len);

		sp->name = scored_packs[p];
		if (!source || or_pack_parse(&sp->pack, source, len, scored_packs[p], diag) != 0)
			return -1;
		for (r = 0; r < sp->pack->nrules && !sp->rule; r++)
			if (strcmp(sp->pack->rules[r].check, "required-sections") == 0)
				sp->rule = &sp->pack->rules[r];
		if (!sp->rule)
			continue;
		sp->sections = json_object_get(sp->rule->params, "sections");
		sp->nsections = json_array_size(sp->sections);
		sp->need = (sp->nsections * 3 + 3) / 4;
		if (!scan->aliases)
			scan->aliases = json_object_get(sp->pack->settings, "metadata_aliases");
	}
	return 0;
}

static bool doc_has_section(const or_document *doc, const json_t *entry)
{
	size_t s, a;

	for (s = 0; s < doc->nsections; s++) {
		if (json_is_string(entry)) {
			if (or_text_key_equal(doc->sections[s].name, json_string_value(entry)))
				return true;
			continue;
		}
		for (a = 0; a < json_array_size(entry); a++) {
			const char *alt = json_string_value(json_array_get(entry, a));
			if (alt && or_text_key_equal(doc->sections[s].name, alt))
				return true;
		}
	}
	return false;
}

/* "Meaning/Impact/Diagnosis/Mitigation": the first name of each section. */
static void section_names(or_buf *out, const scored_pack *sp)
{
	size_t s;

	for (s = 0; s < sp->nsections; s++) {
		const json_t *entry = json_array_get(sp->sections, s);
		const char *name = json_is_string(entry) ? json_string_value(entry)
							 : json_string_value(json_array_get(entry, 0));
		if (s)
			or_buf_putc(out, '/');
		or_buf_puts(out, name ? name : "?");
	}
}

/* The metadata key (last_updated, owner, ...) that `key` (or_text_key form) is, or NULL. */
static const char *meta_key_of(const init_scan *scan, const char *key)
{
	const char *name;
	json_t *list;
	or_buf alias = OR_BUF_INIT;
	const char *found = NULL;

	json_object_foreach((json_t *)scan->aliases, name, list) {
		size_t i;
		for (i = 0; i < json_array_size(list) && !found; i++) {
			const char *a = json_string_value(json_array_get(list, i));
			if (!a)
				continue;
			or_buf_clear(&alias);
			or_text_key(&alias, a, strlen(a));
			if (strcmp(or_buf_cstr(&alias), key) == 0)
				found = name;
		}
		if (found)
			break;
	}
	or_buf_dispose(&alias);
	return found;
}

/* ---- reading ---------------------------------------------------------- */

static int read_docs(init_scan *scan, const char *root, or_diag *diag)
{
	or_read_options options = { 0 };
	or_read_job *jobs;
	size_t i, njobs = 0;
	int error = 0;

	if (or_files_list(&scan->files, root, diag) != 0)
		return -1;
	jobs = or_xcalloc(scan->files.nfiles + 1, sizeof(*jobs));
	for (i = 0; i < scan->files.nfiles; i++) {
		const or_file *f = &scan->files.files[i];
		if (!f->symlink && page_kind(f->path) >= 0)
			jobs[njobs++].file = f;
	}
	options.root = root;
	options.max_file_bytes = OR_INIT_MAX_FILE_BYTES;
	options.tracked_only = scan->files.repo != NULL;
	or_documents_read(jobs, njobs, &options);
	scan->docs = or_xcalloc(njobs + 1, sizeof(*scan->docs));
	for (i = 0; i < njobs; i++) {
		if (jobs[i].failed && !error) {
			or_diag_set(diag, OR_EXIT_RUNTIME, jobs[i].file->path, 0, 0,
				    "the Markdown parser could not be set up");
			error = -1;
		}
		if (jobs[i].doc && !error) {
			scan_doc *d = &scan->docs[scan->ndocs++];
			d->file = jobs[i].file;
			d->doc = jobs[i].doc;
			d->kind = page_kind(d->file->path);
			d->excluded = excluded_kind(d->file->path);
		} else {
			or_document_free(jobs[i].doc);
		}
		free(jobs[i].reason);
	}
	free(jobs);
	return error;
}

/* ---- runbook folders -------------------------------------------------- */

/* The topmost folder of `path` whose name says runbook, else its own folder
 * (malloc'd; "" at the top); *named says which. */
static char *runbook_folder(const char *path, bool *named)
{
	const char *p = path, *slash, *base = strrchr(path, '/');

	while ((slash = strchr(p, '/')) != NULL) {
		if (names_runbook(p, (size_t)(slash - p))) {
			*named = true;
			return or_xstrndup(path, (size_t)(slash - path));
		}
		p = slash + 1;
	}
	*named = false;
	return base ? or_xstrndup(path, (size_t)(base - path)) : or_xstrdup("");
}

static int folder_cmp(const void *a, const void *b)
{
	return strcmp(((const folder *)a)->path, ((const folder *)b)->path);
}

static folder *folder_find(init_scan *scan, const char *path, size_t len)
{
	size_t lo = 0, hi = scan->nfolders;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strncmp(scan->folders[mid].path, path, len);
		if (c == 0 && scan->folders[mid].path[len])
			c = 1;
		if (c == 0)
			return &scan->folders[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/*
 * The chosen folder that `path` lies in: a folder named for runbooks that
 * is one of its ancestors, else a folder found by headings that is its own
 * folder (such a folder holds its own pages only). With `is_dir`, `path` is
 * a folder and lies in itself. Binary searches over the sorted folders, one
 * per ancestor.
 */
static folder *containing_folder(init_scan *scan, const char *path, bool is_dir)
{
	const char *slash, *last = is_dir ? path + strlen(path) : strrchr(path, '/');
	folder *f;

	for (slash = strchr(path, '/'); slash && slash < last; slash = strchr(slash + 1, '/'))
		if ((f = folder_find(scan, path, (size_t)(slash - path))) != NULL && f->named)
			return f;
	if (is_dir && (f = folder_find(scan, path, strlen(path))) != NULL)
		return f;
	if (!is_dir)
		return folder_find(scan, path, last ? (size_t)(last - path) : 0);
	return NULL;
}

static void find_folders(init_scan *scan)
{
	folder *all = or_xcalloc(scan->ndocs + 1, sizeof(*all));
	folder **folder_of, *kept;
	size_t i, n = 0, p, cap = 0, nkept = 0;

	for (i = 0; i < scan->ndocs; i++) {
		scan_doc *d = &scan->docs[i];
		if (d->excluded >= 0)
			continue;
		d->named = names_runbook(d->file->path, strlen(d->file->path));
		for (p = 0; p < NPACKS; p++)
			if (scan->packs[p].rule && d->hits[p] >= scan->packs[p].need)
				d->fits_any = true;
		all[n].path = runbook_folder(d->file->path, &all[n].named);
		/* a page named for runbooks in another folder is listed by itself */
		if (!all[n].named && !d->fits_any) {
			free(all[n].path);
			continue;
		}
		n++;
	}
	qsort(all, n, sizeof(*all), folder_cmp);
	/* one entry per folder; a folder inside one already chosen is part of it */
	for (i = 0; i < n; i++) {
		if (!containing_folder(scan, all[i].path, true) && plain_path(all[i].path)) {
			scan->folders = or_xgrow(scan->folders, &cap, scan->nfolders + 1,
						 sizeof(*scan->folders));
			scan->folders[scan->nfolders++] = all[i];
			all[i].path = NULL;
		}
		free(all[i].path);
	}
	free(all);

	/* count each folder's pages and runbook-like pages */
	folder_of = or_xcalloc(scan->ndocs + 1, sizeof(*folder_of));
	for (i = 0; i < scan->ndocs; i++) {
		scan_doc *d = &scan->docs[i];
		const char *base = strrchr(d->file->path, '/');
		folder *f;
		if (d->excluded >= 0 || !(f = containing_folder(scan, d->file->path, false)))
			continue;
		folder_of[i] = f;
		f->docs++;
		if (d->named || d->fits_any || f->named)
			f->runbooks++;
		/* "_index.md" and the like: a generator's section index, not a page */
		if ((base ? base[1] : d->file->path[0]) == '_') {
			if (d->fits_any)
				f->underscore_fits = true;
			else
				f->underscore_other = true;
		}
	}
	/*
	 * An unnamed folder holds runbooks when most of its pages look like
	 * them; otherwise its runbook-like pages are listed one by one.
	 */
	for (i = 0; i < scan->nfolders; i++) {
		folder *f = &scan->folders[i];
		f->keep = f->named || (f->runbooks >= 2 && f->runbooks * 2 >= f->docs);
		f->skip_underscore = f->underscore_other && !f->underscore_fits;
	}
	kept = or_xcalloc(scan->nfolders + scan->ndocs + 1, sizeof(*kept));
	for (i = 0; i < scan->ndocs; i++) {
		scan_doc *d = &scan->docs[i];
		const char *base = strrchr(d->file->path, '/');
		folder *f = folder_of[i];
		if (d->excluded >= 0)
			continue;
		if (f && f->keep) {
			if (!(f->skip_underscore && (base ? base[1] : d->file->path[0]) == '_')) {
				d->folder = f->path;
			} else {
				f->docs--;
				f->runbooks -= f->runbooks > 0;
			}
		} else if ((d->named || d->fits_any) && plain_path(d->file->path)) {
			folder *one = &kept[nkept++];
			memset(one, 0, sizeof(*one));
			one->path = or_xstrdup(d->file->path);
			one->file = true;
			one->docs = one->runbooks = 1;
			one->doc = i;
			d->folder = one->path;
		}
	}
	for (i = 0; i < scan->nfolders; i++) {
		if (scan->folders[i].keep)
			kept[nkept++] = scan->folders[i];
		else
			free(scan->folders[i].path);
	}
	free(scan->folders);
	free(folder_of);
	qsort(kept, nkept, sizeof(*kept), folder_cmp);
	scan->folders = kept;
	scan->nfolders = nkept;
	if (scan->nfolders > OR_INIT_MAX_FOLDERS) {
		/* too scattered to list: the packs' own runbook globs stay */
		for (i = 0; i < scan->nfolders; i++)
			free(scan->folders[i].path);
		scan->nfolders = 0;
		for (i = 0; i < scan->ndocs; i++)
			scan->docs[i].folder = NULL;
	}
	for (i = 0; i < scan->ndocs; i++) {
		scan->docs[i].candidate = scan->docs[i].folder != NULL;
		if (scan->docs[i].candidate)
			scan->ncandidates++;
	}
}

/* ---- metadata keys ---------------------------------------------------- */

static int key_use_cmp(const void *a, const void *b)
{
	const key_use *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (c)
		return c;
	if (x->doc != y->doc)
		return x->doc < y->doc ? -1 : 1;
	return strcmp(x->spelling, y->spelling);
}

typedef struct key_count {
	const char *key, *spelling, *meta;
	size_t docs;
} key_count;

static int key_count_cmp(const void *a, const void *b)
{
	const key_count *x = a, *y = b;

	if (x->docs != y->docs)
		return x->docs > y->docs ? -1 : 1;
	return strcmp(x->key, y->key);
}

/* The keys in use, most used first; *nout of them. */
static key_count *count_keys(init_scan *scan, or_arena *arena, size_t *nout)
{
	key_use *uses = NULL;
	key_count *counts = NULL;
	size_t nuses = 0, cap = 0, ncounts = 0, ccap = 0, i, d, k;

	for (d = 0; d < scan->ndocs; d++) {
		const or_document *doc = scan->docs[d].doc;
		if (scan->docs[d].excluded >= 0)
			continue;
		for (k = 0; k < doc->nkvs; k++) {
			const or_kv *kv = &doc->kvs[k];
			char *key;
			if (kv->in_list || !kv->key[0])
				continue;
			or_buf_clear(&scan->scratch);
			or_text_key(&scan->scratch, kv->key, strlen(kv->key));
			if (!scan->scratch.size)
				continue;
			/* labels and tables say many things: only metadata counts */
			if (kv->source != OR_KV_FRONT_MATTER &&
			    !meta_key_of(scan, or_buf_cstr(&scan->scratch)))
				continue;
			key = or_arena_alloc(arena, scan->scratch.size + 1);
			memcpy(key, or_buf_cstr(&scan->scratch), scan->scratch.size + 1);
			uses = or_xgrow(uses, &cap, nuses + 1, sizeof(*uses));
			uses[nuses].key = key;
			uses[nuses].spelling = kv->key;
			uses[nuses].doc = d;
			nuses++;
		}
	}
	if (nuses > 1)
		qsort(uses, nuses, sizeof(*uses), key_use_cmp);
	for (i = 0; i < nuses; i++) {
		key_count *c;
		if (i && strcmp(uses[i].key, uses[i - 1].key) == 0) {
			c = &counts[ncounts - 1];
			/* sorted by key, then document: a document counts once per
			 * key, whatever the spelling; the key is shown as its first
			 * spelling in byte order */
			c->docs += uses[i].doc != uses[i - 1].doc;
			if (strcmp(uses[i].spelling, c->spelling) < 0)
				c->spelling = uses[i].spelling;
			continue;
		}
		counts = or_xgrow(counts, &ccap, ncounts + 1, sizeof(*counts));
		c = &counts[ncounts++];
		c->key = uses[i].key;
		c->spelling = uses[i].spelling;
		c->meta = meta_key_of(scan, uses[i].key);
		c->docs = 1;
	}
	free(uses);
	if (ncounts > 1)
		qsort(counts, ncounts, sizeof(*counts), key_count_cmp);
	*nout = ncounts;
	return counts;
}

/* Documents among the candidates that state metadata key `meta`. */
static size_t candidates_with(init_scan *scan, const char *meta)
{
	size_t d, k, n = 0;

	for (d = 0; d < scan->ndocs; d++) {
		const or_document *doc = scan->docs[d].doc;
		bool has = false, has_updated = false, has_period = false;
		if (!scan->docs[d].candidate)
			continue;
		for (k = 0; k < doc->nkvs && !has; k++) {
			const char *m;
			if (doc->kvs[k].in_list)
				continue;
			or_buf_clear(&scan->scratch);
			or_text_key(&scan->scratch, doc->kvs[k].key, strlen(doc->kvs[k].key));
			m = meta_key_of(scan, or_buf_cstr(&scan->scratch));
			if (!m)
				continue;
			if (strcmp(m, meta) == 0)
				has = true;
			if (strcmp(m, "last_updated") == 0)
				has_updated = true;
			if (strcmp(m, "review_period") == 0)
				has_period = true;
		}
		/* a review cycle after a review date gives the next review */
		if (!has && strcmp(meta, "next_review") == 0 && has_updated && has_period)
			has = true;
		n += has;
	}
	return n;
}

/* ---- rendering -------------------------------------------------------- */

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void render_packs(or_buf *out, init_scan *scan, const scored_pack **chosen)
{
	size_t p, best = NPACKS;
	const char *where = scan->nfolders ? "pages in the runbook folders" : "pages";
	size_t total = scan->nfolders ? scan->ncandidates : 0;

	if (!scan->nfolders)
		for (p = 0; p < scan->ndocs; p++)
			total += scan->docs[p].excluded < 0;
	for (p = 0; p < NPACKS; p++) {
		scored_pack *sp = &scan->packs[p];
		size_t d;
		sp->fit = sp->all = 0;
		if (!sp->rule)
			continue;
		for (d = 0; d < scan->ndocs; d++) {
			const scan_doc *doc = &scan->docs[d];
			if (doc->excluded >= 0 || (scan->nfolders && !doc->candidate))
				continue;
			sp->fit += doc->hits[p] >= sp->need;
			sp->all += doc->hits[p] == sp->nsections;
		}
		/* a pack fits when most candidate pages have its sections */
		if (sp->fit > 0 && sp->fit * 2 >= total &&
		    (best == NPACKS || sp->fit > scan->packs[best].fit))
			best = p;
	}
	*chosen = best < NPACKS ? &scan->packs[best] : NULL;

	if (total == 0) {
		/* nothing to judge by: the default pack, as before init read anything */
		or_buf_puts(out, "# Rule packs, applied in order. No documents were found to score the\n"
				 "# built-in packs by, so this is the default: business-continuity, the\n"
				 "# regime of a continuity runbook (drills, training, 90-day reviews). Run\n"
				 "# `opsready init --dry-run` again once the runbooks are here.\n"
				 "extends: [business-continuity]\n\n");
		*chosen = NULL;
		return;
	}
	or_buf_puts(out, "# Rule packs, applied in order. Each built-in pack was scored by how many\n"
			 "# of the ");
	or_buf_puts(out, where);
	or_buf_printf(out, " (%zu) have at least 3 in 4 of its\n# required sections:\n", total);
	for (p = 0; p < NPACKS; p++) {
		const scored_pack *sp = &scan->packs[p];
		if (!sp->rule)
			continue;
		or_buf_printf(out, "#   %s: %zu of %zu have ", sp->name, sp->fit, total);
		section_names(out, sp);
		or_buf_printf(out, " (%zu all %zu)%s\n", sp->all, sp->nsections,
			      sp == *chosen ? "  <- chosen" : "");
	}
	if (*chosen && strcmp((*chosen)->name, "business-continuity") == 0) {
		or_buf_puts(out, "# business-continuity brings its whole regime (drills, training, 90-day\n"
				 "# reviews) with its sections.\n");
		or_buf_puts(out, "extends: [business-continuity]\n\n");
		return;
	}
	or_buf_puts(out, "# standards: the audit minimums (yearly review, owner and dates stated) for\n"
			 "# the runbooks; business-continuity's sections and metadata are not applied");
	if (*chosen)
		or_buf_printf(out, ";\n# %s: its required sections, where the runbooks are.\n"
				   "extends: [standards, %s]\n\n", (*chosen)->name, (*chosen)->name);
	else
		or_buf_puts(out, ";\n# no pack's sections fit most pages, so none is required.\n"
				 "extends: [standards]\n\n");
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The documentation site: its generator, page root and page files. */
static void render_site(or_buf *out, init_scan *scan, const or_site *site)
{
	size_t i, n = 0;
	size_t rootlen = strlen(site->root);

	if (site->generator == OR_SITE_NONE) {
		or_buf_puts(out, "# Documentation site: none detected (no tech-docs, MkDocs, Hugo, Jekyll or\n"
				 "# Docusaurus config at the top): links name files.\n\n");
		return;
	}
	for (i = 0; i < scan->ndocs; i++) {
		const char *path = scan->docs[i].file->path;
		if (scan->docs[i].excluded < 0 &&
		    (!rootlen || (strncmp(path, site->root, rootlen) == 0 && path[rootlen] == '/')))
			n++;
	}
	or_buf_printf(out, "# Documentation site: %s, detected from %s; its pages live in %s%s\n"
			   "# (%zu %s), served %s. Links are resolved the way it serves them.\n",
		      or_site_generator_name(site->generator),
		      site->detected_from[0] ? site->detected_from : "its defaults",
		      rootlen ? site->root : "the top folder", rootlen ? "/" : "", n,
		      plural(n, "document", "documents"),
		      site->directory_urls ? "as folders (page/)" : "as files (page.html)");
	or_buf_printf(out, "site:\n  generator: %s\n", or_site_generator_name(site->generator));
	if (plain_path(site->root))
		or_buf_printf(out, "  root: \"%s\"\n", site->root);
	or_buf_printf(out, "  directory_urls: %s\n\n", site->directory_urls ? "true" : "false");
}

static void render_paths(or_buf *out, init_scan *scan, const or_site *site)
{
	size_t excluded[NEXCLUDED_DIRS + 1] = { 0 };
	const char *globs[NKINDS + 8];
	const char *const *site_globs = or_site_page_globs(site->generator);
	size_t i, g, nglobs = 0, nscanned = 0;
	bool any_excluded = false;

	globs[nglobs++] = "**/*.md";
	for (i = 0; i < scan->ndocs; i++) {
		const scan_doc *d = &scan->docs[i];
		if (d->excluded >= 0) {
			excluded[d->excluded]++;
			any_excluded = true;
			continue;
		}
		nscanned++;
		for (g = 0; g < nglobs && strcmp(globs[g], page_kinds[d->kind].glob) != 0; g++)
			;
		if (g == nglobs)
			globs[nglobs++] = page_kinds[d->kind].glob;
	}
	for (i = 0; site_globs[i] && nglobs < sizeof(globs) / sizeof(globs[0]); i++) {
		for (g = 0; g < nglobs && strcmp(globs[g], site_globs[i]) != 0; g++)
			;
		if (g == nglobs)
			globs[nglobs++] = site_globs[i];
	}
	qsort(globs, nglobs, sizeof(globs[0]), str_cmp);
	or_buf_printf(out, "# Which files are scanned (git-tracked files only in a git work tree):\n"
			   "# %zu %s read, %zu of them excluded below.\n"
			   "paths:\n  include:\n",
		      scan->ndocs, plural(scan->ndocs, "document was", "documents were"),
		      scan->ndocs - nscanned);
	for (g = 0; g < nglobs; g++) {
		size_t n = 0;
		for (i = 0; i < scan->ndocs; i++)
			n += scan->docs[i].excluded < 0 &&
			     or_glob_match(globs[g], scan->docs[i].file->path);
		or_buf_printf(out, "    - \"%s\"  # %zu %s\n", globs[g], n,
			      plural(n, "document", "documents"));
	}
	if (!any_excluded) {
		or_buf_puts(out, "  exclude: []\n\n");
		return;
	}
	or_buf_puts(out, "  exclude:\n");
	for (i = 0; i <= NEXCLUDED_DIRS; i++) {
		if (!excluded[i])
			continue;
		if (i == NEXCLUDED_DIRS)
			or_buf_printf(out, "    - \"**/CHANGELOG*\"  # %zu %s: release notes\n",
				      excluded[i], plural(excluded[i], "document", "documents"));
		else
			or_buf_printf(out, "    - \"**/%s/**\"  # %zu %s%s\n", excluded_dirs[i],
				      excluded[i], plural(excluded[i], "document", "documents"),
				      strcmp(excluded_dirs[i], ".github") == 0
					      ? ": issue and pull-request templates"
					      : ": someone else's");
	}
	or_buf_putc(out, '\n');
}

/* The runbook folders as a YAML list; with `pack` (an index into
 * scan->packs), a page listed by itself only when it fits that pack. */
static void render_folder_globs(or_buf *out, const init_scan *scan, const char *indent,
				size_t pack)
{
	size_t i;

	for (i = 0; i < scan->nfolders; i++) {
		const folder *f = &scan->folders[i];
		if (f->file && pack < NPACKS &&
		    scan->docs[f->doc].hits[pack] < scan->packs[pack].need)
			continue;
		if (f->file) {
			or_buf_printf(out, "%s- \"%s\"  # a runbook page by itself\n", indent, f->path);
			continue;
		}
		or_buf_printf(out, "%s- \"%s%s%s\"  # %zu %s, %zu %s like %s%s%s\n", indent, f->path,
			      !f->path[0] ? "" : f->named ? "/**/" : "/",
			      f->skip_underscore ? "[!_]*" : "*",
			      f->docs, plural(f->docs, "page", "pages"), f->runbooks,
			      plural(f->runbooks, "looks", "look"),
			      plural(f->runbooks, "a runbook", "runbooks"),
			      f->named ? " (the folder's name)" : " (headings)",
			      f->skip_underscore ? "; _* pages are section indexes" : "");
	}
}

static void render_runbooks(or_buf *out, const init_scan *scan)
{
	if (!scan->nfolders) {
		or_buf_puts(out, "# Files treated as runbooks: no folder of runbooks was found (by name:\n"
				 "# runbook, playbook, alerts; or by headings), so the packs' own globs apply.\n"
				 "# runbook_paths: [\"runbooks/**\"]\n\n");
		return;
	}
	or_buf_printf(out, "# Files treated as runbooks: the folders named for them, or whose pages\n"
			   "# have a pack's sections (%zu %s in all).\n"
			   "runbook_paths:\n",
		      scan->ncandidates, plural(scan->ncandidates, "page", "pages"));
	render_folder_globs(out, scan, "  ", NPACKS);
	or_buf_putc(out, '\n');
}

static void render_keys(or_buf *out, init_scan *scan, or_arena *arena)
{
	size_t n = 0, i;
	key_count *counts = count_keys(scan, arena, &n);

	if (!n) {
		or_buf_puts(out, "# Metadata: no front matter or metadata lines were found.\n\n");
		free(counts);
		return;
	}
	or_buf_puts(out, "# Metadata keys in use (front matter, and metadata lines and tables), by the\n"
			 "# number of documents stating them, and what opsready reads them as (the\n"
			 "# packs' metadata aliases; a key it does not read is listed for you to see):\n");
	for (i = 0; i < n && i < OR_INIT_MAX_KEYS; i++) {
		or_buf_puts(out, "#   ");
		put_comment_text(out, counts[i].spelling, 40);
		or_buf_printf(out, ": %zu %s, %s%s\n", counts[i].docs,
			      plural(counts[i].docs, "document", "documents"),
			      counts[i].meta ? "read as " : "",
			      counts[i].meta ? counts[i].meta
			      : strcmp(counts[i].key, "title") == 0 ? "read as the page's title"
			      : strcmp(counts[i].key, "type") == 0 ? "read as the page's type"
								    : "not read");
	}
	if (n > OR_INIT_MAX_KEYS)
		or_buf_printf(out, "#   (%zu more keys, each in fewer documents)\n", n - OR_INIT_MAX_KEYS);
	or_buf_putc(out, '\n');
	free(counts);
}

static void render_rules(or_buf *out, init_scan *scan, const scored_pack *chosen)
{
	static const char *const keys[] = { "owner", "last_updated", "next_review", "version" };
	bool any = false;
	size_t k, nkept = 0;

	if (chosen && strcmp(chosen->name, "business-continuity") != 0 && scan->nfolders) {
		or_buf_printf(out, "# Per-rule overrides: off, on, a severity (error, warning, notice), or a\n"
				   "# mapping of severity / enabled / the rule's params.\n"
				   "rules:\n"
				   "  # %s's sections, required where the runbooks are\n"
				   "  %s:\n    applies_to:\n",
			      chosen->name, chosen->rule->id);
		render_folder_globs(out, scan, "      ", (size_t)(chosen - scan->packs));
		any = true;
	}
	if ((!chosen || strcmp(chosen->name, "business-continuity") != 0) && scan->ncandidates) {
		size_t have[sizeof(keys) / sizeof(keys[0])];
		if (!any)
			or_buf_puts(out, "# Per-rule overrides: off, on, a severity (error, warning, notice), or a\n"
					 "# mapping of severity / enabled / the rule's params.\n"
					 "rules:\n");
		any = true;
		or_buf_printf(out, "  # the document-control metadata that at least half of the %zu runbook\n  # pages state is required:\n",
			      scan->ncandidates);
		for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
			have[k] = candidates_with(scan, keys[k]);
			nkept += have[k] * 2 >= scan->ncandidates && have[k] > 0;
			or_buf_printf(out, "  #   %s: %zu of %zu%s\n", keys[k], have[k], scan->ncandidates,
				      have[k] * 2 >= scan->ncandidates && have[k] > 0
					      ? "" : " (fewer than half: not required)");
		}
		if (!(have[1] * 2 >= scan->ncandidates && have[1] > 0))
			or_buf_printf(out, "  # review dates: %zu of %zu runbook pages state one, fewer than half: not\n"
					   "  # required (review.stale and review.overdue still judge those that do)\n"
					   "  review.missing-date: off\n",
				      have[1], scan->ncandidates);
		if (!nkept) {
			or_buf_puts(out, "  docs.required-metadata: off\n");
		} else {
			bool first = true;
			or_buf_puts(out, "  docs.required-metadata:\n    keys: [");
			for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
				if (!(have[k] * 2 >= scan->ncandidates && have[k] > 0))
					continue;
				or_buf_printf(out, "%s%s", first ? "" : ", ", keys[k]);
				first = false;
			}
			or_buf_puts(out, "]\n");
		}
	}
	if (!any)
		or_buf_puts(out, "# Per-rule overrides: off, on, a severity (error, warning, notice), or a\n"
				 "# mapping of severity / enabled / the rule's params.\n"
				 "rules: {}\n");
	or_buf_puts(out, "#   review.stale: { severity: error, max_age_days: 60 }\n"
			 "#   docs.placeholder: off\n\n");
}

static const char tail[] =
	"# Training records (YAML or CSV), contacts registry and drill log, relative to\n"
	"# the scanned directory. Uncomment the ones you keep.\n"
	"# inputs:\n"
	"#   training: training/records.yml\n"
	"#   contacts: contacts.yml\n"
	"#   drills: drills/log.yml\n"
	"\n"
	"# The release gate: fail on findings at or above fail_on (error, warning,\n"
	"# notice, never), or when the readiness score is below min_score (0-100).\n"
	"gate:\n"
	"  fail_on: error\n"
	"  min_score: 0\n"
	"\n"
	"# Accepted risks. `reason` and `expires` are required; an expired waiver is\n"
	"# itself a finding.\n"
	"waivers: []\n"
	"#   - rule: training.expired\n"
	"#     subject: bob\n"
	"#     reason: on parental leave until January\n"
	"#     approved_by: ops-director\n"
	"#     expires: 2027-01-31\n"
	"\n"
	"# How numeric dates such as 03/04/2025 are read in documents: dmy or mdy.\n"
	"# date_order: dmy\n"
	"\n"
	"# Larger files are skipped and reported.\n"
	"max_file_bytes: 4194304\n";

static void scan_dispose(init_scan *scan)
{
	size_t i;

	for (i = 0; i < scan->ndocs; i++)
		or_document_free(scan->docs[i].doc);
	free(scan->docs);
	for (i = 0; i < scan->nfolders; i++)
		free(scan->folders[i].path);
	free(scan->folders);
	for (i = 0; i < NPACKS; i++)
		or_pack_free(scan->packs[i].pack);
	or_file_list_dispose(&scan->files);
	or_buf_dispose(&scan->scratch);
}

/* The rendered config must load: init never writes one that check refuses. */
static int validate(const char *text, size_t len, const char *root, or_diag *diag)
{
	or_config *config = NULL;
	or_ruleset *set = NULL;
	char *name = or_fs_join(root, ".opsready.yml");
	int rc = or_config_parse(&config, text, len, name, diag);

	if (rc == 0)
		rc = or_ruleset_build(&set, config, NULL, 0, diag);
	if (rc != 0)
		diag->code = OR_EXIT_RUNTIME;
	or_ruleset_free(set);
	or_config_free(config);
	free(name);
	return rc;
}

int or_init_scan_render(char **out, const char *root, or_diag *diag)
{
	init_scan scan;
	or_buf text = OR_BUF_INIT;
	or_arena *arena = NULL;
	const scored_pack *chosen = NULL;
	or_site site;
	size_t i, p, s;
	int rc = -1;

	*out = NULL;
	memset(&scan, 0, sizeof(scan));
	if (load_packs(&scan, diag) != 0 || read_docs(&scan, root, diag) != 0)
		goto cleanup;
	for (i = 0; i < scan.ndocs; i++)
		for (p = 0; p < NPACKS; p++)
			for (s = 0; s < scan.packs[p].nsections; s++)
				scan.docs[i].hits[p] += doc_has_section(
					scan.docs[i].doc, json_array_get(scan.packs[p].sections, s));
	find_folders(&scan);
	or_site_detect(&site, root, NULL);
	arena = or_arena_new();

	or_buf_printf(&text, "# opsready configuration, written by `opsready init` from what it read in\n"
			     "# this repository. Every key is validated: a misspelt key, a wrong type or\n"
			     "# a bad date stops the scan with the file, line and column.\n"
			     "# Reference: `opsready rules` lists every rule; `opsready explain RULE` shows one.\n"
			     "version: 1\n\n");
	render_packs(&text, &scan, &chosen);
	render_site(&text, &scan, &site);
	render_paths(&text, &scan, &site);
	render_runbooks(&text, &scan);
	render_keys(&text, &scan, arena);
	render_rules(&text, &scan, chosen);
	or_buf_puts(&text, tail);
	if (validate(text.ptr, text.size, root, diag) != 0)
		goto cleanup;
	*out = or_buf_detach(&text);
	rc = 0;
cleanup:
	or_arena_free(arena);
	or_buf_dispose(&text);
	scan_dispose(&scan);
	return rc;
}
