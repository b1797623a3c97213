/// Where study progress is kept: the card states and an append-only log of events.
public protocol ProgressStoring: AnyObject {
    /// Every card's state, including cards no longer in the deck.
    var states: CardStates { get }
    /// Records an event durably before returning, and applies it to ``states``.
    func append(_ event: ProgressEvent) throws
    /// Writes a snapshot so that the next start reads little of the log.
    func checkpoint() throws
    /// The log as statistics read it, oldest first, its cards numbered after the deck's ids;
    /// a checked copy of it may be kept in `cacheFolder`.
    func reviewLog(deckIds: [String], cacheFolder: String?, cacheAfter: Int) throws -> ReviewLog
}

extension ProgressStoring {
    /// The log as statistics read it, with no cache.
    public func reviewLog(deckIds: [String]) throws -> ReviewLog {
        try reviewLog(deckIds: deckIds, cacheFolder: nil, cacheAfter: JSONProgressStore.refreshDigestsAfter)
    }
}

extension ProgressEvent {
    /// Applies the event to a state table.
    func apply(to states: inout CardStates) {
        switch self {
        case let .review(r): states[r.card] = r.after
        case let .undo(card, _, _, restored): states[card] = restored
        case let .set(_, card, _, _, state): states[card] = state
        }
    }
}
