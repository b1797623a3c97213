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
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty {
                if !current.isEmpty { blocks.append((current.joined(separator: " "), startLine)) }
                current = []
            } else {
                if current.isEmpty { startLine = lineNumber }
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append((current.joined(separator: " "), startLine)) }

        title = nil
        date = nil
        paragraphs = []
        notes = []
        for (index, block) in blocks.enumerated() {
            let folded = Words.folded(block.text)
            if index == 0, SourceText.looksLikeTitle(folded) { title = folded; continue }
            if SourceText.isMetadata(folded) { continue }
            if let d = DatePhrase.standaloneDate(folded) {
                if date == nil { date = d }
                continue
            }
            if folded.hasPrefix("*") || (folded.hasPrefix("(") && folded.hasSuffix(")")) {
                let note = Words.folded(String(folded.drop(while: { $0 == "*" || $0 == " " })))
                notes.append(Sentence(text: note, line: block.line, paragraph: -1, index: notes.count))
                continue
            }
            let paragraphIndex = paragraphs.count
            let texts = SentenceSplitter.split(folded)
            paragraphs.append(texts.enumerated().map {
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
        let chars = Array(paragraph.unicodeScalars)
        func text(_ r: Range<Int>) -> String {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: chars[r])
            return String(v).trimmingCharacters(in: .whitespaces)
        }
        func isUpper(_ s: Unicode.Scalar) -> Bool { s.value < 128 ? (s.value >= 65 && s.value <= 90) : s.properties.isUppercase }
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
        var sentences: [String] = []
        var start = 0
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "." || c == "!" || c == "?" {
                var j = i + 1
                while j < chars.count, "\"')\u{201D}\u{2019}".unicodeScalars.contains(chars[j]) { j += 1 }
                if j < chars.count, chars[j] == " " {
                    var k = j
                    while k < chars.count, chars[k] == " " { k += 1 }
                    let nextStarts = k < chars.count && (isUpper(chars[k]) || isDigit(chars[k]) || "\"(\u{201C}\u{2018}".unicodeScalars.contains(chars[k]))
                    let listNumber = c == "." && i - start <= 2 && chars[start..<i].allSatisfy(isDigit)
                    if nextStarts && !listNumber && !(c == "." && isAbbreviation(chars, dotAt: i)) {
                        sentences.append(text(start..<j))
                        start = k
                        i = k
                        continue
                    }
                }
            }
            i += 1
        }
        let tail = text(start..<chars.count)
        if !tail.isEmpty { sentences.append(tail) }
        return sentences
    }

    static func isAbbreviation(_ chars: [Unicode.Scalar], dotAt index: Int) -> Bool {
        var s = index - 1
        while s >= 0, chars[s] != " " { s -= 1 }
        var v = String.UnicodeScalarView()
        v.append(contentsOf: chars[(s + 1)..<index])
        let word = String(v).lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "(\"'\u{201C}"))
        if word.unicodeScalars.count == 1, word.unicodeScalars.first?.properties.isAlphabetic == true { return true }
        return abbreviations.contains(word)
    }
}
