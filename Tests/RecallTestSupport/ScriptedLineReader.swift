import LineEditor

/// A scripted reader for tests: returns its inputs in order, then `.end`.
public struct ScriptedLineReader: LineReading {
    /// What is still to be read.
    public var inputs: [LineInput]
    /// The prompts shown, in order.
    public private(set) var prompts: [String] = []

    /// Reads these lines, then the end of input.
    public init(_ lines: [String]) { inputs = lines.map { .line($0) } }
    /// Reads these inputs (lines, Ctrl-C), then the end of input.
    public init(inputs: [LineInput]) { self.inputs = inputs }

    public mutating func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        return inputs.isEmpty ? .end : inputs.removeFirst()
    }
}
