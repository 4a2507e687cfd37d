#include "util/fs.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util/alloc.h"
#include "util/buf.h"

int or_fs_read(char **out, size_t *len, or_read_status *status, const char *path,
	       size_t max_bytes, unsigned flags, or_exit error_code, or_diag *diag)
{
	struct stat st;
	char *data = NULL;
	size_t size, got = 0;
	int fd, error = -1;

	*out = NULL;
	*len = 0;
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK |
			(flags & OR_FS_FOLLOW_LINKS ? 0 : O_NOFOLLOW));
	if (fd < 0) {
		if (errno == ELOOP) {
			*status = OR_READ_NOT_REGULAR;
			return 0;
		}
		return or_diag_set(diag, error_code, path, 0, 0, "cannot open: %s",
				   strerror(errno));
	}
	if (fstat(fd, &st) != 0) {
		or_diag_set(diag, error_code, path, 0, 0, "cannot stat: %s", strerror(errno));
		goto cleanup;
	}
	if (!S_ISREG(st.st_mode)) {
		*status = OR_READ_NOT_REGULAR;
		error = 0;
		goto cleanup;
	}
	size = (size_t)st.st_size;
	if (size > max_bytes) {
		*status = OR_READ_TOO_LARGE;
		*len = size;
		error = 0;
		goto cleanup;
	}
	data = or_xmalloc(size + 1);
	while (got < size) {
		ssize_t n = read(fd, data + got, size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			or_diag_set(diag, error_code, path, 0, 0, "cannot read: %s",
				    strerror(errno));
			goto cleanup;
		}
		if (n == 0)
			break; /* the file shrank while we read it */
		got += (size_t)n;
	}
	data[got] = '\0';
	*out = data;
	*len = got;
	*status = OR_READ_OK;
	data = NULL;
	error = 0;
cleanup:
	free(data);
	close(fd);
	return error;
}

int or_fs_read_input(char **out, size_t *len, const char *path, const char *name,
		     const char *what, size_t max_bytes, unsigned flags, or_diag *diag)
{
	or_read_status status;
	struct stat st;

	if (or_fs_read(out, len, &status, path, max_bytes, flags, OR_EXIT_USAGE, diag) != 0) {
		/* name the file as the user wrote it, and say what it is */
		int saved = errno;
		return or_diag_set(diag, OR_EXIT_USAGE, name, 0, 0, "cannot read %s: %s", what,
				   strerror(saved));
	}
	switch (status) {
	case OR_READ_OK:
		return 0;
	case OR_READ_TOO_LARGE:
		return or_diag_set(diag, OR_EXIT_USAGE, name, 0, 0,
				   "cannot read %s: it is larger than %zu bytes", what, max_bytes);
	case OR_READ_NOT_REGULAR:
		break;
	}
	if (!(flags & OR_FS_FOLLOW_LINKS) && lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
		return or_diag_set(diag, OR_EXIT_USAGE, name, 0, 0,
				   "cannot read %s: it is a symbolic link (not followed)", what);
	if (stat(path, &st) != 0) /* a loop of symbolic links */
		return or_diag_set(diag, OR_EXIT_USAGE, name, 0, 0, "cannot read %s: %s", what,
				   strerror(errno));
	if (S_ISDIR(st.st_mode))
		return or_diag_set(diag, OR_EXIT_USAGE, name, 0, 0,
				   "cannot read %s: it is a directory", what);
	return or_diag_set(diag, OR_EXIT_USAGE, name, 0, 0,
			   "cannot read %s: it is not a regular file", what);
}

/*
 * Temporary report files that exist right now, for the signal handler: a
 * fixed table of lock-free atomic pointers (safe to read in a handler, and
 * reports are written from several threads at once). A path is entered
 * before the file is created and taken out before it is renamed or removed;
 * the handler unlinks whatever is entered (unlink of a name that is not
 * there yet, or any more, does no harm), then re-raises the signal. (A
 * thread that frees a path just as the handler reads it could hand it a
 * stale pointer; the process is ending then, and the window is a few
 * instructions wide.)
 */
#define OR_FS_TMP_SLOTS 32

static _Atomic(char *) tmp_slots[OR_FS_TMP_SLOTS];
static atomic_flag handlers_installed = ATOMIC_FLAG_INIT;
static const int cleanup_signals[] = { SIGTERM, SIGINT, SIGHUP };

static void remove_tmp_on_signal(int sig)
{
	int saved = errno;
	size_t i;

	for (i = 0; i < OR_FS_TMP_SLOTS; i++) {
		char *tmp = atomic_load(&tmp_slots[i]);
		if (tmp)
			unlink(tmp);
	}
	/* SA_RESETHAND put the default action back: the signal, blocked
	 * while this runs, ends the process when the handler returns */
	raise(sig);
	errno = saved;
}

/* Only a signal left at its default action is taken over: a program that
 * embeds the library keeps its own handlers, and an ignored SIGINT (a
 * background job) stays ignored. */
static void install_cleanup_handlers(void)
{
	struct sigaction sa, old;
	size_t i;

	if (atomic_flag_test_and_set(&handlers_installed))
		return;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = remove_tmp_on_signal;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(cleanup_signals) / sizeof(cleanup_signals[0]); i++)
		sigaddset(&sa.sa_mask, cleanup_signals[i]);
	for (i = 0; i < sizeof(cleanup_signals) / sizeof(cleanup_signals[0]); i++) {
		if (sigaction(cleanup_signals[i], NULL, &old) != 0 ||
		    (old.sa_flags & SA_SIGINFO) || old.sa_handler != SIG_DFL)
			continue;
		sigaction(cleanup_signals[i], &sa, NULL);
	}
}

