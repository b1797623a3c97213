#if canImport(Glibc)
import Glibc
#endif

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
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw errno == ENOENT ? FileError.missing(path: path) : FileError.errno(path, "read") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileError.errno(path, "read") }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw FileError.isFolder(path: path) }
        count = Int(info.st_size)
        guard count > 0 else { base = nil; return }
        let mapped = mmap(nil, count, PROT_READ, MAP_PRIVATE | (populate ? MAP_POPULATE : 0), fd, 0)
        guard let mapped, mapped != MAP_FAILED else { throw FileError.errno(path, "read") }
        base = mapped
    }

    deinit {
        if let base { munmap(base, count) }
    }

    /// Calls `body` with the file's bytes.
    public func withUnsafeBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base?.assumingMemoryBound(to: UInt8.self), count: base == nil ? 0 : count))
    }
}
