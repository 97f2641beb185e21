/// One problem found in the site's input, pinned to a place in a file.
///
/// Printed as `path:line:column: error: message`, the form editors and IDEs
/// understand. The message says what is wrong and how to fix it.
public struct SiteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, as given to the build (relative to the site folder when possible).
    public var file: String
    /// 1-based line in `file`.
    public var line: Int
    /// 1-based column in `file`, counted in Unicode scalars.
    public var column: Int
    /// What is wrong and how to fix it.
    public var message: String

    public init(file: String, line: Int = 1, column: Int = 1, message: String) {
        self.file = file
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.message = message
    }

    public var description: String {
        "\(file):\(line):\(column): error: \(message)"
    }
}

/// A build that found problems: every problem it found, in a stable order.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    /// The problems, sorted by file, line and column.
    public let errors: [SiteError]

    public init(_ errors: [SiteError]) {
        self.errors = errors.sorted {
            ($0.file, $0.line, $0.column, $0.message) < ($1.file, $1.line, $1.column, $1.message)
        }
    }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
