/// A clause read as fronted adverbial + subject + verb group + rest, enough to turn a statement
/// into a question ("I proposed building X" → "did the speaker propose building X").
struct Clause {
    /// Words before the subject ("When working in Fujian Province in the year 2000").
    var prefix: Range<Int>
    var subject: Range<Int>
    /// Adverbs between subject and verb ("again").
    var adverbs: [String]
    /// An auxiliary ("have", "will"), if the verb group has one.
    var auxiliary: String?
    /// The main verb as written, with its particle ("pointed out").
    var verb: String
    /// The verb's base form with its particle ("point out"), nil for "was"/"were".
    var base: String?
    /// Words after the verb group.
    var rest: Range<Int>

    static let subjectPronouns: Set<String> = ["i", "we", "he", "she", "they", "it"]
    static let subordinators: Set<String> = [
        "when", "while", "since", "at", "in", "on", "according", "after", "as", "during", "by", "with",
        "for", "to", "if", "although", "though", "because", "before", "from", "under", "through",
        "over", "looking", "all", "having", "upon", "following", "against", "among", "within", "without",
        "of", "that", "which", "who", "where", "than", "and", "but", "or", "about",
    ]
    static let particles: [String: Set<String>] = [
        "point": ["out"], "put": ["forward"], "call": ["for", "on"], "set": ["out", "up", "forth"],
        "lay": ["out", "down"], "carry": ["out"], "bring": ["forward", "up"], "take": ["up"],
        "spell": ["out"], "roll": ["out"],
    ]
    static let participles: [String: String] = [
        "given": "give", "taken": "take", "made": "make", "done": "do", "seen": "see", "written": "write",
        "spoken": "speak", "chosen": "choose", "shown": "show", "known": "know", "grown": "grow",
        "drawn": "draw", "begun": "begin", "become": "become", "come": "come", "held": "hold", "led": "lead",
        "built": "build", "been": "be", "said": "say", "put": "put", "set": "set", "laid": "lay",
        "brought": "bring", "undertaken": "undertake", "risen": "rise", "won": "win", "achieved": "achieve",
    ]

    /// Reads the clause in `words[span]`, or nil when no subject and verb are found.
    static func parse(_ words: [String], span: Range<Int>, skipping excluded: [Range<Int>] = []) -> Clause? {
        let cores = words.map { Words.core($0).lowercased() }
        var i = span.lowerBound
        while i < span.upperBound {
            defer { i += 1 }
            if excluded.contains(where: { $0.contains(i) }) { continue }
            let w = cores[i]
            var auxiliary: String?
            var verbIndex = i
            var adverbs: [String] = []
            if English.auxiliaries.contains(w), i > span.lowerBound {
                var j = i + 1
                while j < span.upperBound, English.isAdverb(cores[j]) { adverbs.append(words[j]); j += 1 }
                guard j < span.upperBound else { continue }
                let v = cores[j]
                let isVerb = participles[v] != nil || English.isPastVerb(v) || English.baseVerbs.contains(v) || English.reportingVerbs.contains(v)
                if isVerb, !["was", "were", "is", "are", "am"].contains(w) || English.isPastVerb(v) {
                    auxiliary = words[i]
                    verbIndex = j
                } else if ["was", "were", "is", "are", "am"].contains(w) {
                    verbIndex = i
                    adverbs = []
                } else {
                    continue
                }
            } else if !English.isPastVerb(w) || i == span.lowerBound {
                continue
            }
            // The subject ends right before i, past any adverbs.
            var s = i
            var leadingAdverbs: [String] = []
            while s > span.lowerBound, English.isAdverb(cores[s - 1]) {
                leadingAdverbs.insert(words[s - 1], at: 0)
                s -= 1
            }
            guard s > span.lowerBound else { continue }
            let subjectEnd = s
            var subjectStart: Int
            if subjectPronouns.contains(cores[s - 1]) {
                subjectStart = s - 1
            } else {
                if !Words.split(words[s - 1]).trail.isEmpty { continue }
                subjectStart = s - 1
                while subjectStart > span.lowerBound, Words.split(words[subjectStart - 1]).trail.isEmpty {
                    subjectStart -= 1
                }
                if subordinators.contains(cores[subjectStart]) { continue }
                if subjectEnd - subjectStart > 12 { continue }
            }
            let verbCore = cores[verbIndex]
            var verb = Words.trimmedEnd(words[verbIndex])
            var base: String? = auxiliary == nil ? English.baseOfPast(verbCore) : (participles[verbCore] ?? English.baseOfPast(verbCore) ?? verbCore)
            if auxiliary == nil, ["was", "were"].contains(verbCore) { base = nil }
            var restStart = verbIndex + 1
            if let b = base, let allowed = particles[b], restStart < span.upperBound, allowed.contains(cores[restStart]),
               Words.split(words[verbIndex]).trail.isEmpty {
                verb += " " + Words.trimmedEnd(words[restStart])
                base = b + " " + cores[restStart]
                restStart += 1
            }
            return Clause(prefix: span.lowerBound..<subjectStart, subject: subjectStart..<subjectEnd,
                          adverbs: leadingAdverbs + adverbs, auxiliary: auxiliary, verb: verb, base: base,
                          rest: restStart..<span.upperBound)
        }
        return nil
    }

    /// The inverted verb group for a question: ("did", "propose") or ("has", "emphasized") or
    /// ("was", "").
    func questionParts() -> (auxiliary: String, verb: String) {
        if let aux = auxiliary {
            let a = aux.lowercased()
            let agreed = a == "have" ? "has" : (a == "are" || a == "am") ? "is" : a == "were" ? "was" : a
            return (agreed, verb)
        }
        guard let base else { return (verb.lowercased() == "were" ? "was" : verb.lowercased(), "") }
        return ("did", base)
    }
}
