import Crypto
import Foundation

/// A sentence the generator read but could not use, with its line: a finding, not a failure.
public struct Diagnostic: Equatable, Sendable, CustomStringConvertible {
    /// The 1-based line in the source text.
    public var line: Int
    /// What was not used, and why.
    public var message: String

    /// Makes a diagnostic.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}

/// Why no deck could be made from a text at all.
public enum GenerationError: Error, Equatable, LocalizedError {
    /// The text is empty or only whitespace.
    case emptyText(file: String)
    /// The bytes are not UTF-8 text.
    case notText(file: String, offset: Int)

    public var errorDescription: String? {
        switch self {
        case let .emptyText(file): return "source '\(file)' is empty: there is no text to make cards from"
        case let .notText(file, offset):
            return "source '\(file)' is not plain UTF-8 text (binary data at byte \(offset)); give a .txt file"
        }
    }
}

/// What to generate.
public struct GenerationOptions: Sendable {
    /// The deck's short name.
    public var name: String
    /// The deck's title; the document's own title when nil.
    public var title: String?
    /// The source file's name, recorded in the deck.
    public var sourceFile: String
    /// Only cards of these kinds; all kinds when nil.
    public var kinds: Set<String>?
    /// At most this many cards, in document order.
    public var limit: Int?

    /// Makes options.
    public init(name: String, title: String? = nil, sourceFile: String, kinds: Set<String>? = nil, limit: Int? = nil) {
        self.name = name
        self.title = title
        self.sourceFile = sourceFile
        self.kinds = kinds
        self.limit = limit
    }
}

/// A generated deck with the generator's findings.
public struct GenerationResult: Sendable {
    /// The deck; it may have no cards when the text states no facts.
    public var deck: Deck
    /// Sentences the generator could not use.
    public var diagnostics: [Diagnostic]
}

/// Turns a speech or policy text into cards: dates, meetings and enumerated directives.
///
/// The rules are general English rules (ordinals, meeting names, verb forms); nothing here knows
/// any one document. The output depends only on the text and the options.
public enum DeckGenerator {
    /// The kinds this generator makes.
    public static let kinds = ["date", "session", "directive"]

    /// Generates a deck from raw bytes, checking that they are text first.
    /// - Throws: ``GenerationError`` when the bytes are empty or not UTF-8 text.
    public static func generate(data: Data, options: GenerationOptions) throws -> GenerationResult {
        if let nul = data.firstIndex(of: 0) { throw GenerationError.notText(file: options.sourceFile, offset: nul - data.startIndex) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw GenerationError.notText(file: options.sourceFile, offset: firstInvalidUTF8(data))
        }
        return try generate(text: text, sha256: SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined(), options: options)
    }

