/* Allocation that never fails: out of memory or an overflowing size is fatal. */
#ifndef SCHOLIA_XMALLOC_H
#define SCHOLIA_XMALLOC_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
int	 xasprintf(char **, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

/* Called before a fatal error prints and exits (the UI restores the terminal). */
void	 xmalloc_set_fatal_hook(void (*)(void));
void	 fatal(const char *, ...)
	    __attribute__((format(printf, 1, 2), noreturn));

#endif
