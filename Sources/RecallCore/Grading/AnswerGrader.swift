/// Suggests a grade for a typed answer: equivalent answers are correct, near misses are 3,
/// wrong answers 1, a blank 0; quick correct answers 5, slow ones 4; for a whole-list card the
/// share of items recalled sets the grade.
public struct AnswerGrader: Sendable {
    /// How a typed answer compares.
    public enum Verdict: Equatable, Sendable {
        case blank
        case correct
        case nearMiss
        case wrong
        /// A list answer: how many of the items were recalled.
        case partial(recalled: Int, of: Int)
    }

    /// Seconds allowed for a quick answer: a base plus a share per character of the answer.
    public var baseSeconds: Double = 6
    public var secondsPerCharacter: Double = 0.12

    public init() {}

    /// Seconds within which a correct answer to `card` counts as quick.
    public func quickLimit(for card: Card) -> Double {
        baseSeconds + secondsPerCharacter * Double(card.answer.count)
    }

    /// Compares a typed answer with the card's answer and alternatives.
    public func verdict(_ typed: String, for card: Card) -> Verdict {
        let given = Answer.tokens(typed)
        if given.isEmpty { return .blank }
        let accepted = ([card.answer] + card.alternatives).map(Answer.tokens)
        if accepted.contains(given) { return .correct }
        if accepted.contains(where: { Set($0) == Set(given) && $0.count == given.count }) && (card.unordered || isList(card)) { return .correct }
        let items = listItems(card)
        if items.count > 1 {
            let typedItems = splitItems(typed)
            var recalled = 0
            var remaining = items.map(Answer.tokens)
            for t in typedItems.map(Answer.tokens) where !t.isEmpty {
                if let k = remaining.firstIndex(where: { close($0, t) }) { recalled += 1; remaining.remove(at: k) }
            }
            if recalled == items.count { return .correct }
            return .partial(recalled: recalled, of: items.count)
        }
        if accepted.contains(where: { close($0, given) }) { return .nearMiss }
        return .wrong
    }

    /// The suggested grade for a verdict and the time taken.
    public func suggestedGrade(_ verdict: Verdict, seconds: Double, card: Card) -> Int {
        switch verdict {
        case .blank: return 0
        case .correct: return seconds <= quickLimit(for: card) ? 5 : 4
        case .nearMiss: return 3
        case .wrong: return 1
        case let .partial(recalled, total):
            let share = Double(recalled) / Double(max(1, total))
            if share >= 0.75 { return 3 }
            if share >= 0.5 { return 2 }
            return share > 0 ? 1 : 0
        }
    }

    func isList(_ card: Card) -> Bool { card.answer.contains("; ") }

    func listItems(_ card: Card) -> [String] {
        card.answer.contains("; ") ? card.answer.components(separatedBy: "; ") : [card.answer]
    }

    func splitItems(_ typed: String) -> [String] {
        let separators: Set<Character> = [";", "\n", ","]
        var parts = typed.split(whereSeparator: { separators.contains($0) }).map(String.init)
        parts = parts.flatMap { $0.components(separatedBy: " and ") }
        return parts
    }

    /// Near enough: a typo or a missing minor word. Numbers must be right: 2001 is not a typo
    /// of 2000.
    func close(_ expected: [String], _ given: [String]) -> Bool {
        let a = expected.joined(separator: " "), b = given.joined(separator: " ")
        if a == b { return true }
        let numbers = { (tokens: [String]) in tokens.filter { $0.contains(where: \.isNumber) }.sorted() }
        if numbers(expected) != numbers(given) { return false }
        let distance = Answer.editDistance(a, b)
        if distance <= max(1, a.count / 6) { return true }
        let missing = Set(expected).subtracting(given)
        return missing.count <= 1 && expected.count >= 4 && Set(given).isSubset(of: Set(expected))
    }
}
