/* Reading and writing files safely. */
#ifndef OR_UTIL_FS_H
#define OR_UTIL_FS_H

#include <stdbool.h>
#include <stddef.h>

#include "opsready/common.h"

typedef enum or_read_status {
	OR_READ_OK = 0,
	OR_READ_TOO_LARGE = 1,  /* larger than the limit; nothing read */
	OR_READ_NOT_REGULAR = 2 /* a directory, device, fifo or symlink */
} or_read_status;

#define OR_FS_FOLLOW_LINKS 1u /* open what a symbolic link points to */

/*
 * Read a whole regular file (symlinks are not followed unless `flags` has
 * OR_FS_FOLLOW_LINKS). On 0, *status says whether it was read; when
 * OR_READ_OK, *out is malloc'd and NUL-terminated and *len its size (for
 * OR_READ_TOO_LARGE, *len is the file's size). -1 with diag (code
 * `error_code`) when it cannot be opened or read.
 */
int or_fs_read(char **out, size_t *len, or_read_status *status, const char *path,
	       size_t max_bytes, unsigned flags, or_exit error_code, or_diag *diag);

/*
 * Read one of opsready's own inputs (a config, a rule pack, records) whole:
 * anything but a readable regular file of at most `max_bytes` is an
 * OR_EXIT_USAGE error that names the file as the user wrote it (`name`) and
 * says `what` it is ("config file", "drill log").
 */
int or_fs_read_input(char **out, size_t *len, const char *path, const char *name,
		     const char *what, size_t max_bytes, unsigned flags, or_diag *diag);

/* Write data to path atomically: a temporary file beside it (mode 0644
 * less the umask), then rename. An existing device or FIFO is written
 * directly. A symbolic link at the path is never followed: the link itself
 * is replaced by the report and what it names is untouched; only the
 * system's descriptor names (/dev/stdout, /dev/fd/N, /proc/self/fd/N) are
 * followed. Errors are OR_EXIT_RUNTIME; no temporary file is left behind,
 * also when SIGTERM, SIGINT or SIGHUP ends the process (a handler is
 * installed for those left at their default action; it removes the
 * temporary files and re-raises the signal). */
int or_fs_write_atomic(const char *path, const char *data, size_t len, or_diag *diag);

/* The same, written in pieces: open, write (an or_out sink), then commit
 * (rename into place) or abort (remove the temporary file). After a failed
 * open or commit nothing is left to abort. */
typedef struct or_fs_atomic {
	char *path; /* the file to replace */
	char *tmp;  /* the temporary beside it; NULL when written in place */
	int fd;
	int write_errno; /* the first failed write's errno, or 0 */
} or_fs_atomic;

int or_fs_atomic_open(or_fs_atomic *w, const char *path, or_diag *diag);
int or_fs_atomic_write(void *w, const char *data, size_t len);
int or_fs_atomic_commit(or_fs_atomic *w, or_diag *diag);
void or_fs_atomic_abort(or_fs_atomic *w);

/* "a" + "/" + "b" (b may be relative or "."), malloc'd. */
char *or_fs_join(const char *a, const char *b);

struct or_buf;

/*
 * `base` (a folder of the repository, "" for its top) joined with `rel`,
 * "." and ".." resolved, into `out`, as text only (nothing on disk is
 * read). False when the result would leave the repository. A ".." at
 * `floor` bytes (a site's page root, which a browser serves as "/") stays
 * there, as a browser clamps "/.." to "/"; 0 for no floor.
 */
bool or_fs_normalise(struct or_buf *out, const char *base, const char *rel, size_t floor);

/*
 * or_fs_read_input for a file of the scanned repository named by the
 * config (records, the contacts registry): `path` relative to `root`. A
 * path that resolves outside the root (through a symbolic link to a
 * folder on the way) is refused with exit 2, as paths with ".." are.
 */
int or_fs_read_repo_input(char **out, size_t *len, const char *root, const char *path,
			  const char *what, size_t max_bytes, or_diag *diag);

/* 1 when `path` resolves (through every symbolic link, its own too) to a
 * place inside `root` or to `root` itself, 0 when elsewhere, -1 when either
 * cannot be resolved (does not exist). */
int or_fs_resolves_within(const char *root, const char *path);

/* Whether the folder that will hold `path` is reached through a symbolic
 * link that lies inside `root` and leads out of it (one a pull request can
 * commit in the scanned checkout). Walks `path`'s folders as the kernel
 * does ("..", links in links); links outside `root` (the runner's own) are
 * followed freely. On true, *link (when not NULL) is the link's path as
 * spelled, malloc'd. A folder that does not exist ends the walk: the write
 * reports it. */
bool or_fs_folder_leaves(const char *root, const char *path, char **link);

/* `path` relative to `root` when it lies inside it, both as given by the
 * user ("repo" and "repo/.opsready.yml" give ".opsready.yml"); else NULL. */
const char *or_fs_inside(const char *root, const char *path);

#endif
