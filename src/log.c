/* Debug log: lines appended to $SCHOLIA_LOG, never to the terminal. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "scholia/log.h"

static FILE	*log_file;

void
log_open(void)
{
	const char	*path = getenv("SCHOLIA_LOG");

	if (path != NULL && *path != '\0' && log_file == NULL)
		log_file = fopen(path, "a");
}

void
log_close(void)
{
	if (log_file != NULL)
		fclose(log_file);
	log_file = NULL;
}

void
log_debug(const char *fmt, ...)
{
	va_list	ap;

	if (log_file == NULL)
		return;
	va_start(ap, fmt);
	vfprintf(log_file, fmt, ap);
	va_end(ap);
	fputc('\n', log_file);
	fflush(log_file);
}
