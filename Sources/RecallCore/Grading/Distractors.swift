import Foundation

/// Wrong options for multiple choice. Every option could be the answer by its look: a year among
/// years, a date among dates written the same way, an ordinal among the places the list has, a
/// meeting among meetings of the same kind, a phrase among phrases of the same build and about
/// the same length, and none the question itself shows. Options come from the deck's other answers, and a date's from its
/// neighbouring days, months and years when the deck has too few. None is the answer, none twice,
/// and none an answer the grader would accept.
public enum Distractors {
    /// The shape of an answer, so that a year is offered among years.
    enum Shape: Equatable { case year, date, ordinal, list, meeting, text }

    static func shape(_ answer: String) -> Shape {
        let t = answer.trimmingCharacters(in: .whitespaces)
        if t.count == 4, t.allSatisfy(\.isNumber) { return .year }
        if TemporalTagger.standaloneDate(t) != nil || CalendarDate(parsing: t)?.day != nil { return .date }
        if English.ordinalValue(t) != nil { return .ordinal }
        if t.contains("; ") { return .list }
        let lower = t.lowercased()
        if MeetingFinder.heads.contains(where: { (" " + lower + " ").contains(" " + $0 + " ") }) { return .meeting }
        return .text
    }

    /// Up to `count` distractors for `card`, chosen with `rng` from `pool` (the deck's cards).
    /// - Parameter grader: the deck's grader; an option it would accept for the card is no distractor.
    public static func pick<R: RandomNumberGenerator>(
        for card: Card, from pool: [Card], count: Int, grader: AnswerGrader? = nil,
        using rng: inout R
    ) -> [String] {
        let grader = grader ?? AnswerGrader(deck: pool)
        let target = shape(card.answer)
        var taken = Set(([card.answer] + card.alternatives).map(Answer.normalized))
        // An option the question shows (another item of its list) is ruled out at a glance.
        let question = Answer.normalized(card.question)
        func fresh(_ option: String) -> Bool {
            let key = Answer.normalized(option)
            return !Words.containsWords(question, key) && taken.insert(key).inserted
        }
        /// The first `count` candidates that the grader would not accept for the card.
        func first(_ candidates: [String]) -> [String] {
            var out: [String] = []
            for option in candidates where out.count < count {
                let verdict = grader.verdict(option, for: card)
                if verdict != .correct && verdict != .nearMiss { out.append(option) }
            }
            return out
        }
        var alike: [String] = []
        var sameShape: [String] = []
        var sameKind: [String] = []
        // A meeting's period: the year its sentence gives it, to offer meetings of the same years.
        let period = target == .meeting ? year(of: card) : nil
        var samePeriod = Set<String>()
        // A blank after "the" takes a noun phrase: a verb phrase from a blank after "must" would
        // be ruled out at a glance, and the other way round. A noun phrase's blank is offered only
        // answers known to be noun phrases (most answers of a deck of directives are verb
        // phrases); a verb phrase's, none known to be a noun phrase.
        let slot = takesNounPhrase(card)
        for other in pool where other.id != card.id && other.kind == card.kind {
            if target == .text || target == .list, let slot {
                let theirs = takesNounPhrase(other)
                if slot ? theirs != true : theirs == true { continue }
            }
            guard fresh(other.answer) else { continue }
            if shape(other.answer) != target {
                sameKind.append(other.answer)
            } else if looksAlike(other.answer, card.answer, shape: target) {
                alike.append(other.answer)
                if let period, let y = year(of: other), abs(y - period) <= 5 { samePeriod.insert(other.answer) }
            } else {
                sameShape.append(other.answer)
            }
        }
        alike.shuffle(using: &rng)
        // Meetings of the same period first, where there are enough of them.
        if samePeriod.count >= count { alike = alike.filter(samePeriod.contains) + alike.filter { !samePeriod.contains($0) } }
        sameShape.shuffle(using: &rng)
        sameKind.shuffle(using: &rng)
        switch target {
        case .year, .date:
            // The deck's other dates first, then neighbouring ones, written like the answer.
            var near = neighbours(of: card.answer).filter(fresh)
            near.shuffle(using: &rng)
            return first(alike + sameShape + near)
        case .ordinal:
            // Only the places the list has: no "5th" for a list of three.
            let places = places(card)
            var others = (1...max(1, places)).map { ordinal($0, like: card.answer) }.filter(fresh)
            others.shuffle(using: &rng)
            return first((alike + sameShape).filter { English.ordinalValue($0).map { $0 <= places } ?? false } + others)
        case .list, .meeting, .text:
            return first(alike + sameShape + sameKind.filter { looksAlike($0, card.answer, shape: .text) })
        }
    }