/* Enter a temporary path (when the table is full, the file is still
 * removed on every exit but a signal). */
static void tmp_enter(char *tmp)
{
	size_t i;

	install_cleanup_handlers();
	for (i = 0; i < OR_FS_TMP_SLOTS; i++) {
		char *expected = NULL;
		if (atomic_compare_exchange_strong(&tmp_slots[i], &expected, tmp))
			return;
	}
}

static void tmp_leave(const char *tmp)
{
	size_t i;

	for (i = 0; tmp && i < OR_FS_TMP_SLOTS; i++) {
		char *expected = (char *)tmp;
		if (atomic_compare_exchange_strong(&tmp_slots[i], &expected, NULL))
			return;
	}
}

/* A device or a pipe (/dev/full, /dev/stdout on a pipe, a FIFO) cannot be
 * replaced by a rename (as root, that would put a file in /dev): it is
 * written to directly. `st` is what the path names (followed or not). */
static bool write_in_place(const struct stat *st)
{
	return !S_ISREG(st->st_mode) && !S_ISDIR(st->st_mode) && !S_ISLNK(st->st_mode);
}

/* Whether a symbolic link at `path` is one of the system's names for an
 * open descriptor (/dev/stdout, /dev/fd/3, /proc/self/fd/1): the link's
 * folder resolves into /dev or /proc, where no checkout can put a link.
 * Those are followed; any other link is replaced, never followed. */
static bool descriptor_alias(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir, *real;
	bool alias;

	if (!slash)
		return false; /* in the working folder */
	dir = or_xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
	real = realpath(dir, NULL);
	alias = real && (strncmp(real, "/dev/", 5) == 0 || strcmp(real, "/dev") == 0 ||
			 strncmp(real, "/proc/", 6) == 0);
	free(real);
	free(dir);
	return alias;
}

static int atomic_fail(or_fs_atomic *w, int err, or_diag *diag)
{
	or_diag_set(diag, OR_EXIT_RUNTIME, w->path, 0, 0, "cannot write report: %s",
		    strerror(err));
	or_fs_atomic_abort(w);
	return -1;
}

/* Create "<path>.tmp-XXXXXX" with O_EXCL (never through a link that is
 * already there) and mode 0644, so that the umask applies as to any new
 * file; entered in the table before it exists. */
