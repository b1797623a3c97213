import Foundation

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
                guard (lower >= 97 && lower <= 122) || (v >= 48 && v <= 57) else {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace {
                    out.append(32)
                    pendingSpace = false
                }
                out.append(UInt8(lower))
            } else {
                guard s.properties.isAlphabetic else {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace {
                    out.append(32)
                    pendingSpace = false
                }
                out.append(contentsOf: s.properties.lowercaseMapping.utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let articles: Set<String> = ["a", "an", "the"]

    /// British and American spellings alike: "reorganising" and "reorganizing", "labour" and "labor".
    /// - Parameter word: a lower-case word.
    public static func spelling(_ word: String) -> String {
        guard word.count > 5 else { return word }
        for (british, american) in [
            ("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ise", "ize"), ("our", "or"), ("tre", "ter"),
        ]
        where word.hasSuffix(british) {
            return String(word.dropLast(british.count)) + american
        }
        return word
    }
    static let weekdays: Set<String> = Set(English.weekdays + ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"])

    /// The words that decide equivalence: case, punctuation, hyphens and articles dropped;
    /// numbers and ordinals in words written as digits ("thirty fourth" → "34th", "twenty
    /// fifteen" → "2015"); a date in any common form as one word ("18/10/2021", "the eighteenth
    /// of October, 2021" and "Monday, Oct. 18th 2021" → "2021-10-18"); "the year 2000" → "2000";
    /// "No. 2" → "2nd"; and the short forms of ``Equivalences``.
    /// - Parameter monthFirst: how to read a date in digits whose day and month could swap
    ///   ("10/11/2021"): as month first, day first, or (nil) day first.
    /// - Parameter correctingTypos: read a word one slip from a number word or a month's name
    ///   as that word ("thrid", "Octobre"), for a reading that can be at most a near miss.
    public static func tokens(_ text: String, monthFirst: Bool? = nil, correctingTypos: Bool = false) -> [String] {
        var words: [String] = []
        for chunk in text.lowercased().split(whereSeparator: \.isWhitespace) {
            var piece = String(chunk)
            if piece.utf8.contains(0xE2) { piece = piece.replacingOccurrences(of: "’", with: "'") }
            let digits = piece.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
            if digits, let date = digitDate(piece.trimmingCharacters(in: .punctuationCharacters), monthFirst: monthFirst) {
                words += date
                continue
            }
            // "'03": a year.
            if digits, piece.hasPrefix("'"), piece.count == 3, let yy = Int(piece.dropFirst()) {
                words.append(String(yy < 50 ? 2000 + yy : 1900 + yy))
                continue
            }
            // Most words are letters only.
            if !digits, piece.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) {
                words.append(piece)
                continue
            }
            // "don't" and "isn't" say "not"; "China's" is "China".
            if piece.hasSuffix("n't") { piece = String(piece.dropLast(3)) + " not" }
            if piece.hasSuffix("'s") { piece = String(piece.dropLast(2)) }
            let chars = Array(piece)
            var current = ""
            for (k, ch) in chars.enumerated() {
                if ch.isLetter || ch.isNumber {
                    current.append(ch)
                    continue
                }
                // "1.3" and "410,000" are one number.
                let inNumber = k > 0 && k + 1 < chars.count && chars[k - 1].isNumber && chars[k + 1].isNumber
                if inNumber, ch == "." {
                    // "30.000": a point before three digits that end the number separates thousands.
                    let after = chars[(k + 1)...].prefix { $0.isNumber }.count
                    let ends = k + 1 + after == chars.count || !(chars[k + 1 + after] == "." || chars[k + 1 + after] == ",")
                    // (Only after one to three digits that do not open with 0: "0.125" stays a fraction.)
                    if after == 3, ends, !current.contains("."), (1...3).contains(current.count), current.first != "0" { continue }
                    current.append(ch)
                    continue
                }
                // A comma before three digits separates thousands ("410,000"); before fewer, it is a
                // decimal comma ("5,2").
                if inNumber, ch == "," {
                    let after = chars[(k + 1)...].prefix { $0.isNumber }.count
                    if after != 3 { current.append(".") }
                    continue
                }
                if !current.isEmpty {
                    words += Self.magnitude(current)
                    current = ""
                }
                if ch == "&" { words.append("and") }
                if ch == "%" { words.append("percent") }
            }
            if !current.isEmpty { words += Self.magnitude(current) }
        }
        if correctingTypos { words = words.map(numberOrMonthWord) }
        words = largeNumbersInOneForm(SpokenNumbers.digits(words.filter { !articles.contains($0) }))
        var out: [String] = []
        out.reserveCapacity(words.count)
        let hasMonth = words.contains { English.months.contains($0) || monthAbbreviations[$0] != nil }
        for (i, w) in words.enumerated() {
            if w == "year", i + 1 < words.count, Tokens.year(words[i + 1]) != nil { continue }
            if hasMonth, weekdays.contains(w) { continue }
            // "No. 2", "number two": the second.
            if w == "no" || w == "number", i + 1 < words.count, let n = Int(words[i + 1]), n < 1000 {
                out.append("#")
                continue
            }
            if out.last == "#" {
                out[out.count - 1] = English.ordinalDigits(Int(w) ?? 0)
                continue
            }
            // "G-20" and "G20" alike.
            if w.count == 1, w.first?.isLetter == true, i + 1 < words.count, words[i + 1].allSatisfy(\.isNumber) {
                out.append(w + words[i + 1])
                continue
            }
            if i > 0, words[i - 1].count == 1, words[i - 1].first?.isLetter == true, w.allSatisfy(\.isNumber), out.last == words[i - 1] + w
            {
                continue
            }
            out.append(w)
        }
        return Equivalences.apply(datesInOneForm(out))
    }

    /// The number word or month's name a word is one slip from, or the word.
    static func numberOrMonthWord(_ word: String) -> String {
        guard word.count >= 4, word.allSatisfy(\.isLetter), !SpokenNumbers.isNumberWord(word), !English.months.contains(word) else {
            return word
        }
        let near = typoTargets.filter { abs($0.count - word.count) <= 1 && editDistance(word, $0, limit: 1) <= 1 }
        // "forth" is one slip from "forty" and from "fourth": the one that ends alike.
        return near.first { $0.hasSuffix(word.suffix(2)) } ?? near.first ?? word
    }
    static let typoTargets =
        (English.ordinalWords + English.cardinalWords + English.months + Array(English.tensCardinals.keys)
        + Array(English.tensOrdinals.keys))
        .filter { $0.count >= 4 }.sorted()

    /// Millions, billions and trillions written one way: a number and its magnitude read as
    /// the largest magnitude it reaches, so "1,300 billion" is "1.3 trillion" and "0.5 billion"
    /// is "500 million"; other numbers stay as they are.
    static func largeNumbersInOneForm(_ words: [String]) -> [String] {
        let powers = ["million": 6, "billion": 9, "trillion": 12]
        guard words.contains(where: { powers[$0] != nil }) else { return words }
        var out: [String] = []
        var i = 0
        while i < words.count {
            if i + 1 < words.count, let power = powers[words[i + 1]], words[i].first?.isNumber == true,
                words[i].allSatisfy({ $0.isNumber || $0 == "." }), words[i].count <= 20, let value = Decimal(string: words[i])
            {
                let whole = value * pow(Decimal(10), power)
                if let (name, p) = [("trillion", 12), ("billion", 9), ("million", 6)].first(where: { whole >= pow(Decimal(10), $0.1) }) {
                    out += ["\(whole / pow(Decimal(10), p))", name]
                } else {
                    out.append("\(whole)")
                }
                i += 2
                continue
            }
            out.append(words[i])
            i += 1
        }
        return out
    }

    /// "650m", "120bn", "5k": the number and its magnitude as words.
    static func magnitude(_ word: String) -> [String] {
        guard let first = word.first, first.isNumber, let last = word.last, last.isLetter else { return [word] }
        let digits = word.prefix { $0.isNumber || $0 == "." }
        switch word.dropFirst(digits.count) {
        case "k": return [String(digits), "thousand"]
        case "m", "mn": return [String(digits), "million"]
        case "b", "bn": return [String(digits), "billion"]
        case "tn", "trn": return [String(digits), "trillion"]
        default: return [word]
        }
    }

    /// A date written in digits, as the month's name, day and year: "2021-10-18", "18/10/2021",
    /// "10/18/2021", "18.10.2021".
    static func digitDate(_ word: String, monthFirst: Bool?) -> [String]? {
        // "2022年12月23日": year, month and day marked in Chinese or Japanese.
        let word = word.hasSuffix("日") ? String(word.dropLast()) : word
        let parts = word.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." || $0 == "年" || $0 == "月" }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
            let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2])
        else { return nil }
        var year = 0
        var month = 0
        var day = 0
        if parts[0].count == 4 {
            (year, month, day) = (a, b, c)
        } else if parts[2].count == 4 || parts[2].count == 2 {
            year = parts[2].count == 4 ? c : c < 50 ? 2000 + c : 1900 + c
            if a > 12 || (b <= 12 && monthFirst != true) { (day, month) = (a, b) } else { (month, day) = (a, b) }
        } else {
            return nil
        }
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        return [English.months[month - 1], String(day), String(year)]
    }

    static let monthAbbreviations = [
        "jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june", "jul": "july",
        "aug": "august", "sep": "september", "sept": "september", "oct": "october", "nov": "november", "dec": "december",
    ]

    /// Dates as one word, "2021-10-18" (or "2021-10", "10-18"), however they are typed: "Oct 18
    /// 2021", "18 October 2021", "October 18th, 2021", "18th of October 2021". A month's short
    /// name counts only next to a day or a year, so "mar" alone stays a word.
    static func datesInOneForm(_ tokens: [String]) -> [String] {
        guard tokens.contains(where: { English.months.contains($0) || monthAbbreviations[$0] != nil }) else { return tokens }
        /// "18" or "18th" as a day of the month.
        func day(_ k: Int) -> Int? {
            guard tokens.indices.contains(k) else { return nil }
            let t = tokens[k]
            let digits = t.prefix(while: \.isNumber)
            guard let value = Int(digits), (1...31).contains(value), digits.count <= 2,
                ["", "st", "nd", "rd", "th"].contains(String(t.dropFirst(digits.count)))
            else { return nil }
            return value
        }
        func year(_ k: Int) -> Int? { tokens.indices.contains(k) ? Tokens.year(tokens[k]) : nil }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        var out: [String] = []
        var i = 0
        while i < tokens.count {
            let name = English.months.contains(tokens[i]) ? tokens[i] : monthAbbreviations[tokens[i]]
            guard let name, let month = English.months.firstIndex(of: name).map({ $0 + 1 }) else {
                out.append(tokens[i])
                i += 1
                continue
            }
            var d: Int?
            var next = i + 1
            // ("23 Dec 22": a day before and two digits after with no year to follow: day, then year.)
            let dayBefore = day(i - 1) != nil && out.last == tokens[i - 1]
            let yearAfter = dayBefore && tokens.indices.contains(i + 1) && tokens[i + 1].count == 2 && year(i + 2) == nil
            if !yearAfter, let after = day(i + 1) {
                d = after
                next = i + 2
            } else if let before = day(i - 1), out.last == tokens[i - 1] {
                d = before
                out.removeLast()
            } else if i >= 2, tokens[i - 1] == "of", let before = day(i - 2), out.count >= 2, out[out.count - 2] == tokens[i - 2] {
                d = before
                out.removeLast(2)
            }
            var y = year(next)
            if y != nil {
                next += 1
            }
            // "23 Dec 22": two digits after a day and a month are the year.
            else if yearAfter, d != nil, tokens.indices.contains(next), tokens[next].count == 2, let yy = Int(tokens[next]) {
                y = yy < 50 ? 2000 + yy : 1900 + yy
                next += 1
            }
            switch (d, y) {
            case let (d?, y?): out.append("\(y)-\(two(month))-\(two(d))")
            case let (nil, y?): out.append("\(y)-\(two(month))")
            case let (d?, nil): out.append("\(two(month))-\(two(d))")
            case (nil, nil):
                // A short name alone is a word ("mar the plan"); a full name alone is the month.
                out.append(English.months.contains(tokens[i]) ? name : tokens[i])
            }
            i = next
        }
        return out
    }

    /// Edit distance between two strings, by characters, with two letters swapped as one edit
    /// (optimal string alignment), or `limit + 1` as soon as it
    /// is known to exceed `limit`: only a band of width 2 × limit + 1 is worked out, so the cost
    /// is linear in the length.
    public static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a)
        let y = Array(b)
        guard abs(x.count - y.count) <= limit else { return limit + 1 }
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        let big = limit + 1
        var previous = (0...y.count).map { $0 <= limit ? $0 : big }
        var row = [Int](repeating: big, count: y.count + 1)
        var beforePrevious = [Int](repeating: big, count: y.count + 1)
        for i in 1...x.count {
            let lo = max(1, i - limit)
            let hi = min(y.count, i + limit)
            row[0] = i <= limit ? i : big
            if lo > 1 { row[lo - 1] = big }
            var best = row[0]
            for j in lo...hi {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1), big)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { row[j] = min(row[j], beforePrevious[j - 2] + 1) }
                best = min(best, row[j])
            }
            if hi < y.count { row[hi + 1] = big }
            if best > limit { return big }
            (beforePrevious, previous, row) = (previous, row, beforePrevious)
        }
        return min(previous[y.count], big)
    }
}
