import Foundation

/// A plain-text document split into what the generator reads: its header (title, source line,
/// dateline), its paragraphs and their sentences, each with the line it starts on.
///
/// Speeches arrive in many layouts: a title and a dateline above the first paragraph, numbered
/// paragraphs, section headings, greetings on their own line, one sentence per line, hard-wrapped
/// lines. The header is read line by line until the first line of prose; the body is split at
/// blank lines, and at lines that open with a list label.
public struct SourceText: Sendable {
    /// One sentence, whitespace folded.
    public struct Sentence: Sendable, Equatable {
        /// The sentence text.
        public var text: String
        /// The 1-based line of the source the sentence starts on.
        public var line: Int
        /// The index of its paragraph in ``SourceText/paragraphs``.
        public var paragraph: Int
        /// Its index within the paragraph.
        public var index: Int

        /// The sentence's whitespace-separated words, punctuation attached.
        public var words: [String] { Words.of(text) }
    }

    /// A paragraph of the body.
    public struct Paragraph: Sendable, Equatable {
        /// Its sentences, without the label.
        public var sentences: [Sentence]
        /// The 1-based line it starts on.
        public var line: Int
        /// A label that opened it ("52", "(1)", "a", "•"), without its punctuation, or nil.
        public var label: String?
        /// A short line without a closing stop: a section heading.
        public var isHeading: Bool
        /// A greeting such as "Mr. President," or "Excellencies,".
        public var isGreeting: Bool
    }

    /// A line of the header.
    public struct HeaderLine: Sendable, Equatable {
        public var text: String
        public var line: Int
    }

    /// The title: the first line, when it reads like one.
    public var title: HeaderLine?
    /// Lines under the title that are not prose ("Delivered at the Third Session of …").
    public var subtitles: [HeaderLine] = []
    /// The dateline ("New York, 27 September 2024", "October 18, 2021"), when the header has one.
    public var dateline: HeaderLine?
    /// The document's own date, from the dateline.
    public var date: CalendarDate?
    /// Whether the document writes dates day first ("27 September 2024"), as its dateline does.
    public var dayFirst: Bool
    /// The paragraphs of the body, greetings and headings included (marked).
    public var paragraphs: [Paragraph]
    /// Notes such as "* Main part of the speech at …", kept apart from the body.
    public var notes: [Sentence]

    /// All body sentences of prose paragraphs, in order.
    public var sentences: [Sentence] {
        paragraphs.filter { !$0.isHeading && !$0.isGreeting }.flatMap(\.sentences)
    }

    /// Splits a text.
    public init(_ text: String) {
        // Folding is independent line by line: done on every core.
        let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(Substring($0)) }.parallelMap {
            Words.folded($0)
        }
        title = nil
        dateline = nil
        date = nil
        dayFirst = false
        paragraphs = []
        notes = []

        // The header: title, metadata and dateline lines, until the first line of prose.
        var i = 0
        var sawTitle = false
        while i < lines.count {
            let line = lines[i]
            if line.isEmpty {
                i += 1
                continue
            }
            if SourceText.isMetadata(line) {
                i += 1
                continue
            }
            if let found = SourceText.datelineDate(line) {
                if date == nil {
                    date = found.date
                    dayFirst = found.dayFirst
                    dateline = HeaderLine(text: line, line: i + 1)
                }
                i += 1
                continue
            }
            if !sawTitle, SourceText.looksLikeTitle(line) {
                title = HeaderLine(text: line, line: i + 1)
                sawTitle = true
                i += 1
                continue
            }
            // A subtitle right under the title ("Delivered at the Third Session of …"): a line that
            // ends no sentence, with no blank line between it and the title.
            if sawTitle, dateline == nil, lines[i - 1].isEmpty == false, SourceText.isSubtitle(line) {
                subtitles.append(HeaderLine(text: line, line: i + 1))
                i += 1
                continue
            }
            break
        }

        // The body: blocks at blank lines; a line that opens with a label starts a new block.
        var blocks: [(text: String, line: Int)] = []
        var current: [String] = []
        var start = 0
        func flush() {
            if !current.isEmpty { blocks.append((current.joined(separator: " "), start)) }
            current = []
        }
        while i < lines.count {
            let line = lines[i]
            if line.isEmpty {
                flush()
            } else {
                if !current.isEmpty, SourceText.label(of: line) != nil || SourceText.isGreeting(current.joined(separator: " ")) { flush() }
                if current.isEmpty { start = i + 1 }
                current.append(line)
            }
            i += 1
        }
        flush()

