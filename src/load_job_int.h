/* Private to load_job.c and load_tail.c: the job of a progressive load. */
#ifndef SCHOLIA_LOAD_JOB_INT_H
#define SCHOLIA_LOAD_JOB_INT_H

#include <pthread.h>
#include <stddef.h>

#include "scholia/load.h"

struct doc;
struct source;

struct load_job {
	char			*path;
	struct load_opts	 opts;
	enum load_format	 format;	/* decided on the head */
	struct doc		*head;
	struct doc		*tail;
	int			 tail_tried;
	pthread_t		 tail_thread;
	int			 tail_running;	/* tail thread not joined */
	struct doc		*tail_early;	/* made by the tail thread, its
					   lines from 1 (under lock) */
	int			 tail_parsed;	/* tail_early is made, or will not
					   be (under lock) */
	int			 tail_line0;	/* its first line in the file,
					   0: not known (under lock) */
	int			 tail_done;	/* tail thread over (under lock):
					   the full load may start */
	int			 tail_exact;	/* tail's lines are the file's */
	char			*head_buf;	/* the start of the file, read */
	size_t			 head_cut;	/* the head's end in it */
	int			 head_inline;	/* cut inside a long line */
	pthread_t		 thread;
	int			 running;	/* thread not joined yet */
	pthread_mutex_t		 lock;
	pthread_cond_t		 cond;
	int			 read;		/* source read (under lock) */
	char			*tail_text;	/* the last part, copied from the
					   source once read (under lock) */
	size_t			 tail_len;
	int			 tail_line;	/* its first line in the file */
	int			 stage;		/* LOAD_* (atomic) */
	size_t			 len;		/* source length (atomic) */
	size_t			 at;		/* progress in the stage (atomic) */
	size_t			 shown;		/* progress last told */
	int			 finished;	/* worker done (under lock) */
	struct doc		*full;
	char			*cause;
	int			 rc;
};

/* load_job.c: where to cut a part of the file, and its doc. */
size_t		 load_cut(const char *, size_t, size_t, int);
size_t		 load_cut_sentence(const char *, size_t);
struct doc	*load_part(const struct load_job *, const char *, size_t, int,
		    int);
/* load_tail.c: the end of the file, on its thread or from the worker's copy. */
void		*load_tail_worker(void *);
void		 load_tail_copy(struct load_job *, const struct source *);

#endif
