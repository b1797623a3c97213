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
    static let heads: Set<String> = [
        "session", "sessions", "summit", "summits", "conference", "conferences", "congress", "forum", "forums",
        "meeting", "meetings", "debate", "dialogue", "plenum", "symposium", "negotiations", "talks", "assembly",
        "convention", "expo", "colloquium", "gathering", "consultations", "retreat",
    ]
    /// Heads that name a body as often as a meeting: a meeting only with a time word or number before.
    static let bodyHeads: Set<String> = ["assembly", "congress", "convention", "debate"]
    static let connectors: Set<String> = ["of", "on", "for", "and"]

    static func isHead(_ core: String) -> Bool { heads.contains(core.lowercased()) }

    /// A word that may be part of a capitalised name: "Summit", "G20", "79th", "Korea-Pacific", "Fifth".
    static func isNameWord(_ word: String) -> Bool {
        let (core, lead, _) = Words.split(word)
        guard lead.isEmpty || lead == "(" || lead == "‘" || lead == "“" || lead == "'" || lead == "\"",
              let first = core.first else { return false }
        if English.isFunctionWord(core) { return false }
        if first.isUppercase { return English.month(core) == nil }
        if English.ordinalValue(core) != nil { return true }
        return first.isNumber && core.count <= 3
    }

    /// Whether the capitalised run starting at `index` holds a meeting word ("G20 Summit in …").
    static func nameHasMeetingHead(_ words: [String], from index: Int) -> Bool {
        var i = index
        while i < words.count, i < index + 8 {
            let (core, _, trail) = Words.split(words[i])
            if isHead(core), core.first?.isUppercase == true { return true }
            let connector = connectors.contains(core.lowercased()) || core.lowercased() == "the"
            guard isNameWord(words[i]) || connector else { return false }
            if !trail.isEmpty, !trail.allSatisfy({ "’'”\"".contains($0) }) { return false }
            i += 1
        }
        return false
    }

    /// Every meeting in a sentence's words, in order.
    static func find(in words: [String]) -> [Meeting] {
        let cores = words.map(Words.core)
        let lower = cores.map { $0.lowercased() }
        var found: [Meeting] = []
        func add(_ range: Range<Int>) {
            guard !range.isEmpty, !found.contains(where: { $0.range.overlaps(range) }) else { return }
            found.append(Meeting(range: range, name: name(words, range)))
        }
        for h in words.indices where isHead(cores[h]) {
            if found.contains(where: { $0.range.contains(h) }) { continue }
            let head = lower[h]
            if cores[h].first?.isUppercase == true {
                add(capitalised(words, cores, lower, head: h))
            } else if !head.hasSuffix("s") || head == "negotiations" || head == "talks" {
                if let r = described(words, cores, lower, head: h) { add(r) }
            }
        }
        // Acronyms with a number: "COP 28", "COP29", "TICAD 9", "UNGA 79".
        let openers: Set<String> = ["at", "to", "during", "toward", "towards", "host", "hosts", "hosted", "hosting", "upcoming",
                                    "before", "ahead", "until", "debate", "of", "for", "attend", "attended", "convene"]
        for i in words.indices where i > 0 && openers.contains(lower[i - 1]) || (i > 0 && lower[i - 1] == "the" && i > 1 && openers.contains(lower[i - 2])) {
            let c = cores[i]
            let letters = c.prefix(while: \.isLetter)
            guard letters.count >= 3, letters.count <= 6, letters.allSatisfy(\.isUppercase) else { continue }
            let rest = c.dropFirst(letters.count)
            if !rest.isEmpty, rest.count <= 3, rest.allSatisfy(\.isNumber) {
                add(i..<(i + 1))
            } else if rest.isEmpty, Words.split(words[i]).trail.isEmpty, i + 1 < words.count, cores[i + 1].count <= 3,
                      cores[i + 1].allSatisfy(\.isNumber), !cores[i + 1].isEmpty {
                add(i..<(i + 2))
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// A name in capitals around its head: left over name words, right over "of the …", "on …",
    /// "for …" runs of name words.
    static func capitalised(_ words: [String], _ cores: [String], _ lower: [String], head h: Int) -> Range<Int> {
        var start = h
        while start > 0, isNameWord(words[start - 1]), Words.split(words[start - 1]).trail.allSatisfy({ "’'”\"".contains($0) }),
              TemporalTagger.Tokens([words[start - 1]]).year(0) == nil {
            start -= 1
        }
        if bodyHeads.contains(lower[h]) {
            // "the General Assembly" is a body; "the last General Assembly" or "the 78th Assembly" a meeting.
            let timed = start > 0 && ["last", "next", "previous", "this", "upcoming"].contains(lower[start - 1])
            let numbered = (start..<h).contains { English.ordinalValue(cores[$0]) != nil }
            guard timed || numbered else { return h..<h }
            if timed { start -= 1 }
        }
        let end = complement(words, cores, lower, after: h)
        // A head alone ("Summit") is no name.
        if start == h, end == h + 1 { return h..<h }
        return start..<end
    }

    /// The end of a name's complement: "of the United Nations General Assembly", "on Women, Peace and
    /// Security", "on Responsible AI in the Military Domain".
    static func complement(_ words: [String], _ cores: [String], _ lower: [String], after h: Int) -> Int {
        var end = h + 1
        var inOn = false
        func closed(_ i: Int) -> Bool { !Words.split(words[i]).trail.allSatisfy { "’'”\"".contains($0) } }
        if closed(h) { return end }
        while end < words.count {
            let c = lower[end]
            var j = end + 1
            guard connectors.contains(c) || c == "to" || (c == "in" && inOn) else { break }
            if c == "to" {
                // "the High-Level Meeting to launch the Friends of FMCT": an infinitive naming its purpose.
                guard j + 1 < words.count, cores[j].first?.isLowercase == true, !English.isFunctionWord(cores[j]) else { break }
                j += 1
            }
            if j < words.count, lower[j] == "the" { j += 1 }
            guard j < words.count, isNameWord(words[j]) else { break }
            if c == "on" { inOn = true }
            var k = j
            while k < words.count, isNameWord(words[k]) || (connectors.contains(lower[k]) && k + 1 < words.count && isNameWord(words[k + 1])) {
                if closed(k) {
                    // "Women, Peace and Security": a comma inside a name closed by "and".
                    let trail = Words.split(words[k]).trail
                    if inOn, trail == ",", k + 3 < words.count, isNameWord(words[k + 1]),
                       (lower[k + 2] == "and" && isNameWord(words[k + 3])) || (lower[k + 1] == "and" && isNameWord(words[k + 2])) {
                        k += 1
                        continue
                    }
                    k += 1
                    return k
                }
                k += 1
            }
            end = k
        }
        return end
    }

    /// A meeting described in lower case: "the open debate on peacebuilding and conflict prevention",
    /// "the 36th group study session of the Political Bureau …", "their annual meeting in Tonga".
    static func described(_ words: [String], _ cores: [String], _ lower: [String], head h: Int) -> Range<Int>? {
        if bodyHeads.contains(lower[h]) && lower[h] != "debate" { return nil }
        // Left: modifiers back to a determiner, at most four words, no punctuation between.
        var start = h
        var determiner: String?
        while start > 0, h - start < 5 {
            let w = lower[start - 1]
            if !Words.split(words[start - 1]).trail.isEmpty { break }
            if ["the", "a", "an", "its", "their", "this", "that", "our", "his", "her"].contains(w) { determiner = w; break }
            if English.isFunctionWord(w) || w.hasSuffix("ed") || TemporalTagger.Tokens([words[start - 1]]).year(0) != nil { break }
            start -= 1
        }
        guard let determiner, determiner != "this", determiner != "that" else { return nil }
        var modifiers = start < h
        // "the 5th and the last session": an ordinal joined to the head.
        if start >= 4, lower[start - 1] == "the", lower[start - 2] == "and", English.ordinalValue(cores[start - 3]) != nil,
           lower[start - 4] == "the" {
            start -= 3
            modifiers = true
        }
        // Right: "of/on/for" and a short phrase up to a stop, a second preposition or a clause.
        var end = h + 1
        let closed = !Words.split(words[h]).trail.isEmpty
        if !closed, end < words.count, ["of", "on", "for", "in"].contains(lower[end]) {
            let capitalisedEnd = complement(words, cores, lower, after: h)
            if capitalisedEnd > h + 1 {
                end = capitalisedEnd
            } else if lower[end] != "in" {
                var k = end + 1
                while k < words.count, k - end <= 7 {
                    let w = lower[k]
                    if k > end + 1, English.prepositions.contains(w) || English.relatives.contains(w) || w.hasSuffix("ed") { break }
                    if TemporalTagger.Tokens([words[k]]).year(0) != nil || English.month(cores[k]) != nil { break }
                    k += 1
                    if !Words.split(words[k - 1]).trail.isEmpty { break }
                }
                if k > end + 1 { end = k }
            } else if end + 1 < words.count, cores[end + 1].first?.isUppercase == true, English.month(cores[end + 1]) == nil {
                // "their annual meeting in Tonga"
                end += 2
            }
        }
        guard modifiers || end > h + 1 else { return nil }
        if determiner == "a" || determiner == "an", end == h + 1, !(start..<h).contains(where: { cores[$0].first?.isUppercase == true }) { return nil }
        return start..<end
    }

    /// The name's words as text, with closing punctuation and quotes trimmed; title case when the
    /// text is in capitals.
    static func name(_ words: [String], _ range: Range<Int>) -> String {
        var parts = Array(words[range])
        let first = Words.split(parts[0]), last = Words.split(parts[parts.count - 1])
        parts[0] = parts.count == 1 ? first.core : String(parts[0].dropFirst(first.lead.count))
        if parts.count > 1 { parts[parts.count - 1] = last.core }
        var text = parts.joined(separator: " ")
        for q in ["“", "”", "‘", "’", "\""] { text = text.replacingOccurrences(of: q, with: "") }
        let letters = text.filter(\.isLetter)
        if letters.count > 3, letters.filter(\.isUppercase).count * 10 >= letters.count * 8 { text = titleCased(text) }
        return Words.trimmedEnd(text)
    }

    /// "THE 79TH SESSION OF THE GENERAL ASSEMBLY" → "the 79th Session of the General Assembly".
    static func titleCased(_ text: String) -> String {
        text.split(separator: " ").map { word -> String in
            let w = String(word)
            let lower = w.lowercased()
            if English.isFunctionWord(lower) || English.ordinalValue(lower) != nil { return lower }
            if w.count <= 4, w.allSatisfy({ $0.isUppercase || $0.isNumber }) { return w }
            return w.split(separator: "-").map { Words.capitalized($0.lowercased()) }.joined(separator: "-")
        }.joined(separator: " ")
    }
}
