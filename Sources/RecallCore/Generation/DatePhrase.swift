/// A date found in a sentence: a year, a month and year, or a full date.
struct DatePhrase: Equatable {
    enum Unit: Equatable { case year, month, day }

    /// The words it covers, including "the year" in "in the year 2000" and its preposition.
    var range: Range<Int>
    /// The date as the answer gives it ("2000", "October 18, 2021").
    var answer: String
    var unit: Unit
    /// The preposition before it ("in", "since", "by"), lowercased, if any.
    var preposition: String?
    /// The year is the leading modifier of a capitalised name ("the 2016 G20 Summit").
    var modifiesName: Bool

    /// What to ask: "In what year", "On what date", "Since what year".
    var questionLead: String {
        let noun: String
        switch unit {
        case .year: noun = "year"
        case .month: noun = "month and year"
        case .day: noun = "date"
        }
        let prep = preposition ?? (unit == .day ? "on" : "in")
        let normalized = ["in", "on", "during", "at", "of"].contains(prep) ? (unit == .day ? "on" : "in") : prep
        return Words.capitalized(normalized) + " what " + noun
    }

    static func isYear(_ core: String) -> Int? {
        guard core.count == 4, core.allSatisfy(\.isNumber), let v = Int(core), (1800...2099).contains(v) else { return nil }
        return v
    }

    static func monthIndex(_ core: String) -> Int? {
        guard (3...9).contains(core.utf8.count), let first = core.utf8.first, "JFMASONDjfmasond".utf8.contains(first) else { return nil }
        return English.months.firstIndex(of: core.lowercased()).map { $0 + 1 }
    }

    static let prepositions: Set<String> = ["in", "on", "by", "since", "until", "till", "before", "after", "during", "from", "of", "at", "around", "through"]

    /// Every event date in the words, leaving out ranges, years inside names and decades.
    static func find(in words: [String]) -> [DatePhrase] {
        let cores = words.map(Words.core)
        var found: [DatePhrase] = []
        var i = 0
        while i < words.count {
            var start = i, end = i, answer = "", unit = Unit.year
            if monthIndex(cores[i]) != nil, i + 2 < words.count, let day = Int(cores[i + 1]), (1...31).contains(day),
               isYear(cores[i + 2]) != nil, words[i].first?.isUppercase == true {
                end = i + 3; answer = "\(Words.capitalized(cores[i].lowercased())) \(day), \(cores[i + 2])"; unit = .day
            } else if let day = Int(cores[i]), (1...31).contains(day), cores[i].count <= 2, i + 2 < words.count,
                      monthIndex(cores[i + 1]) != nil, isYear(cores[i + 2]) != nil {
                end = i + 3; answer = "\(day) \(Words.capitalized(cores[i + 1].lowercased())) \(cores[i + 2])"; unit = .day
            } else if monthIndex(cores[i]) != nil, words[i].first?.isUppercase == true, i + 1 < words.count,
                      isYear(cores[i + 1]) != nil, Words.split(words[i]).trail.isEmpty {
                end = i + 2; answer = "\(Words.capitalized(cores[i].lowercased())) \(cores[i + 1])"; unit = .month
            } else if isYear(cores[i]) != nil, Words.split(words[i]).lead.isEmpty || Words.split(words[i]).lead == "(" {
                let w = words[i]
                if w.contains("-") || w.contains("–") || w.hasSuffix("s") { i += 1; continue }
                end = i + 1; answer = cores[i]; unit = .year
            } else {
                i += 1
                continue
            }
            // Ranges: "from 2013 to 2020", "2013-2020", "between 2013 and 2020".
            let before = start > 0 ? cores[start - 1].lowercased() : ""
            let after = end < words.count ? cores[end].lowercased() : ""
            let afterNext = end + 1 < words.count ? cores[end + 1] : ""
            if (after == "to" || after == "and" || after == "through") && isYear(afterNext) != nil
                || before == "between" || (before == "to" && start >= 2 && isYear(cores[start - 2]) != nil)
                || (before == "and" && start >= 2 && isYear(cores[start - 2]) != nil) {
                i = end + 2
                continue
            }
            var modifiesName = false
            if unit == .year, Words.split(words[start]).trail.isEmpty, end < words.count,
               let first = cores[end].first, first.isUppercase || first.isNumber, monthIndex(cores[end]) == nil,
               !["I"].contains(cores[end]) {
                // A year before a capitalised phrase: part of a name, kept only for meetings.
                if MeetingFinder.nameRunHasMeetingHead(words, from: end) {
                    modifiesName = true
                } else {
                    i = end
                    continue
                }
            }
            if unit == .year, start > 0, !modifiesName {
                let prev = words[start - 1]
                let prevCore = cores[start - 1]
                if let f = prevCore.first, f.isUppercase, Words.split(prev).trail.isEmpty,
                   !prepositions.contains(prevCore.lowercased()), prevCore.lowercased() != "the", start - 1 > 0,
                   MeetingFinder.isMeetingHead(prevCore) == false {
                    i = end // "Vision 2035": a name
                    continue
                }
            }
            if start >= 2, cores[start - 1].lowercased() == "year", cores[start - 2].lowercased() == "the" { start -= 2 }
            var preposition: String?
            if start > 0, prepositions.contains(cores[start - 1].lowercased()), Words.split(words[start - 1]).trail.isEmpty {
                preposition = cores[start - 1].lowercased()
                start -= 1
            }
            found.append(DatePhrase(range: start..<end, answer: answer, unit: unit, preposition: preposition, modifiesName: modifiesName))
            i = end
        }
        return found
    }

    /// The text as a date when it is nothing but one ("October 18, 2021"), else nil.
    static func standaloneDate(_ text: String) -> String? {
        let words = text.split(separator: " ").map(String.init)
        guard (2...4).contains(words.count) else { return nil }
        let found = find(in: words)
        guard found.count == 1, found[0].range == 0..<words.count, found[0].unit != .year else { return nil }
        return found[0].answer
    }
}
