/* Loaded into sitegen under valgrind (LD_PRELOAD, see .ci/run). Swift's async main
 * parks the main thread in libdispatch, which calls sigsuspend() with a mask in
 * read-only memory; valgrind 3.19 (Debian 12) edits that mask in place and dies of
 * SIGSEGV itself. Handing the kernel a writable copy changes nothing else. */
#define _GNU_SOURCE
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

int sigsuspend(const sigset_t *mask) {
    sigset_t copy = *mask;
    return (int)syscall(SYS_rt_sigsuspend, &copy, _NSIG / 8);
}
