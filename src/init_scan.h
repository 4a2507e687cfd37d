/*
 * The config `opsready init` writes for a repository, from what it reads in
 * it: the folders of runbooks, the pack their headings fit, the metadata
 * keys in use, and what not to scan. See init_scan.c.
 */
#ifndef OR_INIT_SCAN_H
#define OR_INIT_SCAN_H

#include "opsready/common.h"

/*
 * Read the repository at `root` (its files as a scan lists them; nothing
 * outside it) and render the config as YAML into *out (malloc'd), every
 * line commented with what was found. The text is loaded back with the
 * config loader before it is returned. -1 with diag set when the
 * repository cannot be read.
 */
int or_init_scan_render(char **out, const char *root, or_diag *diag);

#endif
