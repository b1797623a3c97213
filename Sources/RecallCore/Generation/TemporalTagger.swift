/// A date found in a sentence: the words that state it, and the date they mean.
struct DateMention: Equatable, Sendable {
    /// The words to blank.
    var range: Range<Int>
    /// The date as a card's answer: resolved ("March 2024" for "in March this year") or as written
    /// ("2027-2028", "early 1950s").
    var answer: String
    /// The date, when it is one year, month or day.
    var date: CalendarDate?
    /// Whether it was resolved against the document's date ("last year", "next month").
    var relative: Bool
}

/// Finds and normalises the dates of a sentence, in the manner of rule-based temporal taggers
/// (HeidelTime, SUTime): every expression is first found, then normalised, relative ones against
/// the document's own date.
///
/// What it knows is English, not any one text: month and weekday names, ordinals, the shapes of
/// full dates (day first or month first), ranges ("2027-2028", "from 2023 to 2027"), decades
/// ("the early 1950s"), and the relative words of news-like prose ("this year", "next month",
/// "in March this year", "twelve months ago", "yesterday"). A year that only labels something
/// ("Vision 2035", "the 2030 Agenda", "post-2024") is not a date.
struct TemporalTagger {
    /// The document's own date; relative expressions are resolved against it.
    var reference: CalendarDate?
    /// Whether resolved dates are written day first ("27 September 2024").
    var dayFirst: Bool

    /// The dates of a sentence, in order and not overlapping.
    func dates(in t: Tokens) -> [DateMention] {
        var found: [DateMention] = []
        var i = 0
        while i < t.count {
            if let m = match(t, at: i) {
                found.append(m)
                i = max(m.range.upperBound, i + 1)
            } else {
                i += 1
            }
        }
        return found
    }

    /// The absolute dates only (no reference needed): for datelines.
    static func absoluteDates(in words: [String]) -> [DateMention] {
        let tagger = TemporalTagger(reference: nil, dayFirst: true)
        let t = Tokens(words)
        var found: [DateMention] = []
        var i = 0
        while i < words.count {
            if let m = tagger.fullDate(t, at: i) {
                found.append(m)
                i = m.range.upperBound
            } else {
                i += 1
            }
        }
        return found
    }

    /// A date written alone ("October 18, 2021", "18 October 2021"), as the text gives it, or nil.
    static func standaloneDate(_ text: String) -> String? {
        let words = Words.of(text)
        let found = absoluteDates(in: words)
        guard found.count == 1, found[0].range == 0..<words.count else { return nil }
        return Words.trimmedEnd(text)
    }

    /// Whether word `i` opens "this year", "last month", "next week": a span read against the
    /// document's date.
    static func opensRelativeSpan(_ t: Tokens, at i: Int) -> Bool {
        ["this", "last", "next"].contains(t.lower(i)) && ["year", "month", "week"].contains(t.lower(i + 1))
    }

    // MARK: Rules, longest first

    /// Words that can open a date phrase other than a number or a month.
    static let openers: Set<String> = [
        "the", "this", "last", "next", "early", "late", "mid", "earlier", "later", "yesterday", "just", "exactly", "almost", "a",
    ]

    func match(_ t: Tokens, at i: Int) -> DateMention? {
        let w = t.lower[i]
        let numeric = w.utf8.first.map { $0 >= 48 && $0 <= 57 } ?? false
        let month = t.months[i] != nil
        let ago = i + 2 < t.count && t.lower[i + 2] == "ago" && English.cardinalValue(w) != nil
        guard numeric || month || ago || TemporalTagger.openers.contains(w) || English.weekdays.contains(w) else { return nil }
        if let m = fullDate(t, at: i) { return m }
        if let m = dayOfRelativeMonth(t, at: i) { return m }
        if month, let m = monthWithRelativeYear(t, at: i) { return m }
        if let m = relativeMonth(t, at: i) { return m }
        if numeric, let m = range(t, at: i) { return m }
        if let m = decade(t, at: i) { return m }
        if let m = relativeWords(t, at: i) { return m }
        if let m = self.ago(t, at: i) { return m }
        if month, let m = bareMonth(t, at: i) { return m }
        if let m = weekday(t, at: i) { return m }
        if numeric, let m = year(t, at: i) { return m }
        return nil
    }

