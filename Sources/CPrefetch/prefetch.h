#ifndef VICTREND_CPREFETCH_H
#define VICTREND_CPREFETCH_H

// Asks the processor to start loading the cache line at `address` (for reading), without waiting for
// it and without faulting: a hint, never a change in behaviour. Swift has no such intrinsic.
static inline void victrend_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

// `victrend_prefetch` for a value of `size` bytes (at least 1) at `address`: the cache line of its first
// byte, and that of its last when it lies on another (an array's elements need not start on a line, so
// a 32-byte element may straddle two).
static inline void victrend_prefetch_value(const void *address, unsigned long size) {
    const char *first = (const char *)address;
    const char *last = first + size - 1;
    __builtin_prefetch(first, 0, 3);
    if ((unsigned long)first / 64 != (unsigned long)last / 64) __builtin_prefetch(last, 0, 3);
}

#endif
