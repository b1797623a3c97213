/// A sentence's words, each split once into its core and the punctuation around it, with what
/// the finders ask of every word (is it a year, a month, a day?) worked out once.
struct Tokens: Sendable {
    /// The words as written, punctuation attached.
    let words: [String]
    /// The words without surrounding punctuation.
    let cores: [String]
    /// The cores in lower case ("&" reads as "and").
    let lower: [String]
    /// The punctuation before and after each core.
    let leads: [String]
    let trails: [String]
    /// The year a word states (1000…2199, four digits), the month it names (capitalised), the day
    /// number it gives ("5", "23rd").
    let years: [Int?]
    let months: [Int?]
    let days: [Int?]
    /// Each word's class: preposition, determiner, modal, noun by its ending …
    let classes: [WordClass]
    /// Whether a comma or a semicolon follows each word.
    let commas: [Bool]
    let semicolons: [Bool]

    init(_ words: [String]) {
        self.words = words
        var cores: [String] = []
        var lower: [String] = []
        var leads: [String] = []
        var trails: [String] = []
        var years: [Int?] = []
        var months: [Int?] = []
        var days: [Int?] = []
        var classes: [WordClass] = []
        var commas: [Bool] = []
        var semicolons: [Bool] = []
        do {
            let n = words.count
            cores.reserveCapacity(n)
            lower.reserveCapacity(n)
            leads.reserveCapacity(n)
            trails.reserveCapacity(n)
            years.reserveCapacity(n)
            months.reserveCapacity(n)
            days.reserveCapacity(n)
            classes.reserveCapacity(n)
            commas.reserveCapacity(n)
            semicolons.reserveCapacity(n)
        }
        for word in words {
            let (core, lead, trail) = Words.split(word)
            let low = word == "&" ? "and" : core.utf8.allSatisfy({ $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }) ? core : core.lowercased()
            cores.append(core)
            lower.append(low)
            leads.append(lead)
            trails.append(trail)
            years.append(Tokens.year(core))
            months.append(English.month(core))
            days.append(Tokens.day(low))
            var c = English.wordClass(low)
            if English.looksLikeNoun(lower: low) { c.insert(.nounLike) }
            classes.append(c)
            commas.append(trail.utf8.contains(0x2C))
            semicolons.append(trail.utf8.contains(0x3B))
        }
        self.cores = cores
        self.lower = lower
        self.leads = leads
        self.trails = trails
        self.years = years
        self.months = months
        self.days = days
        self.classes = classes
        self.commas = commas
        self.semicolons = semicolons
    }

    var count: Int { words.count }
    var indices: Range<Int> { words.indices }

    /// The lower-case core at `i`, or "" outside the sentence.
    func lower(_ i: Int) -> String { i >= 0 && i < count ? lower[i] : "" }
    /// Whether punctuation follows word `i` ("2018," or "2018)").
    func closes(_ i: Int) -> Bool { i >= 0 && i < count && !trails[i].isEmpty }
    func year(_ i: Int) -> Int? { i >= 0 && i < count ? years[i] : nil }
    func month(_ i: Int) -> Int? { i >= 0 && i < count ? months[i] : nil }
    func day(_ i: Int) -> Int? { i >= 0 && i < count ? days[i] : nil }
    /// The class of word `i`, or none outside the sentence.
    func `class`(_ i: Int) -> WordClass { i >= 0 && i < count ? classes[i] : [] }
    func isCapitalised(_ i: Int) -> Bool { i >= 0 && i < count && (cores[i].first?.isUppercase ?? false) }
    /// Whether word `i` carries an ordinal suffix: "23rd", "1st".
    func hasOrdinalSuffix(_ i: Int) -> Bool { i >= 0 && i < count && days[i] != nil && lower[i].last?.isLetter == true }

    static func year(_ core: String) -> Int? {
        guard core.utf8.count == 4, core.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let y = Int(core), (1000...2199).contains(y) else {
            return nil
        }
        return y
    }

    static func day(_ lower: String) -> Int? {
        guard let first = lower.utf8.first, first >= 48, first <= 57, lower.utf8.count <= 4 else { return nil }
        var c = Substring(lower)
        for suffix in ["st", "nd", "rd", "th"] where c.hasSuffix(suffix) {
            c = c.dropLast(2)
            break
        }
        guard !c.isEmpty, c.count <= 2, c.allSatisfy(\.isNumber), let d = Int(c), (1...31).contains(d) else { return nil }
        return d
    }
}