    /// "18 October 2021", "October 18, 2021", "the 1st of October", "28 September", "August 2024".
    func fullDate(_ t: Tokens, at i: Int) -> DateMention? {
        // [the] Dth of Month [Year]
        var j = i
        if t.lower(j) == "the" { j += 1 }
        if let d = t.day(j), t.hasOrdinalSuffix(j), t.lower(j + 1) == "of", let m = t.month(j + 2) {
            if let y = t.year(j + 3) { return absolute(j..<(j + 4), CalendarDate(year: y, month: m, day: d)) }
            guard let ref = reference else { return nil }
            return DateMention(
                range: j..<(j + 3), answer: CalendarDate(year: ref.year, month: m, day: d).text(dayFirst: dayFirst),
                date: CalendarDate(year: ref.year, month: m, day: d), relative: true)
        }
        // D Month [Year]
        if let d = t.day(i), !t.closes(i), let m = t.month(i + 1) {
            if let y = t.year(i + 2) { return absolute(i..<(i + 3), CalendarDate(year: y, month: m, day: d)) }
            guard let ref = reference else { return nil }
            let date = CalendarDate(year: ref.year, month: m, day: d)
            return DateMention(range: i..<(i + 2), answer: date.text(dayFirst: dayFirst), date: date, relative: true)
        }
        // Month D, Year / Month Year
        if let m = t.month(i) {
            if let d = t.day(i + 1), let y = t.year(i + 2) { return absolute(i..<(i + 3), CalendarDate(year: y, month: m, day: d)) }
            if let y = t.year(i + 1) { return absolute(i..<(i + 2), CalendarDate(year: y, month: m)) }
            if t.lower(i + 1) == "of", let y = t.year(i + 2) { return absolute(i..<(i + 3), CalendarDate(year: y, month: m)) }
        }
        return nil
    }

    func absolute(_ range: Range<Int>, _ date: CalendarDate) -> DateMention {
        DateMention(range: range, answer: date.text(dayFirst: date.day == nil ? true : dayFirst), date: date, relative: false)
    }

    func resolved(_ range: Range<Int>, _ date: CalendarDate, prefix: String = "") -> DateMention {
        DateMention(range: range, answer: prefix + date.text(dayFirst: dayFirst), date: date, relative: true)
    }

    /// "the 23rd of this month", "the 5th of next month (October)".
    func dayOfRelativeMonth(_ t: Tokens, at i: Int) -> DateMention? {
        guard let ref = reference, let refMonth = ref.month else { return nil }
        var j = i
        if t.lower(j) == "the" { j += 1 }
        guard let d = t.day(j), t.hasOrdinalSuffix(j), t.lower(j + 1) == "of", t.lower(j + 3) == "month",
            let shift = ["this": 0, "next": 1, "last": -1][t.lower(j + 2)]
        else { return nil }
        var end = j + 4
        // A month named in brackets after it, and "this year", are part of the phrase.
        if t.month(end) != nil, t.words[end].hasPrefix("(") { end += 1 }
        if t.lower(end) == "this", t.lower(end + 1) == "year" { end += 2 }
        let month = CalendarDate(year: ref.year, month: refMonth).adding(months: shift)
        return resolved(j..<end, CalendarDate(year: month.year, month: month.month, day: d))
    }

    /// "March this year", "in April of this year", "June of last year".
    func monthWithRelativeYear(_ t: Tokens, at i: Int) -> DateMention? {
        guard let ref = reference, let m = t.month(i) else { return nil }
        var j = i + 1
        if t.lower(j) == "of" { j += 1 }
        guard t.lower(j + 1) == "year", let shift = ["this": 0, "last": -1, "next": 1][t.lower(j)] else { return nil }
        return resolved(i..<(j + 2), CalendarDate(year: ref.year + shift, month: m))
    }

    /// "this November", "last December", "next March".
    func relativeMonth(_ t: Tokens, at i: Int) -> DateMention? {
        guard let ref = reference, let refMonth = ref.month, let m = t.month(i + 1) else { return nil }
        switch t.lower(i) {
        case "this": return resolved(i..<(i + 2), CalendarDate(year: ref.year, month: m))
        case "last": return resolved(i..<(i + 2), CalendarDate(year: m < refMonth ? ref.year : ref.year - 1, month: m))
        case "next": return resolved(i..<(i + 2), CalendarDate(year: m > refMonth ? ref.year : ref.year + 1, month: m))
        default: return nil
        }
    }

