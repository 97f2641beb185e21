// sitegen's memory allocator is mimalloc, not glibc's malloc.
//
// A build allocates and frees millions of small strings and arrays on every
// core. Importing CMimalloc links libmimalloc, which puts its `malloc` and
// `free` ahead of libc's for the whole process (the dynamic linker searches
// the executable's libraries in link order): the 10k-article benchmark built
// about a fifth faster with the same peak memory (BENCHMARKS.md). Nothing else
// changes: Swift, Foundation and cmark-gfm all allocate through `malloc`.
// `scripts/bench` checks that `malloc` binds to mimalloc (`LD_DEBUG=bindings`).
import CMimalloc