    /// Whether the card's answer is a noun phrase (true) or a verb phrase (false), by the word
    /// before its blank: a determiner or preposition ("focuses on the ____") takes a noun phrase,
    /// a modal, "to" or a subject pronoun ("we must ____") a verb phrase; else by the answer's
    /// first word ("various market entities"); nil when neither tells.
    static func takesNounPhrase(_ card: Card) -> Bool? {
        if let blank = card.question.range(of: "____"),
            let before = card.question[..<blank.lowerBound].split(separator: " ").last.map({ Words.core(String($0)).lowercased() })
        {
            // ("to" first: before a blank it is mostly a verb's.)
            if English.modals.contains(before) || before == "to" || ["we", "i", "you", "they"].contains(before) { return false }
            if English.determiners.contains(before) || quantifiers.contains(before) || English.prepositions.contains(before) {
                return true
            }
        }
        return opensNounPhrase(card.answer) ? true : nil
    }

    /// Whether a phrase opens with a determiner or a quantifier, as only a noun phrase does.
    static func opensNounPhrase(_ phrase: String) -> Bool {
        guard let first = phrase.split(separator: " ").first.map({ Words.core(String($0)).lowercased() }) else { return false }
        return English.determiners.contains(first) || quantifiers.contains(first)
    }

    static let quantifiers: Set<String> = ["various", "many", "several", "few", "most", "other", "such", "more", "numerous"]

    /// Whether an option looks like the answer: a meeting of the same kind ("… Summit" for a
    /// summit), a phrase that opens the same way (a verb phrase for a verb phrase) and is at
    /// most twice as long or short.
    static func looksAlike(_ option: String, _ answer: String, shape: Shape) -> Bool {
        let a = Words.of(option.lowercased())
        let b = Words.of(answer.lowercased())
        guard let fa = a.first, let fb = b.first else { return false }
        switch shape {
        case .meeting:
            let head = { (words: [String]) in words.last { MeetingFinder.heads.contains(Words.core($0)) }.map(Words.core) }
            return head(a) == head(b)
        case .text, .list:
            func opening(_ w: String) -> Int { English.determiners.contains(w) ? 0 : w.hasSuffix("ing") ? 1 : 2 }
            return opening(fa) == opening(fb) && a.count <= b.count * 2 + 1 && b.count <= a.count * 2 + 1
        default:
            return true
        }
    }

    /// Years and dates near a date answer, written the same way: other years around a year; for
    /// a day, other days of its month, the same day of other months, and the years around.
    static func neighbours(of answer: String) -> [String] {
        guard let date = CalendarDate(parsing: answer) else { return [] }
        let dayFirst =
            (Words.of(answer).first { $0.first?.isNumber == true || English.months.contains(Words.core($0).lowercased()) })?.first?.isNumber
            == true
            && date.month != nil
        var out: [CalendarDate] = (1...4).flatMap {
            [
                CalendarDate(year: date.year - $0, month: date.month, day: date.day),
                CalendarDate(year: date.year + $0, month: date.month, day: date.day),
            ]
        }
        if let month = date.month {
            for m in [month - 2, month - 1, month + 1, month + 2] where (1...12).contains(m) {
                let day = date.day.map { min($0, CalendarDate.daysIn(month: m, year: date.year)) }
                out.append(CalendarDate(year: date.year, month: m, day: day))
            }
            if let day = date.day {
                for d in [day - 7, day - 1, day + 1, day + 7] where (1...CalendarDate.daysIn(month: month, year: date.year)).contains(d) {
                    out.append(CalendarDate(year: date.year, month: month, day: d))
                }
            }
        }
        // "Wednesday, 25 September 2024": each neighbour with its own weekday.
        let weekday = Words.of(answer).first.map { Words.core($0).lowercased() }.flatMap { English.weekdays.contains($0) ? $0 : nil }
        return out.map { date in
            guard weekday != nil, let day = date.calendarDay else { return date.text(dayFirst: dayFirst) }
            return Words.capitalized(English.weekdays[day.weekday]) + ", " + date.text(dayFirst: dayFirst)
        }
    }

    /// The first year a card's sentence (or question) names, for a meeting's period.
    static func year(of card: Card) -> Int? {
        // (Not a count: "2000 delegates".)
        let words = Words.of(card.context ?? card.question)
        for (k, word) in words.enumerated() {
            guard let y = Tokens.year(Words.core(word)) else { continue }
            if k + 1 < words.count, Words.split(word).trail.isEmpty, case let next = Words.core(words[k + 1]),
                next.first?.isLowercase == true, next.hasSuffix("s")
            {
                continue
            }
            return y
        }
        return nil
    }

    /// How many places the list of an ordinal card has: the count its question names ("the
    /// seven tasks"), else the answer's own place and one more.
    static func places(_ card: Card) -> Int {
        let answer = English.ordinalValue(card.answer.trimmingCharacters(in: .whitespaces)) ?? 1
        let counts = Words.of(card.question).compactMap { English.cardinalValue(Words.core($0).lowercased()) }.filter {
            (2...20).contains($0)
        }
        return max(answer, counts.first ?? answer + 1)
    }

    /// The ordinal `n` written like `answer`: "third" or "3rd".
    static func ordinal(_ n: Int, like answer: String) -> String {
        let digits = answer.first?.isNumber == true
        let text = digits ? English.ordinalDigits(n) : English.ordinalWord(n)
        return answer.first?.isUppercase == true ? Words.capitalized(text) : text
    }
}
