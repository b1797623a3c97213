import RecallCore

/// The first line of every file Recall writes by hand (a progress log, a snapshot, a deck's
/// index): one flat JSON object of strings and whole numbers, keys sorted, then a newline. One
/// writer and one reader, so that what is written is what is read back.
struct HeaderLine: Equatable {
    /// A field's value.
    enum Value: Equatable, CustomStringConvertible {
        case string(String)
        case int(Int)

        var description: String {
            switch self {
            case let .string(s): return s
            case let .int(n): return String(n)
            }
        }
    }

    /// The fields by name.
    var fields: [String: Value]

    /// A header of these fields.
    init(_ fields: [String: Value]) { self.fields = fields }

    /// A string field, nil when it is missing or a number.
    func string(_ key: String) -> String? {
        if case let .string(s)? = fields[key] { return s }
        return nil
    }

    /// A number field, nil when it is missing or a string.
    func int(_ key: String) -> Int? {
        if case let .int(n)? = fields[key] { return n }
        return nil
    }

    /// The line, newline included.
    var text: String {
        var out = "{"
        for (k, key) in fields.keys.sorted().enumerated() {
            if k > 0 { out += "," }
            JSONText.appendQuoted(key, to: &out)
            out += ":"
            switch fields[key] {
            case let .string(s)?: JSONText.appendQuoted(s, to: &out)
            case let .int(n)?: out += String(n)
            case nil: out += "null"
            }
        }
        return out + "}\n"
    }

    /// Reads the header at the start of `bytes`.
    /// - Returns: the header and where the line after it starts, or nil when the first line is
    ///   not a flat object of strings and whole numbers ended by a newline.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> (header: HeaderLine, end: Int)? {
        let newline = Platform.newline(in: bytes, from: 0, to: bytes.count)
        guard newline < bytes.count else { return nil }
        var scanner = LineScanner(bytes, from: 0, to: newline)
        var fields: [String: Value] = [:]
        do {
            try scanner.expect(UInt8(ascii: "{"))
            scanner.skipSpace()
            var first = true
            while !(scanner.i < newline && bytes[scanner.i] == UInt8(ascii: "}")) {
                if !first { try scanner.comma() }
                first = false
                scanner.skipSpace()
                let key = try scanner.string()
                try scanner.expect(UInt8(ascii: ":"))
                scanner.skipSpace()
                if scanner.i < newline, bytes[scanner.i] == UInt8(ascii: "\"") {
                    fields[key] = .string(try scanner.string())
                } else {
                    fields[key] = .int(try scanner.int())
                }
                scanner.skipSpace()
            }
            try scanner.finish(closing: UInt8(ascii: "}"))
        } catch {
            return nil
        }
        return (HeaderLine(fields), newline + 1)
    }
}
