#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An existing file as the system knows it: its device and inode, reached through symbolic links, so
/// that two paths name the same file whatever links (symbolic or hard) lead to it.
struct FileIdentity: Hashable {
    let device: UInt64
    let inode: UInt64

    /// The file `path` names, or `nil` when there is none (yet).
    init?(_ path: String) {
        var status = stat()
        guard let path = try? StandardInput.openablePath(path), stat(path, &status) == 0 else { return nil }
        self.init(status: status)
    }

    /// The file `status` (from `stat`) describes.
    init(status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }

    /// The first of `inputs` that names the same file as an earlier one, with that earlier one.
    static func repeated(_ inputs: [String]) -> (path: String, first: String)? {
        var seen: [FileIdentity: String] = [:]
        for path in inputs {
            guard let identity = FileIdentity(path) else { continue }
            if let first = seen[identity] { return (path, first) }
            seen[identity] = path
        }
        return nil
    }

    /// The first of `outputs` that is one of `inputs`, with that input: writing it would destroy what
    /// is being read.
    static func overlap(outputs: [String], inputs: [String]) -> (output: String, input: String)? {
        let read = inputs.compactMap { path in FileIdentity(path).map { ($0, path) } }
        for output in outputs {
            guard let identity = FileIdentity(output) else { continue }
            if let input = read.first(where: { $0.0 == identity }) {
                return (output, input.1)
            }
        }
        return nil
    }
}
