#include "util/glob.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/utf8.h"

/*
 * A glob is compiled into a small Thompson NFA over code points and run as a
 * set of states, so matching is O(pattern x path) whatever the pattern: no
 * backtracking, no blow-up on "a*a*a*a*b". Alternatives ({a,b}) are split
 * states; '**' segments are two states that may cross '/'.
 */

#define GLOB_MAX_DEPTH 16 /* nesting of {...} */

typedef enum node_kind {
	NODE_CHAR,     /* one code point equal to `cp` */
	NODE_ANY,      /* '?': one code point except '/' */
	NODE_CLASS,    /* [...]: one code point in ranges[lo, lo+count) */
	NODE_STAR,     /* '*': loops on non-'/', epsilon to next */
	NODE_ANYALL,   /* trailing '**': loops on anything, epsilon to next */
	NODE_DIRS,     /* "**" "/": zero or more "segment/", epsilon to next */
	NODE_DIRS_IN,  /* inside a segment of NODE_DIRS */
	NODE_SPLIT,    /* epsilon to next and to alt */
	NODE_MATCH
} node_kind;

typedef struct node {
	node_kind kind;
	unsigned int cp;
	bool negate;
	size_t lo, count; /* class ranges */
	size_t next, alt;
} node;

typedef struct range {
	unsigned int from, to;
} range;

typedef struct nfa {
	node *nodes;
	size_t n, cap;
	range *ranges;
	size_t nranges, rcap;
} nfa;

/* Code point at p (bytes that are not UTF-8 become distinct values above
 * U+10FFFF, so they still compare equal byte for byte). */
static size_t next_cp(const char *p, size_t len, unsigned int *cp)
{
	int n = or_utf8_decode(p, len, cp);

	if (n < 0) {
		*cp = 0x110000u + (unsigned char)*p;
		return 1;
	}
	return (size_t)n;
}

static size_t add_node(nfa *a, node_kind kind, size_t next)
{
	node *nd;

	a->nodes = or_xgrow(a->nodes, &a->cap, a->n + 1, sizeof(node));
	nd = &a->nodes[a->n];
	memset(nd, 0, sizeof(*nd));
	nd->kind = kind;
	nd->next = next;
	nd->alt = next;
	return a->n++;
}

static bool is_segment_start(const char *pat, const char *p)
{
	return p == pat || p[-1] == '/';
}

/* The end of a bracket expression starting at p ('['), or NULL if unclosed. */
static const char *class_end(const char *p, const char *end)
{
	const char *q = p + 1;

	if (q < end && (*q == '!' || *q == '^'))
		q++;
	if (q < end && *q == ']')
		q++;
	while (q < end && *q != ']') {
		if (*q == '\\' && q + 1 < end)
			q++;
		q++;
	}
	return q < end ? q : NULL;
}

/* The matching '}' of the '{' at p, or NULL. */
static const char *brace_end(const char *p, const char *end)
{
	int depth = 0;
	const char *q;

	for (q = p; q < end; q++) {
		if (*q == '\\' && q + 1 < end) {
			q++;
		} else if (*q == '[') {
			const char *ce = class_end(q, end);
			if (ce)
				q = ce;
		} else if (*q == '{') {
			depth++;
		} else if (*q == '}') {
			if (--depth == 0)
				return q;
		}
	}
	return NULL;
}

static size_t compile_seq(nfa *a, const char *pat, const char *p, const char *end,
			  size_t cont, int depth);

static size_t compile_class(nfa *a, const char *p, const char *ce, size_t cont)
{
	size_t id = add_node(a, NODE_CLASS, cont);
	node *nd;
	bool negate = false;
	size_t lo = a->nranges;

	p++;
	if (*p == '!' || *p == '^') {
		negate = true;
		p++;
	}
	while (p < ce) {
		unsigned int from, to;

		if (*p == '\\' && p + 1 < ce)
			p++;
		p += next_cp(p, (size_t)(ce - p), &from);
		to = from;
		if (p + 1 < ce && *p == '-') {
			p++;
			if (*p == '\\' && p + 1 < ce)
				p++;
			p += next_cp(p, (size_t)(ce - p), &to);
		}
		a->ranges = or_xgrow(a->ranges, &a->rcap, a->nranges + 1, sizeof(range));
		a->ranges[a->nranges].from = from;
		a->ranges[a->nranges].to = to;
		a->nranges++;
	}
	nd = &a->nodes[id];
	nd->negate = negate;
	nd->lo = lo;
	nd->count = a->nranges - lo;
	return id;
}

