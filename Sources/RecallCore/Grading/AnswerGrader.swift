import Foundation

/// Suggests a grade for a typed answer from what it means: its distinctive words, its numbers
/// and dates, its negations, and for a list its items (in order where order was asked).
///
/// - A missing or changed distinctive word, a wrong number or date, a negation the answer does
///   not have (or lacks one it has), another card's answer: wrong (1; a blank is 0).
/// - A typo, another form of a word ("strengthen" for "strengthening"), a missing filler word or
///   a missing word the deck's answers share ("digital" in a deck about the digital economy):
///   a near miss (3).
/// - Case, punctuation, articles, hyphens, dates and numbers in any common form, the short forms
///   of ``Equivalences`` and the card's alternatives, and words the card itself shows: correct,
///   5 when quick and 4 when slow.
public struct AnswerGrader: Sendable {
    /// How a typed answer compares.
    public enum Verdict: Equatable, Sendable {
        case blank
        case correct
        case nearMiss
        case wrong
        /// A list answer with items missing or out of order: how many were recalled in place.
        case partial(recalled: Int, of: Int)
    }

    /// Seconds allowed for a quick answer: a base plus a share per character of the answer.
    public var baseSeconds: Double = 6
    public var secondsPerCharacter: Double = 0.12

    /// Content words that many of the deck's answers share: they tell little about which answer
    /// is meant, so missing one is a near miss, not a wrong answer.
    let shared: Set<String>
    /// The deck's meeting names cut at their first "of", to know a short name that is ambiguous.
    let heads: [[String]: Int]
    /// How many of the deck's answers hold each number and kind of meeting ("18th congress").
    let numberedHeads: [String: Int]

    /// How many of a deck's cards are enough to weigh its words: the first 2,000.
    public static let sampleSize = 2_000

    /// A grader for the cards of one deck, which set how much each word weighs (the first
    /// ``sampleSize`` of them).
    public init(deck: [Card] = []) {
        let cards = deck.prefix(Self.sampleSize)
        var counts: [String: Int] = [:]
        var heads: [[String]: Int] = [:]
        var numberedHeads: [String: Int] = [:]
        for card in cards {
            let words = Answer.tokens(card.answer)
            if let last = words.last, English.meetingHeads.contains(last) {
                for number in Set(words.filter(Self.isOrdinal)) { numberedHeads["\(number) \(last)", default: 0] += 1 }
            }
            for w in Set(words) where Self.isContent(w) { counts[Self.stem(w), default: 0] += 1 }
            if let head = Self.head(words) { heads[head.sorted(), default: 0] += 1 }
        }
        let threshold = max(3, cards.count / 10)
        shared = Set(counts.filter { $0.value >= threshold }.keys)
        self.heads = heads
        self.numberedHeads = numberedHeads
    }

    /// Seconds within which a correct answer to `card` counts as quick.
    public func quickLimit(for card: Card) -> Double {
        baseSeconds + secondsPerCharacter * Double(card.answer.count)
    }

    /// Compares a typed answer with the card's answer and alternatives.
    public func verdict(_ typed: String, for card: Card) -> Verdict {
        let verdict = reading(typed, for: card)
        // A date with the wrong day of the week ("Tuesday, October 18, 2021" for a Monday): near.
        if verdict == .correct, Self.namesAnotherWeekday(typed, card.answer) { return .nearMiss }
        return verdict
    }

    /// Whether the typed answer names a day of the week the card's date did not fall on.
    static func namesAnotherWeekday(_ typed: String, _ answer: String) -> Bool {
        let words = typed.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        guard
            let named = words.lazy.compactMap({ w in English.weekdays.firstIndex { $0 == w || ($0.hasPrefix(w) && w.count >= 3) } }).first,
            let day = CalendarDate(parsing: answer)?.calendarDay
        else { return false }
        return named != day.weekday
    }

