/// Where a deck's study progress is kept: the card states and an append-only log of events.
/// The live store keeps them in files (RecallStore's `JSONProgressStore`); tests keep them in
/// memory.
public protocol ProgressStoring: AnyObject {
    /// Every card's state, including cards no longer in the deck.
    var states: CardStates { get }
    /// Records an event durably before returning, and applies it to ``states``.
    func append(_ event: ProgressEvent) throws
    /// Writes a snapshot so that the next start reads little of the log.
    func checkpoint() throws
    /// The log as statistics read it, oldest first, its cards numbered after the deck's ids.
    func reviewLog(deckIds: [String]) throws -> ReviewLog
    /// The events of `day` and after, oldest first: the end of the log, read no further back
    /// than that day (a session finds there what an earlier sitting left to re-drill).
    func events(since day: Day) throws -> [ProgressEvent]
}

extension ProgressEvent {
    /// The day the event happened.
    public var day: Day {
        switch self {
        case let .review(r): return r.day
        case let .undo(_, _, day, _), let .set(_, _, _, day, _): return day
        }
    }

    /// Applies the event to a state table.
    public func apply(to states: inout CardStates) {
        switch self {
        case let .review(r): states[r.card] = r.after
        case let .undo(card, _, _, restored): states[card] = restored
        case let .set(_, card, _, _, state): states[card] = state
        }
    }
}
