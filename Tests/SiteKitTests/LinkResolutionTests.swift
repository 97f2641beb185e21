import Testing
@testable import SiteKit

@Suite struct LinkResolutionTests {
    /// `resolve` as pairs, for comparing.
    private func resolved(_ link: String, from page: String = "articles/a/index.html",
                          basePath: String = "/") -> [String?]? {
        let checker = LinkChecker(baseURL: "https://example.org" + basePath, basePath: basePath)
        return checker.resolve(link, from: page).map { [$0.0, $0.1] }
    }

    @Test func plainRootLinksResolveLikeNormalisedOnes() {
        #expect(resolved("/articles/x/") == ["articles/x/", nil])
        #expect(resolved("/") == ["", nil])
        #expect(resolved("/a//b") == ["a//b", nil])
        #expect(resolved("/a/./b") == ["a/b", nil])
        #expect(resolved("/a/../b") == ["b", nil])
        #expect(resolved("/.well-known/x") == [".well-known/x", nil])
        #expect(resolved("/a/b.csv") == ["a/b.csv", nil])
        #expect(resolved("/t%C3%A9/") == ["té/", nil])
        #expect(resolved("/x/?page=2") == ["x/", nil])
        #expect(resolved("/x/#part") == ["x/", "part"])
        #expect(resolved("//cdn.example.org/x") == nil)
        #expect(resolved("https://example.org/x/") == ["x/", nil])
    }

    @Test func filesBesideThePageResolveAsSplitAndNormalised() {
        let links = ["chart-1.csv", "performance-table-12.csv", "a.b", ".hidden", "...", "é.png", "x y", ".", "..",
                     "a\\b", "mailto:x", "#f", "?q", "%41", "a/b", ""]
        for base in ["https://example.org/", "https://example.org/blog/", ""] {
            let checker = LinkChecker(baseURL: base, basePath: base.isEmpty ? "/" : String(base.dropFirst("https://example.org".count)))
            for page in ["articles/a/index.html", "index.html", "tags/t/page/2/index.html"] {
                for link in links {
                    let fast = checker.resolve(link, from: page).map { [$0.0, $0.1] }
                    let parts = checker.resolveByParts(link, from: page).map { [$0.0, $0.1] }
                    #expect(fast == parts, "\(link) from \(page) with base '\(base)'")
                }
            }
        }
        #expect(resolved("chart-1.csv") == ["articles/a/chart-1.csv", nil])
        #expect(resolved("chart-1.csv", from: "index.html") == ["chart-1.csv", nil])
    }

    @Test func linksBelowABasePath() {
        #expect(resolved("/blog/x/", basePath: "/blog/") == ["x/", nil])
        #expect(resolved("/blog/", basePath: "/blog/") == ["", nil])
        #expect(resolved("/other/x/", basePath: "/blog/") == nil)
        #expect(resolved("chart.csv", basePath: "/blog/") == ["articles/a/chart.csv", nil])
    }

    @Test func relativeLinksWithFragmentsAndQueries() {
        #expect(resolved("#top") == [nil, "top"])
        #expect(resolved("#caf%C3%A9") == [nil, "café"])
        #expect(resolved("?page=2") == [nil, nil])
        #expect(resolved("../b/#part") == ["articles/b/", "part"])
        #expect(resolved("../../tags/t%C3%A9/?x=1#y") == ["tags/té/", "y"])
        #expect(resolved("./chart-1.csv") == ["articles/a/chart-1.csv", nil])
        #expect(resolved("../../../../x") == ["x", nil])
        #expect(resolved("b//c", from: "articles/é/index.html") == ["articles/é/b//c", nil])
        #expect(resolved("/x/#a#b") == ["x/", "a#b"])
    }
}
