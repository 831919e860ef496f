#ifndef VICTREND_CPREFETCH_H
#define VICTREND_CPREFETCH_H

// Asks the processor to start loading the cache line at `address` (for reading), without waiting for
// it and without faulting: a hint, never a change in behaviour. Swift has no such intrinsic.
static inline void victrend_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
