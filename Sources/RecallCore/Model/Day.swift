import Foundation

/// A calendar day, counted in days since 1970-01-01, with no time zone of its own.
///
/// Study days start at 04:00 local time: ``Day/studyDay(at:timeZone:)`` turns a clock reading into
/// the day a review belongs to; everything in the scheduler works on whole days.
public struct Day: Hashable, Comparable, Sendable, Encodable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var ordinal: Int

    /// Makes a day from its ordinal.
    public init(ordinal: Int) { self.ordinal = ordinal }

    /// The days Recall studies on: 1900-01-01 to 2999-12-31. Any review on one of them is due
    /// at most ``SM2/maximumInterval`` days later, well inside ``writable``, so every date Recall
    /// writes is one it reads back.
    public static let studyDays: ClosedRange<Int> = {
        guard let first = Day(year: 1900, month: 1, day: 1), let last = Day(year: 2999, month: 12, day: 31) else { return 0...0 }
        return first.ordinal...last.ordinal
    }()

    /// The day a study-day option names, or why it names none: not `YYYY-MM-DD`, not a day of
    /// the calendar, or outside ``studyDays``.
    public static func studyDay(parsing text: String) -> Result<Day, DayProblem> {
        let digits = text.split(separator: "-", omittingEmptySubsequences: false)
        guard digits.count == 3, digits.map(\.count) == [4, 2, 2],
            digits.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return .failure(.notADate(text)) }
        guard let day = Day(text) else { return .failure(.notOnTheCalendar(text)) }
        guard studyDays.contains(day.ordinal) else { return .failure(.outOfRange(text)) }
        return .success(day)
    }

    /// Why a text names no study day.
    public enum DayProblem: Error, Equatable, CustomStringConvertible {
        case notADate(String)
        case notOnTheCalendar(String)
        case outOfRange(String)

        public var description: String {
            switch self {
            case let .notADate(t): return "'\(t)' is not a date of the form YYYY-MM-DD"
            case let .notOnTheCalendar(t): return "'\(t)' is not a day of the calendar"
            case let .outOfRange(t): return "'\(t)' is outside the days Recall studies on (1900-01-01 to 2999-12-31)"
            }
        }
    }

    /// The days Recall's files can hold: a date is written as `YYYY-MM-DD`, years 0000 to 9999.
    public static let writable: ClosedRange<Int> = {
        guard let first = Day(year: 0, month: 1, day: 1), let last = Day(year: 9999, month: 12, day: 31) else { return 0...0 }
        return first.ordinal...last.ordinal
    }()

    /// Makes a day from a civil date; nil when the date does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD`; nil for anything else.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var v = 0
            for b in bytes[range] {
                guard b >= 48, b <= 57 else { return nil }
                v = v * 10 + Int(b - 48)
            }
            return v
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// (year, month, day) of this day.
    public var civil: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `YYYY-MM-DD` (years 0…9999).
    public var description: String {
        let c = civil
        guard (0...9999).contains(c.year) else { return "\(c.year)-\(c.month)-\(c.day)" }
        return String(unsafeUninitializedCapacity: 10) { buffer in
            func put(_ value: Int, _ at: Int, _ width: Int) {
                var v = value
                for k in stride(from: at + width - 1, through: at, by: -1) {
                    buffer[k] = UInt8(48 + v % 10)
                    v /= 10
                }
            }
            put(c.year, 0, 4)
            buffer[4] = UInt8(ascii: "-")
            put(c.month, 5, 2)
            buffer[7] = UInt8(ascii: "-")
            put(c.day, 8, 2)
            return 10
        }
    }

    /// Monday = 0 … Sunday = 6.
    public var weekday: Int { ((ordinal % 7) + 7 + 3) % 7 }

    /// The day `n` days later (earlier when negative).
    public func adding(_ n: Int) -> Day { Day(ordinal: ordinal + n) }

    /// Days from `other` to this day.
    public func days(since other: Day) -> Int { ordinal - other.ordinal }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    /// The study day of a moment: the local calendar day, where a day starts at 04:00.
    public static func studyDay(at date: Date, timeZone: TimeZone) -> Day {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date) - 4 * 3600
        return Day(ordinal: Int((Double(seconds) / 86_400).rounded(.down)))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
