/// Little-endian numbers and byte runs, written one after another and sealed with a checksum of
/// them all: the caches Recall can always rebuild (a deck's index, the card states of a snapshot,
/// the log's digests) are kept this way, so that start-up copies them instead of parsing them,
/// and a damaged one is refused whole rather than half believed.
struct BinaryWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// A writer that starts with `magic`.
    init(magic: String, capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
        bytes += Array(magic.utf8)
    }

    /// Appends a number.
    mutating func put<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends numbers.
    mutating func put<T: FixedWidthInteger>(_ values: [T]) {
        bytes.reserveCapacity(bytes.count + values.count * MemoryLayout<T>.size)
        for v in values { put(v) }
    }

    /// Appends a string as its length and its UTF-8.
    mutating func put(_ text: String) {
        put(UInt64(text.utf8.count))
        bytes += Array(text.utf8)
    }

    /// Appends strings as their ends and their UTF-8, one after another.
    mutating func put(_ texts: [String]) {
        var blob: [UInt8] = []
        var ends: [UInt32] = []
        ends.reserveCapacity(texts.count)
        for t in texts {
            blob += Array(t.utf8)
            ends.append(UInt32(blob.count))
        }
        put(UInt64(texts.count))
        put(UInt64(blob.count))
        put(ends)
        bytes += blob
    }

    /// The bytes to write: everything put, then the checksum of it.
    var sealed: [UInt8] {
        var out = bytes
        let sum = bytes.withUnsafeBytes { Checksum.of($0) }
        withUnsafeBytes(of: sum.littleEndian) { out.append(contentsOf: $0) }
        return out
    }

    /// Appends bytes as they are.
    mutating func append(_ raw: [UInt8]) { bytes += raw }

    /// Appends raw bytes, with their count first.
    mutating func put(raw: [UInt8]) {
        put(UInt64(raw.count))
        bytes += raw
    }
}

/// Reads what ``BinaryWriter`` wrote, checking every length against the bytes there are: a
/// short or damaged file is a failure (nil), never a read past its end.
struct BinaryReader {
    /// Why a binary file is not used.
    struct Damaged: Error {}

    let bytes: UnsafeRawBufferPointer
    private(set) var at = 0

    /// A reader over what ``BinaryWriter/sealed`` wrote, past `magic`.
    /// - Throws: ``Damaged`` when the file does not start with it or its checksum does not match.
    init(_ sealed: UnsafeBufferPointer<UInt8>, magic: String) throws {
        let m = Array(magic.utf8)
        guard sealed.count >= m.count + 8, Array(sealed[0..<m.count]) == m else { throw Damaged() }
        let raw = UnsafeRawBufferPointer(sealed)
        bytes = UnsafeRawBufferPointer(rebasing: raw[0..<(raw.count - 8)])
        let sum = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self))
        guard Checksum.of(bytes) == sum else { throw Damaged() }
        at = m.count
    }

    /// Whether every byte was read.
    var atEnd: Bool { at == bytes.count }

    private mutating func take(_ n: Int) throws -> Int {
        guard n >= 0, n <= bytes.count - at else { throw Damaged() }
        defer { at += n }
        return at
    }

    /// A number.
    mutating func get<T: FixedWidthInteger>(_: T.Type = T.self) throws -> T {
        let from = try take(MemoryLayout<T>.size)
        return T(littleEndian: bytes.loadUnaligned(fromByteOffset: from, as: T.self))
    }

    /// A count, checked to be one an array of `unit`-byte items could have here.
    mutating func count(unit: Int = 1) throws -> Int {
        let n = try get(UInt64.self)
        guard n <= UInt64(bytes.count - at) / UInt64(max(1, unit)) else { throw Damaged() }
        return Int(n)
    }

    /// `n` numbers.
    mutating func get<T: FixedWidthInteger>(_: T.Type, count n: Int) throws -> [T] {
        let size = MemoryLayout<T>.size
        guard n >= 0, n <= (bytes.count - at) / size else { throw Damaged() }
        let from = try take(n * size)
        return [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            if let target = buffer.baseAddress, let source = bytes.baseAddress, n > 0 {
                // Copied whole, then put in the host's byte order (a no-op on little-endian hosts).
                UnsafeMutableRawPointer(target).copyMemory(from: source + from, byteCount: n * size)
                if T(littleEndian: 1) != 1 { for k in 0..<n { buffer[k] = T(littleEndian: buffer[k]) } }
            }
            initialized = n
        }
    }

    /// A string written by ``BinaryWriter/put(_:)-(String)``.
    mutating func string() throws -> String {
        let n = try count()
        let from = try take(n)
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[from..<(from + n)]), as: UTF8.self)
    }

    /// Strings written by ``BinaryWriter/put(_:)-([String])``.
    mutating func strings() throws -> [String] {
        let n = try count(unit: 4)
        let blobCount = try count()
        let ends = try get(UInt32.self, count: n)
        let from = try take(blobCount)
        var start = 0
        var out: [String] = []
        out.reserveCapacity(n)
        for end in ends {
            let e = Int(end)
            guard e >= start, e <= blobCount else { throw Damaged() }
            out.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(from + start)..<(from + e)]), as: UTF8.self))
            start = e
        }
        return out
    }

    /// The next `count` bytes where they lie, valid while the file's bytes are.
    mutating func slice(_ count: Int) throws -> UnsafeRawBufferPointer {
        let from = try take(count)
        return UnsafeRawBufferPointer(rebasing: bytes[from..<(from + count)])
    }

    /// Raw bytes written by ``BinaryWriter/put(raw:)``.
    mutating func raw() throws -> [UInt8] {
        let n = try count()
        let from = try take(n)
        return Array(UnsafeRawBufferPointer(rebasing: bytes[from..<(from + n)]))
    }
}
