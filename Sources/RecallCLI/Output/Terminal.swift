import Foundation

/// The terminal a session talks to.
enum Terminal {
    /// The width of the terminal on standard output now (it follows a resize), or nil when
    /// standard output is not a terminal. Never narrower than 20 columns.
    static func columns() -> Int? {
        guard isatty(1) == 1 else { return nil }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return max(20, Int(size.ws_col))
    }
}