    func reading(_ typed: String, for card: Card) -> Verdict {
        // Far longer than any form of the answer: another text pasted, graded without reading it all.
        if Self.isUnread(typed, for: card) { return typed.allSatisfy(\.isWhitespace) ? .blank : .wrong }
        let given = Answer.tokens(typed)
        if given.isEmpty { return .blank }
        let items = card.answer.components(separatedBy: "; ")
        let forms = ([card.answer] + card.alternatives).map { Answer.tokens($0) }
        if items.count == 1, forms.contains(given) { return .correct }
        // Words the question or source sentence shows may be typed along with the answer.
        let shown = Set((Answer.tokens(card.question) + Answer.tokens(card.context ?? "")).map(Self.stem))
        if items.count > 1 { return listVerdict(typed, items: items, ordered: !card.unordered, shown: shown) }
        var best = Verdict.wrong
        /// Compares one reading of the typed answer with every form; true when it is correct.
        func read(_ reading: [String], exact: Bool) -> Bool {
            for expected in forms {
                switch compare(expected, reading, shown: shown, meeting: card.kind == "session") {
                case .correct where exact: return true
                case .correct, .nearMiss: best = .nearMiss
                default: break
                }
            }
            return false
        }
        if read(given, exact: true) { return .correct }
        // A date in digits whose day and month could swap ("03/10/2021") is read both ways.
        let monthFirst = Answer.tokens(typed, monthFirst: true)
        if monthFirst != given, read(monthFirst, exact: true) { return .correct }
        // A slip in a number word or a month's name ("thrid", "Octobre"): at most a near miss.
        let corrected = Answer.tokens(typed, correctingTypos: true)
        if corrected != given { _ = read(corrected, exact: false) }
        return best
    }

    /// The longest typed answer read for an answer of `bytes` bytes: four times as long and 200
    /// bytes more. Anything longer is graded wrong unread, which keeps grading linear.
    public static func longestAnswer(for bytes: Int) -> Int { bytes * 4 + 200 }

    /// Whether a typed answer is too long to read for this card (see ``longestAnswer(for:)``):
    /// longer than that for its answer and every alternative.
    public static func isUnread(_ typed: String, for card: Card) -> Bool {
        let longest = ([card.answer] + card.alternatives).map(\.utf8.count).max() ?? 0
        return typed.utf8.count > longestAnswer(for: longest)
    }

    /// The suggested grade for a verdict and the time taken.
    public func suggestedGrade(_ verdict: Verdict, seconds: Double, card: Card) -> Int {
        switch verdict {
        case .blank: return 0
        case .correct: return seconds <= quickLimit(for: card) ? 5 : 4
        case .nearMiss: return 3
        case .wrong: return 1
        case .partial:
            // Items missing or out of order: wrong, and a wrong answer that is not blank is 1.
            return 1
        }
    }

    // MARK: One answer

