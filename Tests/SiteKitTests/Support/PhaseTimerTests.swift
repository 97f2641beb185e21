import Testing
@testable import SiteKit

/// The memory figures printed with the phase times, read from the text of
/// `/proc/self/status`.
@Suite struct PhaseTimerTests {
    @Test func residentMemoryIsReadFromStatusLines() {
        let status = "Name:\tsitegen\nVmHWM:\t  171520 kB\nVmRSS:\t123456789 kB\nThreads:\t3\n"
        let memory = PhaseTimer.residentMemory(status: status)
        #expect(memory.now == 123_456_789)
        #expect(memory.peak == 171_520)
    }

    @Test func missingLinesGiveNoFigure() {
        let memory = PhaseTimer.residentMemory(status: "Name:\tsitegen\nVmRSSX:\t12 kB\n")
        #expect(memory.now == nil)
        #expect(memory.peak == nil)
    }
}
