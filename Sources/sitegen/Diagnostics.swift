import ArgumentParser
import Foundation
import SiteKit

/// How the commands report: problems on standard error as
/// `path:line:column: error: message`, then one summary line, exit status 1;
/// warnings likewise as `path:line:column: warning: message`, exit status 0.
enum Diagnostics {
    /// Prints every problem of `failure` and `summary`; returns the exit code to throw.
    static func report(_ failure: BuildFailure, summary: (Int) -> String) -> ExitCode {
        var text = failure.errors.map { $0.description + "\n" }.joined()
        text += summary(failure.errors.count) + "\n"
        FileHandle.standardError.write(Data(text.utf8))
        return ExitCode(1)
    }

    /// Prints warnings on standard error, one `path:line:column: warning: message` each.
    static func warn(_ warnings: [SiteError]) {
        guard !warnings.isEmpty else { return }
        FileHandle.standardError.write(Data(warnings.map { $0.description + "\n" }.joined().utf8))
    }

    /// "1 warning", "3 warnings".
    static func warnings(_ count: Int) -> String {
        count == 1 ? "1 warning" : "\(count) warnings"
    }

    /// Writes a line to standard output at once (print buffers when the output
    /// is a pipe, which a long-running command must not do).
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// "1 error", "3 errors".
    static func errors(_ count: Int) -> String {
        count == 1 ? "1 error" : "\(count) errors"
    }

    /// Elapsed time as seconds with two decimals, independent of the locale.
    /// "4 ms" under a second (a preview's rebuild), "1.25 s" above.
    static func duration(_ elapsed: Duration) -> String {
        elapsed < .seconds(1) ? "\(max(1, Int(elapsed / .milliseconds(1)))) ms" : "\(seconds(elapsed)) s"
    }

    static func seconds(_ elapsed: Duration) -> String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return NumberFormatting.decimal(seconds, places: 2)
    }
}
