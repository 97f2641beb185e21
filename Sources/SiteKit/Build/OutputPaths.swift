/// The files a published source writes into the output folder, as site paths
/// relative to it: what the plan claims for it. Public so that the fuzz harness
/// (`Fuzz/`) can check that no front matter makes a path leave the output folder.
public enum OutputPaths {
    /// The article's page and the redirect file of each of its aliases.
    public static func files(of article: Article) -> [String] {
        [article.path + "index.html"] + article.aliases.map(SitePlan.aliasFile)
    }

    /// The standalone page's file.
    public static func files(of page: StandalonePage) -> [String] {
        [page.path + "index.html"]
    }
}
