/// A plain-text document split into what the generator reads: its title, its own date, its
/// paragraphs and their sentences, each with the line it starts on.
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
    }

    /// The title: the first line, when it reads like one.
    public var title: String?
    /// The document's own date, when a line states one alone ("October 18, 2021").
    public var date: String?
    /// The paragraphs, each a list of sentences; metadata lines are left out.
    public var paragraphs: [[Sentence]]
    /// Notes such as "* Main part of the speech at …", kept apart from the body.
    public var notes: [Sentence]

    /// The body sentence just before `sentence`, across a paragraph break.
    public func sentence(before sentence: Sentence) -> Sentence? {
        if sentence.index > 0 { return paragraphs[sentence.paragraph][sentence.index - 1] }
        var p = sentence.paragraph - 1
        while p >= 0 {
            if let last = paragraphs[p].last { return last }
            p -= 1
        }
        return nil
    }

    /// All body sentences in order.
    public var sentences: [Sentence] { paragraphs.flatMap { $0 } }

    /// Splits a text.
    public init(_ text: String) {
        var blocks: [(text: String, line: Int)] = []
        var current: [String] = []
        var startLine = 0
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = Words.trimmedSpaces(rawLine)
            if line.isEmpty {
                if !current.isEmpty { blocks.append((current.joined(separator: " "), startLine)) }
                current = []
            } else {
                if current.isEmpty { startLine = lineNumber }
                current.append(String(line))
            }
        }
        if !current.isEmpty { blocks.append((current.joined(separator: " "), startLine)) }

        title = nil
        date = nil
        paragraphs = []
        notes = []
        // Folding and splitting each block is independent work, done on every core.
        let prepared = blocks.map(\.text).parallelMap { text -> (folded: String, sentences: [String]) in
            let folded = Words.folded(text)
            return (folded, SentenceSplitter.split(folded))
        }
        for (index, block) in blocks.enumerated() {
            let folded = prepared[index].folded
            if index == 0, SourceText.looksLikeTitle(folded) { title = folded; continue }
            if SourceText.isMetadata(folded) { continue }
            if folded.utf8.count <= 24, let d = DatePhrase.standaloneDate(folded) {
                if date == nil { date = d }
                continue
            }
            if folded.hasPrefix("*") || (folded.hasPrefix("(") && folded.hasSuffix(")")) {
                let note = Words.folded(String(folded.drop(while: { $0 == "*" || $0 == " " })))
                notes.append(Sentence(text: note, line: block.line, paragraph: -1, index: notes.count))
                continue
            }
            let paragraphIndex = paragraphs.count
            paragraphs.append(prepared[index].sentences.enumerated().map {
                Sentence(text: $0.element, line: block.line, paragraph: paragraphIndex, index: $0.offset)
            })
        }
    }

    static func looksLikeTitle(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard words.count <= 16, let last = text.last else { return false }
        return !".,;".contains(last) && DatePhrase.standaloneDate(text) == nil
    }

    static func isMetadata(_ text: String) -> Bool {
        let lower = text.lowercased()
        for key in ["source:", "updated:", "published:", "author:", "editor:", "translated by", "url:", "http"] where lower.hasPrefix(key) {
            return true
        }
        return lower.hasPrefix("(not to be") || lower.contains("all rights reserved")
    }
}

import Foundation

/// Splits a paragraph into sentences at `.`, `!` or `?` followed by a capital, keeping
/// abbreviations ("e.g.", "No. 5", "U.S.") and initials whole.
enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vol", "art", "e.g", "i.e", "etc", "vs",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen", "gov",
        "jr", "sr", "fig", "approx", "u.s", "u.k", "u.n", "p.r.c", "co", "inc", "ltd", "cf",
    ]

    static func split(_ paragraph: String) -> [String] {
        let bytes = Array(paragraph.utf8)
        let n = bytes.count
        func text(_ r: Range<Int>) -> String {
            var lo = r.lowerBound, hi = r.upperBound
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
