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

    /// The calendar day, for a date with a day; nil without one.
    var calendarDay: Day? {
        guard let month, let day else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// The date of a calendar day.
    init(_ day: Day) {
        let c = day.civil
        self.init(year: c.year, month: c.month, day: c.day)
    }

    static func daysIn(month: Int, year: Int) -> Int { Day.daysIn(month: month, year: year) }
}

extension CalendarDate {
    /// A date given by a user: "2024-09-27", "2024-09", "2024", "27 September 2024",
    /// "September 27, 2024" or "September 2024"; nil when it is none of these.
    public init?(parsing text: String) {
        var t = Words.trimmedEnd(Words.folded(text))
        // "Wednesday, 25 September 2024": the weekday names the same day.
        if let space = t.firstIndex(of: " "), English.weekdays.contains(Words.core(String(t[..<space])).lowercased()) {
            t = String(t[t.index(after: space)...])
        }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        // ASCII digits only: "1" with a combining mark is a number Character that Int does not read.
        if (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            parts[0].count == 4, let year = Int(parts[0]), (1000...2199).contains(year)
        {
            let month = parts.count > 1 ? Int(parts[1]) : nil
            let day = parts.count > 2 ? Int(parts[2]) : nil
            if parts.count > 1, month == nil { return nil }
            if parts.count > 2, day == nil { return nil }
            if let month, !(1...12).contains(month) { return nil }
            if let day, let month, !(1...CalendarDate.daysIn(month: month, year: year)).contains(day) { return nil }
            self.init(year: year, month: month, day: day)
            return
        }
        let words = Words.of(t)
        let found = TemporalTagger.absoluteDates(in: words)
        guard found.count == 1, found[0].range == 0..<words.count, let date = found[0].date else { return nil }
        self = date
    }
}
