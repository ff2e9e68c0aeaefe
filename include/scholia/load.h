/* The whole pipeline behind one call: source, parse, recover. */
#ifndef SCHOLIA_LOAD_H
#define SCHOLIA_LOAD_H

#include <stddef.h>

struct doc;

enum load_format {
	LOAD_AUTO,
	LOAD_MARKDOWN,
	LOAD_TEXT,
};

struct load_opts {
	const char		*encoding;	/* force a charset; NULL detects */
	enum load_format	 format;
	int			 allow_binary;	/* show binary files (placeholders) */
	int			 once;		/* printed once and dropped: the
						   text recovery leaves unused
						   is not given back */
};

/* Load a file ("-" for stdin). The doc owns its source. */
int	load_file(const char *, const struct load_opts *, struct doc **,
	    char **cause);
int	load_memory(const char *name, const char *, size_t,
	    const struct load_opts *, struct doc **, char **cause);

/*
 * Progressive loading: the first screen of a large file need not wait for
 * the whole pipeline.
 *
 * load_begin() reads only the start of the file and returns at once (a few
 * ms) with a job whose head doc is the first LOAD_HEAD_BYTES or so, cut at a
 * blank line before a plain paragraph (outside fenced code, after a sentence
 * end when there is one), parsed and recovered on its own. Its lines are
 * lines of the file, and its blocks, spans and refs are those of the full
 * doc for the same lines, except that a reference whose note lies past the
 * cut is unlinked (note -1) and the outline and articles only know what
 * the head holds. A file that opens with one line of megabytes (a book on
 * one line) is cut after a sentence instead: the full load cuts such a
 * paragraph into pieces of ~64 KB (BLOCK_TIGHT, all on that line) and the
 * head holds the same pieces but its last, which is shorter. A head in
 * plain text may differ from a full doc that more Markdown further on
 * makes Markdown (set opts->format to be sure). When the head is all of the
 * file, or the file is not progressive (stdin, not UTF-8 at its start, too
 * small to gain), there is no head and no tail: load_job_head() returns
 * NULL and the caller waits for the full doc.
 *
 * The full load (the same as load_file) runs in a background thread started
 * by load_begin(). load_job_progress() says how far it is, as done out of
 * total (total 0 until known); it may be called from any thread.
 * load_job_ready() tells without blocking whether load_job_finish() would
 * return at once; load_job_finish() waits and hands over the full doc (or
 * -1 and the cause). load_job_tail() builds, on first call and in the
 * calling thread, a doc of the last LOAD_HEAD_BYTES or so of the file, cut
 * the same way, for a jump to the end before the full doc is ready; its
 * lines are lines of the file too (it waits for the file to be read and
 * indexed, ~0.1 s for 100 MB, not for the parse).
 *
 * load_job_tail_early() is the same tail doc as soon as it is parsed (a
 * few ms into the job), before the lines ahead of it are counted, which
 * means reading the whole file: *exact is 0 while its block, note, ref,
 * heading, keyword and article lines still count from 1 at its start.
 * load_job_tail_settle() makes them the file's lines, in the calling
 * thread, once the count is known (waiting for it when wait is set), and
 * returns 1 when it has just done so. The full doc is never ready before
 * the count (the full load starts after it), so a tail shown early is
 * settled by the time load_map needs its lines; only a file that shrinks
 * meanwhile leaves it unsettled for good (load_job_tail() is then NULL).
 *
 * Head and tail docs belong to the job: keep the job until they are no
 * longer shown. load_job_free() waits for the thread and frees all it
 * still owns. The job's functions are for one thread (the UI's), except
 * load_job_progress().
 *
 * load_map() carries a place (block, offset in doc->text) of a head or tail
 * doc to the same text in another doc of the same file (the full one): the
 * block starting on the same source line, and the same offset in it when
 * the two blocks read the same, else its start. Returns 0, or -1 when the
 * other doc has no block in the flow at or after that line.
 */
#define LOAD_HEAD_BYTES	(128 * 1024)

struct load_job;

int	load_begin(const char *, const struct load_opts *, struct load_job **,
	    char **cause);
const struct doc *load_job_head(const struct load_job *);
const struct doc *load_job_tail(struct load_job *);
const struct doc *load_job_tail_early(struct load_job *, int *exact);
int	load_job_tail_settle(struct load_job *, int wait);
void	load_job_progress(const struct load_job *, size_t *done,
	    size_t *total);
int	load_job_ready(const struct load_job *);
int	load_job_finish(struct load_job *, struct doc **, char **cause);
void	load_job_free(struct load_job *);
int	load_map(const struct doc *, int block, size_t off,
	    const struct doc *, int *to_block, size_t *to_off);

#endif
