/// Short forms a teacher accepts in every deck, as data: each phrase on the left is read as the
/// words on the right, in typed answers and cards' answers alike. Card-specific short forms are
/// the deck's `alternatives`. The README lists this table.
enum Equivalences {
    /// (phrase, read as): longer phrases first, so that "communist party of china" is read whole.
    static let pairs: [(String, String)] = [
        ("national congress of the communist party of china", "cpc national congress"),
        ("national congress of the cpc", "cpc national congress"),
        ("national congress of the party", "cpc national congress"),
        ("congress of the communist party of china", "cpc national congress"),
        ("congress of the cpc", "cpc national congress"),
        ("communist party of china", "cpc"),
        ("chinese communist party", "cpc"),
        ("communist party", "cpc"),
        ("party congress", "cpc national congress"),
        ("cpc congress", "cpc national congress"),
        ("ccp", "cpc"),
        ("party", "cpc"),
        ("national people congress", "npc"),
        ("politburo", "political bureau"),
        ("plenary session", "plenum"),
        ("plenary", "plenum"),
        ("artificial intelligence", "ai"),
        ("united nations", "un"),
        ("european union", "eu"),
        ("sustainable development goals", "sdgs"),
        ("sustainable development goal", "sdg"),
        ("per cent", "percent"),
        // Abbreviations anyone writes in a hurry.
        ("s and t", "science and technology"),
        ("sci and tech", "science and technology"),
        ("conf", "conference"),
        ("yr", "year"),
        ("yrs", "years"),
        ("govt", "government"),
        ("intl", "international"),
        ("natl", "national"),
    ]
    /// The table by each phrase's first word, longer phrases first.
    static let byFirstWord: [String: [Entry]] = {
        var table: [String: [Entry]] = [:]
        for (phrase, reading) in pairs {
            let words = phrase.split(separator: " ").map(String.init).filter { $0 != "the" }
            table[words[0], default: []].append(Entry(phrase: words, reading: reading.split(separator: " ").map(String.init)))
        }
        return table.mapValues { entries in entries.sorted { $0.phrase.count > $1.phrase.count } }
    }()
    struct Entry { var phrase: [String], reading: [String] }

    /// The words with every phrase of the table replaced by its reading. Articles are already
    /// dropped, so "the" never stands inside a phrase here.
    static func apply(_ words: [String]) -> [String] {
        var out: [String] = []
        out.reserveCapacity(words.count)
        var i = 0
        outer: while i < words.count {
            for entry in byFirstWord[words[i]] ?? [] {
                let phrase = entry.phrase
                if i + phrase.count <= words.count, words[i..<(i + phrase.count)].elementsEqual(phrase) {
                    out += entry.reading
                    i += phrase.count
                    continue outer
                }
            }
            out.append(words[i])
            i += 1
        }
        return out
    }
}
