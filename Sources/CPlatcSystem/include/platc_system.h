#ifndef PLATC_SYSTEM_H
#define PLATC_SYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE), so a rendered out/ and the
/// previous one swap places in one step. Returns 0, or -1 with errno set (EINVAL or ENOSYS
/// where the file system or kernel cannot exchange).
int platc_exchange_paths(const char *first, const char *second);

#endif
