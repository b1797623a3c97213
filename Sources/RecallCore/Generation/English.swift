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
        let tens = (n / 10) % 10, ones = n % 10
        let suffix = tens == 1 ? "th" : (ones == 1 ? "st" : ones == 2 ? "nd" : ones == 3 ? "rd" : "th")
        return "\(n)\(suffix)"
    }

    /// The value of an ordinal in words or digits ("Fifth", "36th", "thirty-sixth"), or nil.
    static func ordinalValue(_ word: String) -> Int? {
        let w = word.lowercased()
        if let i = ordinalWords.firstIndex(of: w) { return i + 1 }
        if let v = tensOrdinals[w] { return v }
        let parts = w.split(separator: "-").map(String.init)
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
        let parts = w.split(separator: "-").map(String.init)
        if parts.count == 2, let t = tensCardinals[parts[0]], let i = cardinalWords.firstIndex(of: parts[1]), i < 9 {
            return t + i + 1
        }
        return w.allSatisfy(\.isNumber) ? Int(w) : nil
    }

    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ]

    // MARK: Verbs

    static let irregularPast: [String: String] = [
        "said": "say", "made": "make", "gave": "give", "took": "take", "put": "put", "set": "set",
        "held": "hold", "led": "lead", "laid": "lay", "went": "go", "came": "come", "saw": "see",
        "began": "begin", "became": "become", "brought": "bring", "built": "build", "thought": "think",
        "wrote": "write", "spoke": "speak", "told": "tell", "found": "find", "met": "meet", "sent": "send",
        "set out": "set out", "won": "win", "rose": "rise", "grew": "grow", "drew": "draw", "chose": "choose",
        "struck": "strike", "sought": "seek", "taught": "teach", "stood": "stand", "felt": "feel",
        "kept": "keep", "left": "leave", "paid": "pay", "ran": "run", "read": "read", "forged": "forge",
        "upheld": "uphold", "undertook": "undertake", "overcame": "overcome", "drove": "drive",
        "was": "be", "were": "be", "had": "have", "did": "do", "knew": "know", "heard": "hear",
        "fought": "fight", "bore": "bear", "shook": "shake", "broke": "break", "spent": "spend",
        "meant": "mean", "lost": "lose", "sold": "sell", "bought": "buy", "understood": "understand",
    ]

    /// Verbs that report what someone said or decided: the point after them is worth asking.
    static let reportingVerbs: Set<String> = [
        "say", "emphasize", "emphasise", "stress", "point", "propose", "decide", "call", "note",
        "urge", "announce", "declare", "state", "underline", "underscore", "highlight", "reiterate",
        "put", "raise", "adopt", "approve", "pledge", "affirm", "outline", "explain", "argue",
        "suggest", "recommend", "resolve", "agree", "set", "make", "identify", "observe", "remark",
        "warn", "demand", "request", "commit", "vow", "deliver", "present", "review", "discuss",
        "elaborate", "expound", "ask", "require", "instruct", "initiate", "launch", "unveil", "endorse",
    ]

    /// Common base-form verbs of policy prose, used to recognise parallel verb phrases.
    static let baseVerbs: Set<String> = [
        "accelerate", "achieve", "act", "adapt", "add", "address", "adhere", "adjust", "adopt", "advance",
        "aim", "align", "allow", "amplify", "apply", "assess", "attach", "attract", "balance", "become",
        "boost", "break", "bring", "broaden", "build", "carry", "cement", "change", "clarify", "close",
        "combat", "combine", "commit", "complete", "consolidate", "construct", "contribute", "control",
        "cooperate", "coordinate", "correct", "create", "cultivate", "cut", "deepen", "define", "deliver",
        "develop", "diversify", "double", "drive", "ease", "eliminate", "embrace", "empower", "enable",
        "encourage", "endeavor", "enhance", "enlarge", "enrich", "ensure", "establish", "exert", "expand",
        "explore", "extend", "facilitate", "fight", "focus", "follow", "forge", "form", "formulate", "foster",
        "fulfill", "further", "gain", "give", "grasp", "grow", "guarantee", "guard", "guide", "harness",
        "help", "honor", "implement", "improve", "increase", "initiate", "inject", "innovate", "inspect",
        "integrate", "intensify", "introduce", "invest", "investigate", "keep", "launch", "lay", "lead",
        "leverage", "lift", "maintain", "make", "manage", "maximize", "meet", "modernize", "move", "nurture",
        "observe", "offer", "open", "optimize", "oppose", "oversee", "participate", "pay", "persist",
        "plan", "play", "pool", "prevent", "promote", "protect", "provide", "pursue", "push", "put",
        "raise", "rationalize", "reach", "realize", "rebuild", "redouble", "reduce", "refine", "reform",
        "regulate", "reinforce", "release", "remain", "remove", "renew", "resolve", "respect", "respond",
        "restructure", "revitalize", "safeguard", "scale", "secure", "seize", "serve", "set", "shape",
        "share", "shore", "solve", "speed", "spur", "stabilize", "stay", "step", "stimulate", "stop",
        "streamline", "strengthen", "stress", "strive", "support", "sustain", "take", "tap", "tighten",
        "transform", "turn", "uncover", "unclog", "uphold", "upgrade", "use", "utilize", "value", "widen",
        "win", "work", "boost", "curb", "punish", "crack", "defuse", "eradicate", "phase", "prioritize",
        "rejuvenate", "rectify", "root", "revamp", "tackle", "update", "unleash", "uplift", "forestall",
        "fend", "bolster", "channel", "digitalize", "digitize", "empower", "enforce", "engage", "equip",
        "expedite", "exploit", "modernise", "organize", "overcome", "perfect", "popularize", "raise",
        "reward", "safeguard", "standardize", "submit", "supervise", "synergize", "train", "unify", "unite",
    ]

    /// The base form of a past-tense verb ("proposed" → "propose"), or nil when the word is not
    /// a recognisable past tense.
    static func baseOfPast(_ word: String) -> String? {
        let w = word.lowercased()
        if let base = irregularPast[w] { return base }
        guard w.count > 4, w.hasSuffix("ed") else { return nil }
        if w.hasSuffix("ied") { return String(w.dropLast(3)) + "y" }
        let dropD = String(w.dropLast(1)), dropEd = String(w.dropLast(2))
        if baseVerbs.contains(dropD) || reportingVerbs.contains(dropD) { return dropD }
        if baseVerbs.contains(dropEd) || reportingVerbs.contains(dropEd) { return dropEd }
        let chars = Array(dropEd)
        if chars.count >= 3, chars[chars.count - 1] == chars[chars.count - 2],
           !"lsfz".contains(chars[chars.count - 1]) {
            return String(chars.dropLast())
        }
        for ending in ["at", "iz", "is", "ur", "id", "in", "ov", "um", "us", "uc", "ag", "ng", "rv", "dg", "as", "iv", "ys", "rg", "rs", "ac", "os", "ud"] where dropEd.hasSuffix(ending) {
            if ending == "ng", dropEd.hasSuffix("ing") == false, !dropEd.hasSuffix("ang"), !dropEd.hasSuffix("ung") { return dropD }
            if ending == "in", !dropEd.hasSuffix("ain") && !dropEd.hasSuffix("oin") { return dropD }
            if ending != "ng", ending != "in" { return dropD }
        }
        return dropEd
    }

    /// Whether a word reads as a past-tense verb.
    static func isPastVerb(_ word: String) -> Bool {
        let w = word.lowercased()
        if irregularPast[w] != nil { return true }
        return w.count > 4 && w.hasSuffix("ed")
    }

    /// Third person singular of a base verb ("need" → "needs").
    static func thirdPerson(_ base: String) -> String {
        switch base {
        case "be": return "is"
        case "have": return "has"
        case "do": return "does"
        case "go": return "goes"
        default:
            if base.hasSuffix("y"), let before = base.dropLast().last, !"aeiou".contains(before) {
                return base.dropLast() + "ies"
            }
            if ["s", "x", "z", "ch", "sh", "o"].contains(where: { base.hasSuffix($0) }) { return base + "es" }
            return base + "s"
        }
    }

    static let auxiliaries: Set<String> = [
        "will", "would", "can", "could", "shall", "should", "must", "may", "might", "have", "has",
        "had", "is", "are", "was", "were", "am",
    ]

    /// Adverbs that may sit between a subject and its verb ("I again made").
    static let midAdverbs: Set<String> = [
        "again", "also", "once", "further", "then", "first", "already", "always", "repeatedly",
        "still", "thus", "therefore", "jointly", "formally", "officially", "recently", "specifically",
        "clearly", "explicitly", "solemnly", "successfully", "fully", "continuously", "consistently",
    ]

    /// Whether a word can sit between a subject and its verb: "again", "basically".
    static func isAdverb(_ word: String) -> Bool {
        midAdverbs.contains(word) || (word.hasSuffix("ly") && word.count > 4 && !["apply", "supply", "rely", "comply", "family", "italy", "july"].contains(word))
    }

    // MARK: Pronouns

    /// Rewrites first-person words as "the speaker", with the verb agreeing, for question text.
    static func thirdPersonText(_ text: String) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var i = 0
        while i < words.count {
            let (core, lead, trail) = Words.split(words[i])
            let lower = core.lowercased()
            var replacement: String?
            var subject = false
            switch lower {
            case "i", "we": replacement = "the speaker"; subject = true
            case "me", "us", "myself", "ourselves": replacement = "the speaker"
            case "my", "our", "mine", "ours": replacement = "the speaker's"
            default: break
            }
            if let r = replacement, core == "I" || core.lowercased() == core || (core.first?.isUppercase ?? false) {
                let cased = (i > 0 && words[i - 1].hasSuffix(".")) ? Words.capitalized(r) : r
                words[i] = lead + cased + trail
                if subject, trail.isEmpty, i + 1 < words.count {
                    let (next, nlead, ntrail) = Words.split(words[i + 1])
                    let n = next.lowercased()
                    let agreed: String?
                    switch n {
                    case "have": agreed = "has"
                    case "are", "am": agreed = "is"
                    case "were": agreed = "was"
                    case "do": agreed = "does"
                    default: agreed = baseVerbs.contains(n) || reportingVerbs.contains(n) || ["need", "hope", "want", "believe", "know", "see", "think"].contains(n) ? thirdPerson(n) : nil
                    }
                    if let a = agreed { words[i + 1] = nlead + a + ntrail }
                }
            }
            i += 1
        }
        return words.joined(separator: " ")
    }
}

