/* Tests of the key table: lookups, no key bound twice, and man/scholia.1 agrees with it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "scholia/buf.h"

#include "ui.h"

#define MAN_MAX_ITEMS	64

struct man_item {
	char	*names[8];
	int	 nnames;
};

static char	*man_read(void);
static int	 man_keys(struct man_item *, int);

/* The man page lives at ../../man/scholia.1 from this source file. */
static char *
man_read(void)
{
	char	 path[4096], *slash, *text;
	FILE	*f;
	long	 n;

	snprintf(path, sizeof path, "%s", __FILE__);
	slash = strrchr(path, '/');
	assert_non_null(slash);
	snprintf(slash, sizeof path - (size_t)(slash - path),
	    "/../../man/scholia.1");
	f = fopen(path, "r");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n > 0);
	rewind(f);
	text = calloc(1, (size_t)n + 1);
	assert_non_null(text);
	assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	return text;
}

/* The .It lines of the KEYS section, each a list of "Ic name" items. */
static int
man_keys(struct man_item *items, int max)
{
	char	*text = man_read(), *line, *save, *tok, *save2;
	int	 in_keys = 0, n = 0;

	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (strncmp(line, ".Sh ", 4) == 0) {
			in_keys = strcmp(line + 4, "KEYS") == 0;
			continue;
		}
		if (!in_keys || strncmp(line, ".It ", 4) != 0)
			continue;
		assert_true(n < max);
		items[n].nnames = 0;
		for (tok = strtok_r(line + 4, ",", &save2); tok != NULL;
		    tok = strtok_r(NULL, ",", &save2)) {
			while (*tok == ' ')
				tok++;
			assert_int_equal(strncmp(tok, "Ic ", 3), 0);
			tok += 3;
			/* mdoc escapes punctuation as \& */
			if (strncmp(tok, "\\&", 2) == 0)
				tok += 2;
			tok[strcspn(tok, " ")] = '\0';
			assert_true(items[n].nnames < 8);
			items[n].names[items[n].nnames++] = strdup(tok);
		}
		n++;
	}
	free(text);
	return n;
}

static void
test_lookup(void **state)
{
	(void)state;
	assert_int_equal(keys_lookup('j', 0), ACT_LINE_DOWN);
	assert_int_equal(keys_lookup(KEY_DOWN, 1), ACT_LINE_DOWN);
	assert_int_equal(keys_lookup(' ', 0), ACT_PAGE_DOWN);
	assert_int_equal(keys_lookup('G', 0), ACT_BOTTOM);
	assert_int_equal(keys_lookup('g', 0), ACT_TOP);
	assert_int_equal(keys_lookup('q', 0), ACT_QUIT);
	assert_int_equal(keys_lookup(12, 0), ACT_REDRAW);
	assert_int_equal(keys_lookup(KEY_F(1), 1), ACT_HELP);
	/* a character whose code equals a function key's is not that key */
	assert_int_equal(keys_lookup(KEY_DOWN, 0), ACT_NONE);
	assert_int_equal(keys_lookup('x', 0), ACT_NONE);
	assert_int_equal(keys_lookup(KEY_RESIZE, 1), ACT_NONE);
}

static void
test_no_key_twice(void **state)
{
	size_t	i, j;

	(void)state;
	assert_true(keys_count > 10);
	for (i = 0; i < keys_count; i++) {
		assert_true(keys_table[i].action > ACT_NONE);
		assert_non_null(keys_help(keys_table[i].action));
		for (j = i + 1; j < keys_count; j++) {
			if (keys_table[i].code == keys_table[j].code &&
			    keys_table[i].fkey == keys_table[j].fkey)
				fail_msg("key %s bound twice",
				    keys_table[i].name);
			assert_string_not_equal(keys_table[i].name,
			    keys_table[j].name);
		}
	}
}

static void
test_every_action_has_a_key(void **state)
{
	struct buf	b = { 0 };
	int		a;

	(void)state;
	for (a = ACT_NONE + 1; a < ACT__COUNT; a++) {
		buf_reset(&b);
		keys_names((enum action)a, &b);
		assert_true(b.len > 0);
		assert_non_null(keys_help((enum action)a));
	}
	buf_reset(&b);
	keys_names(ACT_PAGE_DOWN, &b);
	assert_string_equal(b.data, "Space, PgDn, f");
	buf_free(&b);
	assert_null(keys_help(ACT_NONE));
}

/*
 * Each .It of the man page's KEYS section names exactly the keys of one
 * action, in table order; together they name every key of the table.
 */
static void
test_man_page_matches(void **state)
{
	struct man_item	 items[MAN_MAX_ITEMS];
	int		 n, i, k, seen_total = 0;
	size_t		 t;
	enum action	 a;

	(void)state;
	n = man_keys(items, MAN_MAX_ITEMS);
	assert_true(n > 0);
	for (i = 0; i < n; i++) {
		a = ACT_NONE;
		for (k = 0; k < items[i].nnames; k++) {
			for (t = 0; t < keys_count; t++) {
				if (strcmp(keys_table[t].name,
				    items[i].names[k]) == 0)
					break;
			}
			if (t == keys_count)
				fail_msg("man page key %s is not bound",
				    items[i].names[k]);
			if (a == ACT_NONE)
				a = keys_table[t].action;
			else if (keys_table[t].action != a)
				fail_msg("man page groups %s with keys of "
				    "another action", items[i].names[k]);
			seen_total++;
		}
		/* the item lists all the keys of its action */
		for (t = 0, k = 0; t < keys_count; t++) {
			if (keys_table[t].action == a)
				k++;
		}
		assert_int_equal(k, items[i].nnames);
		for (k = 0; k < items[i].nnames; k++)
			free(items[i].names[k]);
	}
	assert_int_equal(seen_total, (int)keys_count);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_no_key_twice),
		cmocka_unit_test(test_every_action_has_a_key),
		cmocka_unit_test(test_man_page_matches),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
