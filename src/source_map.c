/* Read-only file mappings for large inputs: pages given back once parsed, SIGBUS-safe. */
#include <sys/mman.h>

#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "source_map.h"

#define MAP_SLOTS	16	/* mappings alive at once (docs being read) */

/*
 * The mappings alive, for the SIGBUS handler: written under map_lock, read
 * by the handler without it (a slot is filled before its text is used).
 */
static struct map_slot {
	char *volatile		base;
	volatile size_t		len;
	volatile sig_atomic_t	lost;
} map_slots[MAP_SLOTS];

static pthread_mutex_t	map_lock = PTHREAD_MUTEX_INITIALIZER;

static void	map_on_sigbus(int, siginfo_t *, void *);
static void	map_install(void);
static size_t	map_page(void);

static size_t
map_page(void)
{
	long	pg = sysconf(_SC_PAGESIZE);

	return pg > 0 ? (size_t)pg : 4096;
}

/*
 * A file that shrinks under a mapping raises SIGBUS on the lost pages: put
 * zero pages there instead, note it, and let the access go on. A SIGBUS
 * anywhere else gets the default action when the access is retried.
 */
static void
map_on_sigbus(int sig, siginfo_t *si, void *ctx)
{
	char		*a = si->si_addr, *base, *pg;
	size_t		 i, len, ps = map_page();

	(void)ctx;
	for (i = 0; i < MAP_SLOTS; i++) {
		base = map_slots[i].base;
		len = map_slots[i].len;
		if (base == NULL || a < base || a >= base + len)
			continue;
		pg = base + ((size_t)(a - base) / ps) * ps;
		if (mmap(pg, (size_t)(base + len - pg), PROT_READ,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) ==
		    MAP_FAILED)
			break;
		map_slots[i].lost = 1;
		return;
	}
	signal(sig, SIG_DFL);
}

/* Ours unless someone replaced it since (then ours again). */
static void
map_install(void)
{
	struct sigaction	sa, old;

	if (sigaction(SIGBUS, NULL, &old) == 0 &&
	    (old.sa_flags & SA_SIGINFO) && old.sa_sigaction == map_on_sigbus)
		return;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = map_on_sigbus;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGBUS, &sa, NULL);
}

char *
map_file(int fd, size_t size)
{
	size_t	 ps = map_page(), len, i;
	char	*base;

	if (size == 0)
		return NULL;
	pthread_mutex_lock(&map_lock);
	map_install();
	pthread_mutex_unlock(&map_lock);
	len = (size + 1 + ps - 1) / ps * ps;	/* room for a NUL after */
	base = mmap(NULL, len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (base == MAP_FAILED)
		return NULL;
	if (mmap(base, size, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0) ==
	    MAP_FAILED) {
		munmap(base, len);
		return NULL;
	}
	pthread_mutex_lock(&map_lock);
	for (i = 0; i < MAP_SLOTS; i++) {
		if (map_slots[i].base == NULL) {
			map_slots[i].lost = 0;
			map_slots[i].len = len;
			map_slots[i].base = base;
			break;
		}
	}
	pthread_mutex_unlock(&map_lock);
	if (i == MAP_SLOTS) {
		/* no slot to guard it: read the file instead */
		munmap(base, len);
		return NULL;
	}
	return base;
}

void
map_free(char *base, size_t size)
{
	size_t	ps = map_page(), len, i;

	if (base == NULL)
		return;
	len = (size + 1 + ps - 1) / ps * ps;
	pthread_mutex_lock(&map_lock);
	for (i = 0; i < MAP_SLOTS; i++) {
		if (map_slots[i].base == base) {
			map_slots[i].base = NULL;
			map_slots[i].len = 0;
		}
	}
	pthread_mutex_unlock(&map_lock);
	munmap(base, len);
}

int
map_lost(const char *base)
{
	size_t	i;
	int	lost = 0;

	pthread_mutex_lock(&map_lock);
	for (i = 0; i < MAP_SLOTS; i++)
		if (map_slots[i].base == base && map_slots[i].lost)
			lost = 1;
	pthread_mutex_unlock(&map_lock);
	return lost;
}

/* Whole pages only: the text stays readable, from the page cache. */
void
map_release(const char *base, size_t size, size_t from, size_t to)
{
	size_t	ps = map_page();

	if (base == NULL || to > size)
		to = size;
	from = from / ps * ps;
	to = to / ps * ps;
	if (base == NULL || from >= to)
		return;
	madvise((char *)(uintptr_t)(base + from), to - from, MADV_DONTNEED);
}
