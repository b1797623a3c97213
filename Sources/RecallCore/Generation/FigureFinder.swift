/// A figure in a sentence: an amount, a share, a count in millions, a rank.
struct Figure: Equatable, Sendable {
    /// The words to blank.
    var range: Range<Int>
    /// The figure as written ("US$2.5 trillion", "17%", "ranked second" → "second").
    var text: String
}

/// Finds the numbers a student is examined on, in the manner of Duckling's dimensions: an amount
/// of money (a currency sign or code and a number, with "million"/"billion"/"trillion"), a
/// percentage, a large count ("14,000", "1.4 billion") and a rank ("ranked second"). Years and
/// dates are the temporal tagger's; numbers inside names ("COP 28", "Resolution 1325") are not figures.
enum FigureFinder {
    static let scales: Set<String> = ["thousand", "million", "billion", "trillion"]
    static let currencyCodes: Set<String> = ["usd", "us$", "eur", "gbp", "cny", "rmb", "yuan", "jpy", "inr", "krw"]

    static func find(in t: Tokens) -> [Figure] {
        var found: [Figure] = []
        let words = t.words
        let lower = t.lower
        var i = 0
        while i < words.count {
            defer { i += 1 }
            let core = t.cores[i]
            let lead = t.leads[i]
            let trail = t.trails[i]
            guard core.first?.isNumber == true || core.hasPrefix("US$") || lower[i].hasPrefix("rank") else { continue }
            // "ranked second", "ranks third in the world"
            if ["ranked", "ranks", "ranking", "rank"].contains(lower[i]), i + 1 < words.count, English.ordinalValue(lower[i + 1]) != nil {
                found.append(Figure(range: (i + 1)..<(i + 2), text: t.cores[i + 1]))
                i += 1
                continue
            }
            guard let number = numericPart(core), !number.isEmpty else { continue }
            let currencyCode = i > 0 && currencyCodes.contains(lower[i - 1])
            let inlineCurrency = lead.contains("$") || lead.contains("€") || lead.contains("£") || core.lowercased().hasPrefix("us$")
            var end = i + 1
            var unit = false
            if trail.hasPrefix("%") { unit = true }
            if end < words.count, scales.contains(lower[end]), trail.isEmpty {
                end += 1
                unit = true
            }
            if end < words.count, ["percent", "per"].contains(lower[end]), t.trails[end - 1].isEmpty {
                end += lower[end] == "per" && t.lower(end + 1) == "cent" ? 2 : 1
                unit = true
            }
            let thousands = number.contains(",") && number.count >= 5
            guard unit || currencyCode || inlineCurrency || thousands else { continue }
            let start = currencyCode ? i - 1 : i
            var text = words[start..<end].joined(separator: " ")
            text = Words.trimmedEnd(text.hasPrefix("(") ? String(text.dropFirst()) : text)
            if text.hasSuffix(")") { text.removeLast() }
            found.append(Figure(range: start..<end, text: text))
            i = end - 1
        }
        return found
    }

    /// The number in a word's core ("8.5", "14,000", "US$2.5" → "2.5"), or nil.
    static func numericPart(_ core: String) -> String? {
        var c = Substring(core)
        if c.lowercased().hasPrefix("us$") { c = c.dropFirst(3) }
        guard let first = c.first, first.isNumber, c.allSatisfy({ $0.isNumber || $0 == "," || $0 == "." }) else { return nil }
        // A year is the temporal tagger's.
        if c.count == 4, c.allSatisfy(\.isNumber), let v = Int(c), (1000...2199).contains(v) { return nil }
        return String(c)
    }
}
