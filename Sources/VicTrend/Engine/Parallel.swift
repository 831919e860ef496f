import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs independent pieces of work on every core and returns their results in order.
///
/// The pieces must not share mutable state: each gets its index and returns a value. With one core (or
/// one piece) the work runs on the calling thread, so results never depend on the number of cores.
enum Parallel {
    /// Cores available to this process (at least 1).
    static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// `[body(0), body(1), ..., body(count - 1)]`, computed concurrently.
    static func map<Result: Sendable>(_ count: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
        guard count > 1 && cores > 1 else { return (0..<count).map(body) }
        let slots = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        // Each iteration writes only its own slot; concurrentPerform returns after every iteration ended.
        nonisolated(unsafe) let shared = slots
        DispatchQueue.concurrentPerform(iterations: count) { index in
            shared[index] = body(index)
        }
        return slots.compactMap { $0 }
    }
}
