#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>

#include "CmarkSupport.h"

#if defined(__SANITIZE_ADDRESS__)
#define SITEGEN_ARENA_PASSES_THROUGH 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SITEGEN_ARENA_PASSES_THROUGH 1
#endif
#endif

#ifdef SITEGEN_ARENA_PASSES_THROUGH

static cmark_mem system_allocator = {calloc, realloc, free};
void *sitegen_cmark_arena_begin(void) { return &system_allocator; }
void sitegen_cmark_arena_end(void) {}
int sitegen_cmark_arena_frees_all(void) { return 0; }

#else

/// Each allocation is preceded by its size, so that a realloc knows how much
/// to copy; 16 bytes keep what follows aligned for any type.
#define HEADER 16
#define ALIGN(n) (((n) + 15) & ~(size_t)15)
/// Blocks are this large unless one allocation needs more.
#define BLOCK_SIZE ((size_t)128 * 1024)

struct block {
    struct block *previous;
    size_t size;  // usable bytes after this header
    size_t used;
    size_t pad;   // keeps the data 16-byte aligned
};

struct arena {
    struct block *current;
    struct arena *outer;
    /// The last allocation, which a realloc can grow where it is.
    char *last;
};

static _Thread_local struct arena *open_arena = NULL;
/// One block kept per thread between arenas: most articles fit in one.
static _Thread_local struct block *spare = NULL;

static struct block *new_block(size_t at_least) {
    if (at_least <= BLOCK_SIZE && spare != NULL) {
        struct block *block = spare;
        spare = NULL;
        block->previous = NULL;
        block->used = 0;
        return block;
    }
    size_t size = at_least > BLOCK_SIZE ? at_least : BLOCK_SIZE;
    struct block *block = malloc(sizeof(struct block) + size);
    if (block == NULL) return NULL;
    block->previous = NULL;
    block->size = size;
    block->used = 0;
    return block;
}

/// Writes the header of an allocation of `size` bytes taking `need` bytes at
/// the end of `block`; returns where the allocation starts.
static inline char *take(struct arena *arena, struct block *block, size_t size, size_t need) {
    char *start = (char *)(block + 1) + block->used;
    block->used += need;
    *(size_t *)start = size;
    arena->last = start + HEADER;
    return start + HEADER;
}

/// `bump` when the current block is full: a new block first. Kept out of
/// line, so that the common path saves no registers.
__attribute__((noinline, cold)) static char *bump_into_new_block(size_t size, size_t need) {
    struct arena *arena = open_arena;
    struct block *fresh = new_block(need);
    if (fresh == NULL) return NULL;
    fresh->previous = arena->current;
    arena->current = fresh;
    return take(arena, fresh, size, need);
}

/// Room for `size` bytes after a header, from the open arena.
static inline char *bump(size_t size) {
    struct arena *arena = open_arena;
    size_t need = HEADER + ALIGN(size);
    struct block *block = arena->current;
    if (__builtin_expect(block == NULL || block->size - block->used < need, 0)) return bump_into_new_block(size, need);
    return take(arena, block, size, need);
}

static void *arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) return NULL;
    char *memory = bump(count * size);
    if (memory != NULL) memset(memory, 0, count * size);
    return memory;
}

static void *arena_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return bump(size);
    char *memory = pointer;
    size_t old = *(size_t *)(memory - HEADER);
    struct arena *arena = open_arena;
    struct block *block = arena->current;
    // The last allocation grows (or shrinks) where it is when its block has room.
    if (memory == arena->last) {
        char *data = (char *)(block + 1);
        size_t start = (size_t)(memory - data);
        if (start + ALIGN(size) <= block->size) {
            block->used = start + ALIGN(size);
            *(size_t *)(memory - HEADER) = size;
            return memory;
        }
    }
    if (size <= old) {
        *(size_t *)(memory - HEADER) = size;
        return memory;
    }
    char *moved = bump(size);
    if (moved != NULL) memcpy(moved, memory, old);
    return moved;
}

static void arena_free(void *pointer) {
    (void)pointer;  // freed with the arena
}

static cmark_mem arena_allocator = {arena_calloc, arena_realloc, arena_free};

void *sitegen_cmark_arena_begin(void) {
    struct arena *arena = malloc(sizeof(struct arena));
    if (arena == NULL) abort();
    arena->current = NULL;
    arena->last = NULL;
    arena->outer = open_arena;
    open_arena = arena;
    return &arena_allocator;
}

void sitegen_cmark_arena_end(void) {
    struct arena *arena = open_arena;
    if (arena == NULL) return;
    struct block *block = arena->current;
    while (block != NULL) {
        struct block *previous = block->previous;
        if (spare == NULL && block->size == BLOCK_SIZE) {
            spare = block;
        } else {
            free(block);
        }
        block = previous;
    }
    open_arena = arena->outer;
    free(arena);
}

int sitegen_cmark_arena_frees_all(void) { return 1; }

#endif
