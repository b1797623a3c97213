/// Numbers written in words, as learners type them: "thirty fourth" and "thirty-fourth" (34th),
/// "two thousand and three" (2003), years said in pairs, "twenty fifteen" (2015) and "nineteen
/// ninety-nine" (1999).
enum SpokenNumbers {
    static let units: [String: Int] = {
        var table = ["zero": 0, "oh": 0]
        for (i, w) in English.cardinalWords.enumerated() where i < 19 { table[w] = i + 1 }
        return table
    }()
    static let unitOrdinals: [String: Int] = {
        var table: [String: Int] = [:]
        for (i, w) in English.ordinalWords.enumerated() where i < 19 { table[w] = i + 1 }
        return table
    }()

    /// Whether a lower-case word is part of a number in words.
    static func isNumberWord(_ w: String) -> Bool {
        (units[w] != nil && w != "oh") || unitOrdinals[w] != nil || English.tensCardinals[w] != nil || English.tensOrdinals[w] != nil
            || w == "hundred" || w == "thousand"
    }

    /// The words with every run of number words written in digits ("34th", "2003", "2015").
    static func digits(_ words: [String]) -> [String] {
        guard words.contains(where: isNumberWord) else { return words }
        var out: [String] = []
        var i = 0
        while i < words.count {
            guard isNumberWord(words[i]) else {
                out.append(words[i])
                i += 1
                continue
            }
            // "410 thousand", "5 hundred": digits times the word.
            // (A number too large to multiply stays as typed.)
            if words[i] == "thousand" || words[i] == "hundred", let last = out.last, let n = Int(last),
                case let (product, overflow) = n.multipliedReportingOverflow(by: words[i] == "thousand" ? 1000 : 100), !overflow
            {
                out[out.count - 1] = String(product)
                i += 1
                continue
            }
            // The run: number words, with "and" or "oh" between them ("two thousand and three", "twenty oh five").
            var run: [String] = []
            while i < words.count {
                let w = words[i]
                if isNumberWord(w) {
                    run.append(w)
                    i += 1
                    if unitOrdinals[w] != nil || English.tensOrdinals[w] != nil { break }
                } else if w == "and" || w == "oh", !run.isEmpty, i + 1 < words.count, isNumberWord(words[i + 1]) {
                    if w == "oh" { run.append(w) }
                    i += 1
                } else {
                    break
                }
            }
            out += read(run)
        }
        return out
    }

    /// One run of number words as digits: one number, or two when they do not combine.
    static func read(_ run: [String]) -> [String] {
        var groups: [Int] = []
        var total = 0
        var current = 0
        var started = false
        var afterOh = false
        // No number a learner says runs past a trillion: a longer run ("hundred hundred …") is
        // left as typed rather than overflow.
        let limit = 1_000_000_000_000
        for w in run {
            defer { afterOh = w == "oh" }
            if current > limit || total > limit { return run }
            if w == "hundred" {
                current = max(current, 1) * 100
                started = true
                continue
            }
            if w == "thousand" {
                total += max(current, 1) * 1000
                current = 0
                started = true
                continue
            }
            guard let v = units[w] ?? English.tensCardinals[w] ?? unitOrdinals[w] ?? English.tensOrdinals[w] else { continue }
            // "twenty" + "five" is 25 and "two thousand" + "three" 2003; "twenty" + "fifteen" and
            // "nineteen" + "ninety" are two numbers.
            let afterTens = current % 100 >= 20 && current % 10 == 0
            let afterRound = current % 100 == 0 && total + current > 0
            if started, !afterOh, !((afterTens && v < 10 && w != "oh") || (afterRound && w != "oh")) {
                groups.append(total + current)
                total = 0
                current = 0
            }
            current += v
            started = true
        }
        if started { groups.append(total + current) }
        let ordinal = run.last.map { unitOrdinals[$0] != nil || English.tensOrdinals[$0] != nil } ?? false
        // A year said in two halves: "twenty fifteen", "nineteen ninety-nine", "twenty oh five".
        if groups.count == 2, (10...29).contains(groups[0]), groups[1] < 100, groups[1] >= 10 || run.contains("oh") {
            let year = groups[0] * 100 + groups[1]
            return [ordinal ? English.ordinalDigits(year) : String(year)]
        }
        return groups.enumerated().map { k, v in ordinal && k == groups.count - 1 ? English.ordinalDigits(v) : String(v) }
    }
}
