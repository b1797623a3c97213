/// Today's queue: due cards first (most overdue first, then deck order), then new cards in deck
/// order up to the daily new-card limit.
public struct DailyQueue: Equatable, Sendable {
    /// Card ids due for review, in the order to show them.
    public var due: [String]
    /// New card ids to introduce today.
    public var new: [String]

    /// Makes a queue from ids.
    public init(due: [String], new: [String]) {
        self.due = due
        self.new = new
    }

    /// All ids in order.
    public var all: [String] { due + new }

    /// Builds the queue.
    /// - Parameters:
    ///   - cards: the deck's cards, in deck order.
    ///   - states: progress by card id; missing ids are new.
    ///   - today: the study day.
    ///   - newLimit: new cards per day, counted across sessions (cards first reviewed today).
    ///   - maxReviews: at most this many due cards, when set.
    public static func build(cards: [Card], states: CardStates, today: Day, newLimit: Int, maxReviews: Int? = nil) -> DailyQueue {
        let positions = positions(ids: cards.map(\.id), states: states, today: today, newLimit: newLimit, maxReviews: maxReviews)
        return DailyQueue(due: positions.due.map { cards[$0].id }, new: positions.new.map { cards[$0].id })
    }

    /// The same queue as positions in `ids` (the deck's card ids in order), for callers that
    /// keep cards by position.
    public static func positions(ids: [String], states: CardStates, today: Day, newLimit: Int, maxReviews: Int? = nil) -> (due: [Int], new: [Int]) {
        var due: [(due: Int, order: Int)] = []
        var fresh: [Int] = []
        // New cards are chosen after the pass, once the day's introductions are counted.
        var introducedToday = 0
        var newCandidates: [Int] = []
        let numbers = states.index.numbers(of: ids)
        for order in ids.indices {
            let number = Int(numbers[order])
            guard number >= 0 else {
                if newCandidates.count < newLimit { newCandidates.append(order) }
                continue
            }
            let state = states.values[number]
            if state.suspended || state.isBuried(on: today) { continue }
            if let d = state.due {
                if d <= today { due.append((d.ordinal, order)) }
            } else if newCandidates.count < newLimit {
                newCandidates.append(order)
            }
        }
        // Every card introduced today counts, also one no longer in the deck.
        for state in states.values where state.introduced == today { introducedToday += 1 }
        fresh = Array(newCandidates.prefix(max(0, newLimit - introducedToday)))
        // Most overdue first, then deck order: a counting sort by due day, stable in deck order.
        var dueOrders: [Int] = []
        if let earliest = due.map(\.due).min(), let latest = due.map(\.due).max() {
            var counts = [Int](repeating: 0, count: latest - earliest + 2)
            for d in due { counts[d.due - earliest + 1] += 1 }
            for k in 1..<counts.count { counts[k] += counts[k - 1] }
            dueOrders = [Int](repeating: 0, count: due.count)
            for d in due {
                dueOrders[counts[d.due - earliest]] = d.order
                counts[d.due - earliest] += 1
            }
        }
        if let maxReviews, dueOrders.count > maxReviews { dueOrders = Array(dueOrders.prefix(maxReviews)) }
        return (dueOrders, fresh)
    }
}
