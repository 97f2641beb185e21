import Dispatch
import Synchronization

/// Runs independent work on every core.
enum Parallel {
    /// `items.map(transform)`, with the calls spread over all cores; the result
    /// keeps the order of `items`.
    static func map<Item: Sendable, Output: Sendable>(
        _ items: [Item], _ transform: @Sendable (Item) -> Output
    ) -> [Output] {
        guard items.count > 1 else { return items.map(transform) }
        let results = Mutex<[Int: Output]>([:])
        // Chunks keep lock traffic low while still balancing uneven items.
        let chunkSize = max(1, items.count / 64)
        let chunkCount = (items.count + chunkSize - 1) / chunkSize
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let range = (chunk * chunkSize)..<min(items.count, (chunk + 1) * chunkSize)
            var local: [(Int, Output)] = []
            local.reserveCapacity(range.count)
            for index in range { local.append((index, transform(items[index]))) }
            results.withLock { stored in
                for (index, output) in local { stored[index] = output }
            }
        }
        return results.withLock { stored in
            (0..<items.count).map { stored[$0]! }
        }
    }
}
