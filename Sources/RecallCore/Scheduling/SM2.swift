/// SuperMemo's SM-2, exactly as `../shared/SM2.md` fixes it: integer hundredths, ceiling
/// intervals, the E-Factor before the update as the multiplier, failures updating the E-Factor,
/// a 1.30 floor, lateness ignored and intervals capped at 36,500 days.
public enum SM2 {
    /// E-Factor change per grade, in hundredths.
    public static let delta = [-80, -54, -32, -14, 0, 10]
    /// The lowest E-Factor, in hundredths.
    public static let minimumEasiness = 130
    /// The longest interval, so that dates stay representable.
    public static let maximumInterval = 36_500

    /// The state after one review with grade `grade` (0…5) on `day`.
    ///
    /// This is the first grade of the day; a re-drill the same day does not call it.
    /// - Precondition: `grade` is in 0…5 (callers validate user input before).
    public static func review(_ state: CardState, grade: Int, on day: Day) -> CardState {
        let q = min(5, max(0, grade))
        var next = state
        if q >= 3 {
            switch state.repetitions {
            case 0: next.interval = 1
            case 1: next.interval = 6
            default: next.interval = min(maximumInterval, (state.interval * state.easiness + 99) / 100)
            }
            next.repetitions = state.repetitions + 1
        } else {
            next.lapses += 1
            next.repetitions = 0
            next.interval = 1
        }
        next.easiness = max(minimumEasiness, state.easiness + delta[q])
        next.due = day.adding(next.interval)
        next.reviews += 1
        if next.introduced == nil { next.introduced = day }
        next.lastReviewed = day
        return next
    }

    /// The interval each grade would give, for showing before the user grades.
    public static func preview(_ state: CardState, on day: Day) -> [Int] {
        (0...5).map { review(state, grade: $0, on: day).interval }
    }
}
