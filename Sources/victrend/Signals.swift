import VicTrend

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What victrend does when it is told to stop: SIGINT (Ctrl-C), SIGTERM, SIGHUP, SIGPIPE (a reader
/// that went away) and SIGQUIT remove the temporary files of unfinished outputs, then end the process
/// the way the signal itself would (exit status 128 + the signal's number, as a shell shows it), so that
/// no partial output and no temporary file stays behind, and no crash report is printed.
enum Signals {
    static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT]

    /// Installs the handlers, and unblocks the signals a parent process may have left blocked (a mask
    /// is inherited): otherwise nothing could stop victrend but SIGKILL. Call it before any thread starts.
    static func install() {
        Pipeline.prepareForSignals()
        var set = sigset_t()
        sigemptyset(&set)
        for number in handled { sigaddset(&set, number) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        for number in handled {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                Pipeline.removeTemporaryFiles()
                signal(number, SIG_DFL)
                raise(number)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(number, &action, nil)
        }
    }
}
