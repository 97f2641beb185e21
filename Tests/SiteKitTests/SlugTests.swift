import Testing
@testable import SiteKit

/// URL slug rules, and slugs from file names and front matter.
@Suite struct SlugTests {
    @Test(arguments: ["partner-track", "s2", "a", "2024-recap", "x-1-y"])
    func validSlugs(_ slug: String) {
        #expect(Slug.isValid(slug))
    }

    @Test(arguments: ["", "-x", "x-", "a--b", "Partner", "partner_track", "partner track", "café", "a.b", "a/b", "ａ"])
    func invalidSlugs(_ slug: String) {
        #expect(!Slug.isValid(slug))
    }

    @Test func makeFromFreeText() {
        #expect(Slug.make(from: "Partner Track: Season 1") == "partner-track-season-1")
        #expect(Slug.make(from: "  Émilie à Paris!! ") == "emilie-a-paris")
        #expect(Slug.make(from: "The Lincoln Lawyer (S1)") == "the-lincoln-lawyer-s1")
        #expect(Slug.make(from: "Netflix_Top--10") == "netflix-top-10")
        #expect(Slug.make(from: "日本語") == "")
        #expect(Slug.make(from: "K-Drama 日本 Hits") == "k-drama-hits")
        // Whatever make returns is valid or empty.
        for text in ["Partner Track: Season 1", "--a--", "Ünïcödé", "123", "a_b"] {
            let slug = Slug.make(from: text)
            #expect(slug.isEmpty || Slug.isValid(slug), "\(text) -> \(slug)")
        }
    }

    /// ASCII text takes a byte path; it agrees with the Unicode path, which
    /// the same text with one accented letter added at the end takes.
    @Test func asciiTextSlugsAsTheUnicodePathDoes() {
        let texts = ["", "-", "  ", "A", "Top 10!", "--a--b--", "Mixed_CASE text 42", "~tilde`", "a\tb\nc", "END-"]
        for text in texts {
            let viaUnicode = Slug.make(from: text + " é")
            let expected = viaUnicode.hasSuffix("-e") ? String(viaUnicode.dropLast(2)) : String(viaUnicode.dropLast(1))
            #expect(Slug.make(from: text) == expected, "\(text)")
        }
        #expect(Slug.make(from: "~Top 10!~") == "top-10")
    }

    @Test func invalidFileNameIsRejected() {
        #expect(TestSupport.articleErrors(TestSupport.article(), file: "content/articles/Partner_Track.md", slug: "Partner_Track") == [
            "content/articles/Partner_Track.md:1:1: error: file name 'Partner_Track' is not a valid slug (lowercase letters, digits and single hyphens): rename the file to 'partner-track.md' or set `slug:` in the front matter",
        ])
        // A valid front matter slug rescues an invalid file name.
        let article = try? Article.parse(TestSupport.article("slug: partner-track\n"),
                                         file: "content/articles/Partner_Track.md", fileSlug: "Partner_Track")
        #expect(article?.slug == "partner-track")
        #expect(article?.path == "articles/partner-track/")
    }

    @Test func invalidFrontMatterSlugIsRejected() {
        #expect(TestSupport.articleErrors(TestSupport.article("slug: --Bad Slug--\n")) == [
            "content/articles/a.md:4:7: error: slug '--Bad Slug--' may only hold lowercase letters, digits and single hyphens: try 'bad-slug'",
        ])
    }

    @Test func invalidFileNamesInABuild() throws {
        let site = try TestSupport.site([
            "content/articles/Bad Name.md": TestSupport.article(),
            "content/pages/About.md": "---\ntitle: About\n---\n",
            "content/data/shows/Partner_Track.yaml": "title: Partner Track\nweeks: []\n",
            "content/articles/notes.txt": "x",
        ])
        #expect(TestSupport.buildErrors(site) == [
            "content/articles/Bad Name.md:1:1: error: file name 'Bad Name' is not a valid slug (lowercase letters, digits and single hyphens): rename the file to 'bad-name.md' or set `slug:` in the front matter",
            "content/articles/notes.txt:1:1: error: unexpected file in content/articles/: only .md files belong here; move it to content/static/ or rename it to end in .md",
            "content/data/shows/Partner_Track.yaml:1:1: error: file name 'Partner_Track' is not a valid slug (lowercase letters, digits and single hyphens): rename it to 'partner-track.yaml'",
            "content/pages/About.md:1:1: error: file name 'About' is not a valid slug (lowercase letters, digits and single hyphens): rename the file to 'about.md' or set `slug:` in the front matter",
        ])
    }
}
