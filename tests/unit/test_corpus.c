/* Corpus papers at several widths: no overflow, kinsoku fault or control. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "scholia/doc.h"
#include "scholia/export.h"
#include "scholia/layout.h"
#include "scholia/load.h"
#include "scholia/text.h"

static const int	widths[] = { 20, 45, 80, 200 };

static int	check_line(const char *, size_t, int, const char *, int);
static void	check_flow(const struct doc *, int, const char *);
static void	check_dump(const struct doc *, int, const char *);
static void	check_file(const char *, const char *);

/* Punctuation that may never begin a display line. */
static const char *const closing[] = {
	"。", "，", "、", "；", "：", "？", "！", "）", "」", "』", "】", "》",
	"”", "’",
};

/* Whether a line is well formed; reports what is wrong and returns 0. */
static int
check_line(const char *s, size_t n, int width, const char *name, int no)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i, skip = 0, k;
	int			 cols;

	for (i = 0; i < n; i++) {
		if (p[i] < 0x20 || p[i] == 0x7f || (p[i] == 0xc2 &&
		    i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0x9f)) {
			print_error("%s:%d: control byte 0x%02x at %zu\n",
			    name, no, p[i], i);
			return 0;
		}
	}
	cols = (int)text_width(s, n);
	if (cols > width) {
		print_error("%s:%d: %d columns at width %d: %.*s\n", name, no,
		    cols, width, (int)n, s);
		return 0;
	}
	/* indentation: spaces and quote bars */
	for (;;) {
		if (skip < n && s[skip] == ' ')
			skip++;
		else if (n - skip >= 3 && memcmp(s + skip, "│", 3) == 0)
			skip += 3;
		else
			break;
	}
	for (k = 0; k < sizeof closing / sizeof closing[0]; k++) {
		if (n - skip >= strlen(closing[k]) && memcmp(s + skip,
		    closing[k], strlen(closing[k])) == 0) {
			print_error("%s:%d: starts with %s at width %d: "
			    "%.*s\n", name, no, closing[k], width, (int)n, s);
			return 0;
		}
	}
	return 1;
}

/* Walk the reading flow line by line, as the reader does. */
static void
check_flow(const struct doc *d, int width, const char *name)
{
	struct layout_opts		 o = { width, 0 };
	struct layout			*l = layout_new(d, &o);
	struct layout_pos		 pos;
	const struct layout_line	*ln;
	int				 bad = 0, no = 0, lines = 0;

	if (layout_first(l, &pos)) {
		do {
			ln = layout_line_at(l, pos);
			assert_non_null(ln);
			assert_true(ln->cols <= width);
			lines++;
			if (!check_line(ln->text, ln->len, width, name, ++no))
				bad++;
		} while (layout_forward(l, &pos, 1) == 1);
	}
	layout_free(l);
	assert_true(lines > 0);
	assert_int_equal(bad, 0);
}

/* The same through export_dump, as --dump prints it. */
static void
check_dump(const struct doc *d, int width, const char *name)
{
	char	*buf = NULL, *p, *nl;
	size_t	 n = 0;
	FILE	*fp = open_memstream(&buf, &n);
	int	 bad = 0, no = 0;

	assert_non_null(fp);
	assert_int_equal(export_dump(d, width, fp), 0);
	fclose(fp);
	assert_true(n > 0);
	for (p = buf; p < buf + n; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(buf + n - p))) == NULL)
			nl = buf + n;
		if (!check_line(p, (size_t)(nl - p), width, name, ++no))
			bad++;
	}
	free(buf);
	assert_int_equal(bad, 0);
}

static void
check_file(const char *path, const char *name)
{
	struct doc	*d = NULL;
	char		*cause = NULL;
	size_t		 i;

	if (load_file(path, NULL, &d, &cause) != 0) {
		print_error("%s: %s\n", path, cause != NULL ? cause : "?");
		free(cause);
		fail();
	}
	for (i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		check_flow(d, widths[i], name);
		check_dump(d, widths[i], name);
	}
	doc_free(d);
}

static void
test_corpus(void **state)
{
	DIR		*dir;
	struct dirent	*de;
	struct stat	 st;
	char		 path[4096];
	int		 files = 0;

	(void)state;
	if ((dir = opendir(CORPUS_DIR)) == NULL)
		skip();
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.' || strcmp(de->d_name, "README.md") == 0
		    || strcmp(de->d_name, "expect") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", CORPUS_DIR, de->d_name);
		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		check_file(path, de->d_name);
		files++;
	}
	closedir(dir);
	assert_true(files > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
