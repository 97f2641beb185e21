import ArgumentParser

/// The `sitegen` command: a static site generator for streaming-show news.
@main
struct Sitegen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Build a static news site from Markdown articles and Netflix Top 10 data.",
        discussion: """
        A site folder holds content/site.yaml, content/articles/*.md, content/pages/*.md, \
        content/data/shows/*.yaml and content/static/. `sitegen build` turns it into plain HTML \
        in public/, ready for any static host; `sitegen serve` previews it while you write; \
        `sitegen import netflix-top10` keeps the show data current.
        """,
        subcommands: [NewCommand.self, BuildCommand.self, ServeCommand.self, ImportCommand.self],
        defaultSubcommand: nil
    )
}
