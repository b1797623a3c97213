/// A file's bytes mapped read-only into memory, so that a large snapshot or log is read where it
/// lies instead of being copied first.
///
/// Recall never shortens a progress file in place (a repair writes a new file and renames it),
/// so the mapped bytes stay valid while they are read, even with a writer appending.
public final class MappedFile: @unchecked Sendable {
    /// The file.
    public let path: String
    /// Its size when it was mapped.
    public let count: Int
    private let base: UnsafeMutableRawPointer?

    /// Maps `path`; with `populate`, every page is mapped at once rather than on first touch
    /// (quicker for a file read whole by one thread).
    /// - Throws: ``FileError`` naming the path.
    public init(_ path: String, populate: Bool = true) throws {
        self.path = path
        guard let fd = Platform.open(path, .read) else {
            throw Platform.lastErrorIsMissing ? FileError.missing(path: path) : FileError.lastError(path, "read")
        }
        defer { Platform.close(fd) }
        guard let info = Platform.info(fd) else { throw FileError.lastError(path, "read") }
        if info.isFolder { throw FileError.isFolder(path: path) }
        count = info.size
        guard count > 0 else {
            base = nil
            return
        }
        guard let mapped = Platform.map(fd, count: count, populate: populate) else { throw FileError.lastError(path, "read") }
        base = mapped
    }

    deinit {
        if let base { Platform.unmap(base, count: count) }
    }

    /// Calls `body` with the file's bytes.
    public func withUnsafeBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base?.assumingMemoryBound(to: UInt8.self), count: base == nil ? 0 : count))
    }
}
