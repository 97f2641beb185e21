import Foundation
import Testing
@testable import SiteKit

/// A full build checks each page's links as it is rendered and keeps only
/// what it cannot decide yet; the check at the end decides the rest.
@Suite struct EarlyLinkCheckTests {
    let checker = LinkChecker(baseURL: "https://example.org/", basePath: "/")
    let planned: Set<String> = ["index.html", "articles/a/index.html", "articles/b/index.html", "tags/x/index.html"]

    @Test func plannedPathsAndOwnFragmentsAreDecidedTheRestWaits() {
        let page = LinkChecker.Page(
            path: "articles/a/index.html", source: "content/articles/a.md", ids: ["intro", "chart-1"],
            links: [
                "/", "/articles/b/", "../b/", "https://elsewhere.example/x", "mailto:x@example.org",
                "#intro", "/articles/a/#chart-1", "#ghost",        // this page's own ids
                "/articles/b/#part",                                // another page's id: unknown yet
                "../b/chart-1.csv",                                 // another page's data file: not planned
                "/articles/nothing/",                               // not planned: maybe an attachment
            ])
        let (broken, rest) = checker.checkEarly(page) { planned.contains($0) }
        #expect(broken == [LinkChecker.Broken(source: "content/articles/a.md", page: "articles/a/index.html",
                                              link: "#ghost", reason: "/articles/a/index.html has no element with id 'ghost'")])
        #expect(rest.links == ["/articles/b/#part", "../b/chart-1.csv", "/articles/nothing/"])
        #expect(rest.ids == page.ids)
        #expect(rest.path == page.path)
    }

    @Test func whatWaitedIsDecidedOnceEveryPageIsKnown() {
        let a = LinkChecker.Page(path: "articles/a/index.html", source: "content/articles/a.md", ids: [],
                                 links: ["/articles/b/#part", "/articles/b/#gone", "../b/chart-1.csv", "/articles/nothing/"])
        let b = LinkChecker.Page(path: "articles/b/index.html", source: "content/articles/b.md", ids: ["part"], links: [])
        let files = planned.union(["articles/b/chart-1.csv"])
        let broken = checker.check([a], page: { $0 == b.path ? b : nil }, fileExists: { files.contains($0) })
        #expect(broken.map(\.link) == ["/articles/b/#gone", "/articles/nothing/"])
    }

    @Test func aLinkToAnotherArticlesChartDataBuildsAndAMissingOneFails() throws {
        let chart = "## Numbers\n\n```viewing-chart\nshow: partner-track\n```\n"
        let good = try DataAsOfSiteTests.site([
            "a": TestSite.article("title: A\ndate: 2022-09-07", body: chart),
            "b": TestSite.article("title: B\ndate: 2022-09-08", body: "The [numbers](../a/chart-1.csv) and [part](/articles/a/#numbers).\n"),
        ])
        defer { good.remove() }
        try good.build()
        #expect(good.read("articles/a/chart-1.csv") != nil)

        let bad = try DataAsOfSiteTests.site([
            "a": TestSite.article("title: A\ndate: 2022-09-07", body: chart),
            "b": TestSite.article("title: B\ndate: 2022-09-08", body: "The [numbers](../a/chart-2.csv).\n"),
        ])
        defer { bad.remove() }
        #expect(bad.buildErrors() == """
        content/articles/b.md:5:5: error: broken link '../a/chart-2.csv': no page or file is written at /articles/a/chart-2.csv; fix the link or add the page it points to
        """)
    }

    @Test func knownLinksNamePlannedFilesAndResolveToThem() {
        let checker = LinkChecker(baseURL: "https://example.org/blog/", basePath: "/blog/")
        let paths = ["index.html", "articles/a/index.html", "feed.xml", "tags/%D0%B4/index.html",
                     "img/a#b.png", "img/100%.png", ".well-known/x", "img/.x/y.png", "a//b.png", "articles/a/chart-1.csv"]
        let known = checker.knownLinks(paths)
        let named = [
            "/blog/", "https://example.org/blog/", "/blog/index.html", "https://example.org/blog/index.html",
            "/blog/articles/a/", "https://example.org/blog/articles/a/",
            "/blog/articles/a/index.html", "https://example.org/blog/articles/a/index.html",
            "/blog/feed.xml", "https://example.org/blog/feed.xml",
            "/blog/articles/a/chart-1.csv", "https://example.org/blog/articles/a/chart-1.csv",
        ]
        for link in named { #expect(known.contains(link), "\(link)") }
        let notNamed = [
            "/blog/tags/%D0%B4/", "/blog/tags/%D0%B4/index.html", "/blog/img/a#b.png", "/blog/img/100%.png",
            "/blog/.well-known/x", "/blog/img/.x/y.png", "/blog/a//b.png", "https://example.org/blog/.well-known/x",
            "/articles/a/", "https://example.org/articles/a/", "/blog/articles/a", "/blog/articles/", "/blog",
            "/blog/feed.xml?x", "/blog/feed.xml#top", "http://example.org/blog/feed.xml", "",
        ]
        for link in notNamed { #expect(!known.contains(link), "\(link)") }
        // Under a base path that links would decode, none is taken as it is.
        #expect(!LinkChecker(baseURL: "https://example.org/caf%C3%A9/", basePath: "/caf%C3%A9/")
            .knownLinks(paths).contains("/caf%C3%A9/feed.xml"))
        // Each resolves, as the full check would, to the file it names.
        let files = Set(paths)
        for link in named {
            let resolved = checker.resolve(link, from: "articles/b/index.html")
            let path = resolved?.0 ?? "-"
            #expect(resolved?.1 == nil)
            #expect(files.contains(path) || files.contains(path + "index.html"), "\(link) resolves to \(path)")
        }
    }

    @Test func otherSitesLinksAreToldByTheirFirstBytes() {
        let known = LinkChecker(baseURL: "https://example.org/blog/", basePath: "/blog/").knownLinks([])
        func leaves(_ link: String) -> Bool {
            Array(link.utf8).withUnsafeBufferPointer { known.leavesSite(utf8: $0) }
        }
        for link in ["https://elsewhere.example/x", "//cdn.example/x", "mailto:a@b.c", "https://example.org/other/"] {
            #expect(leaves(link), "\(link)")
        }
        for link in ["https://example.org/blog/x/", "https://example.org/blog/", "/blog/x/", "/", "", "x.html",
                     "https://elsewhere.example/caf\u{E9}", "https://elsewhere.example/a b"] {
            #expect(!leaves(link), "\(link)")
        }
    }

    @Test func knownLinksChangeNothingButTheWork() {
        let page = LinkChecker.Page(
            path: "articles/a/index.html", source: "content/articles/a.md", ids: ["intro"],
            links: ["/", "/articles/b/", "https://example.org/tags/x/", "/articles/b/#part", "#ghost", "/missing/", "../b/"])
        let known = checker.knownLinks(Array(planned))
        let fast = checker.checkEarly(page, known: known) { planned.contains($0) }
        let slow = checker.checkEarly(page) { planned.contains($0) }
        #expect(fast.broken == slow.broken && fast.undecided.links == slow.undecided.links)
        #expect(fast.undecided.links == ["/articles/b/#part", "/missing/"])
    }

    @Test func aScanDroppingKnownLinksLeavesTheSameUndecidedAndBroken() {
        let html = """
            <a href="/">home</a> <a href="/articles/b/">b</a> <a href="https://example.org/tags/x/">x</a>
            <a href="/articles/b/#part">part</a> <a id="intro" href="#ghost">ghost</a> <img src="/missing/">
            <a href="../b/">rel</a> <a href="/articles/b/?a=1&amp;b=2">query</a> <a href="/&#97;rticles/b/">ref</a>
            <a href="/tags/x/index.html">x</a> <a href="https://elsewhere.example/x">away</a> <a href="//cdn.example/x">cdn</a>
            <a href="mailto:x@example.org">mail</a> <a href="https://example.org/nothing/">ours</a>
            <a href="https://\u{E9}lan.example/">accented</a> <a href="https://elsewhere.example/?a&amp;b">ref</a>
            """
        let known = checker.knownLinks(Array(planned))
        let all = LinkChecker.scan(utf8: Array(html.utf8), path: "articles/a/index.html", source: "a.md")
        let dropped = LinkChecker.scan(utf8: Array(html.utf8), path: "articles/a/index.html", source: "a.md", dropping: known)
        // Only the links named as they are and other sites' plain ASCII ones
        // went; one with a reference in it stays for the check.
        #expect(dropped.links == ["/articles/b/#part", "#ghost", "/missing/", "../b/", "/articles/b/?a=1&b=2", "/articles/b/",
                                  "https://example.org/nothing/", "https://\u{E9}lan.example/", "https://elsewhere.example/?a&b"])
        #expect(dropped.ids == all.ids)
        let fast = checker.checkEarly(dropped, known: known) { planned.contains($0) }
        let slow = checker.checkEarly(all) { planned.contains($0) }
        #expect(fast.broken == slow.broken && fast.undecided.links == slow.undecided.links)
    }
}
