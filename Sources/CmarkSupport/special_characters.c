#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <stddef.h>

#include "CmarkSupport.h"

typedef void (*manage_function)(void *parser, int add);

/// The library's own function, found once by `sitegen_cmark_fix_special_characters`.
static _Atomic(manage_function) library_manage = NULL;
static atomic_int fixed = 0;
static atomic_long calls = 0;

/// Replaces cmark-gfm's function of the same name (see the header).
void cmark_manage_extensions_special_characters(void *parser, int add) {
    atomic_fetch_add_explicit(&calls, 1, memory_order_relaxed);
    if (atomic_load_explicit(&fixed, memory_order_acquire)) return;
    manage_function manage = atomic_load_explicit(&library_manage, memory_order_acquire);
    if (manage == NULL) {
        manage = (manage_function)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
        if (manage == NULL) return;
        atomic_store_explicit(&library_manage, manage, memory_order_release);
    }
    manage(parser, add);
}

int sitegen_cmark_fix_special_characters(void *parser) {
    manage_function manage = (manage_function)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
    if (manage == NULL) return 0;
    atomic_store_explicit(&library_manage, manage, memory_order_release);
    manage(parser, 1);
    atomic_store_explicit(&fixed, 1, memory_order_release);
    return 1;
}

long sitegen_cmark_special_character_calls(void) {
    return atomic_load_explicit(&calls, memory_order_relaxed);
}
