/* Debug log to the file named by $SCHOLIA_LOG; silent when it is unset. */
#ifndef SCHOLIA_LOG_H
#define SCHOLIA_LOG_H

void	log_open(void);
void	log_close(void);
void	log_debug(const char *, ...) __attribute__((format(printf, 1, 2)));

#endif