static int create_tmp(or_fs_atomic *w)
{
	static const char letters[] =
		"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	static atomic_uint counter;
	or_buf tmp = OR_BUF_INIT;
	size_t base, i;
	int attempt;

	or_buf_printf(&tmp, "%s.tmp-XXXXXX", w->path);
	w->tmp = or_buf_detach(&tmp);
	base = strlen(w->tmp) - 6;
	tmp_enter(w->tmp);
	for (attempt = 0; attempt < 100; attempt++) {
		struct timespec now;
		uint64_t x;

		clock_gettime(CLOCK_REALTIME, &now);
		x = (uint64_t)now.tv_nsec ^ ((uint64_t)now.tv_sec << 20) ^
		    ((uint64_t)getpid() << 40) ^
		    ((uint64_t)atomic_fetch_add(&counter, 1) * 0x9e3779b97f4a7c15u);
		for (i = 0; i < 6; i++, x /= 62)
			w->tmp[base + i] = letters[x % 62];
		w->fd = open(w->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
		if (w->fd >= 0 || errno != EEXIST)
			break;
	}
	if (w->fd < 0) {
		int err = errno;
		tmp_leave(w->tmp);
		free(w->tmp); /* nothing was created */
		w->tmp = NULL;
		errno = err;
		return -1;
	}
	return 0;
}

int or_fs_atomic_open(or_fs_atomic *w, const char *path, or_diag *diag)
{
	struct stat st;
	char *target = NULL;
	bool exists, follow = false;

	memset(w, 0, sizeof(*w));
	w->fd = -1;
	exists = lstat(path, &st) == 0;
	/* A symbolic link at the report path is replaced, never followed: a
	 * checkout may hold "report.json -> ../../etc/passwd" or a link to a
	 * disk. Only the system's descriptor names are followed: a pipe or a
	 * device is written in place, a file they name is replaced. */
	if (exists && S_ISLNK(st.st_mode) && descriptor_alias(path) && stat(path, &st) == 0) {
		follow = true;
		if (S_ISREG(st.st_mode))
			target = realpath(path, NULL);
	}
	w->path = target ? target : or_xstrdup(path);
	if (exists && write_in_place(&st)) {
		w->fd = open(w->path, O_WRONLY | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW));
		if (w->fd < 0)
			return atomic_fail(w, errno, diag);
		return 0;
	}
	if (create_tmp(w) != 0)
		return atomic_fail(w, errno, diag);
	return 0;
}

int or_fs_atomic_write(void *ctx, const char *data, size_t len)
{
	or_fs_atomic *w = ctx;
	size_t done = 0;

	while (done < len) {
		ssize_t n = write(w->fd, data + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			w->write_errno = errno;
			return -1;
		}
		done += (size_t)n;
	}
	return 0;
}

int or_fs_atomic_commit(or_fs_atomic *w, or_diag *diag)
{
	int fd = w->fd;

	if (w->write_errno)
		return atomic_fail(w, w->write_errno, diag);
	w->fd = -1;
	/* rename replaces the name itself: a link there is replaced, its
	 * target untouched */
	if (close(fd) != 0 || (w->tmp && rename(w->tmp, w->path) != 0))
		return atomic_fail(w, errno, diag);
	tmp_leave(w->tmp);
	free(w->tmp);
	w->tmp = NULL;
	or_fs_atomic_abort(w);
	return 0;
}

void or_fs_atomic_abort(or_fs_atomic *w)
{
	if (w->fd >= 0)
		close(w->fd);
	w->fd = -1;
	if (w->tmp)
		unlink(w->tmp);
	tmp_leave(w->tmp);
	free(w->tmp);
	free(w->path);
	w->tmp = w->path = NULL;
}

int or_fs_write_atomic(const char *path, const char *data, size_t len, or_diag *diag)
{
	or_fs_atomic w;

	if (or_fs_atomic_open(&w, path, diag) != 0)
		return -1;
	or_fs_atomic_write(&w, data, len);
	return or_fs_atomic_commit(&w, diag);
}

char *or_fs_join(const char *a, const char *b)
{
	or_buf out = OR_BUF_INIT;

	if (!b || !*b || strcmp(b, ".") == 0)
		return or_xstrdup(a);
	if (b[0] == '/' || !a || !*a || strcmp(a, ".") == 0)
		return or_xstrdup(b);
	or_buf_puts(&out, a);
	if (out.size && out.ptr[out.size - 1] != '/')
		or_buf_putc(&out, '/');
	or_buf_puts(&out, b);
	return or_buf_detach(&out);
}

