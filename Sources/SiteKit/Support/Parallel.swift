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
        // Chunks keep lock traffic low while still balancing uneven items; each
        // chunk's outputs are stored whole, in the chunk's slot.
        let chunkSize = max(1, items.count / 64)
        let chunkCount = (items.count + chunkSize - 1) / chunkSize
        let results = Mutex<[[Output]]>(Array(repeating: [], count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let range = (chunk * chunkSize)..<min(items.count, (chunk + 1) * chunkSize)
            var local: [Output] = []
            local.reserveCapacity(range.count)
            for index in range { local.append(transform(items[index])) }
            results.withLock { $0[chunk] = local }
        }
        return results.withLock { chunks in
            var outputs: [Output] = []
            outputs.reserveCapacity(items.count)
            for chunk in chunks { outputs += chunk }
            return outputs
        }
    }
}
