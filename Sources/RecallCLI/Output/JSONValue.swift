import Foundation
import RecallCore

/// A JSON value written by hand so that numbers print exactly (an E-Factor of 2.46 prints as
/// `2.46`, never `2.4599999999999999`) and keys keep the order they are given in.
enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// A decimal with a fixed number of places: `.fixed(246, places: 2)` is 2.46.
    case fixed(Int, places: Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (a: JSONValue, b: JSONValue) -> Bool { a.text() == b.text() }

    /// A share from 0 to 1 with four decimals, or null.
    static func share(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .fixed(Int((value * 10_000).rounded()), places: 4)
    }

    /// The value as text, indented by two spaces a level.
    func text(indent: Int = 0) -> String {
        var out: [UInt8] = []
        write(to: &out, indent: indent)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the value's UTF-8 to `out`: one buffer of bytes for the whole document, however
    /// large (appending to a String cost most of `recall cards --json` at 100,000 cards).
    func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case let .bool(b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case let .int(i): out.append(contentsOf: String(i).utf8)
        case let .fixed(v, places):
            guard places > 0 else {
                out.append(contentsOf: String(v).utf8)
                return
            }
            var p = 1
            for _ in 0..<places { p *= 10 }
            let frac = String(abs(v) % p)
            var digits = String(repeating: "0", count: places - frac.count) + frac
            while digits.count > 1, digits.hasSuffix("0") { digits.removeLast() }
            out.append(contentsOf: "\(v < 0 ? "-" : "")\(abs(v) / p).\(digits)".utf8)
        case let .string(s):
            JSONText.appendQuoted(s, to: &out)
        case let .array(items):
            Self.write(items.map { (nil, $0) }, between: (UInt8(ascii: "["), UInt8(ascii: "]")), to: &out, indent: indent)
        case let .object(fields):
            Self.write(fields.map { ($0.0, $0.1) }, between: (UInt8(ascii: "{"), UInt8(ascii: "}")), to: &out, indent: indent)
        }
    }

    /// An array's items (no keys) or an object's fields, one to a line.
    private static func write(
        _ members: [(key: String?, value: JSONValue)], between brackets: (UInt8, UInt8), to out: inout [UInt8], indent: Int
    ) {
        out.append(brackets.0)
        guard !members.isEmpty else {
            out.append(brackets.1)
            return
        }
        out.append(0x0A)
        for (k, member) in members.enumerated() {
            if k > 0 {
                out.append(UInt8(ascii: ","))
                out.append(0x0A)
            }
            pad(&out, indent + 1)
            if let key = member.key {
                JSONText.appendQuoted(key, to: &out)
                out.append(UInt8(ascii: ":"))
                out.append(UInt8(ascii: " "))
            }
            member.value.write(to: &out, indent: indent + 1)
        }
        out.append(0x0A)
        pad(&out, indent)
        out.append(brackets.1)
    }

    private static func pad(_ out: inout [UInt8], _ level: Int) {
        for _ in 0..<(2 * level) { out.append(UInt8(ascii: " ")) }
    }
}

/// A JSON array written item by item, as ``JSONValue/text(indent:)`` writes a whole one, so that
/// a long listing is printed as it is made instead of held whole.
struct JSONArrayStream {
    private var count = 0

    /// Writes the next item.
    mutating func append(_ item: JSONValue, to out: inout StreamedOutput) {
        var bytes: [UInt8] = count == 0 ? [UInt8(ascii: "["), 0x0A] : [UInt8(ascii: ","), 0x0A]
        bytes += [UInt8(ascii: " "), UInt8(ascii: " ")]
        item.write(to: &bytes, indent: 1)
        out.write(bytes)
        count += 1
    }

    /// Closes the array.
    mutating func finish(to out: inout StreamedOutput) {
        out.write(count == 0 ? "[]\n" : "\n]\n")
    }
}

/// Standard output written in blocks of 64 KiB.
struct StreamedOutput {
    private var buffer: [UInt8] = []

    /// Writes text.
    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes bytes.
    mutating func write(_ bytes: [UInt8]) {
        buffer += bytes
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Hands what is written to standard output.
    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
