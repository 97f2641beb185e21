#ifndef SITEGEN_CMARK_SUPPORT_H
#define SITEGEN_CMARK_SUPPORT_H

/// cmark-gfm's inline parser keeps one global table of the characters that
/// start an inline, and every parse adds its extensions' characters to it when
/// its inline pass starts and removes them when it ends, through the exported
/// `cmark_manage_extensions_special_characters`. Two parses on two threads
/// then switch off each other's strikethrough and autolinks.
///
/// This target defines that function in the executable, which the library's
/// own calls bind to (they go through its PLT): it forwards to the library's
/// until the table is fixed, and does nothing after. Every parser sitegen makes
/// attaches the same extensions, so a table filled once with their characters
/// is the one each parse would have set up for itself, and parses no longer
/// write global state.

/// Adds the characters of `parser`'s extensions to the table for good (with
/// the library's own function) and makes every later add or remove do nothing.
/// Returns 0 when the library's function cannot be found (nothing is changed).
int sitegen_cmark_fix_special_characters(void *parser);

/// How many times the library called `cmark_manage_extensions_special_characters`
/// and reached this target's definition: a caller checks that a parse moves
/// it before relying on the table staying fixed.
long sitegen_cmark_special_character_calls(void);

/// A `cmark_mem` (returned as `void *`) whose allocations come from an arena
/// of the calling thread, opened by this call: nodes and buffers are bumped
/// off a few large blocks, a free does nothing, and growing the block
/// allocated last happens in place. cmark-gfm made a million allocations and
/// as many frees for a thousand articles through malloc, most of them node
/// by node when the tree was freed. Every use of the allocator must be done
/// on this thread and before `sitegen_cmark_arena_end`, which frees it all;
/// arenas nest (a render inside a render). In builds with AddressSanitizer
/// the allocator is the system's, so that the sanitizer still sees cmark-gfm's
/// every allocation.
void *sitegen_cmark_arena_begin(void);

/// Frees the arena the last `sitegen_cmark_arena_begin` on this thread opened.
void sitegen_cmark_arena_end(void);

/// 1 when `sitegen_cmark_arena_end` frees everything the allocator gave out,
/// so that freeing a document's nodes and parser one by one first is work
/// for nothing; 0 in builds with AddressSanitizer, whose allocator is the
/// system's.
int sitegen_cmark_arena_frees_all(void);

#endif