    /// "2027-2028", "2024-25", "from 2023 to 2027", "between 2021 and 2023".
    func range(_ t: Tokens, at i: Int) -> DateMention? {
        let core = t.cores[i]
        let parts = core.split(whereSeparator: { $0 == "-" || $0 == "–" })
        if parts.count == 2, parts[0].count == 4, let a = Int(parts[0]), (1000...2199).contains(a),
            parts[1].allSatisfy(\.isNumber), parts[1].count == 2 || parts[1].count == 4
        {
            return DateMention(range: i..<(i + 1), answer: core, date: nil, relative: false)
        }
        if let a = t.year(i), !t.closes(i), ["to", "and", "-", "–", "through", "until"].contains(t.lower(i + 1)), let b = t.year(i + 2),
            b > a
        {
            let opener = t.lower(i - 1)
            guard ["from", "between", "in", "for", "of", "during", "the"].contains(opener) || t.lower(i + 1) == "to" else { return nil }
            return DateMention(
                range: i..<(i + 3), answer: t.words[i..<(i + 3)].map { Words.core($0) }.joined(separator: " "), date: nil, relative: false)
        }
        return nil
    }

    /// "the early 1950s", "the 1990s".
    func decade(_ t: Tokens, at i: Int) -> DateMention? {
        var j = i
        let qualifier = ["early", "mid", "late", "mid-"].contains(t.lower(j))
        if qualifier { j += 1 }
        let c = t.lower(j)
        guard c.utf8.count == 5, c.hasSuffix("0s"), c.dropLast().allSatisfy(\.isNumber) else { return nil }
        return DateMention(range: i..<(j + 1), answer: t.words[i...j].map(Words.core).joined(separator: " "), date: nil, relative: false)
    }

    /// "this year", "early next year", "last year's", "this year's end", "next month", "earlier this week", "yesterday".
    func relativeWords(_ t: Tokens, at i: Int) -> DateMention? {
        guard let ref = reference else { return nil }
        if t.lower(i) == "yesterday", let day = ref.previousDay() { return resolved(i..<(i + 1), day) }
        var j = i
        var qualifier = ""
        switch t.lower(j) {
        case "early":
            qualifier = "early "
            j += 1
        case "late":
            qualifier = "late "
            j += 1
        case "earlier", "later": j += 1
        default: break
        }
        let shift: Int
        switch t.lower(j) {
        case "this": shift = 0
        case "last": shift = -1
        case "next": shift = 1
        default: return nil
        }
        let unit = t.lower(j + 1)
        switch unit {
        case "year", "year's", "year’s":
            let year = CalendarDate(year: ref.year + shift)
            // "this year's end"
            if unit != "year", t.lower(j + 2) == "end" { return resolved(i..<(j + 3), year, prefix: "end of ") }
            return resolved(i..<(j + 2), year, prefix: qualifier)
        case "month":
            guard let m = ref.month else { return nil }
            return resolved(i..<(j + 2), CalendarDate(year: ref.year, month: m).adding(months: shift))
        case "week":
            guard shift <= 0, let m = ref.month else { return nil }
            return resolved(i..<(j + 2), CalendarDate(year: ref.year, month: m))
        default:
            return nil
        }
    }

    /// "twelve months ago", "just a few days ago", "almost exactly eight decades ago"; not a loose
    /// span ("nearly 75 years ago").
    func ago(_ t: Tokens, at i: Int) -> DateMention? {
        // "ago" ends the phrase within six words: "almost exactly a few years ago".
        guard let ref = reference, (i + 1...i + 5).contains(where: { t.lower($0) == "ago" }) else { return nil }
        var j = i
        if ["just", "exactly"].contains(t.lower(j)) { j += 1 }
        if t.lower(j) == "almost", t.lower(j + 1) == "exactly" { j += 2 }
        let n: Int
        if t.lower(j) == "a", t.lower(j + 1) == "few" {
            n = 3
            j += 2
        } else if let v = English.cardinalValue(t.lower(j)) {
            n = v
            j += 1
        } else {
            return nil
        }
        guard t.lower(j + 1) == "ago" else { return nil }
        if ["nearly", "over", "than", "some", "about", "around", "almost", "roughly"].contains(t.lower(i - 1)) { return nil }
        let range = i..<(j + 2)
        switch t.lower(j) {
        case "day", "days", "week", "weeks":
            guard let m = ref.month, n <= 21 else { return nil }
            return resolved(range, CalendarDate(year: ref.year, month: m))
        case "month", "months":
            guard let m = ref.month else { return resolved(range, CalendarDate(year: ref.year - n / 12)) }
            return resolved(range, CalendarDate(year: ref.year, month: m).adding(months: -n))
        case "year", "years": return resolved(range, CalendarDate(year: ref.year - n))
        case "decade", "decades": return resolved(range, CalendarDate(year: ref.year - 10 * n))
        default: return nil
        }
    }