/* {a,b,c} followed by `cont`: a chain of splits, one per alternative. */
static size_t compile_braces(nfa *a, const char *pat, const char *p,
			     const char *be, size_t cont, int depth)
{
	const char *alt_start = p + 1, *q;
	size_t first = (size_t)-1, last_split = (size_t)-1;
	int inner = 0;

	for (q = p + 1; q <= be; q++) {
		size_t start, split;

		if (q < be) {
			if (*q == '\\' && q + 1 < be) {
				q++;
				continue;
			}
			if (*q == '[') {
				const char *ce = class_end(q, be);
				if (ce)
					q = ce;
				continue;
			}
			if (*q == '{')
				inner++;
			else if (*q == '}')
				inner--;
			if (*q != ',' || inner > 0)
				continue;
		}
		start = compile_seq(a, pat, alt_start, q, cont, depth + 1);
		split = add_node(a, NODE_SPLIT, start);
		a->nodes[split].alt = (size_t)-1;
		if (last_split == (size_t)-1)
			first = split;
		else
			a->nodes[last_split].alt = split;
		last_split = split;
		alt_start = q + 1;
	}
	/* The last split has no second way: make it go to the same place. */
	a->nodes[last_split].alt = a->nodes[last_split].next;
	return first;
}

/* The kind of the element starting at q and where it ends (exclusive). */
typedef enum elem_kind {
	ELEM_CHAR, ELEM_ANY, ELEM_CLASS, ELEM_STAR, ELEM_ANYALL, ELEM_DIRS,
	ELEM_BRACES
} elem_kind;

typedef struct elem {
	elem_kind kind;
	const char *start, *stop;
} elem;

static elem next_elem(const char *pat, const char *q, const char *end, int depth)
{
	elem e;

	e.start = q;
	e.stop = q + 1;
	e.kind = ELEM_CHAR;
	if (*q == '*') {
		const char *r = q;

		while (r < end && *r == '*')
			r++;
		e.stop = r;
		e.kind = ELEM_STAR;
		if (r - q >= 2 && is_segment_start(pat, q)) {
			if (r == end) {
				e.kind = ELEM_ANYALL;
			} else if (*r == '/') {
				e.kind = ELEM_DIRS;
				e.stop = r + 1;
			}
		}
	} else if (*q == '?') {
		e.kind = ELEM_ANY;
	} else if (*q == '[') {
		const char *ce = class_end(q, end);

		if (ce) {
			e.kind = ELEM_CLASS;
			e.stop = ce + 1;
		}
	} else if (*q == '{') {
		const char *be = brace_end(q, end);

		if (be && depth < GLOB_MAX_DEPTH) {
			e.kind = ELEM_BRACES;
			e.stop = be + 1;
		}
	}
	if (e.kind == ELEM_CHAR) {
		unsigned int cp;

		if (*q == '\\' && q + 1 < end)
			q++;
		e.stop = q + next_cp(q, (size_t)(end - q), &cp);
	}
	return e;
}

/*
 * Compile pat[p..end) so that it continues with node `cont`: the elements
 * are listed left to right, then compiled from the right so that each one
 * knows its successor. Only alternatives recurse, at most GLOB_MAX_DEPTH deep.
 */
static size_t compile_seq(nfa *a, const char *pat, const char *p, const char *end,
			  size_t cont, int depth)
{
	elem *elems = NULL;
	size_t n = 0, cap = 0, next = cont;

	while (p < end) {
		elems = or_xgrow(elems, &cap, n + 1, sizeof(elem));
		elems[n] = next_elem(pat, p, end, depth);
		p = elems[n++].stop;
	}
	while (n--) {
		const elem *e = &elems[n];
		size_t id, inside;

		switch (e->kind) {
		case ELEM_STAR:
			next = add_node(a, NODE_STAR, next);
			break;
		case ELEM_ANYALL:
			next = add_node(a, NODE_ANYALL, next);
			break;
		case ELEM_DIRS:
			id = add_node(a, NODE_DIRS, next);
			inside = add_node(a, NODE_DIRS_IN, id);
			a->nodes[id].alt = inside;
			next = id;
			break;
		case ELEM_ANY:
			next = add_node(a, NODE_ANY, next);
			break;
		case ELEM_CLASS:
			next = compile_class(a, e->start, e->stop - 1, next);
			break;
		case ELEM_BRACES:
			next = compile_braces(a, pat, e->start, e->stop - 1, next, depth);
			break;
		case ELEM_CHAR: {
			const char *q = e->start;
			unsigned int cp;

			if (*q == '\\' && q + 1 < e->stop)
				q++;
			next_cp(q, (size_t)(e->stop - q), &cp);
			id = add_node(a, NODE_CHAR, next);
			a->nodes[id].cp = cp;
			next = id;
			break;
		}
		}
	}
	free(elems);
	return next;
}

