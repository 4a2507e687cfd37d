/*
 * `opsready init`: the config rendered from the repository (init_scan.c),
 * written as .opsready.yml whole or not at all, and never over an existing
 * file: it is written to a temporary file beside it, then linked into place
 * (link() fails when the name exists), so nobody ever sees half a config.
 */
#include "opsready/rules.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "init_scan.h"
#include "util/buf.h"
#include "util/fs.h"

#define OR_INIT_FILE ".opsready.yml"

int or_init_render(char **out, const char *dir, or_diag *diag)
{
	or_library_init();
	return or_init_scan_render(out, dir && dir[0] ? dir : ".", diag);
}

static int write_all(int fd, const char *p, size_t left)
{
	while (left > 0) {
		ssize_t n = write(fd, p, left);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO;
			return -1;
		}
		p += n;
		left -= (size_t)n;
	}
	return 0;
}

int or_init_write(const char *dir, char *written, size_t written_size, or_diag *diag)
{
	or_buf path = OR_BUF_INIT, tmp = OR_BUF_INIT;
	char *text = NULL;
	int fd = -1, rc = -1;

	if (!dir || !dir[0])
		dir = ".";
	{
		char *joined = or_fs_join(dir, OR_INIT_FILE);
		or_buf_puts(&path, joined);
		free(joined);
	}
	/* refuse before reading the repository; link() below decides for real */
	if (access(or_buf_cstr(&path), F_OK) == 0) {
		or_diag_set(diag, OR_EXIT_USAGE, or_buf_cstr(&path), 0, 0,
			    "already exists; not overwriting it");
		goto cleanup;
	}
	if (or_init_render(&text, dir, diag) != 0)
		goto cleanup;
	or_buf_printf(&tmp, "%s.tmp-XXXXXX", or_buf_cstr(&path));
	fd = mkstemp(tmp.ptr);
	if (fd < 0) {
		or_diag_set(diag, OR_EXIT_RUNTIME, or_buf_cstr(&path), 0, 0, "cannot create: %s",
			    strerror(errno));
		or_buf_clear(&tmp);
		goto cleanup;
	}
	if (fchmod(fd, 0644) != 0 || write_all(fd, text, strlen(text)) != 0 || fsync(fd) != 0) {
		or_diag_set(diag, OR_EXIT_RUNTIME, or_buf_cstr(&path), 0, 0, "cannot write: %s",
			    strerror(errno));
		goto cleanup;
	}
	if (close(fd) != 0) {
		fd = -1;
		or_diag_set(diag, OR_EXIT_RUNTIME, or_buf_cstr(&path), 0, 0, "cannot write: %s",
			    strerror(errno));
		goto cleanup;
	}
	fd = -1;
	if (link(or_buf_cstr(&tmp), or_buf_cstr(&path)) != 0) {
		if (errno == EEXIST)
			or_diag_set(diag, OR_EXIT_USAGE, or_buf_cstr(&path), 0, 0,
				    "already exists; not overwriting it");
		else
			or_diag_set(diag, OR_EXIT_RUNTIME, or_buf_cstr(&path), 0, 0,
				    "cannot create: %s", strerror(errno));
		goto cleanup;
	}
	if (written && written_size)
		snprintf(written, written_size, "%s", or_buf_cstr(&path));
	rc = 0;
cleanup:
	if (fd >= 0)
		close(fd);
	if (tmp.size)
		unlink(or_buf_cstr(&tmp));
	free(text);
	or_buf_dispose(&tmp);
	or_buf_dispose(&path);
	return rc;
}