    /// How a typed answer's words compare with one accepted form's.
    /// - Parameter listLead: for an item of a list, the words the other items share with it.
    func compare(_ expected: [String], _ given: [String], shown: Set<String>, meeting: Bool, listLead: Set<String>? = nil) -> Verdict {
        if expected == given { return .correct }
        if expected.isEmpty { return .wrong }
        // Far more words than the answer: not this answer (``verdict(_:for:)`` caps the bytes read).
        if given.count > expected.count * 3 + 12 { return .wrong }
        if Self.negations(expected) != Self.negations(given) { return .wrong }
        var remaining = Self.expandingAcronyms(given, expected).map(Answer.spelling)
        var near = false
        var missing: [String] = []
        for e in expected.map(Answer.spelling) {
            if let k = remaining.firstIndex(of: e) {
                remaining.remove(at: k)
                continue
            }
            let isNumber = e.contains(where: \.isNumber)
            // Written apart or together: "cyber power" for "cyberpower".
            if let k = remaining.indices.dropLast().first(where: { remaining[$0] + remaining[$0 + 1] == e }) {
                remaining.removeSubrange(k...(k + 1))
                continue
            }
            if let k = remaining.firstIndex(where: {
                $0.count > e.count && $0.hasPrefix(e) && expected.contains(String($0.dropFirst(e.count)))
            }) {
                remaining[k] = String(remaining[k].dropFirst(e.count))
                continue
            }
            if !isNumber,
                let k = remaining.firstIndex(where: { Self.stem($0) == Self.stem(e) || Self.sameRoot($0, e) || Self.isTypo($0, of: e) })
            {
                remaining.remove(at: k)
                near = true
                continue
            }
            if isNumber, let k = remaining.firstIndex(where: { Self.sameNumber($0, e) || Self.partOfDate($0, e) }) {
                remaining.remove(at: k)
                near = true
                continue
            }
            // "to" before a verb, "percent" after its number, "our" and "their" need not be typed.
            if Self.optional.contains(e) { continue }
            missing.append(e)
        }
        let extra = remaining.filter { (Self.isContent($0) && !Words.isAdverb($0)) || $0.contains(where: \.isNumber) }
        // A meeting's name with its words in another order and its little words left out: "Central
        // Economic Work Conference" for "Central Conference on Economic Work".
        if meeting, !near, remaining.isEmpty, missing.allSatisfy({ English.isFunctionWord($0) }) { return .correct }
        // A meeting named without its kind: "G20" for "the G20 Summit".
        if meeting, !missing.isEmpty, missing.allSatisfy({ English.meetingHeads.contains($0) }), extra.isEmpty,
            expected.contains(where: { $0.contains(where: \.isNumber) })
        {
            return .correct
        }
        // A meeting named by its short name ("the fifth plenum", "the 36th group study session")
        // when no other meeting of the deck shares it.
        if meeting, let head = Self.head(expected), !missing.isEmpty {
            let headSet = Set(head)
            if missing.allSatisfy({ !headSet.contains($0) }), extra.allSatisfy({ shown.contains(Self.stem($0)) }),
                head.contains(where: { $0.contains(where: \.isNumber) }) || head.filter(Self.isContent).count >= 2
            {
                return (heads[head.sorted()] ?? 0) > 1 ? .nearMiss : (near ? .nearMiss : .correct)
            }
        }
        // A number or date missing or added, or a distinctive word missing: another fact.
        if missing.contains(where: { $0.contains(where: \.isNumber) }) { return .wrong }
        if extra.contains(where: { $0.contains(where: \.isNumber) && !shown.contains($0) }) { return .wrong }
        // An adverb ("thoroughly") or a vague adjective ("different fields") is a filler word.
        // A vague adjective left out, with nothing typed in its place, is one too ("across fields").
        let filler = { (w: String) in Words.isAdverb(w) || (extra.isEmpty && Self.vagueAdjectives.contains(w)) }
        let missingContent = missing.filter { Self.isContent($0) && !filler($0) }
        let content = expected.filter(Self.isContent)
        // Words the card does not show, added: another answer, or a guess around this one.
        let added = extra.filter { !shown.contains(Self.stem($0)) }
        // A meeting's name without the place it met in: "Summit on Rural Broadband" for "… in Denver".
        if meeting, extra.isEmpty, !missing.isEmpty, given.count < expected.count, Array(expected.prefix(given.count)) == given,
            expected[given.count] == "in"
        {
            return .nearMiss
        }
        // A numbered meeting by its number and kind alone, when no other meeting of the deck has
        // both: "18th Congress" for "18th CPC National Congress" is close, not the name.
        if meeting, extra.isEmpty, given.count == 2, let last = expected.last, given[1] == last, English.meetingHeads.contains(last),
            Self.isOrdinal(given[0]), expected.contains(given[0]), (numberedHeads[given.joined(separator: " ")] ?? 0) <= 1
        {
            return .nearMiss
        }
        // A meeting of the right name with another kind: "World Internet Congress" for "… Conference".
        if meeting, missingContent.count == 1, English.meetingHeads.contains(missingContent[0]), extra.count == 1,
            English.meetingHeads.contains(extra[0])
        {
            return .nearMiss
        }
        // The answer's core without the words around it: "build a digital China" for "move faster
        // to build a digital China", "Coastal Investment Forum" for "second Coastal …".
        // In a list, an item's core without the lead the items share is the item: "modern
        // economy" for "helps to build a modern economy" among "helps to build …" items.
        if extra.isEmpty, !missingContent.isEmpty {
            if let lead = listLead, Self.isCoreSpan(given, of: expected, anyBefore: false, lead: lead) { return .correct }
            if Self.isCoreSpan(given, of: expected, anyBefore: meeting) { return .nearMiss }
        }
        // A word missing and another in its place: a changed meaning ("digital society" for
        // "digital economy"), unless it is the same word's root ("governance" for "government").
        if !missingContent.isEmpty, extra.contains(where: { a in !missingContent.contains { Self.sameRoot(a, $0) } }) { return .wrong }
        // Missing words weigh by how well they tell this answer from the deck's others: a word
        // the deck's answers share weighs half. Up to a quarter of the answer's weight missing,
        // from an answer of three content words or more, is a near miss.
        func weight(_ words: [String]) -> Double { words.reduce(0) { $0 + (shared.contains(Self.stem($1)) ? 0.5 : 1) } }
        if !missingContent.isEmpty, content.count < 3 || weight(missingContent) * 4 > weight(content) { return .wrong }
        if added.count > max(1, content.count / 2) { return .wrong }
        if !added.isEmpty || missing.contains(where: { !(extra.isEmpty && Self.vagueAdjectives.contains($0)) }) { near = true }
        return near ? .nearMiss : .correct
    }