        let prepared = blocks.map(\.text).parallelMap { text -> (label: String?, body: String, sentences: [String]) in
            let (label, body) = SourceText.splitLabel(text)
            return (label, body, SentenceSplitter.split(body))
        }
        for (index, block) in blocks.enumerated() {
            let (label, body, split) = prepared[index]
            if body.hasPrefix("*") || (body.hasPrefix("(") && body.hasSuffix(")") && !body.dropFirst().contains("(")) {
                let note = Words.folded(String(body.drop(while: { $0 == "*" || $0 == " " })))
                notes.append(Sentence(text: note, line: block.line, paragraph: -1, index: notes.count))
                continue
            }
            let p = paragraphs.count
            paragraphs.append(
                Paragraph(
                    sentences: split.enumerated().map { Sentence(text: $0.element, line: block.line, paragraph: p, index: $0.offset) },
                    line: block.line, label: label,
                    isHeading: SourceText.isHeading(body), isGreeting: SourceText.isGreeting(body)))
        }
    }

    /// The body sentence just before `sentence`, across a paragraph break.
    public func sentence(before sentence: Sentence) -> Sentence? {
        if sentence.index > 0 { return paragraphs[sentence.paragraph].sentences[sentence.index - 1] }
        var p = sentence.paragraph - 1
        while p >= 0 {
            if !paragraphs[p].isGreeting, let last = paragraphs[p].sentences.last { return last }
            p -= 1
        }
        return nil
    }

    // MARK: Line classes

    static func looksLikeTitle(_ text: String) -> Bool {
        let words = Words.of(text)
        guard words.count <= 60, let last = text.last else { return false }
        return !".,;!?".contains(last) || words.count <= 8
    }

    static func isSubtitle(_ text: String) -> Bool {
        guard let last = text.last, !".!?:,;\"”’".contains(last), !isGreeting(text) else { return false }
        return Words.count(text) <= 30
    }

    static func isMetadata(_ text: String) -> Bool {
        let lower = text.lowercased()
        for key in ["source:", "updated:", "published:", "author:", "editor:", "translated by", "url:", "http", "check against delivery"]
        where lower.hasPrefix(key) {
            return true
        }
        return lower.hasPrefix("(not to be") || lower.contains("all rights reserved")
    }

    /// The date of a short line that states one with at most a place and a weekday around it:
    /// "October 18, 2021", "NEW YORK, 28 SEPTEMBER 2024", "(24 September 2024, New York)".
    static func datelineDate(_ text: String) -> (date: CalendarDate, dayFirst: Bool)? {
        let words = Words.of(text)
        guard words.count <= 14, !text.hasSuffix("."), let first = words.first?.first,
            first.isUppercase || first.isNumber || "([".contains(first)
        else { return nil }
        let mentions = TemporalTagger.absoluteDates(in: words)
        guard let mention = mentions.first, mentions.count == 1, let date = mention.date, date.month != nil else { return nil }
        // Every other word is a name (capitalised), a weekday or punctuation: a place, not prose.
        for (k, word) in words.enumerated() where !mention.range.contains(k) {
            let core = Words.core(word)
            guard let c = core.first else { continue }
            if !c.isUppercase, !c.isNumber, !["of", "the", "de", "and"].contains(core) { return nil }
        }
        return (date, Words.core(words[mention.range.lowerBound]).first?.isNumber ?? false)
    }

    /// A paragraph's opening label: "52.", "1)", "(1)", "(a)", "iv)", "•", "-", without the rest.
    static func label(of text: String) -> String? {
        // The first word of folded text, when more follows.
        guard let space = text.utf8.firstIndex(of: 0x20), space > text.startIndex else { return nil }
        let word = String(text[..<space])
        if ["•", "-", "–", "—", "▪", "◦", "·"].contains(word) { return word }
        var core = Substring(word)
        let parenthesised = core.hasPrefix("(") && core.hasSuffix(")")
        if parenthesised {
            core = core.dropFirst().dropLast()
        } else if core.hasSuffix(".") || core.hasSuffix(")") {
            core = core.dropLast()
        } else {
            return nil
        }
        guard !core.isEmpty, core.count <= 4 else { return nil }
        if core.allSatisfy(\.isNumber) { return String(core) }
        if core.count == 1, let c = core.first, c.isLetter, c.isLowercase || parenthesised { return String(core) }
        if core.allSatisfy({ "ivx".contains($0) }), parenthesised || word.hasSuffix(")") { return String(core) }
        return nil
    }

    /// The label and the text after it.
    static func splitLabel(_ text: String) -> (String?, String) {
        guard let label = label(of: text), let space = text.firstIndex(of: " ") else { return (nil, text) }
        return (label, String(text[text.index(after: space)...]))
    }

    /// A short line that does not end a sentence: a section heading ("Introduction:", "Peace and Security").
    static func isHeading(_ text: String) -> Bool {
        guard text.utf8.count < 400, let last = text.last else { return false }
        let count = Words.count(text)
        if text.hasSuffix(":") { return count <= 6 }
        return count <= 10 && !".!?,;\"”’)…".contains(last)
    }

    /// A greeting on its own line: "Mr. President,", "Excellencies, Distinguished Members of the General Assembly,".
    static func isGreeting(_ text: String) -> Bool {
        guard let last = text.last, last == "," || last == "." || last == "!", text.utf8.count < 200 else { return false }
        let words = Words.of(text)
        guard words.count <= 16 else { return false }
        if last != ",", words.count > 3 { return false }
        return words.allSatisfy { word in
            let core = Words.core(String(word))
            guard let c = core.first else { return true }
            return c.isUppercase || c.isNumber || English.isFunctionWord(core) || core == "and"
        }
    }
}