static bool class_has(const nfa *a, const node *nd, unsigned int cp)
{
	size_t i;
	bool in = false;

	if (cp == '/')
		return false;
	for (i = 0; i < nd->count; i++) {
		const range *r = &a->ranges[nd->lo + i];
		if (cp >= r->from && cp <= r->to) {
			in = true;
			break;
		}
	}
	return in != nd->negate;
}

typedef struct state_set {
	size_t *list;
	size_t n;
	unsigned char *on; /* membership by node id */
} state_set;

/* Add s and everything reachable from it by epsilon moves. */
static void add_state(const nfa *a, state_set *set, size_t s, size_t *stack)
{
	size_t top = 0;

	stack[top++] = s;
	while (top) {
		const node *nd;

		s = stack[--top];
		if (set->on[s])
			continue;
		set->on[s] = 1;
		set->list[set->n++] = s;
		nd = &a->nodes[s];
		switch (nd->kind) {
		case NODE_SPLIT:
			stack[top++] = nd->next;
			stack[top++] = nd->alt;
			break;
		case NODE_STAR:
		case NODE_ANYALL:
		case NODE_DIRS:
			stack[top++] = nd->next;
			break;
		default:
			break;
		}
	}
}

static void clear_set(state_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		set->on[set->list[i]] = 0;
	set->n = 0;
}

bool or_glob_match(const char *pattern, const char *path)
{
	nfa a = { NULL, 0, 0, NULL, 0, 0 };
	state_set cur = { NULL, 0, NULL }, nxt = { NULL, 0, NULL }, tmp;
	size_t *stack = NULL;
	size_t match, start, i, plen, pos = 0;
	bool matched = false;

	if (!pattern || !path)
		return false;
	match = add_node(&a, NODE_MATCH, 0);
	start = compile_seq(&a, pattern, pattern, pattern + strlen(pattern), match, 0);
	cur.list = or_xmalloc(a.n * sizeof(size_t));
	nxt.list = or_xmalloc(a.n * sizeof(size_t));
	cur.on = or_xcalloc(a.n, 1);
	nxt.on = or_xcalloc(a.n, 1);
	/* Each node is pushed at most once per closure per predecessor edge. */
	stack = or_xmalloc(2 * a.n * sizeof(size_t) + 2 * sizeof(size_t));
	add_state(&a, &cur, start, stack);
	plen = strlen(path);
	while (pos < plen && cur.n) {
		unsigned int cp;
		size_t n = next_cp(path + pos, plen - pos, &cp);

		for (i = 0; i < cur.n; i++) {
			size_t s = cur.list[i];
			const node *nd = &a.nodes[s];

			switch (nd->kind) {
			case NODE_CHAR:
				if (nd->cp == cp)
					add_state(&a, &nxt, nd->next, stack);
				break;
			case NODE_ANY:
				if (cp != '/')
					add_state(&a, &nxt, nd->next, stack);
				break;
			case NODE_CLASS:
				if (class_has(&a, nd, cp))
					add_state(&a, &nxt, nd->next, stack);
				break;
			case NODE_STAR:
				if (cp != '/')
					add_state(&a, &nxt, s, stack);
				break;
			case NODE_ANYALL:
				add_state(&a, &nxt, s, stack);
				break;
			case NODE_DIRS:
				/* a directory name: at least one character, then '/' */
				if (cp != '/')
					add_state(&a, &nxt, nd->alt, stack);
				break;
			case NODE_DIRS_IN:
				add_state(&a, &nxt, cp == '/' ? nd->next : s, stack);
				break;
			default:
				break;
			}
		}
		clear_set(&cur);
		tmp = cur;
		cur = nxt;
		nxt = tmp;
		pos += n;
	}
	if (pos >= plen)
		matched = cur.n > 0 && cur.on[match];
	free(cur.list);
	free(nxt.list);
	free(cur.on);
	free(nxt.on);
	free(stack);
	free(a.nodes);
	free(a.ranges);
	return matched;
}

