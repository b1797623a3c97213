/// Small, rule-based pieces of English that the generator needs: ordinals, numbers, verb forms
/// and first-person pronouns. Rules only, no word lists of any one document.
enum English {
    static let ordinalWords = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
        "eighteenth", "nineteenth", "twentieth",
    ]
    static let cardinalWords = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen", "twenty",
    ]
    static let tensOrdinals = [
        "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
        "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    ]
    static let tensCardinals = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90,
    ]

    /// The ordinal word for 1…20 ("third"), else the digit form ("21st").
    static func ordinalWord(_ n: Int) -> String {
        (1...ordinalWords.count).contains(n) ? ordinalWords[n - 1] : ordinalDigits(n)
    }

    /// The cardinal word for 1…20 ("seven"), else digits.
    static func cardinalWord(_ n: Int) -> String {
        (1...cardinalWords.count).contains(n) ? cardinalWords[n - 1] : String(n)
    }

    /// "1st", "2nd", "23rd", "11th".
    static func ordinalDigits(_ n: Int) -> String {
        let tens = (n / 10) % 10
        let ones = n % 10
        let suffix = tens == 1 ? "th" : (ones == 1 ? "st" : ones == 2 ? "nd" : ones == 3 ? "rd" : "th")
        return "\(n)\(suffix)"
    }

    /// The value of an ordinal in words or digits ("Fifth", "36th", "thirty-sixth"), or nil.
    static func ordinalValue(_ word: String) -> Int? {
        let w = word.lowercased()
        if let i = ordinalWords.firstIndex(of: w) { return i + 1 }
        if let v = tensOrdinals[w] { return v }
        let parts = w.utf8.contains(0x2D) ? w.split(separator: "-").map(String.init) : []
        if parts.count == 2, let t = tensCardinals[parts[0]], let i = ordinalWords.firstIndex(of: parts[1]), i < 9 {
            return t + i + 1
        }
        for suffix in ["st", "nd", "rd", "th"] where w.hasSuffix(suffix) {
            let digits = w.dropLast(2)
            if !digits.isEmpty, digits.allSatisfy(\.isNumber), let v = Int(digits) { return v }
        }
        return nil
    }

    /// The value of a cardinal in words ("seven") or digits, or nil.
    static func cardinalValue(_ word: String) -> Int? {
        let w = word.lowercased()
        if let i = cardinalWords.firstIndex(of: w) { return i + 1 }
        if let v = tensCardinals[w] { return v }
        let parts = w.utf8.contains(0x2D) ? w.split(separator: "-").map(String.init) : []
        if parts.count == 2, let t = tensCardinals[parts[0]], let i = cardinalWords.firstIndex(of: parts[1]), i < 9 {
            return t + i + 1
        }
        return w.allSatisfy(\.isNumber) ? Int(w) : nil
    }

    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ]

    /// The month's number (1…12) for a month name written as a name: "October", "OCTOBER".
    /// Lower-case "may" and "march" are verbs, not months.
    static func month(_ core: String) -> Int? {
        // Month names are capitalised ASCII words of three to nine letters: most words fail on a byte.
        guard let first = core.utf8.first, first >= 0x41, first <= 0x5A, (3...9).contains(core.utf8.count),
            let i = months.firstIndex(of: core.lowercased())
        else { return nil }
        return i + 1
    }

    /// The capitalised month name.
    static func monthName(_ month: Int) -> String { Words.capitalized(months[month - 1]) }

    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    // MARK: Word classes

    /// Words that open a prepositional phrase.
    static let prepositions: Set<String> = [
        "of", "in", "on", "at", "by", "for", "with", "from", "to", "into", "onto", "upon", "about", "through",
        "towards", "toward", "during", "since", "until", "till", "before", "after", "among", "between",
        "across", "against", "within", "without", "under", "over", "via", "beyond", "around", "throughout",
    ]
    static let determiners: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "my", "his", "her", "your",
        "every", "each", "all", "both", "some", "any", "no", "another",
    ]
    /// The nouns that name a meeting.
    static let meetingHeads: Set<String> = [
        "session", "sessions", "summit", "summits", "conference", "conferences", "congress", "forum", "forums",
        "meeting", "meetings", "debate", "dialogue", "plenum", "symposium", "negotiations", "talks", "assembly",
        "convention", "expo", "colloquium", "gathering", "consultations", "retreat",
    ]
    static let modals: Set<String> = ["will", "would", "shall", "should", "must", "can", "could", "may", "might"]
    static let beVerbs: Set<String> = ["is", "are", "was", "were", "be", "been", "being", "am"]
    /// Participles that do not end in "-ed": "bound by faith", "made in", "held at".
    static let irregularParticiples: Set<String> = [
        "bound", "made", "held", "led", "built", "taken", "given", "driven", "known", "seen", "done", "born", "brought",
        "caught", "written", "chosen", "shown", "grown", "drawn", "sent", "spent", "kept", "left", "meant", "won",
    ]

    /// Whether a word is a past participle by its ending or among the common irregular ones.
    static func isParticiple(_ lower: String) -> Bool { lower.hasSuffix("ed") || irregularParticiples.contains(lower) }
    static let conjunctions: Set<String> = ["and", "or", "but", "nor", "yet", "so"]
    static let subordinators: Set<String> = [
        "as", "since", "because", "while", "whereas", "although", "though", "if", "when", "whenever", "once",
        "unless", "where", "after", "before", "until",
    ]
    static let relatives: Set<String> = ["which", "who", "whom", "whose", "that", "where"]
    static let pronouns: Set<String> = ["i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "them"]
    /// Words before a list that make its items examples, not the point of the sentence.
    static let exampleMarkers: Set<String> = ["such", "like", "including", "e.g", "from"]

    /// Word endings that mark a noun ("sincerity", "development"), not a verb.
    static let nounEndings = [
        "ity", "ness", "tion", "sion", "ment", "ance", "ence", "ism", "ship", "hood", "ure", "ers", "ors", "ies", "acy",
    ]

    /// Whether a lower-case word reads as a noun by its ending.
    static func looksLikeNoun(_ word: String) -> Bool {
        guard word.utf8.count > 4 else { return false }
        return looksLikeNoun(lower: word.lowercased())
    }

    /// ``looksLikeNoun(_:)`` for a word already in lower case, comparing bytes.
    static func looksLikeNoun(lower word: String) -> Bool {
        guard word.utf8.count > 4 else { return false }
        func ends(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            nounEndingBytes.contains { ending in bytes.count >= ending.count && bytes[(bytes.count - ending.count)...].elementsEqual(ending)
            }
        }
        return word.utf8.withContiguousStorageIfAvailable(ends) ?? Array(word.utf8).withUnsafeBufferPointer(ends)
    }
    static let nounEndingBytes = nounEndings.map { Array($0.utf8) }

    /// Whether a lower-case word carries content: no function word and no subordinator.
    static func isContentWord(_ lower: String) -> Bool { wordClass(lower).isDisjoint(with: WordClass.function.union(.subordinator)) }

    /// Whether a word is a function word: it cannot start or end a content phrase.
    static func isFunctionWord(_ word: String) -> Bool { !wordClass(word.lowercased()).isDisjoint(with: .function) }

    /// The classes of a lower-case word, from one table lookup.
    static func wordClass(_ lower: String) -> WordClass {
        lower.utf8.count > classTableLongest ? [] : classTable[lower] ?? []
    }

    /// The longest word of ``classTable``, in bytes: longer words need no lookup.
    static let classTableLongest = classTable.keys.map(\.utf8.count).max() ?? 0

    static let classTable: [String: WordClass] = {
        var table: [String: WordClass] = [:]
        for (words, c) in [
            (prepositions, WordClass.preposition), (determiners, .determiner), (modals, .modal), (beVerbs, .be),
            (conjunctions, .conjunction), (relatives, .relative), (pronouns, .pronoun), (subordinators, .subordinator),
            (exampleMarkers, .example), (meetingHeads, .meetingHead),
        ] {
            for w in words { table[w, default: []].insert(c) }
        }
        return table
    }()
}