/// Helpers over whitespace-separated words that keep their punctuation attached.
enum Words {
    /// Splits "(2016," into ("2016", "(", ",").
    static func split(_ word: String) -> (core: String, lead: String, trail: String) {
        let scalars = word.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, !isWordScalar(scalars[start]) { start = scalars.index(after: start) }
        while end > start, !isWordScalar(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        if start == scalars.startIndex, end == scalars.endIndex { return (word, "", "") }
        return (String(scalars[start..<end]), String(scalars[scalars.startIndex..<start]), String(scalars[end...]))
    }

    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 128 { return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122) }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// The word without surrounding punctuation.
    static func core(_ word: String) -> String { split(word).core }

    /// "the speaker" → "The speaker".
    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// The text without leading and trailing spaces or tabs.
    static func trimmedSpaces(_ text: Substring) -> Substring {
        var t = text
        while let f = t.utf8.first, f == 0x20 || f == 0x09 || f == 0x0D { t = t.dropFirst() }
        while let l = t.utf8.last, l == 0x20 || l == 0x09 || l == 0x0D { t = t.dropLast() }
        return t
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
                if bytes[i] == first, bytes[i..<(i + n.count)].elementsEqual(n) { cut = i; break }
                i += 1
            }
        }
        return cut == bytes.count ? text : String(decoding: bytes[..<cut], as: UTF8.self)
    }

    /// Removes trailing sentence punctuation and spaces.
    static func trimmedEnd(_ text: String) -> String {
        var t = Substring(text)
        while let last = t.last, ".,;:!? ".contains(last) { t = t.dropLast() }
        return String(t)
    }

    /// Folds every run of whitespace into one space and trims the ends.
    static func folded(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in text.unicodeScalars {
            if s.value == 32 || s.value == 9 || s.value == 10 || s.value == 13 || (s.value > 127 && s.properties.isWhitespace) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(s)
        }
        return String(out)
    }
}