    /// Whether `given` is the answer's core: one unbroken run of `expected`'s words (articles
    /// aside) with two content words or more, cut only of words that frame it. Before it: a verb
    /// phrase ending in "to" or "for" ("move faster to | build a digital China"), adjectives and
    /// ordinals ("second | Coastal Investment Forum"), words of a list's shared `lead`, or
    /// anything before a meeting's name (`anyBefore`). After it: a phrase of place or field ("in
    /// key fields"), never an "of" phrase, a "with" phrase or an "and" part, which say whose or
    /// what ("the income | of farmers", "cooperation | with Africa").
    static func isCoreSpan(_ given: [String], of expected: [String], anyBefore: Bool, lead: Set<String> = []) -> Bool {
        let g = given.map(Answer.spelling)
        let e = expected.map(Answer.spelling)
        guard g.count < e.count, g.filter(isContent).count >= 2, let first = g.first else { return false }
        for start in e.indices where e[start] == first && start + g.count <= e.count {
            guard Array(e[start..<(start + g.count)]) == g else { continue }
            let before = e[..<start]
            let after = e[(start + g.count)...]
            let frameBefore =
                before.isEmpty || anyBefore || ["to", "for"].contains(before.last ?? "")
                || (!lead.isEmpty && before.allSatisfy(lead.contains))
                || before.allSatisfy { word in
                    isOrdinal(word) || adjectiveEndings.contains { word.count > $0.count + 2 && word.hasSuffix($0) }
                }
            let frameAfter = after.isEmpty || placePrepositions.contains(after.first ?? "")
            if frameBefore, frameAfter { return true }
        }
        return false
    }

    /// The prepositions of a phrase of place or field, which frame an answer's core.
    static let placePrepositions: Set<String> = ["in", "across", "within", "throughout", "among", "at"]

    /// Adjectives that add no fact: an answer without them says the same.
    static let vagueAdjectives: Set<String> = ["different", "various", "relevant", "related", "respective", "certain", "given"]

    /// "second", "2nd", "36th".
    static func isOrdinal(_ word: String) -> Bool {
        English.ordinalWords.contains(word)
            || (word.first?.isNumber == true && ["st", "nd", "rd", "th"].contains(where: { word.hasSuffix($0) })
                && word.dropLast(2).allSatisfy(\.isNumber))
    }

    /// Endings that mark an adjective ("national", "global", "digital").
    static let adjectiveEndings = ["al", "ic", "ive", "ous", "ful", "ary", "ern", "less", "able", "ible"]

    // MARK: Lists

    /// A whole-list answer: each typed item matched to at most one expected item, in order where
    /// order was asked.
    func listVerdict(_ typed: String, items: [String], ordered: Bool, shown: Set<String>) -> Verdict {
        let expected = items.map { Answer.tokens($0) }
        // Each item's words that another item has too: the lead a list's items share.
        let leads = expected.indices.map { k in
            Set(expected[k].map(Answer.spelling)).intersection(
                Set(expected.indices.filter { $0 != k }.flatMap { expected[$0].map(Answer.spelling) }))
        }
        var memo: [String: [Verdict]] = [:]
        func verdicts(_ piece: String) -> [Verdict] {
            if let known = memo[piece] { return known }
            let given = Answer.tokens(piece)
            let result = expected.indices.map { compare(expected[$0], given, shown: shown, meeting: false, listLead: leads[$0]) }
            memo[piece] = result
            return result
        }
        let pieces = Self.typedItems(typed, expected: expected.count, score: verdicts)
        // The best match of each typed item, best first, each expected item used once.
        var scores: [(typed: Int, item: Int, verdict: Verdict)] = []
        for (t, piece) in pieces.enumerated() {
            for (k, v) in verdicts(piece).enumerated() where v == .correct || v == .nearMiss { scores.append((t, k, v)) }
        }
        scores.sort { ($0.verdict == .correct ? 0 : 1) < ($1.verdict == .correct ? 0 : 1) }
        var usedTyped = Set<Int>()
        var usedItem = Set<Int>()
        var matches: [(typed: Int, item: Int, verdict: Verdict)] = []
        for s in scores where !usedTyped.contains(s.typed) && !usedItem.contains(s.item) {
            usedTyped.insert(s.typed)
            usedItem.insert(s.item)
            matches.append(s)
        }
        matches.sort { $0.typed < $1.typed }
        // In order: the longest run of items whose places rise with the typed order.
        let inPlace = ordered ? Self.longestRising(matches.map(\.item)) : matches.count
        let slips = matches.contains { $0.verdict == .nearMiss }
        let strays = pieces.count - matches.count
        // Every item, and one more that is none of them: the list mixed with another.
        if inPlace == expected.count { return strays > 0 ? .wrong : slips ? .nearMiss : .correct }
        return .partial(recalled: inPlace, of: expected.count)
    }

