extension String {
    /// The same text in storage of its own (a string of more than 15 bytes shares its storage, and
    /// its reference count, with every copy of it). For a string that one thread hands to another
    /// whose values each hold it: cores sharing one string take turns at its reference count, a
    /// cache line moving between them, for every value made or dropped.
    var unsharedCopy: String {
        String(decoding: Array(utf8), as: UTF8.self)
    }
}
