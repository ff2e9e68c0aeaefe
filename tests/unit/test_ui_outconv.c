/* Tests for printed text in the locale's charset (ui/outconv.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../ui/outconv.h"

/* Write the pieces one fwrite each, unbuffered; return what came out. */
static char *
convert(const char *charset, const char **pieces, size_t *len)
{
	char	*data = NULL;
	size_t	 n = 0;
	FILE	*mem, *f;

	mem = open_memstream(&data, &n);
	assert_non_null(mem);
	f = outconv_open(mem, charset);
	setvbuf(f, NULL, _IONBF, 0);
	for (; *pieces != NULL; pieces++)
		assert_int_equal(fwrite(*pieces, 1, strlen(*pieces), f),
		    strlen(*pieces));
	if (f != mem)
		assert_int_equal(fclose(f), 0);
	assert_int_equal(fclose(mem), 0);
	*len = n;
	return data;
}

/* UTF-8 and ASCII locales get the text as it is. */
static void
test_utf8_untouched(void **state)
{
	FILE	*mem;
	char	*data = NULL;
	size_t	 n = 0;

	(void)state;
	mem = open_memstream(&data, &n);
	assert_ptr_equal(outconv_open(mem, "UTF-8"), mem);
	assert_ptr_equal(outconv_open(mem, "ANSI_X3.4-1968"), mem);
	fclose(mem);
	free(data);
}

/*
 * Latin-1: é is one byte, Û must not leave its UTF-8 second byte 0x9b
 * (a C1 CSI there), Chinese becomes '?' one a character.
 */
static void
test_latin1(void **state)
{
	const char	*in[] = { "caf\xc3\xa9 \xc3\x9b[2J \xe4\xb8\xad\xe6\x96\x87 .",
			    NULL };
	size_t		 n;
	char		*out;

	(void)state;
	out = convert("ISO-8859-1", in, &n);
	assert_int_equal(n, 14);
	assert_memory_equal(out, "caf\xe9 \xdb[2J ?" "? .", 14);
	assert_null(memchr(out, 0x9b, n));
	free(out);
}

/* A character cut between two writes is converted whole. */
static void
test_cut_character(void **state)
{
	/* 中 is GB18030 d6 d0, 文 ce c4 */
	const char	*in[] = { "a\xe4", "\xb8", "\xad\xe6\x96", "\x87z", NULL };
	size_t		 n;
	char		*out;

	(void)state;
	out = convert("GB18030", in, &n);
	assert_int_equal(n, 6);
	assert_memory_equal(out, "a\xd6\xd0\xce\xc4z", 6);
	free(out);
}

/* Invalid UTF-8 and a character cut at the very end become '?'. */
static void
test_invalid(void **state)
{
	const char	*in[] = { "x\xff" "y\xe4\xb8", NULL };
	size_t		 n;
	char		*out;

	(void)state;
	out = convert("GB18030", in, &n);
	assert_int_equal(n, 4);
	assert_memory_equal(out, "x?y?", 4);
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_untouched),
		cmocka_unit_test(test_latin1),
		cmocka_unit_test(test_cut_character),
		cmocka_unit_test(test_invalid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
