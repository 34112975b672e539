/* The heap shim: preloaded (LD_PRELOAD) into the instrumented run of a native program (C, C++, Rust with the
 * system allocator), it counts the live heap and the allocations into the page of the file named by
 * PYROMETER_HEAP_FILE, which Pyrometer's sampler reads at its own rate. It calls glibc's own allocator
 * (__libc_malloc and its kin) rather than dlsym(RTLD_NEXT), which itself allocates. Never in a timed run. */

#define _GNU_SOURCE
#include "core/measure/heap_counters.h"

#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stddef.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

extern void* __libc_malloc(size_t size);
extern void* __libc_calloc(size_t count, size_t size);
extern void* __libc_realloc(void* pointer, size_t size);
extern void* __libc_memalign(size_t alignment, size_t size);
extern void __libc_free(void* pointer);

/* Counted here until the page is mapped (allocations of the libraries' constructors before ours). */
static struct pyrometer_heap_counters early;
static struct pyrometer_heap_counters* counters = &early;

__attribute__((constructor)) static void mapCounters(void)
{
    const char* path = getenv(PYROMETER_HEAP_FILE_VARIABLE);
    if (!path || !*path)
        return;
    const int fd = open(path, O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return;
    void* page = mmap(NULL, sizeof(struct pyrometer_heap_counters), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if (page == MAP_FAILED)
        return;
    struct pyrometer_heap_counters* shared = page;
    shared->live_bytes = early.live_bytes;
    shared->peak_live_bytes = early.peak_live_bytes;
    shared->allocations = early.allocations;
    shared->frees = early.frees;
    shared->allocated_bytes = early.allocated_bytes;
    __atomic_store_n(&shared->magic, PYROMETER_HEAP_MAGIC, __ATOMIC_RELEASE);
    __atomic_store_n(&counters, shared, __ATOMIC_RELEASE);
}

static void counted(void* block)
{
    if (!block)
        return;
    struct pyrometer_heap_counters* c = __atomic_load_n(&counters, __ATOMIC_ACQUIRE);
    const int64_t size = (int64_t)malloc_usable_size(block);
    const int64_t live = __atomic_add_fetch(&c->live_bytes, size, __ATOMIC_RELAXED);
    __atomic_add_fetch(&c->allocations, 1, __ATOMIC_RELAXED);
    __atomic_add_fetch(&c->allocated_bytes, size, __ATOMIC_RELAXED);
    int64_t peak = __atomic_load_n(&c->peak_live_bytes, __ATOMIC_RELAXED);
    while (live > peak
        && !__atomic_compare_exchange_n(&c->peak_live_bytes, &peak, live, 1, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) { }
}

static void released(void* block)
{
    if (!block)
        return;
    struct pyrometer_heap_counters* c = __atomic_load_n(&counters, __ATOMIC_ACQUIRE);
    __atomic_sub_fetch(&c->live_bytes, (int64_t)malloc_usable_size(block), __ATOMIC_RELAXED);
    __atomic_add_fetch(&c->frees, 1, __ATOMIC_RELAXED);
}

void* malloc(size_t size)
{
    void* block = __libc_malloc(size);
    counted(block);
    return block;
}

void* calloc(size_t count, size_t size)
{
    void* block = __libc_calloc(count, size);
    counted(block);
    return block;
}

void* realloc(void* pointer, size_t size)
{
    if (!pointer)
        return malloc(size);
    if (size == 0) {
        released(pointer);
        __libc_free(pointer);
        return NULL;
    }
    /* The old block is taken out before: once realloc returns, it may belong to another thread. On failure it
     * is still the caller's, and is counted back. */
    released(pointer);
    void* block = __libc_realloc(pointer, size);
    counted(block ? block : pointer);
    return block;
}

void free(void* pointer)
{
    released(pointer);
    __libc_free(pointer);
}

void* memalign(size_t alignment, size_t size)
{
    void* block = __libc_memalign(alignment, size);
    counted(block);
    return block;
}

void* aligned_alloc(size_t alignment, size_t size)
{
    return memalign(alignment, size);
}

int posix_memalign(void** result, size_t alignment, size_t size)
{
    if (alignment % sizeof(void*) != 0 || (alignment & (alignment - 1)) != 0)
        return EINVAL;
    void* block = memalign(alignment, size);
    if (!block)
        return ENOMEM;
    *result = block;
    return 0;
}

void* valloc(size_t size)
{
    return memalign((size_t)sysconf(_SC_PAGESIZE), size);
}

void* pvalloc(size_t size)
{
    const size_t page = (size_t)sysconf(_SC_PAGESIZE);
    return memalign(page, (size + page - 1) / page * page);
}
