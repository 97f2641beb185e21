import Testing
@testable import SiteKit

/// Front matter splitting, source text decoding and the strict typed decoding
/// of articles, pages and site settings, with exact error texts and positions.
@Suite struct FrontMatterTests {
    let file = "content/articles/a.md"

    func errors(_ text: String) -> [String] { TestSupport.articleErrors(text, file: file) }

    func parse(_ text: String) throws -> Article {
        try Article.parse(text, file: file, fileSlug: "a")
    }

    // MARK: Splitting and text

    /// Found by Fuzz/: libyaml reads U+0085, U+2028 and U+2029 as line breaks,
    /// so every error after one pointed below the real line.
    @Test func unicodeLineBreaksInYAMLAreNamedAtTheirPlace() {
        #expect(errors("---\ntitle: \"a\u{2028}\u{2028}\u{2028}b\"\ndate: [\n---\n") == [
            "content/articles/a.md:2:10: error: invisible U+2028 (line separator), which YAML reads as a new line: delete it (press Enter where a new line is meant)",
        ])
        #expect(YAMLReader.firstUnicodeLineBreak(in: "a: 1\nb: x\u{85}y").map { "\($0.line):\($0.column) \($0.name)" }
                == "2:5 U+0085 (next line)")
        #expect(YAMLReader.firstUnicodeLineBreak(in: "é: ü\n\u{2029}").map { "\($0.line):\($0.column) \($0.name)" }
                == "2:1 U+2029 (paragraph separator)")
        #expect(YAMLReader.firstUnicodeLineBreak(in: "é: ü — “ok”\n") == nil)
    }

    @Test func validArticleDecodesEveryField() throws {
        let article = try parse("""
        ---
        title: "Partner Track: season 2?"
        date: 2024-05-01
        updated: 2024-05-03T09:30:00+02:00
        summary: Where the renewal stands.
        tags: [Netflix, Renewals]
        author: Sam Writer
        draft: false
        image: /img/pt.jpg
        image_alt: Ingrid in the office
        show: partner-track
        compare: [the-lincoln-lawyer-s1]
        renewal:
          status: pending
          prediction: Likely renewal
          as_of: 2024-05-01
        scores:
          critics: 83
          audience: 70
          imdb: 6.6
        aliases: [/old/pt/]
        expires: 2030-01-01
        ---
        Body line 1.
        """)
        #expect(article.title == "Partner Track: season 2?")
        #expect(article.date == DateTime(date: CalendarDate(year: 2024, month: 5, day: 1)!))
        #expect(article.updated == DateTime(date: CalendarDate(year: 2024, month: 5, day: 3)!,
                                            secondsOfDay: 9 * 3600 + 30 * 60, utcOffsetMinutes: 120, hasTime: true))
        #expect(article.tags == ["Netflix", "Renewals"])
        #expect(article.renewal == Renewal(status: .pending, prediction: "Likely renewal",
                                           asOf: CalendarDate(year: 2024, month: 5, day: 1)))
        #expect(article.scores == Scores(critics: 83, audience: 70, imdb: 6.6))
        #expect(article.compare == ["the-lincoln-lawyer-s1"])
        #expect(article.aliases == ["/old/pt/"])
        #expect(article.body == "Body line 1.")
        #expect(article.bodyFirstLine == 24)
        #expect((article.showLine, article.showColumn) == (11, 7))
        #expect(article.slug == "a")
        #expect(article.draft == false)
    }

    @Test func splitCountsLinesInTheFile() throws {
        let parts = try FrontMatter.split("---\ntitle: x\n---\n\nBody\n", file: file)
        #expect(parts == FrontMatter(yaml: "title: x", yamlFirstLine: 2, body: "\nBody\n", bodyFirstLine: 4))
        let closedByDots = try FrontMatter.split("---  \ntitle: x\n...\nBody", file: file)
        #expect(closedByDots.body == "Body")
    }

    @Test func crlfAndByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: CRLF\r\ndate: 2024-05-01\r\ntitel: x\r\n---\r\nLine\r\nTwo\r".utf8)
        let text = try SourceText.decode(bytes, file: file)
        #expect(text == "---\ntitle: CRLF\ndate: 2024-05-01\ntitel: x\n---\nLine\nTwo\n")
        // Positions after normalising are those an editor shows for the file.
        #expect(errors(text) == [
            "content/articles/a.md:4:1: error: unknown key 'titel' in front matter (did you mean 'title'?); known keys: aliases, author, compare, data_as_of, date, draft, expires, image, image_alt, performance, renewal, scores, show, slug, summary, tags, title, updated",
        ])
        let withoutError = try parse(text.replacing("titel: x\n", with: ""))
        #expect(withoutError.title == "CRLF")
        #expect(withoutError.body == "Line\nTwo\n")
    }

    @Test func nonUTF8IsRejectedByName() {
        #expect(throws: SiteError(file: file, line: 2, column: 11,
                                  message: "file is not valid UTF-8 (byte 0xE9 here): save it with UTF-8 encoding")) {
            _ = try SourceText.decode(Array("---\ntitle: Caf".utf8) + [0xE9] + Array("\n---\n".utf8), file: file)
        }
        // A truncated multi-byte sequence at the very end.
        #expect(throws: SiteError(file: file, line: 1, column: 3,
                                  message: "file is not valid UTF-8 (byte 0xE2 here): save it with UTF-8 encoding")) {
            _ = try SourceText.decode([0x61, 0x62, 0xE2, 0x82], file: file)
        }
    }

    /// A text with few non-ASCII characters is checked as pieces (its ASCII
    /// runs and its runs of bytes from 0x80 up); it must take and refuse
    /// exactly what a check of the whole text does. Random texts mixing ASCII
    /// runs with valid characters and broken ones (lone continuation bytes,
    /// truncated, overlong and surrogate sequences, code points past
    /// U+10FFFF), from a few pieces to more than the piecewise check takes.
    @Test func piecewiseUTF8CheckMatchesTheWholeCheck() {
        let valid: [[UInt8]] = [Array("—".utf8), Array("é".utf8), Array("▲".utf8), Array("😀".utf8), Array("東京".utf8),
                                Array("\u{10FFFF}".utf8)]
        let broken: [[UInt8]] = [[0x80], [0xBF], [0xC3], [0xE2, 0x80], [0xC0, 0x80], [0xE0, 0x80, 0x80],
                                 [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF]]
        let ascii: [[UInt8]] = [Array("a".utf8), Array("plain ascii text, ".utf8), Array(String(repeating: "x", count: 70).utf8)]
        var generator = SplitMix64(seed: 7)
        for round in 0..<600 {
            let pieces = round % 5 == 0 ? Int.random(in: 100...400, using: &generator) : Int.random(in: 0...12, using: &generator)
            var bytes: [UInt8] = []
            for _ in 0..<pieces {
                switch Int.random(in: 0..<10, using: &generator) {
                case 0..<6: bytes += ascii.randomElement(using: &generator)!
                case 6..<9: bytes += valid.randomElement(using: &generator)!
                default: if round % 2 == 0 { bytes += broken.randomElement(using: &generator)! }
                }
            }
            let whole = String(validating: bytes, as: UTF8.self)
            let piecewise = bytes.withUnsafeBufferPointer(SourceText.validated)
            #expect(piecewise == whole, "round \(round): \(bytes)")
            #expect(piecewise.map { Array($0.utf8) == bytes } ?? true, "round \(round)")
        }
    }

    @Test func emptyFrontMatterReportsMissingKeys() {
        // Reported on the closing line, where the keys belong.
        #expect(errors("---\n---\nBody\n") == [
            "content/articles/a.md:2:1: error: missing required key 'date' in front matter: add a line `date: 2024-05-01`",
            "content/articles/a.md:2:1: error: missing required key 'title' in front matter: add a line `title: \"Partner Track season 2: renewal status\"`",
        ])
    }

    @Test func missingClosingFence() {
        #expect(errors("---\ntitle: x\ndate: 2024-05-01\nBody\n") == [
            "content/articles/a.md:1:1: error: front matter is not closed: add a line `---` after its last key",
        ])
    }

    @Test func noFrontMatter() {
        #expect(errors("# Just Markdown\n") == [
            "content/articles/a.md:1:1: error: missing front matter: start the file with a line `---`, then keys such as `title:` and `date:`, then `---`",
        ])
        #expect(errors("") == [
            "content/articles/a.md:1:1: error: missing front matter: start the file with a line `---`, then keys such as `title:` and `date:`, then `---`",
        ])
    }

    @Test func frontMatterMustBeAMapping() {
        #expect(errors("---\n- a\n- b\n---\n") == [
            "content/articles/a.md:2:1: error: front matter must be a mapping of `key: value` lines, got a list",
        ])
    }

    // MARK: Keys and types

    @Test func unknownKeyNamesTheClosestKnownOne() {
        #expect(errors(TestSupport.article("auhtor: Sam\nfoo: bar\n")) == [
            "content/articles/a.md:4:1: error: unknown key 'auhtor' in front matter (did you mean 'author'?); known keys: aliases, author, compare, data_as_of, date, draft, expires, image, image_alt, performance, renewal, scores, show, slug, summary, tags, title, updated",
            "content/articles/a.md:5:1: error: unknown key 'foo' in front matter; known keys: aliases, author, compare, data_as_of, date, draft, expires, image, image_alt, performance, renewal, scores, show, slug, summary, tags, title, updated",
        ])
    }

    @Test func wrongTypes() {
        #expect(errors(TestSupport.article("""
        tags: 5
        draft: maybe
        scores:
          critics: 120
          audience: many
          imdb: 11
        renewal: soon
        summary: [a, b]

        """)) == [
            "content/articles/a.md:4:7: error: 'tags' must be a list (`[a, b]` or lines starting with `- `), got '5'",
            "content/articles/a.md:5:8: error: 'draft' must be true or false, got 'maybe'",
            "content/articles/a.md:7:12: error: 'critics' must be between 0 and 100, got 120",
            "content/articles/a.md:8:13: error: 'audience' must be a whole number, got 'many'",
            "content/articles/a.md:9:9: error: 'imdb' must be between 0 and 10, got '11'",
            "content/articles/a.md:10:10: error: 'renewal' must be a mapping of `key: value` lines, got 'soon'",
            "content/articles/a.md:11:10: error: 'summary' must be text, got a list",
        ])
    }

    @Test func renewalStatusMustBeKnown() {
        #expect(errors(TestSupport.article("renewal:\n  status: renewd\n  predicton: yes\n")) == [
            "content/articles/a.md:5:11: error: unknown renewal status 'renewd' (did you mean 'renewed'?); use one of: renewed, cancelled, pending, ending",
            "content/articles/a.md:6:3: error: unknown key 'predicton' in 'renewal' (did you mean 'prediction'?); known keys: as_of, prediction, status",
        ])
        #expect(errors(TestSupport.article("renewal:\n  prediction: Likely\n")) == [
            "content/articles/a.md:5:3: error: missing required key 'status' in 'renewal': add a line `status: pending`",
        ])
    }

    @Test func slugAndShowValues() {
        #expect(errors(TestSupport.article("slug: Partner_Track\nshow: Partner Track\n")) == [
            "content/articles/a.md:4:7: error: slug 'Partner_Track' may only hold lowercase letters, digits and single hyphens: try 'partner-track'",
            "content/articles/a.md:5:7: error: 'show' must name a data file by its slug (content/data/shows/<slug>.yaml), got 'Partner Track'",
        ])
    }

    @Test func emptyTitle() {
        #expect(errors("---\ntitle: \"  \"\ndate: 2024-05-01\n---\n") == [
            "content/articles/a.md:2:8: error: 'title' is empty: give it a value, such as `title: \"Partner Track season 2: renewal status\"`",
        ])
    }

    @Test func compareMustNameShowsBySlug() {
        #expect(errors(TestSupport.article("compare:\n  - the-lincoln-lawyer-s1\n  - The Crown\n")) == [
            "content/articles/a.md:6:5: error: 'compare' must list data files by their slugs (content/data/shows/<slug>.yaml), got 'The Crown'",
        ])
    }

    @Test func tagWithoutLettersOrDigits() {
        #expect(errors(TestSupport.article("tags:\n  - ok\n  - '!!!'\n")) == [
            "content/articles/a.md:6:5: error: tag '!!!' has no letters or digits to make a URL from: use a word",
        ])
    }

    // MARK: Dates

    @Test(arguments: [
        ("2024-13-45", "'date' is not a real calendar date: '2024-13-45' (check the month and day)"),
        ("2024-02-30", "'date' is not a real calendar date: '2024-02-30' (check the month and day)"),
        ("2023-02-29", "'date' is not a real calendar date: '2023-02-29' (check the month and day)"),
        ("2024-1-5", "'date' must be a date (YYYY-MM-DD) or an RFC 3339 date-time (YYYY-MM-DDTHH:MM:SSZ), got '2024-1-5'"),
        ("2024/01/05", "'date' must be a date written YYYY-MM-DD, got '2024/01/05'"),
        ("2024-05-01T10:00:00", "'date' must be a date (YYYY-MM-DD) or an RFC 3339 date-time (YYYY-MM-DDTHH:MM:SSZ), got '2024-05-01T10:00:00'"),
        ("2024-05-01T10:00:00+0200", "'date' must be a date (YYYY-MM-DD) or an RFC 3339 date-time (YYYY-MM-DDTHH:MM:SSZ), got '2024-05-01T10:00:00+0200'"),
        ("2024-05-01T10:00:00+24:00", "'date' must be a date (YYYY-MM-DD) or an RFC 3339 date-time (YYYY-MM-DDTHH:MM:SSZ), got '2024-05-01T10:00:00+24:00'"),
        ("2024-05-01T10:00:00+02:60", "'date' must be a date (YYYY-MM-DD) or an RFC 3339 date-time (YYYY-MM-DDTHH:MM:SSZ), got '2024-05-01T10:00:00+02:60'"),
        ("2024-05-01T10:00:00Z+01:00", "'date' must be a date (YYYY-MM-DD) or an RFC 3339 date-time (YYYY-MM-DDTHH:MM:SSZ), got '2024-05-01T10:00:00Z+01:00'"),
        ("2024-05-01T10:00:00.Z", "'date' must be a date (YYYY-MM-DD) or an RFC 3339 date-time (YYYY-MM-DDTHH:MM:SSZ), got '2024-05-01T10:00:00.Z'"),
        ("2024-05-01T25:00:00Z", "'date' is not a real time of day: '2024-05-01T25:00:00Z'"),
        ("2024-05-01T10:60:00Z", "'date' is not a real time of day: '2024-05-01T10:60:00Z'"),
    ])
    func badDates(value: String, message: String) {
        #expect(errors(TestSupport.article(date: value)) == ["content/articles/a.md:3:7: error: \(message)"])
    }

    @Test func validDateTimes() throws {
        let day = CalendarDate(year: 2024, month: 5, day: 1)!
        #expect(try DateTime(parsing: "2024-05-01") == DateTime(date: day))
        let withOffset = try DateTime(parsing: "2024-05-01T23:30:00-05:30")
        #expect(withOffset == DateTime(date: day, secondsOfDay: 23 * 3600 + 1800, utcOffsetMinutes: -330, hasTime: true))
        #expect(withOffset.secondsSinceEpoch == DateTime(secondsSinceEpoch: withOffset.secondsSinceEpoch).secondsSinceEpoch)
        // 23:30 at -05:30 is 05:00 UTC the next day.
        #expect(withOffset.secondsSinceEpoch == Int64(day.daysSinceEpoch + 1) * 86_400 + 5 * 3600)
        #expect(withOffset.rfc3339 == "2024-05-01T23:30:00-05:30")
        let fraction = try DateTime(parsing: "2024-05-01t10:00:00.123456z")
        #expect(fraction.rfc3339 == "2024-05-01T10:00:00Z")
        let spaced = try DateTime(parsing: "2024-05-01 10:00:00+00:00")
        #expect(spaced.secondsSinceEpoch == fraction.secondsSinceEpoch)
        #expect(try DateTime(parsing: "2024-02-29T00:00:00Z").date == CalendarDate(year: 2024, month: 2, day: 29))
        // A quoted date is read as the same date.
        #expect(try parse(TestSupport.article(date: "\"2024-05-01\"")).date == DateTime(date: day))
    }

    @Test func calendarDateArithmetic() {
        let date = CalendarDate(year: 2000, month: 2, day: 29)!
        #expect(CalendarDate(daysSinceEpoch: date.daysSinceEpoch) == date)
        #expect(date.adding(days: 1).description == "2000-03-01")
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDate(daysSinceEpoch: 0).description == "1970-01-01")
        #expect(CalendarDate(year: 2024, month: 6, day: 2)!.weekday == 0)
    }

    // MARK: YAML

    @Test func yamlSyntaxErrorIsPlacedInTheFile() {
        #expect(errors("---\ntitle: x\ndate: 2024-05-01\ntags: [a, b\n---\n") == [
            "content/articles/a.md:5:1: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence: check the indentation and quoting on this line",
        ])
        #expect(errors("---\ntitle: x\n  bad: indent\n---\n") == [
            "content/articles/a.md:3:6: error: invalid YAML: this line is indented under the line above, where no key can start: line its key up with the other keys (or, if it continues the value above, put that value in quotes)",
        ])
    }

    @Test func controlCharacterAndTabIndentation() {
        #expect(errors("---\ntitle: x\ndate: 2024-05-01\nsummary: a\u{7}b\n---\n") == [
            "content/articles/a.md:4:11: error: invisible control character U+0007 (bell), which feeds and sitemaps cannot hold: delete it (it is invisible in most editors: delete the characters around this position and type them again)",
        ])
        #expect(errors("---\ntitle: x\n\tdate: 2024-05-01\n---\n") == [
            "content/articles/a.md:3:1: error: invalid YAML: a tab indents this line, and YAML indents with spaces only: replace the tab with spaces",
        ])
    }

    @Test func duplicateKey() {
        #expect(errors("---\ntitle: x\ndate: 2024-05-01\ntitle: y\n---\n") == [
            "content/articles/a.md:2:1: error: duplicate key 'title': each key may appear once; remove one of them",
        ])
    }

    /// A "billion laughs" document: nine nested levels of nine aliases expand to
    /// 9^9 items. Reading must stop at the element budget, quickly.
    @Test(.timeLimit(.minutes(1))) func aliasBombFailsFast() {
        var lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for level in 1..<names.count {
            let refs = Array(repeating: "*\(names[level - 1])", count: 9).joined(separator: ", ")
            lines.append("\(names[level]): &\(names[level]) [\(refs)]")
        }
        let yaml = lines.joined(separator: "\n")
        let clock = ContinuousClock()
        let started = clock.now
        let reader = YAMLReader(file: "content/data/shows/x.yaml")
        // Not `#expect(root == nil)`: describing a failed expectation would print the expanded tree.
        let composed = reader.compose(yaml) != nil
        #expect(!composed)
        #expect(reader.errors.map(\.description) == [
            "content/data/shows/x.yaml:1:4: error: YAML has more than 1000000 list and mapping entries once aliases are expanded: remove the `*alias` references, or split the file",
        ])
        #expect(clock.now - started < .seconds(5))
        // Reported at the innermost list, the one expanded 9^8 times. In front
        // matter the same document fails alike, placed in the .md file.
        let article = errors("---\ntitle: x\ndate: 2024-05-01\ntags: &t [x]\n" + yaml + "\n---\n")
        #expect(article == ["content/articles/a.md:5:4: error: YAML has more than 1000000 list and mapping entries once aliases are expanded: remove the `*alias` references, or split the file"])
    }

    @Test(arguments: [
        ("a: &a [x]\n? *a\n: y", 2, 3),
        ("a: &a [x]\n*a : y", 2, 1),
        ("a: &a [x]\nb: {c: 1, *a: y}", 2, 11),
        ("a: &a [x]\nb:\n  - *a: y", 3, 5),
    ])
    func aliasAsKeyIsRejectedBeforeYamsExpandsIt(yaml: String, line: Int, column: Int) {
        let reader = YAMLReader(file: "content/data/shows/x.yaml")
        #expect(reader.compose(yaml) == nil)
        #expect(reader.errors.map(\.description) == [
            "content/data/shows/x.yaml:\(line):\(column): error: an alias (`*name`) cannot be a key: write the key out in full",
        ])
    }

    @Test(arguments: [
        "a: &a [x]\nb: *a",
        "a: &a [x]\nb: [*a, *a]",
        "a: \"5 * 3: fifteen\"",
        "a: 'x, *b: c'",
        "a: b # *c: d",
        "summary: |\n  *Bold*: text\n  *b: c\ntags: [x]",
        "summary: >-\n  *Bold*: text\n",
        "a: \"x\n  *b: c\"",
        "a: x\n  *b: c",
        "- *x",
    ])
    func aliasesAsValuesAndStarsInTextAreFine(yaml: String) {
        #expect(YAMLAliasKeys.firstPosition(in: yaml) == nil)
    }

    @Test func aBlockScalarLineThatLooksLikeAnAliasKeyIsText() throws {
        let article = try Article.parse("---\ntitle: T\ndate: 2024-05-01\nsummary: |\n  *Bold*: text\n  *b: c\n---\n",
                                        file: "content/articles/a.md", fileSlug: "a")
        #expect(article.summary == "*Bold*: text\n*b: c")
    }

    @Test func anAliasInsideAComplexKeyIsRejectedToo() {
        let reader = YAMLReader(file: "content/data/shows/x.yaml")
        #expect(reader.compose("a: &a [x]\n? [1, *a]\n: y") == nil)
        #expect(reader.errors.map(\.description) == [
            "content/data/shows/x.yaml:2:7: error: an alias (`*name`) cannot be a key: write the key out in full",
        ])
    }

    // MARK: Pages and settings

    @Test func standalonePage() throws {
        let page = try StandalonePage.parse("---\ntitle: About\nsummary: Who we are.\n---\nText\n",
                                            file: "content/pages/about.md", fileSlug: "about")
        #expect(page.path == "about/")
        #expect(page.bodyFirstLine == 5)
        do {
            _ = try StandalonePage.parse("---\ntitle: About\ntags: [x]\n---\n", file: "content/pages/about.md", fileSlug: "about")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "content/pages/about.md:3:1: error: unknown key 'tags' in front matter; known keys: date, draft, slug, summary, title, updated")
        }
    }

    @Test func siteSettings() throws {
        let settings = try SiteSettings.parse("title: T\nbase_url: https://example.com/blog\npage_size: 5\nraw_html: true\n",
                                              file: "content/site.yaml")
        #expect(settings == SiteSettings(title: "T", baseURL: "https://example.com/blog/", allowRawHTML: true, pageSize: 5))
        func errors(_ yaml: String) -> [String] {
            do {
                _ = try SiteSettings.parse(yaml, file: "content/site.yaml")
                return []
            } catch {
                return error.errors.map(\.description)
            }
        }
        #expect(errors("") == [
            "content/site.yaml:1:1: error: missing required key 'base_url' in site settings: add a line `base_url: https://example.com/`",
            "content/site.yaml:1:1: error: missing required key 'title' in site settings: add a line `title: My Site`",
        ])
        #expect(errors("title: T\nbase_url: example.com\nlanguage: en_GB\npage_size: 0\ntitel: x\n") == [
            "content/site.yaml:2:11: error: 'base_url' must be an absolute http(s) URL such as https://example.com/, got 'example.com'",
            "content/site.yaml:3:11: error: 'language' must be a language tag such as en or en-GB, got 'en_GB'",
            "content/site.yaml:4:12: error: 'page_size' must be between 1 and 1000, got 0",
            "content/site.yaml:5:1: error: unknown key 'titel' in site settings (did you mean 'title'?); known keys: accent, author, authors, base_url, description, footer, headers, image, image_alt, language, logo, page_size, raw_html, title",
        ])
    }
}

/// "Did you mean" hints.
@Suite struct SuggestionTests {
    @Test func transposedLettersAreOneEdit() {
        #expect(Suggestion.editDistance("titel", "title") == 1)
        #expect(Suggestion.editDistance("ab", "ba") == 1)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.editDistance("", "abc") == 3)
        #expect(Suggestion.closest(to: "titel", in: ["title", "tags", "date"]) == "title")
        #expect(Suggestion.closest(to: "Summary", in: ["summary"]) == "summary")
        #expect(Suggestion.closest(to: "foo", in: ["title", "tags"]) == nil)
        #expect(Suggestion.hint(for: "imbd", in: ["imdb", "critics"]) == " (did you mean 'imdb'?)")
    }
}
