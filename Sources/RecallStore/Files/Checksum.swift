/// A 64-bit checksum against change, not a defence against chosen collisions: four lanes of
/// multiply-and-rotate over eight-byte words, about as fast as memory can be read.
enum Checksum {
    /// The checksum of `bytes`.
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var lanes = Lanes()
        return lanes.finish(bytes, total: bytes.count)
    }

    /// The checksum of the first `count` bytes of the file at `path`, or nil when they cannot be
    /// read: the two halves on two cores, each read a megabyte at a time into a buffer that stays
    /// in cache, which is quicker than touching every page of a mapping.
    static func ofFile(_ path: String, count: Int) -> UInt64? {
        guard let fd = Platform.open(path, .read) else { return nil }
        defer { Platform.close(fd) }
        let half = count / 64 * 32
        let parts = [0..<half, half..<count].parallelMapAlways { range -> UInt64? in
            var lanes = Lanes()
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            var at = range.lowerBound
            return buffer.withUnsafeMutableBytes { chunk -> UInt64? in
                guard let base = chunk.baseAddress else { return nil }
                while true {
                    let want = min(chunk.count, range.upperBound - at)
                    guard Platform.readExactly(fd, into: base, count: want, at: at) else { return nil }
                    at += want
                    guard at < range.upperBound else {
                        return lanes.finish(UnsafeRawBufferPointer(start: base, count: want), total: range.count)
                    }
                    lanes.blocks(UnsafeRawBufferPointer(start: base, count: want))
                }
            }
        }
        guard let first = parts[0], let second = parts[1] else { return nil }
        return avalanche(first &* prime1 ^ rotate(second, 27) &+ UInt64(count))
    }

    /// Four running lanes, fed whole 32-byte blocks, then finished with the last bytes.
    private struct Lanes {
        var a = prime1
        var b = prime2
        var c: UInt64 = 0
        var d = prime1 ^ prime2

        /// Takes every whole block of `bytes`; a caller passes a multiple of 32 until the end.
        mutating func blocks(_ bytes: UnsafeRawBufferPointer) {
            var i = 0
            while i + 32 <= bytes.count {
                a = round(a, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                b = round(b, bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
                c = round(c, bytes.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
                d = round(d, bytes.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
                i += 32
            }
        }

        /// Takes the last bytes and gives the checksum of the `total` bytes fed.
        mutating func finish(_ last: UnsafeRawBufferPointer, total: Int) -> UInt64 {
            blocks(last)
            var h = rotate(a, 1) &+ rotate(b, 7) &+ rotate(c, 12) &+ rotate(d, 18)
            for k in (last.count / 32 * 32)..<last.count { h = round(h, UInt64(last[k])) }
            return avalanche(h &+ UInt64(total))
        }
    }

    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    @inline(__always) private static func rotate(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }

    @inline(__always) private static func round(_ acc: UInt64, _ word: UInt64) -> UInt64 {
        rotate((acc ^ word) &* prime1, 29)
    }

    private static func avalanche(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33
        h = h &* prime2
        h ^= h >> 29
        h = h &* 0x1656_67B1_9E37_79F9
        h ^= h >> 32
        return h
    }
}
