#include "opsready/rules.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/embed.h"
#include "util/fs.h"

#define OR_INIT_FILE ".opsready.yml"

int or_init_write(const char *dir, char *written, size_t written_size, or_diag *diag)
{
	const or_embedded_file *template = or_embedded_find(or_templates_files, "opsready.yml");
	or_buf path = OR_BUF_INIT;
	const unsigned char *p;
	size_t left;
	ssize_t n;
	int fd = -1, rc = -1;
	bool created = false;

	if (!dir || !dir[0])
		dir = ".";
	{
		char *joined = or_fs_join(dir, OR_INIT_FILE);
		or_buf_puts(&path, joined);
		free(joined);
	}
	if (!template) {
		or_diag_set(diag, OR_EXIT_RUNTIME, NULL, 0, 0,
			    "the starter config template is missing from this build");
		goto cleanup;
	}
	fd = open(or_buf_cstr(&path), O_WRONLY | O_CREAT | O_EXCL, 0644);
	if (fd < 0) {
		if (errno == EEXIST)
			or_diag_set(diag, OR_EXIT_USAGE, or_buf_cstr(&path), 0, 0,
				    "already exists; not overwriting it");
		else
			or_diag_set(diag, OR_EXIT_RUNTIME, or_buf_cstr(&path), 0, 0,
				    "cannot create: %s", strerror(errno));
		goto cleanup;
	}
	created = true;
	for (p = template->data, left = template->size; left > 0; p += n, left -= (size_t)n) {
		n = write(fd, p, left);
		if (n < 0 && errno == EINTR) {
			n = 0;
			continue;
		}
		if (n <= 0) {
			or_diag_set(diag, OR_EXIT_RUNTIME, or_buf_cstr(&path), 0, 0,
				    "cannot write: %s", n < 0 ? strerror(errno) : "short write");
			goto cleanup;
		}
	}
	if (close(fd) != 0) {
		fd = -1;
		or_diag_set(diag, OR_EXIT_RUNTIME, or_buf_cstr(&path), 0, 0, "cannot write: %s",
			    strerror(errno));
		goto cleanup;
	}
	fd = -1;
	if (written && written_size)
		snprintf(written, written_size, "%s", or_buf_cstr(&path));
	rc = 0;
cleanup:
	if (fd >= 0)
		close(fd);
	/* A partly written file would later pass for a config: remove it. */
	if (rc != 0 && created)
		unlink(or_buf_cstr(&path));
	or_buf_dispose(&path);
	return rc;
}