    /// The typed answer cut into items: at the card's own separators ("; " or new lines) when
    /// typed, else at the commas and "and"s that best part it into the expected items, so an
    /// item that holds its own "and" stays whole.
    static func typedItems(_ typed: String, expected: Int, score: (String) -> [Verdict]) -> [String] {
        let trimmed = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.contains(";") || trimmed.contains("\n") {
            return trimmed.split(whereSeparator: { $0 == ";" || $0 == "\n" }).map { withoutLabel($0.trimmingCharacters(in: .whitespaces)) }
                .filter { !$0.isEmpty }
        }
        // The places it may be cut: after a comma, or before "and".
        let words = trimmed.split(separator: " ").map(String.init)
        var cuts: [Int] = []
        for (i, w) in words.enumerated() where i > 0 {
            if words[i - 1].hasSuffix(",") || w.lowercased() == "and" || w == "&" { cuts.append(i) }
        }
        func pieces(_ chosen: [Int]) -> [String] {
            var out: [String] = []
            var start = 0
            for c in chosen + [words.count] {
                var part = Array(words[start..<c])
                if let first = part.first, first.lowercased() == "and" || first == "&" { part.removeFirst() }
                let text = part.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ", "))
                if !text.isEmpty { out.append(text) }
                start = c
            }
            return out
        }
        // Beyond ten places to cut, every one is a cut.
        guard cuts.count <= 10 else { return pieces(cuts) }
        var best: [String] = [trimmed]
        var bestScore = Int.min
        for mask in 0..<(1 << cuts.count) {
            let chosen = cuts.indices.filter { mask & (1 << $0) != 0 }.map { cuts[$0] }
            guard chosen.count + 1 <= expected + 2 else { continue }
            let parts = pieces(chosen)
            let value =
                parts.reduce(0) { sum, part in
                    sum + (score(part).map { $0 == .correct ? 3 : $0 == .nearMiss ? 2 : 0 }.max() ?? 0)
                } - abs(parts.count - expected)
            if value > bestScore {
                bestScore = value
                best = parts
            }
        }
        return best
    }

    /// A typed item without the number or bullet before it: "2. build …", "b) build …", "- build …".
    static func withoutLabel(_ item: String) -> String {
        guard let space = item.firstIndex(of: " ") else { return item }
        let label = item[..<space]
        let isLabel =
            ["-", "*", "•", "–"].contains(String(label))
            || (label.count <= 3 && (label.hasSuffix(".") || label.hasSuffix(")"))
                && label.dropLast().allSatisfy { $0.isNumber || $0.isLetter })
        return isLabel ? String(item[item.index(after: space)...]).trimmingCharacters(in: .whitespaces) : item
    }

    /// The length of the longest strictly rising subsequence.
    static func longestRising(_ values: [Int]) -> Int {
        var tails: [Int] = []
        for v in values {
            if let k = tails.firstIndex(where: { $0 >= v }) { tails[k] = v } else { tails.append(v) }
        }
        return tails.count
    }

    // MARK: Words

    static let negationWords: Set<String> = ["not", "no", "never", "without", "non", "nor", "cannot", "neither", "none"]

    static func negations(_ words: [String]) -> Int { words.filter { negationWords.contains($0) }.count }

    /// Whether a word carries meaning: not a function word.
    static func isContent(_ word: String) -> Bool {
        English.isContentWord(word) && !word.contains(where: \.isNumber) && word.count > 1
    }

    /// A word without its inflection: "strengthening", "strengthened" and "strengthens" alike.
    static func stem(_ word: String) -> String {
        guard word.count > 4, !word.contains(where: \.isNumber) else { return word }
        for suffix in ["ing", "ed", "es", "s"] where word.hasSuffix(suffix) && word.count - suffix.count >= 3 {
            return String(word.dropLast(suffix.count))
        }
        return word
    }

    /// Words that need not be typed: "to" before a verb, "percent" after its number, a
    /// possessive before a noun ("extend their industrial chains").
    static let optional: Set<String> = ["to", "percent", "our", "their", "its", "his", "her", "my", "your"]

    /// A date typed in part: "October 18" for "October 18, 2021", "March" for "March 2024".
    static func partOfDate(_ typed: String, _ date: String) -> Bool {
        let parts = date.split(separator: "-")
        guard parts.count >= 2, parts[0].count == 4, let month = Int(parts[1]) else { return false }
        if parts.count == 3 { return typed == "\(parts[1])-\(parts[2])" }
        return typed == English.months[month - 1]
    }

    /// Words of size that must be exact, like numbers: "1.3 billion" is not "1.3 trillion".
    static let magnitudes: Set<String> = ["hundred", "thousand", "million", "billion", "trillion", "percent"]

    /// A typo: one slip (a letter wrong, missing, added, or two swapped) in a word of up to seven
    /// letters, two in a longer one; none in a short word, where one letter makes another word,
    /// and none that adds a prefix ("deregulate" is not a typo of "regulate").
    static func isTypo(_ typed: String, of word: String) -> Bool {
        guard word.count >= 4, !typed.contains(where: \.isNumber), !magnitudes.contains(typed) else { return false }
        if typed.hasSuffix(word) || word.hasSuffix(typed) { return false }
        let allowed = word.count >= 8 ? 2 : 1
        guard abs(typed.count - word.count) <= allowed else { return false }
        return Answer.editDistance(typed, word, limit: allowed) <= allowed
    }

    /// Two forms of one root: "governance" and "government", "regulate" and "regulation".
    static func sameRoot(_ a: String, _ b: String) -> Bool {
        let common = zip(a, b).prefix { $0 == $1 }.count
        // A root of four letters only with an ending of inflection: "close" and "closing", "fast"
        // and "faster"; never "sector" and "section" or "fact" and "factor".
        let inflections: Set<String> = ["", "e", "ing", "er", "ed", "es", "s"]
        guard common >= 5 || (common == 4 && inflections.contains(String(a.dropFirst(4))) && inflections.contains(String(b.dropFirst(4))))
        else { return false }
        // What follows the root is an ending, not another word ("cyber" is not "cyberpower").
        let endings: Set<String> = [
            "ation", "ment", "ance", "ence", "ness", "ity", "ion", "ive", "ing", "al", "ic", "ical", "y", "e", "ed", "es", "s", "er", "or",
            "",
        ]
        return endings.contains(String(a.dropFirst(common))) && endings.contains(String(b.dropFirst(common)))
    }

    /// "34" for "34th" or "34th" for "34": the number right, its form not.
    static func sameNumber(_ a: String, _ b: String) -> Bool {
        let da = a.prefix { $0.isNumber || $0 == "." }
        let db = b.prefix { $0.isNumber || $0 == "." }
        let suffixes: Set<Substring> = ["", "st", "nd", "rd", "th"]
        return !da.isEmpty && da == db && suffixes.contains(a.dropFirst(da.count)) && suffixes.contains(b.dropFirst(db.count))
    }

    /// A typed acronym read as the words it stands for: "WIC" for "World Internet Conference",
    /// "TFP" for "total-factor productivity".
    static func expandingAcronyms(_ given: [String], _ expected: [String]) -> [String] {
        var out: [String] = []
        for g in given {
            guard (3...6).contains(g.count), g.allSatisfy(\.isLetter), !expected.contains(g), English.isContentWord(g),
                let start = expected.indices.first(where: { k in
                    k + g.count <= expected.count && expected[k..<(k + g.count)].allSatisfy { isContent($0) }
                        && String(expected[k..<(k + g.count)].compactMap(\.first)) == g
                })
            else {
                out.append(g)
                continue
            }
            out += expected[start..<(start + g.count)]
        }
        return out
    }

    /// A meeting's name cut at its first "of": "the fifth plenum" of "the fifth plenum of the
    /// 19th CPC Central Committee".
    static func head(_ words: [String]) -> [String]? {
        guard let of = words.firstIndex(of: "of"), of > 0, of < words.count - 1 else { return nil }
        return Array(words[..<of])
    }
}