/// What kind of word a word is, as far as the generator asks.
struct WordClass: OptionSet, Sendable {
    let rawValue: UInt16
    static let preposition = WordClass(rawValue: 1)
    static let determiner = WordClass(rawValue: 2)
    static let modal = WordClass(rawValue: 4)
    static let be = WordClass(rawValue: 8)
    static let conjunction = WordClass(rawValue: 16)
    static let relative = WordClass(rawValue: 32)
    static let pronoun = WordClass(rawValue: 64)
    static let subordinator = WordClass(rawValue: 128)
    /// A noun by its ending ("sincerity", "development").
    static let nounLike = WordClass(rawValue: 256)
    /// A word that makes what follows examples: "such", "like", "including".
    static let example = WordClass(rawValue: 512)
    /// A noun that names a meeting: "session", "summit" (``English/meetingHeads``).
    static let meetingHead = WordClass(rawValue: 1024)
    /// Words that cannot start or end a content phrase.
    static let function: WordClass = [.preposition, .determiner, .modal, .be, .conjunction, .relative, .pronoun]
}

/// Helpers over whitespace-separated words that keep their punctuation attached.
enum Words {
    /// Whether a clause ends after this word: it ends in , ; or : or is a dash, compared as bytes.
    static func endsClause(_ word: String) -> Bool {
        let utf8 = word.utf8
        guard let last = utf8.last else { return false }
        if last == 0x2C || last == 0x3B || last == 0x3A { return true }
        // "—" and "–" are E2 80 94 and E2 80 93.
        return utf8.count == 3 && utf8.first == 0xE2 && (last == 0x94 || last == 0x93) && utf8.dropFirst().first == 0x80
    }

