/* Test helpers shared by the saved-position tests: a private XDG_STATE_HOME per test. */
#ifndef STATE_TEST_UTIL_H
#define STATE_TEST_UTIL_H

/* Include after <cmocka.h>: the helpers assert. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "core_test_util.h"

static char	tmpdir[256];

/* A path under the test's temporary directory. */
static inline void
mkpath(char *out, size_t n, const char *rel)
{
	assert_true((size_t)snprintf(out, n, "%s/%s", tmpdir, rel) < n);
}

/* A whole file under the temporary directory, or NULL. */
static inline char *
slurp(const char *rel)
{
	char	 path[512];

	mkpath(path, sizeof path, rel);
	return ctu_read_file(path);
}

/* A fresh directory with xdg/ (not made yet) and docs/ in it. */
static inline int
setup(void **state)
{
	char	path[512];

	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/scholia-state-XXXXXX");
	assert_non_null(mkdtemp(tmpdir));
	mkpath(path, sizeof path, "xdg");
	setenv("XDG_STATE_HOME", path, 1);
	mkpath(path, sizeof path, "docs");
	assert_int_equal(mkdir(path, 0700), 0);
	return 0;
}

/* Remove it, modes a test took away first. */
static inline int
teardown(void **state)
{
	char	cmd[1024];

	(void)state;
	snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s'; rm -rf '%s'", tmpdir,
	    tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

#endif
