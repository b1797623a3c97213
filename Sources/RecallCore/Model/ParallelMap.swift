import Dispatch

extension Array where Element: Sendable {
    /// `map` over contiguous chunks on all cores; the result is in order, so it is as
    /// deterministic as `map`. Used where the generation benchmark showed one core is not enough.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let count = self.count
        guard count > 64 else { return map(transform) }
        var results = [T?](repeating: nil, count: count)
        let chunks = 8
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            let input = self
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let lo = count * chunk / chunks
                let hi = count * (chunk + 1) / chunks
                for i in lo..<hi { out[i] = transform(input[i]) }
            }
        }
        return results.compactMap { $0 }
    }

    /// ``parallelMap(_:)`` whatever the count: for a few large pieces of work.
    public func parallelMapAlways<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            let input = self
            DispatchQueue.concurrentPerform(iterations: input.count) { i in out[i] = transform(input[i]) }
        }
        return results.compactMap { $0 }
    }
}
