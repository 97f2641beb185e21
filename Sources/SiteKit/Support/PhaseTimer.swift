import Foundation

/// Prints how long each build phase took to stderr when `SITEGEN_PHASE_TIMES`
/// is set: for profiling, never part of the output.
enum PhaseTimer {
    static let enabled = ProcessInfo.processInfo.environment["SITEGEN_PHASE_TIMES"] != nil
    static func mark(_ name: String, since start: inout ContinuousClock.Instant) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let ms = (now - start).components
        let millis = Double(ms.seconds) * 1000 + Double(ms.attoseconds) / 1e15
        FileHandle.standardError.write(Data(String(format: "phase %-24@ %8.1f ms\n", name as NSString, millis).utf8))
        start = now
    }
}
