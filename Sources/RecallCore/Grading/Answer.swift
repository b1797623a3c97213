/// Comparing typed answers with a card's answer.
public enum Answer {
    /// Lowercased, punctuation turned into spaces, whitespace folded.
    public static func normalized(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for s in text.unicodeScalars {
            let v = s.value
            if v < 128 {
                let lower = v >= 65 && v <= 90 ? v + 32 : v
                guard (lower >= 97 && lower <= 122) || (v >= 48 && v <= 57) else { pendingSpace = !out.isEmpty; continue }
                if pendingSpace { out.append(32); pendingSpace = false }
                out.append(UInt8(lower))
            } else {
                guard s.properties.isAlphabetic else { pendingSpace = !out.isEmpty; continue }
                if pendingSpace { out.append(32); pendingSpace = false }
                out.append(contentsOf: s.properties.lowercaseMapping.utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let articles: Set<String> = ["a", "an", "the"]

    /// The words that decide equivalence: case, punctuation and articles dropped, ordinals and
    /// numbers in words written as digits ("thirty-sixth" → "36th"), "the year 2000" → "2000".
    public static func tokens(_ text: String) -> [String] {
        var lowered = text.lowercased()
        if lowered.utf8.contains(0xE2) { lowered = lowered.replacingOccurrences(of: "’", with: "'") }
        var raw: [String] = []
        var current = ""
        for ch in lowered {
            if ch.isLetter || ch.isNumber || ch == "-" { current.append(ch) } else if !current.isEmpty { raw.append(current); current = "" }
        }
        if !current.isEmpty { raw.append(current) }
        var out: [String] = []
        for (i, word) in raw.enumerated() {
            let w = word.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
            if w.isEmpty || articles.contains(w) { continue }
            if w == "year", i + 1 < raw.count, raw[i + 1].count == 4, raw[i + 1].allSatisfy(\.isNumber) { continue }
            if let v = English.ordinalValue(w) { out.append(English.ordinalDigits(v)); continue }
            if let v = English.cardinalValue(w), !w.allSatisfy(\.isNumber) { out.append(String(v)); continue }
            out.append(w)
        }
        return datesInOneForm(out)
    }

    static let monthAbbreviations = [
        "jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june", "jul": "july",
        "aug": "august", "sep": "september", "sept": "september", "oct": "october", "nov": "november", "dec": "december",
    ]

    /// Dates in the form the document writes them, "october 18 2021", however they are typed:
    /// "Oct 18 2021", "18 October 2021", "October 18th, 2021". A month's short name counts only
    /// next to a day or a year, so "mar" alone stays a word.
    static func datesInOneForm(_ tokens: [String]) -> [String] {
        var t = tokens
        /// "18" or "18th" as a day of the month, written "18".
        func day(_ k: Int) -> String? {
            guard t.indices.contains(k) else { return nil }
            let digits = t[k].prefix(while: \.isNumber)
            guard let value = Int(digits), (1...31).contains(value),
                  ["", "st", "nd", "rd", "th"].contains(String(t[k].dropFirst(digits.count))) else { return nil }
            return String(value)
        }
        for i in t.indices {
            guard let month = English.months.contains(t[i]) ? t[i] : monthAbbreviations[t[i]] else { continue }
            let yearAfter = t.indices.contains(i + 1) && t[i + 1].count == 4 && t[i + 1].allSatisfy(\.isNumber)
            if let after = day(i + 1) {
                (t[i], t[i + 1]) = (month, after)
            } else if let before = day(i - 1) {
                (t[i - 1], t[i]) = (month, before)
            } else if yearAfter {
                t[i] = month
            }
        }
        return t
    }

    /// Levenshtein distance between two strings, by characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var row = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            row[0] = i
            for j in 1...y.count {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &row)
        }
        return previous[y.count]
    }
}

import Foundation
