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
        let pad = String(repeating: "  ", count: indent + 1), end = String(repeating: "  ", count: indent)
        switch self {
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .int(i): return String(i)
        case let .fixed(v, places):
            guard places > 0 else { return String(v) }
            var p = 1
            for _ in 0..<places { p *= 10 }
            let sign = v < 0 ? "-" : ""
            let frac = String(abs(v) % p)
            var digits = String(repeating: "0", count: places - frac.count) + frac
            while digits.count > 1, digits.hasSuffix("0") { digits.removeLast() }
            return "\(sign)\(abs(v) / p).\(digits)"
        case let .string(s):
            var out = ""
            JSONText.appendQuoted(s, to: &out)
            return out
        case let .array(items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { pad + $0.text(indent: indent + 1) }.joined(separator: ",\n") + "\n" + end + "]"
        case let .object(fields):
            if fields.isEmpty { return "{}" }
            return "{\n" + fields.map { pad + JSONValue.string($0.0).text() + ": " + $0.1.text(indent: indent + 1) }.joined(separator: ",\n") + "\n" + end + "}"
        }
    }
}
