/* libFuzzer target: search folding must map every folded byte back into the input. */
#include <stdint.h>
#include <stdlib.h>

#include "scholia/buf.h"
#include "scholia/text.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf	 out = { 0 };
	size_t		*map = NULL, i;

	text_fold((const char *)data, size, &out, &map);
	for (i = 0; i <= out.len; i++)
		if (map[i] > size)
			abort();
	for (i = 1; i <= out.len; i++)
		if (map[i] < map[i - 1])
			abort();
	free(map);
	buf_free(&out);
	return 0;
}
