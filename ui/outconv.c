/* Printed text in the locale's charset when that is neither UTF-8 nor ASCII. */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scholia/buf.h"
#include "scholia/xmalloc.h"

#include "outconv.h"

/*
 * The core writes UTF-8. On a GB18030, Big5 or Latin-1 terminal those
 * bytes would be mojibake, and some of them (0x80-0x9f) C1 controls, so
 * the text is converted; what the charset lacks becomes '?'. The C locale
 * keeps UTF-8: it usually means "not set", and scripts expect UTF-8 then.
 */
struct outconv {
	FILE	*to;
	iconv_t	 cd;
	struct buf pend;	/* UTF-8 not converted yet */
};

static ssize_t	outconv_write(void *, const char *, size_t);
static int	outconv_close(void *);
static int	outconv_emit(struct outconv *, const char **, size_t *);

/* Convert what can be; stops at an incomplete character at the end. */
static int
outconv_emit(struct outconv *c, const char **in, size_t *n)
{
	char	 out[4096], *o;
	size_t	 room, r;

	while (*n > 0) {
		o = out;
		room = sizeof out;
		r = iconv(c->cd, (char **)in, n, &o, &room);
		if (o > out && fwrite(out, 1, (size_t)(o - out), c->to) !=
		    (size_t)(o - out))
			return -1;
		if (r != (size_t)-1 || errno == E2BIG)
			continue;
		if (errno == EINVAL)
			return 0;		/* the rest comes next write */
		/* not in the charset (or not UTF-8): one '?' a character */
		if (fputc('?', c->to) == EOF)
			return -1;
		do {
			(*in)++;
			(*n)--;
		} while (*n > 0 && ((unsigned char)**in & 0xc0) == 0x80);
	}
	return 0;
}

/* What iconv leaves (a character cut between two writes) waits in pend. */
static ssize_t
outconv_write(void *cookie, const char *buf, size_t size)
{
	struct outconv	*c = cookie;
	const char	*p;
	size_t		 n;

	buf_append(&c->pend, buf, size);
	p = c->pend.data;
	n = c->pend.len;
	if (outconv_emit(c, &p, &n) != 0)
		return -1;
	memmove(c->pend.data, p, n);
	c->pend.len = n;
	return (ssize_t)size;
}

static int
outconv_close(void *cookie)
{
	struct outconv	*c = cookie;
	int		 rc = 0;

	if (c->pend.len > 0 && fputc('?', c->to) == EOF)
		rc = EOF;
	buf_free(&c->pend);
	iconv_close(c->cd);
	free(c);
	return rc;
}

FILE *
outconv_open(FILE *to, const char *cs)
{
	cookie_io_functions_t	 io = { NULL, outconv_write, NULL,
				    outconv_close };
	struct outconv		*c;
	iconv_t			 cd;
	FILE			*f;

	if (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "ANSI_X3.4-1968") == 0 ||
	    (cd = iconv_open(cs, "UTF-8")) == (iconv_t)-1)
		return to;
	c = xcalloc(1, sizeof *c);
	c->to = to;
	c->cd = cd;
	if ((f = fopencookie(c, "w", io)) == NULL) {
		iconv_close(cd);
		free(c);
		return to;
	}
	return f;
}