/* Whether the resolved `path` is `root` or lies below it (both resolved). */
static bool resolved_below(const char *root, const char *path)
{
	size_t n = strlen(root);

	while (n > 1 && root[n - 1] == '/')
		n--;
	if (n == 1 && root[0] == '/')
		return true;
	return strncmp(path, root, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

bool or_fs_folder_leaves(const char *root, const char *path, char **link)
{
	char *real_root = realpath(root, NULL), *cur, *dir;
	const char *p, *slash = strrchr(path, '/');
	or_buf next = OR_BUF_INIT;
	bool leaves = false;

	if (link)
		*link = NULL;
	if (!real_root || !slash) { /* no root, or the report is in the working folder */
		free(real_root);
		return false;
	}
	cur = realpath(path[0] == '/' ? "/" : ".", NULL);
	dir = or_xstrndup(path, (size_t)(slash - path));
	for (p = dir; cur && *p && !leaves;) {
		const char *end = strchr(p, '/');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		struct stat st;
		char *real;

		if (n > 0 && !(n == 1 && p[0] == '.')) {
			or_buf_clear(&next);
			or_buf_printf(&next, "%s/%.*s", strcmp(cur, "/") == 0 ? "" : cur, (int)n, p);
			real = realpath(or_buf_cstr(&next), NULL);
			if (real && resolved_below(real_root, cur) && lstat(or_buf_cstr(&next), &st) == 0 &&
			    S_ISLNK(st.st_mode) && !resolved_below(real_root, real)) {
				leaves = true;
				if (link)
					*link = or_xstrndup(dir, (size_t)(p + n - dir));
			}
			free(cur);
			cur = real; /* NULL: the folder is missing, the write will say so */
		}
		p += n;
		while (*p == '/')
			p++;
	}
	free(cur);
	free(dir);
	free(real_root);
	or_buf_dispose(&next);
	return leaves;
}

const char *or_fs_inside(const char *root, const char *path)
{
	size_t n;

	if (!root || !path)
		return NULL;
	if ((strcmp(root, ".") == 0 || strcmp(root, "./") == 0) && path[0] != '/') {
		while (strncmp(path, "./", 2) == 0)
			path += 2;
		return strncmp(path, "../", 3) == 0 || !*path ? NULL : path;
	}
	n = strlen(root);
	while (n > 1 && root[n - 1] == '/')
		n--;
	if (strncmp(path, root, n) != 0 || path[n] != '/' || !path[n + 1])
		return NULL;
	return path + n + 1;
}

/* Whether `full` resolves to a place inside `root` (both resolved). A
 * file that does not exist is left to the read to report. */
static bool resolves_inside(const char *root, const char *full)
{
	char *real_root = realpath(root, NULL), *real_full = realpath(full, NULL);
	size_t n;
	bool inside = true;

	if (real_root && real_full) {
		n = strlen(real_root);
		while (n > 1 && real_root[n - 1] == '/')
			n--;
		inside = strncmp(real_full, real_root, n) == 0 &&
			 (real_full[n] == '/' || (n == 1 && real_root[0] == '/'));
	}
	free(real_root);
	free(real_full);
	return inside;
}

int or_fs_resolves_within(const char *root, const char *path)
{
	char *real_root = realpath(root, NULL), *real_path = realpath(path, NULL);
	size_t n;
	int rc = -1;

	if (real_root && real_path) {
		n = strlen(real_root);
		while (n > 1 && real_root[n - 1] == '/')
			n--;
		rc = strncmp(real_path, real_root, n) == 0 &&
		     (real_path[n] == '/' || real_path[n] == '\0' || (n == 1 && real_root[0] == '/'));
	}
	free(real_root);
	free(real_path);
	return rc;
}

int or_fs_read_repo_input(char **out, size_t *len, const char *root, const char *path,
			  const char *what, size_t max_bytes, or_diag *diag)
{
	char *full = or_fs_join(root, path);
	struct stat st;
	int rc;

	/* a link as the file itself is refused by or_fs_read_input, by name */
	if (!(lstat(full, &st) == 0 && S_ISLNK(st.st_mode)) && !resolves_inside(root, full))
		rc = or_diag_set(diag, OR_EXIT_USAGE, path, 0, 0,
				 "cannot read %s: it resolves outside the scanned repository (through a symbolic link)",
				 what);
	else
		rc = or_fs_read_input(out, len, full, path, what, max_bytes, 0, diag);
	free(full);
	return rc;
}

bool or_fs_normalise(or_buf *out, const char *base, const char *rel, size_t floor)
{
	or_buf joined = OR_BUF_INIT;
	const char *p;
	bool ok = true;

	or_buf_clear(out);
	if (*base) {
		or_buf_puts(&joined, base);
		or_buf_putc(&joined, '/');
	}
	or_buf_puts(&joined, rel);
	p = or_buf_cstr(&joined);
	while (*p) {
		const char *end = strchr(p, '/');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (n == 0 || (n == 1 && p[0] == '.')) {
			/* skip */
		} else if (n == 2 && p[0] == '.' && p[1] == '.') {
			char *slash;

			if (floor && out->size <= floor)
				goto next; /* clamped at the site root */
			if (out->size == 0) {
				ok = false;
				break;
			}
			slash = strrchr(out->ptr, '/');
			or_buf_truncate(out, slash ? (size_t)(slash - out->ptr) : 0);
		} else {
			if (out->size)
				or_buf_putc(out, '/');
			or_buf_put(out, p, n);
		}
next:
		p += n;
		if (*p == '/')
			p++;
	}
	or_buf_dispose(&joined);
	or_buf_cstr(out);
	return ok;
}
