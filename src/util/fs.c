#include "util/fs.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

/* A device or a pipe (/dev/full, /dev/stdout on a pipe, a FIFO) cannot be
 * replaced by a rename (as root, that would put a file in /dev): it is
 * written to directly. */
static bool write_in_place(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

static int atomic_fail(or_fs_atomic *w, int err, or_diag *diag)
{
	or_diag_set(diag, OR_EXIT_RUNTIME, w->path, 0, 0, "cannot write report: %s",
		    strerror(err));
	or_fs_atomic_abort(w);
	return -1;
}

int or_fs_atomic_open(or_fs_atomic *w, const char *path, or_diag *diag)
{
	struct stat st;
	char *target = NULL;
	or_buf tmp = OR_BUF_INIT;

	memset(w, 0, sizeof(*w));
	w->fd = -1;
	/* a symbolic link to a file (/dev/stdout redirected to a file, a
	 * "latest.json" link): replace the file it names, keep the link */
	if (!write_in_place(path) && lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
		target = realpath(path, NULL);
	w->path = target ? target : or_xstrdup(path);
	if (write_in_place(w->path)) {
		w->fd = open(w->path, O_WRONLY | O_CLOEXEC);
		if (w->fd < 0)
			return atomic_fail(w, errno, diag);
		return 0;
	}
	or_buf_printf(&tmp, "%s.tmp-XXXXXX", w->path);
	w->tmp = or_buf_detach(&tmp);
	w->fd = mkstemp(w->tmp);
	if (w->fd < 0) {
		int err = errno;
		free(w->tmp); /* nothing was created */
		w->tmp = NULL;
		return atomic_fail(w, err, diag);
	}
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
	/* mkstemp creates 0600; a report is an ordinary file. */
	if ((w->tmp && fchmod(fd, 0644) != 0) || close(fd) != 0 ||
	    (w->tmp && rename(w->tmp, w->path) != 0))
		return atomic_fail(w, errno, diag);
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