/// Splits a paragraph into sentences at `.`, `!` or `?` followed by a capital, keeping
/// abbreviations ("e.g.", "No. 5", "U.S.") and initials whole.
enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vol", "art", "e.g", "i.e", "etc", "vs",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen", "gov",
        "jr", "sr", "fig", "approx", "u.s", "u.k", "u.n", "p.r.c", "co", "inc", "ltd", "cf", "h.e", "amb", "hon",
    ]

    static func split(_ paragraph: String) -> [String] {
        let bytes = Array(paragraph.utf8)
        let n = bytes.count
        func text(_ r: Range<Int>) -> String {
            var lo = r.lowerBound
            var hi = r.upperBound
            while lo < hi, bytes[lo] == 0x20 { lo += 1 }
            while hi > lo, bytes[hi - 1] == 0x20 { hi -= 1 }
            return String(decoding: bytes[lo..<hi], as: UTF8.self)
        }
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        /// A closing quote or bracket after the stop: ASCII, or ” and ’ (E2 80 9D / 99).
        func closerLength(at i: Int) -> Int {
            if i < n, bytes[i] == 0x22 || bytes[i] == 0x27 || bytes[i] == 0x29 { return 1 }
            if i + 2 < n, bytes[i] == 0xE2, bytes[i + 1] == 0x80, bytes[i + 2] == 0x9D || bytes[i + 2] == 0x99 { return 3 }
            return 0
        }
        /// Whether a sentence may start here: a capital, a digit, an opening quote or bracket.
        func opensSentence(at i: Int) -> Bool {
            let b = bytes[i]
            if (b >= 65 && b <= 90) || isDigit(b) || b == 0x22 || b == 0x28 { return true }
            if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x9C || bytes[i + 2] == 0x98 { return true }
            if b >= 0xC0 {
                var end = i + 1
                while end < n, bytes[end] & 0xC0 == 0x80 { end += 1 }
                return String(decoding: bytes[i..<end], as: UTF8.self).unicodeScalars.first?.properties.isUppercase ?? false
            }
            return false
        }
        var sentences: [String] = []
        var start = 0
        var i = 0
        while i < n {
            let c = bytes[i]
            if c == 0x2E || c == 0x21 || c == 0x3F {
                var j = i + 1
                while case let k = closerLength(at: j), k > 0 { j += k }
                if j < n, bytes[j] == 0x20 {
                    var k = j
                    while k < n, bytes[k] == 0x20 { k += 1 }
                    let listNumber = c == 0x2E && i - start <= 2 && bytes[start..<i].allSatisfy(isDigit)
                    if k < n, opensSentence(at: k), !listNumber, !(c == 0x2E && isAbbreviation(bytes, dotAt: i)) {
                        sentences.append(text(start..<j))
                        start = k
                        i = k
                        continue
                    }
                }
            }
            i += 1
        }
        let tail = text(start..<n)
        if !tail.isEmpty { sentences.append(tail) }
        return sentences
    }

    static func isAbbreviation(_ bytes: [UInt8], dotAt index: Int) -> Bool {
        var s = index - 1
        while s >= 0, bytes[s] != 0x20 { s -= 1 }
        var word = bytes[(s + 1)..<index].drop(while: { $0 == 0x28 || $0 == 0x22 || $0 == 0x27 })
        if word.count == 1, let b = word.first, (b >= 65 && b <= 90) || (b >= 97 && b <= 122) { return true }
        if word.count > 8 { return false }
        word = word[...]
        return abbreviations.contains(String(decoding: word, as: UTF8.self).lowercased())
    }
}
