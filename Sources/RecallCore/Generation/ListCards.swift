/// Directive cards: every item of every enumerated list, its reverse, and the whole list.
enum ListCards {
    /// One list found in the text.
    struct Found {
        var items: [String]
        var contexts: [String]
        var lines: [Int]
        /// The paragraph each item stands in.
        var paragraphs: [Int]
        var name: String
        var ordered: Bool
    }

    /// An ordinal marker at the start of a sentence: "First,", "Secondly,", "3.", "(4)".
    static func marker(_ sentence: String) -> (value: Int, rest: String)? {
        // Most sentences start with no marker: the first word must end in "," "." or ")".
        var firstWordEnd: UInt8 = 0
        for b in sentence.utf8 {
            if b == 0x20 { break }
            firstWordEnd = b
        }
        guard firstWordEnd == UInt8(ascii: ",") || firstWordEnd == UInt8(ascii: ".") || firstWordEnd == UInt8(ascii: ")")
                || sentence.hasPrefix("First ") else { return nil }
        let words = sentence.split(separator: " ", maxSplits: 3).map(String.init)
        guard let first = words.first else { return nil }
        let (core, lead, trail) = Words.split(first)
        if lead.isEmpty, trail == ",", let v = English.ordinalValue(core.hasSuffix("ly") ? String(core.dropLast(2)) : core),
           core.first?.isUppercase == true, v <= 20, !core.contains(where: \.isNumber) {
            return (v, String(sentence.dropFirst(first.count + 1)))
        }
        if lead.isEmpty, trail.isEmpty, words.count >= 3, ["First", "Firstly"].contains(core), words[1] == "of", words[2] == "all," {
            let prefix = words[0..<3].joined(separator: " ")
            return (1, String(sentence.dropFirst(prefix.count + 1)))
        }
        if (lead.isEmpty && (trail == "." || trail == ")")) || (lead == "(" && trail == ")"), let v = Int(core), (1...30).contains(v), words.count > 1 {
            return (v, String(sentence.dropFirst(first.count + 1)))
        }
        return nil
    }

    static let finalMarkers: Set<String> = ["Finally,", "Lastly,", "Last,"]

    /// Ordinal lists, paragraph by paragraph or inside one paragraph; markers that start no
    /// list are reported as diagnostics.
    static func ordinalLists(in text: SourceText, diagnostics: inout [Diagnostic]) -> [(start: SourceText.Sentence, items: [SourceText.Sentence], rests: [String])] {
        typealias Item = (sentence: SourceText.Sentence, value: Int, rest: String)
        var lists: [[Item]] = []
        var used = Set<[Int]>()
        // Inside one paragraph: "First, … Second, …".
        for paragraph in text.paragraphs {
            var current: [Item] = []
            for s in paragraph {
                guard let m = marker(s.text) ?? (finalMarkers.contains(String(s.text.split(separator: " ").first ?? "")) && current.count >= 2
                    ? (current.count + 1, String(s.text.drop(while: { $0 != " " }).dropFirst())) : nil) else { continue }
                if m.value == current.count + 1 { current.append((s, m.value, m.rest)) }
                else if m.value == 1 { if current.count >= 2 { lists.append(current) }; current = [(s, 1, m.rest)] }
            }
            if current.count >= 2 {
                lists.append(current)
                for item in current { used.insert([item.sentence.paragraph, item.sentence.index]) }
            }
        }
        // Paragraph by paragraph.
        var current: [Item] = []
        func close() {
            if current.count >= 2 { lists.append(current) }
            else if let lone = current.first {
                diagnostics.append(Diagnostic(line: lone.sentence.line, message: "ordinal \"\(lone.sentence.text.split(separator: " ").first ?? "")\" starts no list; no directive cards made"))
            }
            current = []
        }
        for paragraph in text.paragraphs {
            guard let s = paragraph.first, !used.contains([s.paragraph, s.index]) else { continue }
            var m = marker(s.text)
            if m == nil, current.count >= 2, finalMarkers.contains(String(s.text.split(separator: " ").first ?? "")) {
                m = (current.count + 1, String(s.text.drop(while: { $0 != " " }).dropFirst()))
            }
            guard let m else { continue }
            if m.value == current.count + 1 { current.append((s, m.value, m.rest)) }
            else { close(); if m.value == 1 { current = [(s, 1, m.rest)] } }
        }
        close()
        return lists.sorted { $0[0].sentence.line < $1[0].sentence.line || ($0[0].sentence.line == $1[0].sentence.line && $0[0].sentence.index < $1[0].sentence.index) }
            .map { list in (list[0].sentence, list.map(\.sentence), list.map(\.rest)) }
    }

    static let reasonWords = ["importance", "important", "because", "since", "why", "reason", "significance", "significant", "necessary", "essential"]

