#pragma once

/* What the heap shim (app/heap_shim.c, preloaded into a native program's instrumented run) counts, in a page
 * that Pyrometer maps too and its sampler reads at every sample: on the timeline's own clock, with no thread and
 * no pipe in the program. Plain C, for the shim; updated and read with relaxed atomics (__atomic builtins). */

#include <stdint.h>

#define PYROMETER_HEAP_MAGIC 0x3150414548595250ULL /* "PYRHEAP1" */
#define PYROMETER_HEAP_FILE_VARIABLE "PYROMETER_HEAP_FILE"

struct pyrometer_heap_counters
{
    uint64_t magic; /* PYROMETER_HEAP_MAGIC once the shim has mapped the page */
    int64_t live_bytes; /* the usable size (malloc_usable_size) of every block allocated and not yet freed */
    int64_t peak_live_bytes;
    int64_t allocations; /* malloc, calloc, memalign and its kin; a realloc counts as a free and an allocation */
    int64_t frees;
    int64_t allocated_bytes; /* the usable size of every block ever allocated */
};
