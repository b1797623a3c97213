/// Wrong options for multiple choice: answers of other cards of the same deck and kind, of the
/// same shape where there are enough (other years for a year, other meetings for a meeting,
/// other tasks for a task), never the answer itself and never twice.
public enum Distractors {
    /// The shape of an answer, so that a year is offered among years.
    enum Shape: Equatable { case year, date, ordinal, list, meeting, text }

    static func shape(_ answer: String) -> Shape {
        let t = answer.trimmingCharacters(in: .whitespaces)
        if t.count == 4, t.allSatisfy(\.isNumber) { return .year }
        if TemporalTagger.standaloneDate(t) != nil { return .date }
        if English.ordinalValue(t) != nil { return .ordinal }
        if t.contains("; ") { return .list }
        let lower = t.lowercased()
        if MeetingFinder.heads.contains(where: { (" " + lower + " ").contains(" " + $0 + " ") }) { return .meeting }
        return .text
    }

    /// Up to `count` distractors for `card`, chosen with `rng` from `pool` (the deck's cards).
    public static func pick<R: RandomNumberGenerator>(for card: Card, from pool: [Card], count: Int, using rng: inout R) -> [String] {
        let target = shape(card.answer)
        var taken = Set(([card.answer] + card.alternatives).map(Answer.normalized))
        var sameShape: [String] = []
        var sameKind: [String] = []
        for other in pool where other.id != card.id && other.kind == card.kind {
            let key = Answer.normalized(other.answer)
            guard !taken.contains(key) else { continue }
            taken.insert(key)
            if shape(other.answer) == target { sameShape.append(other.answer) } else { sameKind.append(other.answer) }
        }
        sameShape.shuffle(using: &rng)
        sameKind.shuffle(using: &rng)
        return Array((sameShape + (target == .year || target == .date || target == .ordinal ? [] : sameKind)).prefix(count))
    }
}

import Foundation
