/// A named meeting found in a sentence: "the 79th Session of the General Assembly", "COP 28",
/// "the high-level meeting on sea level rise", "the 2nd Summit on Responsible AI in the Military Domain".
struct Meeting: Equatable, Sendable {
    /// The words of the name, without a leading determiner or a year before it.
    var range: Range<Int>
    /// The name as written (title case when the text shouts in capitals).
    var name: String
}

/// Finds named meetings: sessions, summits, conferences, congresses, forums, debates and rounds
/// of negotiations, named by capitalised words, numbers and acronyms, or described specifically
/// ("the open debate on peacebuilding and conflict prevention").
enum MeetingFinder {
    /// The nouns that name a meeting.
    static let heads = English.meetingHeads
    /// Heads that name a body as often as a meeting: a meeting only with a time word or number before.
    static let bodyHeads: Set<String> = ["assembly", "congress", "convention", "debate"]
    static let connectors: Set<String> = ["of", "on", "for", "and"]
    /// Words before an acronym with a number that make it a meeting: "at COP 28", "host TICAD 9".
    static let acronymOpeners: Set<String> = [
        "at", "to", "during", "toward", "towards", "host", "hosts", "hosted", "hosting", "upcoming",
        "before", "ahead", "until", "debate", "of", "for", "attend", "attended", "convene",
    ]
    /// Words any meeting may take: "the high-level meeting", "the annual session".
    static let genericModifiers: Set<String> = [
        "high-level", "annual", "ministerial", "special", "plenary", "open", "general", "regular", "informal", "formal",
        "joint", "important", "historic", "recent", "upcoming", "same", "whole",
    ]
    static let meetingDeterminers: Set<String> = ["the", "a", "an", "its", "their", "this", "that", "our", "his", "her"]

    /// Whether word `i` may be part of a capitalised name: "Summit", "G20", "79th", "Korea-Pacific", "Fifth".
    static func isNameWord(_ t: Tokens, _ i: Int) -> Bool {
        guard i >= 0, i < t.count else { return false }
        let core = t.cores[i]
        let lead = t.leads[i]
        guard lead.isEmpty || lead == "(" || lead == "‘" || lead == "“" || lead == "'" || lead == "\"", let first = core.first else {
            return false
        }
        if !t.classes[i].isDisjoint(with: .function) { return false }
        if first.isUppercase { return t.months[i] == nil }
        if English.ordinalValue(t.lower[i]) != nil { return true }
        return first.isNumber && core.count <= 3
    }

    /// Whether only closing quotes follow word `i`: it may go on into a longer name.
    static func runsOn(_ t: Tokens, _ i: Int) -> Bool { t.trails[i].allSatisfy { "’'”\"".contains($0) } }

    /// Whether the capitalised run starting at `index` holds a meeting word ("G20 Summit in …").
    static func nameHasMeetingHead(_ t: Tokens, from index: Int) -> Bool {
        var i = index
        while i < t.count, i < index + 8 {
            if t.classes[i].contains(.meetingHead), t.isCapitalised(i) { return true }
            let connector = connectors.contains(t.lower[i]) || t.lower[i] == "the"
            guard isNameWord(t, i) || connector else { return false }
            if !runsOn(t, i) { return false }
            i += 1
        }
        return false
    }

