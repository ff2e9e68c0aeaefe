/* Allocation that never returns NULL; failure is fatal, after the UI's hook. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scholia/xmalloc.h"

static void (*fatal_hook)(void);
static int		 fatal_claimed;		/* some thread is failing */
static _Thread_local int fatal_here;		/* and it is this one */

void
xmalloc_set_fatal_hook(void (*hook)(void))
{
	fatal_hook = hook;
}

void
fatal(const char *fmt, ...)
{
	va_list	ap;

	/*
	 * The first thread to fail restores the terminal and exits; another
	 * failing meanwhile must not exit before it has (the terminal would
	 * stay raw), so it waits for that exit. A failure inside the hook
	 * itself is this thread again: it goes straight to the message.
	 */
	if (__atomic_exchange_n(&fatal_claimed, 1, __ATOMIC_ACQ_REL) &&
	    !fatal_here)
		for (;;)
			pause();
	if (!fatal_here) {
		fatal_here = 1;
		if (fatal_hook != NULL)
			fatal_hook();
	}
	fputs("scholia: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

void *
xmalloc(size_t size)
{
	void	*p;

	if (size == 0)
		fatal("xmalloc: zero size");
	if ((p = malloc(size)) == NULL)
		fatal("out of memory (%zu bytes)", size);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void	*p;

	if (n == 0 || size == 0)
		fatal("xcalloc: zero size");
	if ((p = calloc(n, size)) == NULL)
		fatal("out of memory (%zu * %zu bytes)", n, size);
	return p;
}

void *
xrealloc(void *old, size_t size)
{
	return xreallocarray(old, 1, size);
}

void *
xreallocarray(void *old, size_t n, size_t size)
{
	void	*p;

	if (n == 0 || size == 0)
		fatal("xreallocarray: zero size");
	if (SIZE_MAX / n < size)
		fatal("xreallocarray: %zu * %zu overflows", n, size);
	if ((p = realloc(old, n * size)) == NULL)
		fatal("out of memory (%zu * %zu bytes)", n, size);
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	/* (NULL, 0) is an empty string: md4c passes empty attributes so. */
	n = n > 0 ? strnlen(s, n) : 0;
	p = xmalloc(n + 1);
	if (n > 0)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

int
xasprintf(char **ret, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vasprintf(ret, fmt, ap);
	va_end(ap);
	if (n < 0)
		fatal("out of memory formatting a message");
	return n;
}
