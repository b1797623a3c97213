/// Today's queue: due cards first (most overdue first, then deck order), then new cards in deck
/// order up to the daily new-card limit. Siblings (cards of one group: one sentence, one list)
/// are kept apart: at most one of a group a day, the rest wait for the next day, as Anki's
/// "bury siblings" does, since each one's answer and context give the others away.
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
    public static func build(
        cards: [Card], states: CardStates, today: Day, newLimit: Int, maxReviews: Int? = nil, burySiblings: Bool = true
    ) -> DailyQueue {
        let positions = positions(
            ids: cards.map(\.id), states: states, today: today, newLimit: newLimit, maxReviews: maxReviews,
            groups: burySiblings && cards.contains { $0.group != nil } ? cards.map { $0.group ?? "" } : [])
        return DailyQueue(due: positions.due.map { cards[$0].id }, new: positions.new.map { cards[$0].id })
    }

    /// The same queue as positions in `ids` (the deck's card ids in order), for callers that
    /// keep cards by position, with how many siblings wait for another day.
    /// - Parameter groups: each card's sibling group ("" for none), in deck order; empty to show siblings together.
    public static func positions(
        ids: [String], states: CardStates, today: Day, newLimit: Int, maxReviews: Int? = nil,
        groups: [String] = []
    ) -> (due: [Int], new: [Int], deferred: Int) {
        var due: [(due: Int, order: Int)] = []
        due.reserveCapacity(min(ids.count, states.count))
        var earliest = Int.max
        var latest = Int.min
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
                if d <= today {
                    due.append((d.ordinal, order))
                    earliest = min(earliest, d.ordinal)
                    latest = max(latest, d.ordinal)
                }
            } else if newCandidates.count < newLimit {
                newCandidates.append(order)
            }
        }
        // Only a deck whose cards carry groups has siblings to keep apart.
        let siblings = groups.count == ids.count && groups.contains { !$0.isEmpty }
        var taken = Set<String>()
        if siblings {
            // A group with a card studied today is taken for the day.
            for order in ids.indices where numbers[order] >= 0 && !groups[order].isEmpty {
                if states.values[Int(numbers[order])].wasGraded(on: today) { taken.insert(groups[order]) }
            }
        }
        // Every card introduced today counts, also one no longer in the deck.
        for state in states.values where state.introduced == today { introducedToday += 1 }
        fresh = Array(newCandidates.prefix(max(0, newLimit - introducedToday)))
        // Most overdue first, then deck order: a counting sort by due day, stable in deck order.
        var dueOrders: [Int] = []
        if !due.isEmpty {
            var counts = [Int](repeating: 0, count: latest - earliest + 2)
            for d in due { counts[d.due - earliest + 1] += 1 }
            for k in 1..<counts.count { counts[k] += counts[k - 1] }
            dueOrders = [Int](repeating: 0, count: due.count)
            for d in due {
                dueOrders[counts[d.due - earliest]] = d.order
                counts[d.due - earliest] += 1
            }
        }
        var deferred = 0
        if siblings {
            // The first of each group in queue order stays; the rest wait for tomorrow.
            func keep(_ order: Int) -> Bool {
                let g = groups[order]
                if g.isEmpty { return true }
                if taken.contains(g) { return false }
                taken.insert(g)
                return true
            }
            let allDue = dueOrders.count
            dueOrders = dueOrders.filter(keep)
            deferred = allDue - dueOrders.count
            // New cards: refill past deferred siblings, up to the day's limit. Deferred counts the
            // ones that would have been shown today: those among the first `room` new cards.
            let room = max(0, newLimit - introducedToday)
            fresh = []
            var order = 0
            var seen = 0
            while fresh.count < room, order < ids.count {
                let number = Int(numbers[order])
                let isNew =
                    number < 0
                    || (states.values[number].due == nil && !states.values[number].suspended && !states.values[number].isBuried(on: today))
                if isNew {
                    if keep(order) { fresh.append(order) } else if seen < room { deferred += 1 }
                    seen += 1
                }
                order += 1
            }
        }
        if let maxReviews, dueOrders.count > maxReviews { dueOrders = Array(dueOrders.prefix(maxReviews)) }
        return (dueOrders, fresh, deferred)
    }

    /// An order of cards in which the cards of one sentence or list (`groups`, nil for a card of
    /// its own) come apart: each group's first card in the order given, then each group's
    /// second, and so on. A quiz asks in this order, so that no question follows another whose
    /// answer it shows.
    public static func siblingsApart(_ groups: [String?]) -> [Int] {
        var seen: [String: Int] = [:]
        var rounds: [[Int]] = []
        for (k, group) in groups.enumerated() {
            var round = 0
            if let group {
                round = seen[group, default: 0]
                seen[group] = round + 1
            }
            while rounds.count <= round { rounds.append([]) }
            rounds[round].append(k)
        }
        return rounds.flatMap { $0 }
    }
}
