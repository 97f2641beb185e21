/// One problem found in the site's input, pinned to a place in a file.
///
/// Printed as `path:line:column: error: message` (or `warning:`), the form
/// editors and IDEs understand. The message says what is wrong and how to fix it.
public struct SiteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// How serious a problem is.
    public enum Severity: String, Sendable, Hashable {
        /// The build fails.
        case error
        /// Worth a look; the build goes on and succeeds.
        case warning
    }

    /// The file, as given to the build (relative to the site folder when possible).
    public var file: String
    /// 1-based line in `file`.
    public var line: Int
    /// 1-based column in `file`, counted in Unicode scalars.
    public var column: Int
    /// What is wrong and how to fix it.
    public var message: String
    public var severity: Severity

    public init(file: String, line: Int = 1, column: Int = 1, message: String, severity: Severity = .error) {
        self.file = file
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.message = message
        self.severity = severity
    }

    /// A problem that does not stop the build.
    public static func warning(file: String, line: Int = 1, column: Int = 1, message: String) -> SiteError {
        SiteError(file: file, line: line, column: column, message: message, severity: .warning)
    }

    public var description: String {
        "\(file):\(line):\(column): \(severity.rawValue): \(message)"
    }

    /// Sorted by file, line, column and message: the order problems are listed in.
    static func sorted(_ problems: [SiteError]) -> [SiteError] {
        problems.sorted {
            ($0.file, $0.line, $0.column, $0.message) < ($1.file, $1.line, $1.column, $1.message)
        }
    }
}

/// A build that found problems: every problem it found, in a stable order.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    /// The problems, sorted by file, line and column.
    public let errors: [SiteError]

    public init(_ errors: [SiteError]) {
        self.errors = SiteError.sorted(errors)
    }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