    /// Generates a deck from text.
    public static func generate(text: String, sha256: String? = nil, options: GenerationOptions) throws -> GenerationResult {
        guard text.contains(where: { !$0.isWhitespace }) else { throw GenerationError.emptyText(file: options.sourceFile) }
        // Sanitised once here, so no card text can carry a control character or escape.
        let source = SourceText(Sanitizer.plain(text, keepingLineBreaks: true))
        var diagnostics: [Diagnostic] = []
        var drafts: [CardDraft] = []

        if let date = source.date, let title = source.title {
            let noun = isSpeech(source) ? "delivered" : "dated"
            drafts.append(CardDraft(kind: "date", question: "On what date was \"\(title)\" \(noun)?", answer: date,
                                    context: date, line: 1))
        }
        // Sentences are read independently, on every core.
        let facts = source.sentences.parallelMap { sentence -> SentenceFacts in
            let words = sentence.text.split(separator: " ").map(String.init)
            let meetings = MeetingFinder.find(in: words)
            let list = ListCards.parallelItems(words).map { ParallelList(sentence: sentence, items: $0.items, words: words, start: $0.start) }
            return SentenceFacts(drafts: DateCards.cards(for: sentence, meetings: meetings, words: words)
                                    + SessionCards.cards(for: sentence, meetings: meetings, words: words),
                                 list: list)
        }
        for f in facts { drafts += f.drafts }
        for note in source.notes {
            drafts += SessionCards.noteCards(for: note, title: source.title, date: source.date)
        }
        drafts += directiveDrafts(source, parallelLists: facts.compactMap(\.list), diagnostics: &diagnostics)

        // Order by line, keep the first of equal questions, drop answers the question gives away.
        var seen = Set<String>()
        var cards: [Card] = []
        let ordered = drafts.enumerated().sorted(by: { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }).map(\.element)
            .filter { options.kinds?.contains($0.kind) ?? true }
        let keys = ordered.parallelMap { draft -> (question: String, answer: String, givesAway: Bool) in
            let q = Answer.normalized(draft.question), a = Answer.normalized(draft.answer)
            return (q, a, " \(q) ".contains(" \(a) "))
        }
        for (draft, normalized) in zip(ordered, keys) {
            let key = normalized.question, answerKey = normalized.answer
            guard !seen.contains(key), !draft.answer.isEmpty else { continue }
            if normalized.givesAway {
                diagnostics.append(Diagnostic(line: draft.line, message: "question would give away its answer \"\(draft.answer)\"; card left out"))
                continue
            }
            seen.insert(key)
            cards.append(Card(id: stableID(kind: draft.kind, question: key, answer: answerKey), kind: draft.kind,
                              question: draft.question, answer: draft.answer, context: draft.context,
                              alternatives: draft.alternatives.filter { $0 != draft.answer },
                              unordered: draft.unordered))
        }
        if let limit = options.limit, cards.count > limit { cards = Array(cards.prefix(limit)) }
        let title = options.title ?? source.title ?? options.name
        let deck = Deck(name: options.name, title: title,
                        source: Deck.Source(file: options.sourceFile, title: source.title, date: source.date,
                                            sha256: sha256 ?? SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()),
                        cards: cards)
        return GenerationResult(deck: deck, diagnostics: diagnostics.sorted { $0.line < $1.line })
    }

    static func isSpeech(_ source: SourceText) -> Bool {
        source.notes.contains { note in SessionCards.speechWords.contains(where: { note.text.lowercased().contains($0) }) }
    }

