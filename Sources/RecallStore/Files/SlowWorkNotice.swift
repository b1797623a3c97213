/// What the store tells the person waiting when a piece of work can take more than a second:
/// rebuilding a large deck's index, reading a large log without its copy of digests, repairing a
/// large log. The command line shows it on standard error when that is a terminal, and never
/// with `--json`; everything else passes ``silent``.
public struct SlowWorkNotice: Sendable {
    /// Work of fewer bytes than this is quick and goes unannounced.
    public var above: Int
    private let begin: @Sendable (String) -> Void
    private let end: @Sendable () -> Void

    /// A notice that calls `begin` with what is being done and `end` when it is done, for work
    /// on more than `above` bytes.
    public init(above: Int = 16 << 20, begin: @escaping @Sendable (String) -> Void, end: @escaping @Sendable () -> Void) {
        self.above = above
        self.begin = begin
        self.end = end
    }

    /// A notice that says nothing.
    public static let silent = SlowWorkNotice(above: Int.max, begin: { _ in }, end: {})

    /// Runs `body`, announced as `what` when it works on `bytes` bytes or more.
    public func around<T>(_ what: @autoclosure () -> String, bytes: Int, _ body: () throws -> T) rethrows -> T {
        guard bytes >= above else { return try body() }
        begin(what())
        defer { end() }
        return try body()
    }

    /// Megabytes, for a notice.
    static func size(_ bytes: Int) -> String { "\((bytes + (1 << 19)) >> 20) MB" }
}