    /// Splits "(2016," into ("2016", "(", ",").
    static func split(_ word: String) -> (core: String, lead: String, trail: String) {
        // Most words begin and end with an ASCII letter or digit: nothing to strip.
        if let f = word.utf8.first, let l = word.utf8.last, isASCIIAlphanumeric(f), isASCIIAlphanumeric(l) { return (word, "", "") }
        let scalars = word.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, !isWordScalar(scalars[start]) { start = scalars.index(after: start) }
        while end > start, !isWordScalar(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        if start == scalars.startIndex, end == scalars.endIndex { return (word, "", "") }
        return (String(scalars[start..<end]), String(scalars[scalars.startIndex..<start]), String(scalars[end...]))
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }

    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 128 { return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122) }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// The words of folded text (words set apart by single spaces), punctuation attached. Split
    /// as bytes: splitting a String by Characters costs a grapheme check per letter.
    static func of(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var words: [String] = []
            var start = 0
            for i in bytes.indices where bytes[i] == 0x20 {
                if i > start { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) }
                start = i + 1
            }
            if bytes.count > start { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
            return words
        }
    }

    /// How many words folded text has.
    static func count(_ text: String) -> Int {
        var n = 0
        var inWord = false
        for b in text.utf8 {
            if b == 0x20 {
                inWord = false
            } else if !inWord {
                inWord = true
                n += 1
            }
        }
        return n
    }

    /// Whether a lower-case word is an adverb by its "-ly" ending ("actively", "simultaneously"),
    /// not a noun or adjective that ends so ("family", "supply", "assembly", "daily").
    static func isAdverb(_ lower: String) -> Bool {
        lower.hasSuffix("ly") && lower.utf8.count > 4 && !notAdverbs.contains(lower)
    }
    static let notAdverbs: Set<String> = [
        "family", "supply", "assembly", "italy", "reply", "rally", "apply", "multiply", "comply", "rely", "imply", "anomaly",
        "monopoly", "butterfly", "daily", "weekly", "monthly", "yearly", "early", "elderly", "friendly", "likely", "lovely", "holy",
    ]

    /// The word without surrounding punctuation.
    static func core(_ word: String) -> String { split(word).core }

    /// "the speaker" → "The speaker".
    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// The text before the first occurrence of any of `needles`, or the whole text.
    static func prefix(_ text: String, before needles: [String]) -> String {
        let bytes = Array(text.utf8)
        var cut = bytes.count
        for needle in needles {
            let n = Array(needle.utf8)
            guard let first = n.first, n.count <= cut else { continue }
            var i = 0
            while i + n.count <= cut {
                if bytes[i] == first, bytes[i..<(i + n.count)].elementsEqual(n) {
                    cut = i
                    break
                }
                i += 1
            }
        }
        return cut == bytes.count ? text : String(decoding: bytes[..<cut], as: UTF8.self)
    }

    /// Whether `needle` stands in `text` as whole words (both normalised: words set apart by
    /// single spaces), compared as bytes.
    static func containsWords(_ text: String, _ needle: String) -> Bool {
        let h = Array(text.utf8)
        let n = Array(needle.utf8)
        guard !n.isEmpty, n.count <= h.count else { return false }
        var i = 0
        while i + n.count <= h.count {
            if i == 0 || h[i - 1] == 0x20, i + n.count == h.count || h[i + n.count] == 0x20, h[i] == n[0],
                h[i..<(i + n.count)].elementsEqual(n)
            {
                return true
            }
            i += 1
        }
        return false
    }

    /// Removes trailing sentence punctuation and spaces.
    static func trimmedEnd(_ text: String) -> String {
        var t = Substring(text)
        while let last = t.last, ".,;:!? ".contains(last) { t = t.dropLast() }
        return String(t)
    }

    /// Whether the text is already folded: no whitespace but single spaces between words. Checked
    /// on the bytes, since most lines of a text are, and folding scalar by scalar is slow.
    static func isFolded(_ text: String) -> Bool {
        var previous: UInt8 = 0x20
        var i = 0
        var result = true
        text.utf8.withContiguousStorageIfAvailable { bytes in
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b == 0x20 {
                    if previous == 0x20 {
                        result = false
                        return
                    }
                } else if b < 0x20 || b == 0x7F {
                    result = false
                    return
                } else if b >= 0xC2, b <= 0xE3 {
                    // Unicode spaces: C2 85, C2 A0, E1 9A 80, E2 80 80–8A/A8/A9/AF, E2 81 9F, E3 80 80.
                    let b1 = i + 1 < n ? bytes[i + 1] : 0
                    let b2 = i + 2 < n ? bytes[i + 2] : 0
                    if b == 0xC2, b1 == 0x85 || b1 == 0xA0 {
                        result = false
                        return
                    }
                    if b == 0xE1, b1 == 0x9A, b2 == 0x80 {
                        result = false
                        return
                    }
                    if b == 0xE2, b1 == 0x80, (0x80...0x8A).contains(b2) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF {
                        result = false
                        return
                    }
                    if b == 0xE2, b1 == 0x81, b2 == 0x9F {
                        result = false
                        return
                    }
                    if b == 0xE3, b1 == 0x80, b2 == 0x80 {
                        result = false
                        return
                    }
                }
                previous = b
                i += 1
            }
            if previous == 0x20, n > 0 { result = false }
        } ?? { result = false }()
        return result
    }

    /// Folds every run of whitespace into one space and trims the ends.
    static func folded(_ text: String) -> String {
        if isFolded(text) { return text }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in text.unicodeScalars {
            if s.value == 32 || s.value == 9 || s.value == 10 || s.value == 13 || (s.value > 127 && s.properties.isWhitespace) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(s)
        }
        return String(out)
    }
}