int or_glob_validate(const char *pattern, const char **why)
{
	const char *p, *seg, *end;
	int depth = 0;
	const char *dummy;

	if (!why)
		why = &dummy;
	if (!pattern || !*pattern) {
		*why = "empty pattern";
		return -1;
	}
	if (pattern[0] == '/') {
		*why = "absolute path: patterns are relative to the repository root";
		return -1;
	}
	end = pattern + strlen(pattern);
	if (or_utf8_invalid_offset(pattern, (size_t)(end - pattern)) != (size_t)-1) {
		*why = "invalid UTF-8";
		return -1;
	}
	for (seg = pattern; seg <= end;) {
		const char *slash = strchr(seg, '/');
		size_t n = slash ? (size_t)(slash - seg) : strlen(seg);

		if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			*why = "'..' segment: patterns cannot leave the repository";
			return -1;
		}
		if (!slash)
			break;
		seg = slash + 1;
	}
	for (p = pattern; p < end; p++) {
		if (*p == '\\') {
			if (p + 1 == end) {
				*why = "trailing backslash";
				return -1;
			}
			p++;
		} else if (*p == '[') {
			const char *ce = class_end(p, end);

			if (!ce) {
				*why = "unclosed '[' in a character class";
				return -1;
			}
			p = ce;
		} else if (*p == '{') {
			if (++depth > GLOB_MAX_DEPTH) {
				*why = "alternatives nested too deeply";
				return -1;
			}
		} else if (*p == '}') {
			if (--depth < 0) {
				*why = "unbalanced '}'";
				return -1;
			}
		}
	}
	if (depth != 0) {
		*why = "unclosed '{' in alternatives";
		return -1;
	}
	*why = NULL;
	return 0;
}

/* The page extensions whose case is folded: the last ones of a file name,
 * after its first part ("a.b.MD" folds ".MD", never "a"). */
static bool page_extension(const char *s, size_t n)
{
	static const char *const exts[] = { "md", "markdown", "mdx", "erb", "html", NULL };
	size_t i, k;

	for (i = 0; exts[i]; i++) {
		if (strlen(exts[i]) != n)
			continue;
		for (k = 0; k < n; k++)
			if ((char)tolower((unsigned char)s[k]) != exts[i][k])
				break;
		if (k == n)
			return true;
	}
	return false;
}

char *or_glob_fold_extension(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t n = strlen(path), end = n, start = n, dot, i;
	bool upper = false;
	char *out;

	base = base ? base + 1 : path;
	/* walk the extensions back from the end while they are page ones */
	while (end > (size_t)(base - path)) {
		dot = end;
		while (dot > (size_t)(base - path) && path[dot - 1] != '.')
			dot--;
		if (dot <= (size_t)(base - path) + 1 || !page_extension(path + dot, end - dot))
			break; /* no dot, a leading dot (".md"), or not a page extension */
		start = dot;
		end = dot - 1;
	}
	for (i = start; i < n; i++)
		if (path[i] >= 'A' && path[i] <= 'Z')
			upper = true;
	if (!upper)
		return NULL;
	out = or_xstrdup(path);
	for (i = start; i < n; i++)
		out[i] = (char)tolower((unsigned char)out[i]);
	return out;
}

bool or_glob_match_document(const char *pattern, const char *path)
{
	char *folded;
	bool matched;
	size_t n;

	if (!pattern || !path)
		return false;
	if (or_glob_match(pattern, path))
		return true;
	folded = or_glob_fold_extension(path);
	if (!folded)
		folded = or_xstrdup(path);
	matched = or_glob_match(pattern, folded);
	n = strlen(folded);
	/* a page x.markdown is the page x.md to a glob written for .md */
	if (!matched && n > 9 && strcmp(folded + n - 9, ".markdown") == 0) {
		memcpy(folded + n - 9, ".md", 4);
		matched = or_glob_match(pattern, folded);
	}
	free(folded);
	return matched;
}
