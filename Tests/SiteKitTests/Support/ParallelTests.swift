import Foundation
import Synchronization
import Testing
@testable import SiteKit

/// The wide map: the same result as a plain map, each item transformed once,
/// and as many calls in flight as asked for, even on fewer cores.
@Suite struct ParallelTests {
    @Test(arguments: [0, 1, 2, 15, 16, 17, 255, 1_000])
    func wideMapKeepsOrderAndCallsEachItemOnce(count: Int) {
        let calls = Mutex([Int: Int]())
        let items = Array(0..<count)
        let mapped = Parallel.map(items, width: 16) { item -> String in
            calls.withLock { $0[item, default: 0] += 1 }
            return "item \(item)"
        }
        #expect(mapped == items.map { "item \($0)" })
        #expect(calls.withLock { $0 } == Dictionary(uniqueKeysWithValues: items.map { ($0, 1) }))
    }

    /// Each call waits until `width` calls have started: only calls running at
    /// the same time get there (a call that gave up after the generous
    /// timeout records it). On two cores a map limited to one call per core
    /// would not.
    @Test func wideMapRunsWidthCallsAtOnce() {
        let width = 8
        let started = Mutex(0)
        let gaveUp = Mutex(0)
        _ = Parallel.map(Array(0..<width), width: width) { _ in
            started.withLock { $0 += 1 }
            let deadline = Date().addingTimeInterval(30)
            while started.withLock({ $0 }) < width {
                guard Date() < deadline else {
                    gaveUp.withLock { $0 += 1 }
                    return
                }
                usleep(1_000)
            }
        }
        #expect(gaveUp.withLock { $0 } == 0)
    }
}