    /// The words that make a month alone a date: "in May", "since July".
    static let beforeBareMonth: Set<String> = ["in", "since", "until", "by", "during", "of", "before", "after"]

    /// Whether word `i` is a month named without a year ("on 5 May", "in July"), which only the
    /// document's date can place.
    static func yearlessMonth(_ t: Tokens, at i: Int) -> Bool {
        guard t.month(i) != nil, t.year(i + 1) == nil, t.year(i + 2) == nil else { return false }
        return t.day(i - 1) != nil || t.day(i + 1) != nil || beforeBareMonth.contains(t.lower(i - 1))
    }

    /// "in May", "adopted in July": a month with no year is the document's year.
    func bareMonth(_ t: Tokens, at i: Int) -> DateMention? {
        guard let ref = reference, let m = t.month(i), Self.beforeBareMonth.contains(t.lower(i - 1)) else { return nil }
        return resolved(i..<(i + 1), CalendarDate(year: ref.year, month: m))
    }

    /// Words before "will" that make it a noun: "political will", "good will".
    static let willAsNoun: Set<String> = ["political", "good", "free", "own", "strong", "collective", "common", "shared", "ill", "firm"]

    /// "on Wednesday": "Wednesday, 25 September 2024", the day of that name in the document's week,
    /// the last one on or before its date (the next one in a clause about what will be); as written
    /// when the document has no day.
    func weekday(_ t: Tokens, at i: Int) -> DateMention? {
        guard t.lower(i - 1) == "on", t.isCapitalised(i), let named = English.weekdays.firstIndex(of: t.lower(i)) else { return nil }
        guard let ref = reference, let today = ref.calendarDay else {
            return DateMention(range: i..<(i + 1), answer: t.cores[i], date: nil, relative: false)
        }
        // Future where its own clause has the modal before it ("we will meet on Monday"; not
        // "political will", not a "will" of another clause).
        var clauseStart = i
        while clauseStart > 0, !t.closes(clauseStart - 1) { clauseStart -= 1 }
        func modal(_ k: Int) -> Bool {
            guard t.lower[k] == "will" || t.lower[k] == "shall" else { return false }
            guard k > 0 else { return true }
            return !t.classes[k - 1].contains(.determiner) && !TemporalTagger.willAsNoun.contains(t.lower[k - 1])
        }
        let future = (clauseStart..<i).contains(where: modal)
        let offset = future ? (named - today.weekday + 7) % 7 : -((today.weekday - named + 7) % 7)
        let date = CalendarDate(Day(ordinal: today.ordinal + offset))
        return DateMention(range: i..<(i + 1), answer: t.cores[i] + ", " + date.text(dayFirst: dayFirst), date: date, relative: true)
    }

    /// A year, unless it only labels something: "Vision 2035", "the 2030 Agenda" (a year to come
    /// before a name that is not a meeting).
    func year(_ t: Tokens, at i: Int) -> DateMention? {
        guard let y = t.year(i), !t.words[i].hasPrefix("#") else { return nil }
        // "even beyond 2030": a horizon, not a time anything happens.
        if t.lower(i - 1) == "beyond" { return nil }
        if i > 0, t.isCapitalised(i - 1), t.month(i - 1) == nil, !t.closes(i - 1), !English.isFunctionWord(t.lower[i - 1]),
            !["in", "by", "since", "until"].contains(t.lower[i - 1])
        {
            return nil
        }
        if !t.closes(i), t.isCapitalised(i + 1) {
            let future = reference.map { y > $0.year } ?? true
            if future, !MeetingFinder.nameHasMeetingHead(t, from: i + 1) { return nil }
        }
        return DateMention(range: i..<(i + 1), answer: String(y), date: CalendarDate(year: y), relative: false)
    }
}
