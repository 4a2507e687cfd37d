/*
 * The library's process-wide set-up (include/opsready/common.h), done once.
 */
#include <pthread.h>

#include <git2.h>

#include "opsready/common.h"

static pthread_once_t library_once = PTHREAD_ONCE_INIT;

static void library_init_once(void)
{
	git_libgit2_init();
	/*
	 * The history walk reads a little of the whole pack: under libgit2's
	 * default windows (1 GiB each, 8 GiB mapped) every page it touched
	 * stays in the process's memory to the end. Small windows under a
	 * small limit are unmapped as it moves on (a peak of 222 MB becomes
	 * 150-180 MB on a 100 MB pack, at the same speed; smaller still makes
	 * the listing of --since thrash).
	 */
	git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, (size_t)16 << 20);
	git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, (size_t)64 << 20);
	/*
	 * Each object a scan needs is read once and dropped: libgit2's object
	 * cache only costs memory, and verifying every object's hash costs
	 * time (git itself does not re-verify objects it reads from a pack).
	 */
	git_libgit2_opts(GIT_OPT_ENABLE_CACHING, 0);
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
}

void or_library_init(void)
{
	pthread_once(&library_once, library_init_once);
}
