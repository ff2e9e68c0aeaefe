/* Test helpers shared by the core tests: temp files, whole files and JSON in memory. */
#ifndef CORE_TEST_UTIL_H
#define CORE_TEST_UTIL_H

/* Include after <cmocka.h>: the helpers assert. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scholia/doc.h"
#include "scholia/export.h"

/* Write n bytes to a new temp file; returns its path (caller unlinks, frees). */
static inline char *
ctu_write_temp(const char *p, size_t n)
{
	char	*path = strdup("/tmp/scholia-test-XXXXXX");
	int	 fd;

	assert_non_null(path);
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, p, n), (ssize_t)n);
	close(fd);
	return path;
}

/* A whole file, NUL-terminated (caller frees), or NULL if it cannot be opened. */
static inline char *
ctu_read_file(const char *path)
{
	char	*data;
	FILE	*f;
	long	 n;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	data = calloc(1, (size_t)n + 1);
	assert_non_null(data);
	assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	return data;
}

/* The JSON export of a doc, in memory (caller frees). */
static inline char *
ctu_export_json(const struct doc *d, size_t *n)
{
	char	*out = NULL;
	FILE	*fp = open_memstream(&out, n);

	assert_non_null(fp);
	assert_int_equal(export_json(d, fp), 0);
	fclose(fp);
	return out;
}

/* The dump of a doc at a width, in memory (caller frees). */
static inline char *
ctu_export_dump(const struct doc *d, int width, size_t *n)
{
	char	*out = NULL;
	FILE	*fp = open_memstream(&out, n);

	assert_non_null(fp);
	assert_int_equal(export_dump(d, width, fp), 0);
	fclose(fp);
	return out;
}

#endif
