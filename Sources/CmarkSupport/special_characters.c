#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <stddef.h>

#include "CmarkSupport.h"

typedef void (*manage_function)(void *parser, int add);

/// The library's own function, once looked up.
static _Atomic(manage_function) library_manage = NULL;
static atomic_int fixed = 0;
static atomic_long calls = 0;

/// The library's own function, looked up (and kept) the first time.
static manage_function library_function(void) {
    manage_function manage = atomic_load_explicit(&library_manage, memory_order_acquire);
    if (manage == NULL) {
        manage = (manage_function)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
        atomic_store_explicit(&library_manage, manage, memory_order_release);
    }
    return manage;
}

/// Replaces cmark-gfm's function of the same name (see the header).
void cmark_manage_extensions_special_characters(void *parser, int add) {
    atomic_fetch_add_explicit(&calls, 1, memory_order_relaxed);
    if (atomic_load_explicit(&fixed, memory_order_acquire)) return;
    manage_function manage = library_function();
    if (manage != NULL) manage(parser, add);
}

int sitegen_cmark_fix_special_characters(void *parser) {
    manage_function manage = library_function();
    if (manage == NULL) return 0;
    manage(parser, 1);
    atomic_store_explicit(&fixed, 1, memory_order_release);
    return 1;
}

long sitegen_cmark_special_character_calls(void) {
    return atomic_load_explicit(&calls, memory_order_relaxed);
}
