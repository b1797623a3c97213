/// A date as precise as the text makes it: a year, a month of a year, or a day.
public struct CalendarDate: Equatable, Hashable, Sendable {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date written out: "2024", "September 2024", "27 September 2024" (day first) or
    /// "September 27, 2024".
    public func text(dayFirst: Bool) -> String {
        guard let month else { return String(year) }
        let name = English.monthName(month)
        guard let day else { return "\(name) \(year)" }
        return dayFirst ? "\(day) \(name) \(year)" : "\(name) \(day), \(year)"
    }

    /// This date moved by whole months (the day kept only when it stays valid).
    func adding(months: Int) -> CalendarDate {
        guard let month else { return CalendarDate(year: year + months / 12) }
        let total = year * 12 + (month - 1) + months
        return CalendarDate(year: total / 12, month: total % 12 + 1)
    }

    /// The day before, for "yesterday"; nil without a day.
    func previousDay() -> CalendarDate? {
        guard let month, let day else { return nil }
        if day > 1 { return CalendarDate(year: year, month: month, day: day - 1) }
        let before = adding(months: -1)
        guard let m = before.month else { return nil }
        return CalendarDate(year: before.year, month: m, day: CalendarDate.daysIn(month: m, year: before.year))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
