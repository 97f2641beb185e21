/// Renders the data embeds that articles place with fenced blocks, and the
/// "How it's performing" section of an article that follows a show.
struct EmbedRenderer {
    /// Info strings that mark embed blocks.
    static let names: Set<String> = []

    let shows: [String: Show]
    /// The article file, for errors.
    let file: String
    /// Lines of the file before the Markdown body.
    let lineOffset: Int

    init(shows: [String: Show], file: String, lineOffset: Int) {
        self.shows = shows
        self.file = file
        self.lineOffset = lineOffset
    }

    /// The HTML for one embed block, or the problems with it.
    mutating func render(_ block: EmbedBlock) -> Result<HTML, BuildFailure> {
        .failure(BuildFailure([SiteError(file: file, line: lineOffset + block.line,
                                         message: "unknown embed '\(block.name)'")]))
    }

    /// The weekly table and chart of the show an article follows.
    mutating func performanceSection(for show: Show) -> HTML {
        .empty
    }
}
