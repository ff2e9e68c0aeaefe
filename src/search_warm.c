/* The fold tables' warm-up: built on a thread of their own while the first screen is read. */
#include <pthread.h>

#include "scholia/buf.h"
#include "scholia/search.h"
#include "scholia/text.h"
#include "search_int.h"

static void	*search_warm_run(void *);

/* The warm-up thread: 0 not started, 1 running, 2 over and joined. */
static pthread_t	search_warm_thread;
static int		search_warm_state;
static int		search_warm_over;	/* set by the thread (atomic) */

/* Fold one traditional character: the script table gets built. */
static void *
search_warm_run(void *arg)
{
	struct buf	b = { 0 };

	(void)arg;
	text_fold("\xe5\x9c\x8b", 3, &b, NULL);
	buf_free(&b);
	__atomic_store_n(&search_warm_over, 1, __ATOMIC_RELEASE);
	return NULL;
}

/* The warm-up thread is still folding: text_fold is its alone. */
int
search_warm_busy(void)
{
	return search_warm_state == 1 &&
	    !__atomic_load_n(&search_warm_over, __ATOMIC_ACQUIRE);
}

void
search_warm(void)
{
	if (search_warm_state != 0)
		return;
	search_warm_state = 2;
	if (pthread_create(&search_warm_thread, NULL, search_warm_run,
	    NULL) == 0)
		search_warm_state = 1;
}

void
search_warm_done(void)
{
	if (search_warm_state == 1)
		pthread_join(search_warm_thread, NULL);
	if (search_warm_state != 0)
		search_warm_state = 2;
}