    /// Names an ordinal list from its items and the sentence that leads into it.
    static func name(count: Int, tasks: Bool, lead: String?, title: String?) -> String {
        let n = English.cardinalWord(count)
        let place = title.map { "set out in \"\($0)\"" } ?? "the speaker sets out"
        if tasks { return "the \(n) tasks \(place)" }
        if let lead {
            let lower = lead.lowercased()
            if reasonWords.contains(where: { lower.contains($0) }) {
                var clause = Words.trimmedEnd(lead)
                // A short lead-in before a comma ("All factors considered,") is not the claim.
                if let comma = clause.firstIndex(of: ","), clause[..<comma].split(separator: " ").count <= 4 {
                    clause = String(clause[clause.index(after: comma)...]).trimmingCharacters(in: .whitespaces)
                }
                for cut in [" since ", " because ", " as ", ", ", "; ", " for "] {
                    if let r = clause.range(of: cut) { clause = String(clause[..<r.lowerBound]) }
                }
                let words = clause.split(separator: " ").count
                if (3...18).contains(words) {
                    return "the \(n) reasons why \(English.thirdPersonText(Phrase.lowercasedStart(clause)))"
                }
                return "the \(n) reasons given \(title.map { "in \"\($0)\"" } ?? "by the speaker")"
            }
        }
        return "the \(n) points \(title.map { "made in \"\($0)\"" } ?? "the speaker makes")"
    }

    static func ordinalFound(in text: SourceText, diagnostics: inout [Diagnostic]) -> [Found] {
        var found: [Found] = []
        for list in ordinalLists(in: text, diagnostics: &diagnostics) {
            var items: [String] = []
            var tasks = true
            for rest in list.rests {
                let stripped = Phrase.strippingModalSubject(rest)
                if !stripped.stripped { tasks = false }
                items.append(Phrase.core(stripped.text))
            }
            if !tasks { items = list.rests.map { Phrase.core($0) } }
            let lead = text.sentence(before: list.start)?.text
            found.append(Found(items: items, contexts: list.items.map(\.text), lines: list.items.map(\.line),
                               paragraphs: list.items.map(\.paragraph),
                               name: name(count: items.count, tasks: tasks, lead: lead, title: text.title), ordered: true))
        }
        return found
    }

    // MARK: Parallel clauses inside one sentence

    static let triggers: Set<String> = ["to", "must", "should", "will", "shall", "can", "would", "could", "may", "them", "us", "it", "that", "need", "we"]

    static func isVerbStart(_ chunk: [String]) -> Bool {
        guard let first = chunk.first else { return false }
        var w = Words.core(first).lowercased()
        var rest = chunk.dropFirst()
        if (w == "and" || w == "or"), let next = rest.first { w = Words.core(next).lowercased(); rest = rest.dropFirst() }
        if w.hasSuffix("ly"), w != "apply", w != "supply", let next = rest.first { w = Words.core(next).lowercased() }
        return English.baseVerbs.contains(w)
    }

    /// The items of a list of three or more parallel verb phrases in one sentence, with the
    /// index of the word where the list starts.
    static func parallelItems(_ words: [String]) -> (items: [String], start: Int)? {
        // Chunks split at commas and semicolons.
        var chunks: [Range<Int>] = []
        var s = 0
        for (i, w) in words.enumerated() where w.hasSuffix(",") || w.hasSuffix(";") || i == words.count - 1 {
            chunks.append(s..<(i + 1)); s = i + 1
        }
        guard chunks.count >= 3 else { return nil }
        for lastIndex in stride(from: chunks.count - 1, through: 2, by: -1) {
            let last = Array(words[chunks[lastIndex]])
            guard let f = last.first, ["and", "or"].contains(Words.core(f).lowercased()), isVerbStart(last) else { continue }
            var first = lastIndex
            while first - 1 >= 0 {
                let chunk = Array(words[chunks[first - 1]])
                if isVerbStart(chunk) { first -= 1; continue }
                break
            }
            // The chunk before the run holds the first item after a trigger word.
            var startWord: Int?
            if first - 1 >= 0 {
                let r = chunks[first - 1]
                var k = r.lowerBound + 1
                while k < r.upperBound {
                    let c = Words.core(words[k]).lowercased(), p = Words.core(words[k - 1]).lowercased()
                    if English.baseVerbs.contains(c), triggers.contains(p) { startWord = k; break }
                    k += 1
                }
                if startWord != nil { first -= 1 }
            }
            var itemRanges: [Range<Int>] = []
            for ci in first...lastIndex {
                var r = chunks[ci]
                if ci == first, let sw = startWord { r = sw..<r.upperBound }
                itemRanges.append(r)
            }
            // Bare verbs ("improve, expand, and strengthen X") join the item that follows.
            var items: [String] = []
            var pending: [String] = []
            for r in itemRanges {
                let text = Words.trimmedEnd(words[r].joined(separator: " "))
                let bare = text.split(separator: " ").filter { !["and", "or"].contains($0) }.count == 1
                if bare { pending.append(text); continue }
                items.append(Phrase.answer((pending + [text]).joined(separator: ", ")))
                pending = []
            }
            let startIndex = startWord ?? itemRanges[0].lowerBound
            if items.count >= 3 { return (items, startIndex) }
        }
        return nil
    }
}