    /// Every meeting in a sentence, in order.
    static func find(in t: Tokens) -> [Meeting] {
        var found: [Meeting] = []
        func add(_ range: Range<Int>) {
            guard !range.isEmpty, !found.contains(where: { $0.range.overlaps(range) }) else { return }
            found.append(Meeting(range: range, name: name(t.words, range)))
        }
        for h in t.indices where t.classes[h].contains(.meetingHead) {
            if found.contains(where: { $0.range.contains(h) }) { continue }
            let head = t.lower[h]
            if t.isCapitalised(h) {
                add(capitalised(t, head: h))
            } else if !head.hasSuffix("s") || head == "negotiations" || head == "talks" {
                if let r = described(t, head: h) { add(r) }
            }
        }
        // Acronyms with a number: "COP 28", "COP29", "TICAD 9", "UNGA 79".
        for i in t.indices
        where i > 0 && t.cores[i].utf8.first.map({ $0 >= 0x41 && $0 <= 0x5A }) == true
            && (acronymOpeners.contains(t.lower[i - 1]) || (t.lower[i - 1] == "the" && acronymOpeners.contains(t.lower(i - 2))))
        {
            let c = t.cores[i]
            let letters = c.prefix(while: \.isLetter)
            guard letters.count >= 3, letters.count <= 6, letters.allSatisfy(\.isUppercase) else { continue }
            let rest = c.dropFirst(letters.count)
            if !rest.isEmpty, rest.count <= 3, rest.allSatisfy(\.isNumber) {
                add(i..<(i + 1))
            } else if rest.isEmpty, t.trails[i].isEmpty, i + 1 < t.count, (1...3).contains(t.cores[i + 1].count),
                t.cores[i + 1].allSatisfy(\.isNumber)
            {
                add(i..<(i + 2))
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// A name in capitals around its head: left over name words, right over "of the …", "on …",
    /// "for …" runs of name words.
    static func capitalised(_ t: Tokens, head h: Int) -> Range<Int> {
        var start = h
        while start > 0, isNameWord(t, start - 1), runsOn(t, start - 1), t.years[start - 1] == nil { start -= 1 }
        if bodyHeads.contains(t.lower[h]) {
            // "the General Assembly" is a body; "the last General Assembly" or "the 78th Assembly" a meeting.
            let timed = ["last", "next", "previous", "this", "upcoming"].contains(t.lower(start - 1))
            let numbered = (start..<h).contains { English.ordinalValue(t.lower[$0]) != nil }
            guard timed || numbered else { return h..<h }
            if timed { start -= 1 }
        }
        let end = complement(t, after: h)
        // A head alone ("Summit") is no name.
        if start == h, end == h + 1 { return h..<h }
        return start..<end
    }

    /// The end of a name's complement: "of the United Nations General Assembly", "on Women, Peace and
    /// Security", "on Responsible AI in the Military Domain".
    static func complement(_ t: Tokens, after h: Int) -> Int {
        var end = h + 1
        var inOn = false
        if !runsOn(t, h) { return end }
        while end < t.count {
            let c = t.lower[end]
            var j = end + 1
            guard connectors.contains(c) || c == "to" || (c == "in" && inOn) else { break }
            // "the Second World Summit … and the Fourth International Conference …": two meetings.
            if c == "and", nameHasMeetingHead(t, from: j) { break }
            if c == "to" {
                // "the High-Level Meeting to launch the Friends of FMCT": an infinitive naming its purpose.
                guard j + 1 < t.count, t.cores[j].first?.isLowercase == true, t.classes[j].isDisjoint(with: .function) else { break }
                j += 1
            }
            if t.lower(j) == "the" { j += 1 }
            // A bracket opens an aside, not more of the name: "… General Assembly (Delivered by …)".
            func continues(_ i: Int) -> Bool { isNameWord(t, i) && t.leads[i] != "(" }
            guard continues(j) else { break }
            if c == "on" || c == "for" { inOn = true }
            var k = j
            while k < t.count, continues(k) || (connectors.contains(t.lower[k]) && continues(k + 1)) {
                if !runsOn(t, k) {
                    // "Women, Peace and Security": a comma inside a name closed by "and".
                    if inOn, t.trails[k] == ",", isNameWord(t, k + 1),
                        (t.lower(k + 2) == "and" && isNameWord(t, k + 3)) || (t.lower(k + 1) == "and" && isNameWord(t, k + 2))
                    {
                        k += 1
                        continue
                    }
                    return k + 1
                }
                k += 1
            }
            end = k
        }
        return end
    }

    /// A meeting described in lower case: "the open debate on peacebuilding and conflict prevention",
    /// "the 36th group study session of the Political Bureau …", "their annual meeting in Tonga".
    static func described(_ t: Tokens, head h: Int) -> Range<Int>? {
        if bodyHeads.contains(t.lower[h]) && t.lower[h] != "debate" { return nil }
        // Left: modifiers back to a determiner, at most four words, no punctuation between.
        var start = h
        var determiner: String?
        while start > 0, h - start < 5 {
            let w = t.lower[start - 1]
            if t.closes(start - 1) { break }
            if meetingDeterminers.contains(w) {
                determiner = w
                break
            }
            if !t.classes[start - 1].isDisjoint(with: .function) || w.hasSuffix("ed") || t.years[start - 1] != nil { break }
            start -= 1
        }
        guard let determiner, determiner != "this", determiner != "that" else { return nil }
        var modifiers = start < h
        // "the 5th and the last session": an ordinal joined to the head.
        if start >= 4, t.lower[start - 1] == "the", t.lower[start - 2] == "and", English.ordinalValue(t.lower[start - 3]) != nil,
            t.lower[start - 4] == "the"
        {
            start -= 3
            modifiers = true
        }
        // Right: "of/on/for" and a short phrase up to a stop, a second preposition or a clause.
        var end = h + 1
        if !t.closes(h), end < t.count, ["of", "on", "for", "in"].contains(t.lower[end]) {
            let capitalisedEnd = complement(t, after: h)
            if capitalisedEnd > h + 1 {
                end = capitalisedEnd
            } else if t.lower[end] != "in" {
                // "the negotiations of this Agreement": a meeting pointed back to, not named.
                if ["this", "that", "these", "those"].contains(t.lower(end + 1)) { return nil }
                var k = end + 1
                while k < t.count, k - end <= 7 {
                    let w = t.lower[k]
                    if k > end + 1, !t.classes[k].isDisjoint(with: [.preposition, .relative]) || w.hasSuffix("ed") { break }
                    if t.years[k] != nil || t.months[k] != nil { break }
                    // "a forum on human health resources | later this year": time is no part of a name.
                    if ["later", "earlier", "yesterday", "today", "tomorrow", "soon"].contains(w)
                        || TemporalTagger.opensRelativeSpan(t, at: k)
                    {
                        break
                    }
                    k += 1
                    if t.closes(k - 1) { break }
                }
                if k > end + 1 { end = k }
            } else if t.isCapitalised(end + 1), t.months[end + 1] == nil {
                // "their annual meeting in Tonga"
                end += 2
            }
        }
        guard modifiers || end > h + 1 else { return nil }
        // "The high-level meeting marks …": words any meeting may take name none in particular.
        if end == h + 1, (start..<h).allSatisfy({ genericModifiers.contains(t.lower[$0]) }) { return nil }
        if determiner == "a" || determiner == "an", end == h + 1, !(start..<h).contains(where: { t.isCapitalised($0) }) { return nil }
        return start..<end
    }

    /// The name's words as text, with closing punctuation and quotes trimmed; title case when the
    /// text is in capitals.
    static func name(_ words: [String], _ range: Range<Int>) -> String {
        var parts = Array(words[range])
        let first = Words.split(parts[0])
        let last = Words.split(parts[parts.count - 1])
        parts[0] = parts.count == 1 ? first.core : String(parts[0].dropFirst(first.lead.count))
        if parts.count > 1 { parts[parts.count - 1] = last.core }
        var text = parts.joined(separator: " ")
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        if ascii ? text.utf8.contains(0x22) : text.contains(where: { "“”‘’\"".contains($0) }) { text.removeAll { "“”‘’\"".contains($0) } }
        // A name in capitals is shouted; one word in capitals with a number is an acronym ("TICAD 9").
        let (letters, capitals) =
            ascii
            ? text.utf8.reduce(into: (0, 0)) { n, b in
                if (b | 0x20) >= 0x61, (b | 0x20) <= 0x7A {
                    n.0 += 1
                    if b <= 0x5A { n.1 += 1 }
                }
            }
            : text.reduce(into: (0, 0)) { n, c in
                if c.isLetter {
                    n.0 += 1
                    if c.isUppercase { n.1 += 1 }
                }
            }
        if letters > 3, capitals * 10 >= letters * 8, Words.of(text).filter({ $0.contains(where: \.isLetter) }).count >= 2 {
            text = titleCased(text)
        }
        return Words.trimmedEnd(text)
    }

    /// "THE 79TH SESSION OF THE GENERAL ASSEMBLY" → "the 79th Session of the General Assembly".
    static func titleCased(_ text: String) -> String {
        Words.of(text).map { word -> String in
            let w = String(word)
            let lower = w.lowercased()
            if English.isFunctionWord(lower) || English.ordinalValue(lower) != nil { return lower }
            if w.count <= 4, w.allSatisfy({ $0.isUppercase || $0.isNumber }) { return w }
            return w.split(separator: "-").map { Words.capitalized($0.lowercased()) }.joined(separator: "-")
        }.joined(separator: " ")
    }
}
