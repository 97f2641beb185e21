/// The largest inputs sitegen reads, in one place. Each is far beyond what a real
/// site writes (the largest figures in the example site are given for scale), and
/// small enough that a broken or hostile file gets an error naming it instead of
/// exhausting memory or the stack. README.md lists them for editors.
public enum InputLimits {
    /// Bytes of an article or page source (`.md`); real articles are under 50 KB.
    public static let markdownFileBytes = 4 * 1024 * 1024
    /// Bytes of a show data file (`.yaml`) or `site.yaml`; the largest real show
    /// file is 12 KB, and ten years of weekly figures with every country ranked
    /// take about 300 KB. YAML takes ~70 bytes of memory per byte of a dense list,
    /// so this keeps a hostile file near 150 MB.
    public static let dataFileBytes = 2 * 1024 * 1024
    /// Bytes of front matter between the `---` lines; real front matter is under 2 KB.
    public static let frontMatterBytes = 64 * 1024
    /// Bytes of the YAML body of an embed block (```` ```viewing-chart ````); real
    /// ones are a few lines.
    public static let embedBytes = 64 * 1024
    /// Nesting of YAML collections (a list in a mapping in a list …); show files
    /// nest 4 deep. Yams composes recursively, so depth is bounded before it runs.
    public static let yamlDepth = 64
    /// YAML collection elements per document, aliases expanded ("billion laughs").
    public static let yamlElements = 1_000_000
    /// Nesting of Markdown containers (block quotes, lists, emphasis, links …);
    /// browsers stop nesting elements at 512, and real articles stay under 10.
    public static let markdownNesting = 100
}
