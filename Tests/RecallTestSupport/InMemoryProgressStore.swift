import RecallCore

/// Progress kept in memory, for tests of what the core does with it: every event appended is
/// kept in order, and a write can be made to fail.
public final class InMemoryProgressStore: ProgressStoring {
    public private(set) var states: CardStates
    /// Every event appended, oldest first.
    public private(set) var events: [ProgressEvent] = []
    /// When set, the next appends throw this instead of keeping the event.
    public var failure: (any Error)?
    /// How many snapshots were asked for.
    public private(set) var checkpoints = 0

    /// Progress starting from `states`.
    public init(_ states: CardStates = [:]) { self.states = states }

    public func append(_ event: ProgressEvent) throws {
        if let failure { throw failure }
        events.append(event)
        event.apply(to: &states)
    }

    public func checkpoint() throws { checkpoints += 1 }

    public func reviewLog(deckIds: [String]) throws -> ReviewLog { ReviewLog(events: events, deckIds: deckIds) }

    public func events(since day: Day) throws -> [ProgressEvent] { Array(events.drop { $0.day < day }) }
}
