import Foundation

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

    /// What went wrong, for a message that names the path already.
    public var reason: String {
        switch self {
        case .missing: return "it does not exist"
        case .isFolder: return "it is a folder, not a file"
        case let .system(_, _, reason): return reason
        }
    }

    /// What went wrong with `error`, for a message that names the path already: a
    /// ``FileError``'s ``reason``, or the error's own description.
    public static func reason(of error: any Error) -> String { (error as? FileError)?.reason ?? error.localizedDescription }

    /// The last system call's failure to `operation` the file at `path`.
    static func lastError(_ path: String, _ operation: String) -> FileError {
        .system(path: path, operation: operation, reason: Platform.lastError)
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
        guard let handle = FileHandle(forReadingAtPath: path) else { throw FileError.lastError(path, "read") }
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
        let temp = "\(dir)/.\((path as NSString).lastPathComponent).\(Platform.processID).tmp"
        guard let fd = Platform.open(temp, .create) else { throw FileError.lastError(path, "write") }
        var ok = false
        defer { if !ok { Platform.unlink(temp) } }
        let written = data.withUnsafeBytes { Platform.writeAll(fd, $0) }
        guard written, !durably || Platform.sync(fd) else {
            let error = FileError.lastError(path, "write")
            Platform.close(fd)
            throw error
        }
        Platform.close(fd)
        guard Platform.rename(temp, to: path) else { throw FileError.lastError(path, "replace") }
        ok = true
        if durably { Platform.syncFolder(dir) }
    }

    /// Makes a folder and the folders above it, as needed.
    /// - Throws: ``FileError`` naming the folder.
    public static func makeFolder(_ path: String) throws {
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw FileError.system(path: path, operation: "create the folder", reason: error.localizedDescription)
        }
    }

    /// Whether a folder is at `path` (following a symbolic link).
    public static func isFolder(_ path: String) -> Bool { Platform.info(path)?.isFolder ?? false }

    /// Whether something (a file or a folder) is at `path`.
    public static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}

/// The names in a folder.
enum FolderListing {
    /// The names of the files in `folder` that end with `suffix`, without it, hidden ones left
    /// out, sorted; none when the folder cannot be read.
    static func names(in folder: String, ending suffix: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return entries.filter { $0.hasSuffix(suffix) && !$0.hasPrefix(".") }.map { String($0.dropLast(suffix.count)) }.sorted()
    }
}
