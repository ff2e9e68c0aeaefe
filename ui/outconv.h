/* Printed text in the locale's charset: see outconv.c. */
#ifndef SCHOLIA_OUTCONV_H
#define SCHOLIA_OUTCONV_H

#include <stdio.h>

/*
 * A stream that writes the UTF-8 given to it into to, converted to the
 * charset (the locale's: nl_langinfo(CODESET)), or to itself when that is
 * UTF-8 or ASCII (or unknown to iconv). fclose() it when it is not to.
 */
FILE	*outconv_open(FILE *to, const char *charset);

#endif
