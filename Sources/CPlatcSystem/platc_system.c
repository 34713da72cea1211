#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/fs.h>
#include "platc_system.h"

int platc_exchange_paths(const char *first, const char *second) {
    // The syscall, not glibc's wrapper: glibc gained renameat2() only in 2.28.
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
}
