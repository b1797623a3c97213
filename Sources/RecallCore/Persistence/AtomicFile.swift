import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Errors of reading and writing files, each naming the path.
public enum FileError: Error, Equatable, LocalizedError {
    /// The file does not exist.
    case missing(path: String)
    /// The path is a folder, not a file.
    case isFolder(path: String)
    /// The system refused an operation.
    case system(path: String, operation: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case let .missing(path): return "'\(path)' does not exist"
        case let .isFolder(path): return "'\(path)' is a folder, not a file"
        case let .system(path, operation, reason): return "cannot \(operation) '\(path)': \(reason)"
        }
    }

    static func errno(_ path: String, _ operation: String) -> FileError {
        .system(path: path, operation: operation, reason: String(cString: strerror(Glibc.errno)))
    }
}

/// Whole-file reads and crash-safe replacement: write a temporary file, fsync it, rename it over
/// the old one and fsync the folder, so a reader sees the old bytes or the new, never a mix.
public enum AtomicFile {
    /// Reads a whole file.
    /// - Throws: ``FileError`` naming the path.
    public static func read(_ path: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw FileError.missing(path: path) }
        if isDirectory.boolValue { throw FileError.isFolder(path: path) }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw FileError.errno(path, "read") }
        defer { try? handle.close() }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw FileError.system(path: path, operation: "read", reason: error.localizedDescription)
        }
    }

    /// Replaces `path` with `data` atomically and, unless `durably` is false (for a cache that
    /// can be rebuilt), durably.
    /// - Throws: ``FileError`` naming the path; the old file is then untouched.
    public static func write(_ data: Data, to path: String, durably: Bool = true) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let dir = folder.isEmpty ? "." : folder
        let temp = "\(dir)/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileError.errno(path, "write") }
        var ok = false
        defer { if !ok { unlink(temp) } }
        let written = data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if n < 0 { if Glibc.errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        guard written, !durably || fsync(fd) == 0 else { let e = FileError.errno(path, "write"); close(fd); throw e }
        close(fd)
        guard rename(temp, path) == 0 else { throw FileError.errno(path, "replace") }
        ok = true
        if durably { syncFolder(dir) }
    }

    /// fsyncs a folder so that a rename or a new file in it survives a crash.
    public static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
    }
}
