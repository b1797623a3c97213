/// A named meeting found in a sentence ("the Fifth Plenary Session of the 18th CPC Central
/// Committee", "the 2016 G20 Summit in Hangzhou").
struct Meeting: Equatable {
    /// The words it covers in the sentence, from its determiner to its last word, including a
    /// following "in 2016".
    var range: Range<Int>
    /// Its full name with "the", resolved through "its" to its owner, year left out.
    var name: String
    /// The name as written with a year that stood inside it ("the 2016 G20 Summit in Hangzhou").
    var nameWithYear: String?
    /// The year tied to it, if any.
    var year: String?
    /// The owner named elsewhere, when the text says "its Fifth Plenary Session".
    var owner: String?
    /// "its Fifth Plenary Session": the name as the sentence words it, without the year.
    var possessiveName: String?
}

/// Finds named meetings: plenary and group study sessions, congresses, summits, conferences,
/// assemblies, forums and the like.
enum MeetingFinder {
    static let heads: Set<String> = [
        "session", "sessions", "congress", "summit", "conference", "assembly", "forum", "meeting",
        "plenum", "symposium", "convention", "dialogue", "expo", "colloquium", "gathering",
    ]
    static let organizationHeads: Set<String> = [
        "committee", "bureau", "congress", "council", "party", "commission", "government", "assembly",
        "nations", "union", "organization", "organisation", "conference", "league", "ministry",
    ]
    static let lowercaseModifiers: Set<String> = [
        "group", "study", "plenary", "general", "annual", "special", "national", "central", "working",
        "extraordinary", "high-level", "ministerial", "full", "closing", "opening", "first", "second",
    ]
    static let determiners: Set<String> = ["the", "its", "their", "a", "an", "this", "that", "his", "her", "our", "my"]
    static let connectors: Set<String> = ["of", "on", "for", "and", "in"]

    static func isMeetingHead(_ core: String) -> Bool { heads.contains(core.lowercased()) }

    static func isNameWord(_ word: String) -> Bool {
        let (core, lead, _) = Words.split(word)
        guard lead.isEmpty || lead == "(", let first = core.first else { return false }
        if first.isUppercase { return DatePhrase.monthIndex(core) == nil }
        if English.ordinalValue(core) != nil { return true }
        return first.isNumber && DatePhrase.isYear(core) == nil && core.contains(where: \.isLetter)
    }

    /// Whether the capitalised run starting at `index` ends in a meeting word ("G20 Summit").
    static func nameRunHasMeetingHead(_ words: [String], from index: Int) -> Bool {
        var i = index
        while i < words.count {
            let (core, _, trail) = Words.split(words[i])
            if isMeetingHead(core), core.first?.isUppercase == true { return true }
            guard isNameWord(words[i]) || (connectors.contains(core) && i + 1 < words.count && isNameWord(words[i + 1])) else { return false }
            if !trail.isEmpty { return false }
            i += 1
        }
        return false
    }

    /// Every meeting in a sentence's words, in order.
    static func find(in words: [String]) -> [Meeting] {
        let cores = words.map(Words.core)
        var meetings: [Meeting] = []
        var h = 0
        while h < words.count {
            guard isMeetingHead(cores[h]) else { h += 1; continue }
            if let m = meeting(at: h, words: words, cores: cores), !meetings.contains(where: { $0.range.overlaps(m.range) }) {
                meetings.append(m)
                h = m.range.upperBound
            } else {
                h += 1
            }
        }
        return meetings
    }

