import Foundation
import Synchronization

/// Prints how long each build phase took, the CPU time it used (user and
/// kernel, all threads: CPU over wall says how busy the cores were), and the
/// process's memory after it, to stderr when `SITEGEN_PHASE_TIMES` is set: for profiling, never part of
/// the output.
enum PhaseTimer {
    static let enabled = ProcessInfo.processInfo.environment["SITEGEN_PHASE_TIMES"] != nil
    /// The process's user and kernel CPU seconds at the last mark (at the
    /// first, since the process started).
    private static let lastCPU = Mutex((user: 0.0, system: 0.0))

    static func mark(_ name: String, since start: inout ContinuousClock.Instant) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let ms = (now - start).components
        let millis = Double(ms.seconds) * 1000 + Double(ms.attoseconds) / 1e15
        var line = String(format: "phase %-24@ %8.1f ms", name as NSString, millis)
        var usage = rusage()
        if getrusage(RUSAGE_SELF.rawValue, &usage) == 0 {
            func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
            let now = (user: seconds(usage.ru_utime), system: seconds(usage.ru_stime))
            let last = lastCPU.withLock { last in
                defer { last = now }
                return last
            }
            let user = (now.user - last.user) * 1000, system = (now.system - last.system) * 1000
            line += String(format: "   cpu %7.1f ms (user %7.1f, sys %6.1f) %4.2f/wall",
                           user + system, user, system, millis > 0 ? (user + system) / millis : 0)
        }
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) {
            let memory = residentMemory(status: status)
            if let now = memory.now, let peak = memory.peak {
                line += String(format: "   rss %6.1f MiB, peak %6.1f MiB", Double(now) / 1024, Double(peak) / 1024)
            }
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
        start = now
    }

    /// Resident memory now and at its peak, in KiB, from the text of
    /// `/proc/self/status` (`VmRSS` and `VmHWM`); nil where a line is missing.
    static func residentMemory(status: String) -> (now: Int?, peak: Int?) {
        func kibibytes(_ key: String) -> Int? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") }) else { return nil }
            return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap { Int($0) }
        }
        return (kibibytes("VmRSS"), kibibytes("VmHWM"))
    }
}
