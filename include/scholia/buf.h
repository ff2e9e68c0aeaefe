/* A growable byte buffer, always NUL-terminated after its contents. */
#ifndef SCHOLIA_BUF_H
#define SCHOLIA_BUF_H

#include <stddef.h>

#ifndef BUF_MIN
#define BUF_MIN 256	/* first allocation; tests build with a tiny value */
#endif

struct buf {
	char	*data;	/* NULL until the first append */
	size_t	 len;
	size_t	 cap;
};

void	 buf_grow(struct buf *, size_t);	/* room for n more bytes */
void	 buf_append(struct buf *, const void *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_putc(struct buf *, char);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_reset(struct buf *);		/* length 0, memory kept */
char	*buf_steal(struct buf *);		/* caller owns data; buf emptied */
void	 buf_free(struct buf *);

#endif