    static func meeting(at head: Int, words: [String], cores: [String]) -> Meeting? {
        // Grow right to a later head in the same capitalised run ("Conference Wuzhen Summit").
        var last = head
        if Words.split(words[head]).trail.isEmpty {
            var j = head + 1
            while j < words.count, isNameWord(words[j]) {
                if isMeetingHead(cores[j]) { last = j }
                if !Words.split(words[j]).trail.isEmpty { break }
                j += 1
            }
        }
        // Left: modifiers up to a determiner.
        var start = head
        var strong = cores[head].first?.isUppercase == true
        var year: String?
        while start > 0 {
            let w = words[start - 1], c = cores[start - 1]
            if !Words.split(w).trail.isEmpty { break }
            if determiners.contains(c.lowercased()) { break }
            if let _ = DatePhrase.isYear(c) { year = c; start -= 1; strong = true; continue }
            if isNameWord(w) { strong = true; start -= 1; continue }
            if lowercaseModifiers.contains(c.lowercased()) { start -= 1; continue }
            break
        }
        if start == head, !strong { return nil }
        var determiner: String?
        if start > 0, determiners.contains(cores[start - 1].lowercased()), Words.split(words[start - 1]).trail.isEmpty {
            determiner = cores[start - 1].lowercased()
        }
        // Right: "of the Political Bureau of the …", "on Economic Work", "in Hangzhou".
        var end = last + 1
        while end < words.count, Words.split(words[end - 1]).trail.isEmpty {
            let c = cores[end].lowercased()
            guard connectors.contains(c), c != "and" else { break }
            var k = end + 1
            if k < words.count, cores[k].lowercased() == "the" { k += 1 }
            var runEnd = k
            while runEnd < words.count, isNameWord(words[runEnd]) || (English.ordinalValue(cores[runEnd]) != nil) {
                if DatePhrase.isYear(cores[runEnd]) != nil { break }
                runEnd += 1
                if !Words.split(words[runEnd - 1]).trail.isEmpty { break }
                if runEnd < words.count, cores[runEnd].lowercased() == "and" || cores[runEnd].lowercased() == "of",
                   runEnd + 1 < words.count, isNameWord(words[runEnd + 1]), Words.split(words[runEnd - 1]).trail.isEmpty,
                   cores[runEnd].lowercased() == "and" {
                    runEnd += 1
                }
            }
            if runEnd == k { break }
            if c == "in", runEnd - k > 3 { break }
            strong = true
            end = runEnd
        }
        guard strong else { return nil }
        let nameWords = Array(words[start..<end])
        var plain: [String] = []
        for (offset, w) in nameWords.enumerated() {
            let core = Words.core(w)
            if let y = year, core == y, offset < nameWords.count - 1 { continue }
            plain.append(offset == nameWords.count - 1 ? Words.trimmedEnd(w) : w)
        }
        let bare = plain.joined(separator: " ")
        let withYear = Words.trimmedEnd(nameWords.joined(separator: " "))
        var rangeStart = determiner == nil ? start : start - 1
        if rangeStart < 0 { rangeStart = 0 }
        var rangeEnd = end
        // "… in 2016" right after the name ties the year to the meeting.
        if year == nil, end + 1 < words.count, cores[end].lowercased() == "in", Words.split(words[end - 1]).trail.isEmpty,
           let _ = DatePhrase.isYear(cores[end + 1]) {
            year = cores[end + 1]
            rangeEnd = end + 2
        }
        var m = Meeting(range: rangeStart..<rangeEnd, name: "the " + bare, nameWithYear: nil, year: year, owner: nil, possessiveName: nil)
        if year != nil, withYear != bare { m.nameWithYear = "the " + withYear }
        if let d = determiner, d == "its" || d == "their" {
            if let owner = organization(in: words, cores: cores, outside: m.range) {
                m.possessiveName = d + " " + bare
                m.owner = owner
                m.name = "the " + bare + " of " + owner
            } else {
                return nil
            }
        }
        return m
    }

    /// The organisation nearest to a possessive meeting, e.g. "the 18th CPC Central Committee".
    static func organization(in words: [String], cores: [String], outside excluded: Range<Int>) -> String? {
        var best: (distance: Int, text: String)?
        for h in words.indices where !excluded.contains(h) && organizationHeads.contains(cores[h].lowercased())
            && cores[h].first?.isUppercase == true {
            var s = h
            while s > 0, Words.split(words[s - 1]).trail.isEmpty, !excluded.contains(s - 1),
                  !determiners.contains(cores[s - 1].lowercased()),
                  isNameWord(words[s - 1]) || lowercaseModifiers.contains(cores[s - 1].lowercased()) {
                s -= 1
            }
            var e = h + 1
            while e + 1 < words.count, cores[e] == "of", Words.split(words[e - 1]).trail.isEmpty {
                var k = e + 1
                if cores[k].lowercased() == "the" { k += 1 }
                var r = k
                while r < words.count, isNameWord(words[r]) { r += 1; if !Words.split(words[r - 1]).trail.isEmpty { break } }
                if r == k { break }
                e = r
            }
            let text = "the " + Words.trimmedEnd(words[s..<e].joined(separator: " "))
            let distance = h < excluded.lowerBound ? excluded.lowerBound - h : h - excluded.upperBound
            if best.map({ distance < $0.distance }) ?? true { best = (distance, text) }
        }
        return best?.text
    }
}
