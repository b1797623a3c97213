import RecallCore

/// Bar charts, sparklines and a calendar heatmap in Unicode block characters, or ASCII.
struct Charts {
    var ascii: Bool

    /// A horizontal bar `value/maximum` of `width` cells, in eighths where Unicode allows.
    func bar(_ value: Int, maximum: Int, width: Int) -> String {
        guard maximum > 0, value > 0 else { return "" }
        let eighths = max(1, value * width * 8 / maximum)
        if ascii { return String(repeating: "#", count: max(1, eighths / 8)) }
        let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + partials[eighths % 8]
    }

    /// One character per value, its height proportional to the largest.
    func sparkline(_ values: [Int]) -> String {
        let levels = ascii ? [" ", ".", ":", "-", "=", "+", "*", "#"] : [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        let top = values.max() ?? 0
        return values.map { v in
            guard top > 0, v > 0 else { return levels[0] }
            return levels[max(1, min(levels.count - 1, Int((Double(v) / Double(top) * Double(levels.count - 1)).rounded(.up))))]
        }.joined()
    }

    /// Seven rows (Monday to Sunday) of weeks, shaded by reviews.
    func heatmap(_ days: [(day: Day, reviews: Int)]) -> [String] {
        let shades = ascii ? [".", "-", "+", "*", "#"] : ["·", "░", "▒", "▓", "█"]
        let top = days.map(\.reviews).max() ?? 0
        guard let first = days.first else { return [] }
        let lead = first.day.weekday
        var grid = [[String]](repeating: [], count: 7)
        var cells = [String](repeating: " ", count: lead)
        for entry in days {
            let level = entry.reviews == 0 || top == 0 ? 0 : max(1, min(4, Int((Double(entry.reviews) / Double(top) * 4).rounded(.up))))
            cells.append(shades[level])
        }
        for (i, cell) in cells.enumerated() { grid[i % 7].append(cell) }
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        return grid.enumerated().map { names[$0.offset] + " " + $0.element.joined() }
    }
}
