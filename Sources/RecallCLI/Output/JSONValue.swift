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
        var out = ""
        write(to: &out, indent: indent)
        return out
    }

    /// Appends the value's text to `out`: one buffer for the whole document, however large.
    func write(to out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .int(i): out += String(i)
        case let .fixed(v, places):
            guard places > 0 else { out += String(v); return }
            var p = 1
            for _ in 0..<places { p *= 10 }
            let frac = String(abs(v) % p)
            var digits = String(repeating: "0", count: places - frac.count) + frac
            while digits.count > 1, digits.hasSuffix("0") { digits.removeLast() }
            out += "\(v < 0 ? "-" : "")\(abs(v) / p).\(digits)"
        case let .string(s):
            JSONText.appendQuoted(s, to: &out)
        case let .array(items):
            Self.write(items.map { (nil, $0) }, between: ("[", "]"), to: &out, indent: indent)
        case let .object(fields):
            Self.write(fields.map { ($0.0, $0.1) }, between: ("{", "}"), to: &out, indent: indent)
        }
    }

    /// An array's items (no keys) or an object's fields, one to a line.
    private static func write(_ members: [(key: String?, value: JSONValue)], between brackets: (String, String), to out: inout String, indent: Int) {
        guard !members.isEmpty else { out += brackets.0 + brackets.1; return }
        out += brackets.0 + "\n"
        for (k, member) in members.enumerated() {
            if k > 0 { out += ",\n" }
            pad(&out, indent + 1)
            if let key = member.key {
                JSONText.appendQuoted(key, to: &out)
                out += ": "
            }
            member.value.write(to: &out, indent: indent + 1)
        }
        out += "\n"
        pad(&out, indent)
        out += brackets.1
    }

    private static func pad(_ out: inout String, _ level: Int) {
        for _ in 0..<level { out += "  " }
    }
}
