import Testing
@testable import SiteKit

/// Two sources that would write the same output path are an error naming both.
@Suite struct PathCollisionTests {
    @Test func twoArticlesWithTheSameSlug() throws {
        let site = try TestSupport.site([
            "content/articles/partner-track.md": TestSupport.article(title: "One", date: "2024-05-02"),
            "content/articles/older.md": TestSupport.article(title: "Two", date: "2024-05-01", "slug: partner-track\n"),
        ])
        #expect(TestSupport.buildErrors(site) == [
            "content/articles/older.md:4:7: error: writes articles/partner-track/index.html, which content/articles/partner-track.md also writes: change the slug of one of them",
        ])
    }

    @Test func pageAgainstTheTagIndex() throws {
        let site = try TestSupport.site([
            "content/pages/tags.md": "---\ntitle: Tags\n---\nMy own tag page.\n",
        ])
        #expect(TestSupport.buildErrors(site) == [
            "content/pages/tags.md:1:1: error: writes tags/index.html, which the tag index also writes: change the slug of one of them",
        ])
    }

    @Test func staticFileAgainstGeneratedPages() throws {
        let site = try TestSupport.site([
            "content/articles/news.md": TestSupport.article(),
            "content/static/index.html": "<p>mine</p>",
            "content/static/articles/news/index.html": "<p>mine</p>",
            "content/static/404.html": "<p>mine</p>",
        ])
        #expect(TestSupport.buildErrors(site) == [
            "content/static/404.html:1:1: error: writes 404.html, which the 404 page also writes: rename or move the static file",
            "content/static/articles/news/index.html:1:1: error: writes articles/news/index.html, which content/articles/news.md also writes: rename or move the static file",
            "content/static/index.html:1:1: error: writes index.html, which the home page also writes: rename or move the static file",
        ])
    }

    @Test func staticFileWhereAPageNeedsAFolder() throws {
        // content/static/articles/news is a file, but the article needs a folder
        // of that name for its index.html.
        let site = try TestSupport.site([
            "content/articles/news.md": TestSupport.article(),
            "content/static/articles/news": "plain file",
            "content/static/about/index.html/x.txt": "a file below a folder named like a page",
            "content/pages/about.md": "---\ntitle: About\n---\n",
        ])
        #expect(TestSupport.buildErrors(site) == [
            "content/static/about/index.html/x.txt:1:1: error: writes about/index.html/x.txt, but about/index.html is a file that content/pages/about.md writes: rename or move the static file",
            "content/static/articles/news:1:1: error: writes articles/news, but content/articles/news.md writes articles/news/index.html inside a folder of that name: rename or move the static file",
        ])
    }

    @Test func articleAndPageDoNotCollideAcrossFolders() throws {
        let site = try TestSupport.site([
            "content/articles/about.md": TestSupport.article(),
            "content/pages/about.md": "---\ntitle: About\n---\n",
        ])
        let output = try TestSupport.temporaryFolder().appending(path: "public")
        _ = try TestSupport.builder().build(siteDirectory: site, output: output)
        let files = try TestSupport.snapshot(output)
        #expect(files["articles/about/index.html"] != nil)
        #expect(files["about/index.html"] != nil)
    }
}