    /// An id that depends only on what the card asks and answers, so that regenerating an
    /// edited text keeps the id (and the progress) of every unchanged card.
    /// - Parameters: question and answer already normalised with ``Answer/normalized(_:)``.
    static func stableID(kind: String, question: String, answer: String) -> String {
        let key = kind + "\u{1F}" + question + "\u{1F}" + answer
        let digits = Array("0123456789abcdef")
        var hex = ""
        for byte in SHA256.hash(data: Data(key.utf8)).prefix(6) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0xF)])
        }
        return "\(kind.prefix(1))-\(hex)"
    }

    /// The offset of the first byte that is not part of valid UTF-8.
    static func firstInvalidUTF8(_ data: Data) -> Int {
        var decoder = UTF8()
        var iterator = data.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }

    // MARK: Directives

    /// What one sentence yields: its date and session cards, and a list of parallel clauses.
    struct SentenceFacts: Sendable {
        var drafts: [CardDraft]
        var list: ParallelList?
    }

    /// Three or more parallel verb phrases found in one sentence.
    struct ParallelList: Sendable {
        var sentence: SourceText.Sentence
        var items: [String]
        var words: [String]
        var start: Int
    }

    static func directiveDrafts(_ source: SourceText, parallelLists: [ParallelList], diagnostics: inout [Diagnostic]) -> [CardDraft] {
        var lists = ListCards.ordinalFound(in: source, diagnostics: &diagnostics)
        // The ordinal item each paragraph belongs to, for naming the lists inside it.
        var owner: [Int: (list: Int, item: Int)] = [:]
        for (li, list) in lists.enumerated() {
            for (ii, p) in list.paragraphs.enumerated() where owner[p] == nil { owner[p] = (li, ii) }
        }
        let perParagraph = Dictionary(grouping: parallelLists, by: \.sentence.paragraph)
        for paragraph in perParagraph.keys.sorted() {
            let group = perParagraph[paragraph] ?? []
            for (gi, entry) in group.enumerated() {
                let n = English.cardinalWord(entry.items.count)
                let which = group.count > 1 ? " in the \(English.ordinalWord(gi + 1)) list" : ""
                let name: String
                if let reported = reportedName(entry.words, listStart: entry.start, count: n) {
                    name = reported
                } else if let o = owner[paragraph] {
                    name = "the \(n) actions\(which) under the \(English.ordinalWord(o.item + 1)) of \(lists[o.list].name)"
                } else {
                    let opening = source.paragraphs[paragraph].first?.text.split(separator: " ").prefix(6).joined(separator: " ") ?? ""
                    name = "the \(n) actions\(which) in the passage beginning \"\(English.thirdPersonText(Words.trimmedEnd(opening)))…\""
                }
                lists.append(ListCards.Found(items: entry.items, contexts: Array(repeating: entry.sentence.text, count: entry.items.count),
                                             lines: Array(repeating: entry.sentence.line, count: entry.items.count),
                                             paragraphs: Array(repeating: entry.sentence.paragraph, count: entry.items.count),
                                             name: Words.folded(name), ordered: false))
            }
        }

        var drafts: [CardDraft] = []
        var names: [String: Int] = [:]
        for var list in lists {
            names[list.name, default: 0] += 1
            if let seen = names[list.name], seen > 1 { list.name += " (the \(English.ordinalWord(seen)) such list)" }
            let count = list.items.count
            let prefix = commonPrefix(list.items)
            for (i, item) in list.items.enumerated() {
                let ordinal = English.ordinalWord(i + 1)
                var alternatives: [String] = []
                if prefix.count >= 2 {
                    let remainder = item.split(separator: " ").dropFirst(prefix.count).joined(separator: " ")
                    if remainder.split(separator: " ").count >= 2 { alternatives.append(remainder) }
                }
                drafts.append(CardDraft(kind: "directive", question: "What is the \(ordinal) of \(list.name)?", answer: item,
                                        context: list.contexts[i], alternatives: alternatives, line: list.lines[i]))
                drafts.append(CardDraft(kind: "directive", question: "Where does \"\(English.thirdPersonText(item))\" stand among \(list.name)?",
                                        answer: English.ordinalDigits(i + 1), context: list.contexts[i],
                                        alternatives: [ordinal, "the \(ordinal)", String(i + 1), "number \(i + 1)"],
                                        line: list.lines[i]))
            }
            let whole = list.ordered ? "What are \(list.name), in order?" : "What are \(list.name)?"
            let context = list.ordered ? list.contexts.joined(separator: " ") : list.contexts[0]
            drafts.append(CardDraft(kind: "directive", question: whole, answer: list.items.joined(separator: "; "),
                                    context: context, unordered: !list.ordered, line: list.lines[count - 1]))
        }
        return drafts
    }

    /// "the five points the speaker pointed out in the speaker's letter to …": a name for a list
    /// that a reporting verb introduces, or nil.
    static func reportedName(_ words: [String], listStart: Int, count: String) -> String? {
        guard let clause = Clause.parse(words, span: 0..<listStart), clause.auxiliary == nil, let base = clause.base,
              English.reportingVerbs.contains(String(base.split(separator: " ")[0])) else { return nil }
        let subject = English.thirdPersonText(Phrase.lowercasedStart(Phrase.join(Phrase.words(words, clause.subject))))
        var place = Phrase.lowercasedStart(Words.trimmedEnd(Phrase.join(Phrase.words(words, clause.prefix))))
        let between = Phrase.words(words, clause.rest.lowerBound..<listStart)
        if place.isEmpty, let f = between.first, ["at", "in", "during"].contains(f.lowercased()),
           let cut = between.lastIndex(where: { ["to", "that"].contains($0.lowercased()) }) {
            place = Phrase.join(Array(between[..<cut]))
        }
        return English.thirdPersonText("the \(count) points \(subject) \(clause.verb) \(place)")
    }

    /// The words every item starts with ("the sound growth of the digital economy").
    static func commonPrefix(_ items: [String]) -> [Substring] {
        let split = items.map { $0.split(separator: " ") }
        guard var prefix = split.first, split.count > 1 else { return [] }
        for words in split.dropFirst() {
            var n = 0
            while n < prefix.count, n < words.count, prefix[n].lowercased() == words[n].lowercased() { n += 1 }
            prefix = Array(prefix.prefix(n))
        }
        return prefix
    }
}
