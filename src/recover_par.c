/* The maps of the recovery passes over a large doc's blocks, on two threads. */
#include <pthread.h>
#include <stddef.h>

#include "recover.h"

#define PAR_MIN_BLOCKS	16384	/* fewer blocks: one thread */

struct par_half {
	void		(*fn)(void *, size_t, size_t);
	void		*arg;
	size_t		 from;
	size_t		 to;
};

static size_t	par_min = PAR_MIN_BLOCKS;

static void	*par_run(void *);

void
recover_set_par_min(size_t n)
{
	__atomic_store_n(&par_min, n, __ATOMIC_RELAXED);
}

static void *
par_run(void *arg)
{
	struct par_half	*h = arg;

	h->fn(h->arg, h->from, h->to);
	return NULL;
}

int
recover_par_one(size_t n)
{
	return n < __atomic_load_n(&par_min, __ATOMIC_RELAXED) || n < 2;
}

/*
 * A map whose every step reads the doc and writes only its own slots: the
 * second half of [0, n) on a thread of its own, the first here.
 */
void
recover_par(size_t n, void (*fn)(void *, size_t, size_t), void *arg)
{
	struct par_half	 h;
	pthread_t	 t;

	if (recover_par_one(n)) {
		fn(arg, 0, n);
		return;
	}
	h.fn = fn;
	h.arg = arg;
	h.from = n / 2;
	h.to = n;
	if (pthread_create(&t, NULL, par_run, &h) != 0) {
		fn(arg, 0, n);
		return;
	}
	fn(arg, 0, n / 2);
	pthread_join(t, NULL);
}
