#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#else
    #error("Recall stores files through POSIX calls: Glibc (Linux) or Darwin (macOS)")
#endif

/// Every system call Recall's files go through, in one place: the rest of RecallStore names
/// what it wants (read these bytes, append durably, take the lock) and this file says how, on
/// Linux (Glibc) and on macOS (Darwin).
enum Platform {
    /// How a file is opened.
    enum Access {
        /// Reading.
        case read
        /// Writing a new file, replacing any old one.
        case create
        /// Appending, creating the file when it is missing.
        case append
        /// Reading and writing, creating the file when it is missing (a lock file).
        case readWrite
        /// A folder, to sync it.
        case folder
    }

    /// Opens `path`, or returns nil with the reason in ``lastError``.
    static func open(_ path: String, _ access: Access) -> Int32? {
        let flags: Int32
        switch access {
        case .read: flags = O_RDONLY
        case .create: flags = O_WRONLY | O_CREAT | O_TRUNC
        case .append: flags = O_WRONLY | O_APPEND | O_CREAT
        case .readWrite: flags = O_RDWR | O_CREAT
        case .folder: flags = O_RDONLY | O_DIRECTORY
        }
        let fd = systemOpen(path, flags | O_CLOEXEC, 0o644)
        return fd >= 0 ? fd : nil
    }

    private static func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
        #if canImport(Glibc)
            return Glibc.open(path, flags, mode)
        #else
            return Darwin.open(path, flags, mode)
        #endif
    }

    /// Closes a descriptor.
    static func close(_ fd: Int32) {
        #if canImport(Glibc)
            _ = Glibc.close(fd)
        #else
            _ = Darwin.close(fd)
        #endif
    }

    /// The reason the last call failed, as the system words it.
    static var lastError: String { String(cString: strerror(errno)) }

    /// Whether the last call failed because the file does not exist.
    static var lastErrorIsMissing: Bool { errno == ENOENT }

    /// Writes all of `bytes` at the descriptor's position, retrying when interrupted.
    /// - Returns: false on failure, with the reason in ``lastError``.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            #if canImport(Glibc)
                let n = Glibc.write(fd, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            #else
                let n = Darwin.write(fd, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            #endif
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }

    /// Reads exactly `count` bytes at `offset` into `buffer`, retrying when interrupted.
    /// - Returns: false when the file ends first or the read fails.
    static func readExactly(_ fd: Int32, into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int) -> Bool {
        var got = 0
        while got < count {
            let n = pread(fd, buffer + got, count - got, off_t(offset + got))
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            got += n
        }
        return true
    }

    /// Reads up to `count` bytes at `offset`.
    /// - Returns: the bytes read, or nil when the read fails.
    static func read(_ fd: Int32, count: Int, at offset: Int) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: count)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
        guard n >= 0 else { return nil }
        return Array(buffer[0..<n])
    }

    /// Replaces the whole content of the file with `bytes`, without syncing (a lock's owner).
    static func overwrite(_ fd: Int32, with bytes: [UInt8]) {
        _ = ftruncate(fd, 0)
        _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    /// Cuts the file back to `size` bytes.
    /// - Returns: false when the system refused.
    static func truncate(_ fd: Int32, to size: Int) -> Bool { ftruncate(fd, off_t(size)) == 0 }

    /// Flushes the file's data and metadata to the disk.
    static func sync(_ fd: Int32) -> Bool { fsync(fd) == 0 }

    /// Flushes the file's data (and the size, so that an append survives) to the disk.
    static func syncData(_ fd: Int32) -> Bool {
        #if canImport(Glibc)
            return fdatasync(fd) == 0
        #else
            // macOS's fsync does not reach the platter; F_FULLFSYNC does.
            return fcntl(fd, F_FULLFSYNC) == 0 || fsync(fd) == 0
        #endif
    }

    /// Syncs a folder, so that a rename or a new file in it survives a crash.
    static func syncFolder(_ path: String) {
        guard let fd = open(path, .folder) else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// Takes an exclusive advisory lock without waiting.
    /// - Returns: false when another process holds it.
    static func tryLock(_ fd: Int32) -> Bool { flock(fd, LOCK_EX | LOCK_NB) == 0 }

    /// Releases a lock taken with ``tryLock(_:)``.
    static func unlock(_ fd: Int32) { _ = flock(fd, LOCK_UN) }

    /// What Recall needs to know of a file.
    struct Info: Equatable {
        var size: Int
        var isFolder: Bool
        /// Size, modification time and inode: changes whenever the file is replaced or edited.
        var stamp: String
        /// The file's inode: changes when the file is replaced by another.
        var inode: UInt64
    }

    /// The file at `path`, following a symbolic link, or nil when it cannot be looked at.
    static func info(_ path: String) -> Info? {
        var s = stat()
        guard stat(path, &s) == 0 else { return nil }
        return info(s)
    }

    /// The open file, or nil when it cannot be looked at.
    static func info(_ fd: Int32) -> Info? {
        var s = stat()
        guard fstat(fd, &s) == 0 else { return nil }
        return info(s)
    }

    private static func info(_ s: stat) -> Info {
        #if canImport(Glibc)
            let modified = s.st_mtim
        #else
            let modified = s.st_mtimespec
        #endif
        return Info(
            size: Int(s.st_size), isFolder: (s.st_mode & S_IFMT) == S_IFDIR,
            stamp: "\(s.st_size):\(modified.tv_sec).\(modified.tv_nsec):\(s.st_ino)", inode: UInt64(s.st_ino))
    }

    /// Maps `count` bytes of an open file read-only; `populate` maps every page at once where the
    /// system can.
    static func map(_ fd: Int32, count: Int, populate: Bool) -> UnsafeMutableRawPointer? {
        #if canImport(Glibc)
            let flags = MAP_PRIVATE | (populate ? MAP_POPULATE : 0)
        #else
            let flags = MAP_PRIVATE
        #endif
        guard let mapped = mmap(nil, count, PROT_READ, flags, fd, 0), mapped != MAP_FAILED else { return nil }
        return mapped
    }

    /// Unmaps what ``map(_:count:populate:)`` mapped.
    static func unmap(_ base: UnsafeMutableRawPointer, count: Int) { _ = munmap(base, count) }

    /// Renames a file atomically.
    static func rename(_ from: String, to: String) -> Bool {
        #if canImport(Glibc)
            return Glibc.rename(from, to) == 0
        #else
            return Darwin.rename(from, to) == 0
        #endif
    }

    /// Gives a file a second name (a hard link).
    static func link(_ existing: String, as new: String) -> Bool {
        #if canImport(Glibc)
            return Glibc.link(existing, new) == 0
        #else
            return Darwin.link(existing, new) == 0
        #endif
    }

    /// Removes a file's name.
    static func unlink(_ path: String) {
        #if canImport(Glibc)
            _ = Glibc.unlink(path)
        #else
            _ = Darwin.unlink(path)
        #endif
    }

    /// This process's id.
    static var processID: Int32 { getpid() }

    /// The offset of the first newline in `bytes[start..<end]`, or `end` when there is none.
    @inline(__always)
    static func newline(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        guard start < end, let base = bytes.baseAddress, let found = memchr(base + start, 0x0A, end - start) else { return end }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The offset of the first `byte` in `bytes[start..<end]`, or nil when there is none.
    @inline(__always)
    static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end, let base = bytes.baseAddress, let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}
