import FuzzSupport
import SiteKit

/// A Markdown source as the loader reads it: UTF-8 check, front matter split,
/// strict decode as an article and as a standalone page, and the same bytes as a
/// show data file. Errors must point at a line of the file; a split must give
/// back the file's own text with the body's first line counted right; an article
/// that decodes has a valid slug and the split's body.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = bytes(data, size)
    let file = "content/articles/fuzz.md"
    let text: String
    do {
        text = try SourceText.decode(input, file: file)
    } catch {
        require(error.file == file && error.line >= 1 && error.line <= lineCount(of: String(decoding: input, as: UTF8.self)),
                "UTF-8 error outside the file: \(error)")
        return 0
    }
    let lines = lineCount(of: text)

    if let parts = try? FrontMatter.split(text, file: file) {
        require(text.hasSuffix(parts.body), "the body is not the end of the file")
        require(parts.yaml.isEmpty || text.contains(parts.yaml), "the YAML is not part of the file")
        let beforeBody = text.utf8.count - parts.body.utf8.count
        let newlines = text.utf8.prefix(beforeBody).filter { $0 == UInt8(ascii: "\n") }.count
        require(parts.bodyFirstLine == newlines + 1 || (parts.body.isEmpty && parts.bodyFirstLine == newlines + 2),
                "body starts on line \(parts.bodyFirstLine) but follows \(newlines) line ends")
    }

    do {
        let article = try Article.parse(text, file: file, fileSlug: "fuzz")
        require(Slug.isValid(article.slug), "article slug '\(article.slug)' is not a valid slug")
        require(!article.title.isEmpty, "an article without a title decoded")
        let parts = try? FrontMatter.split(text, file: file)
        require(parts?.body == article.body, "the article body is not the split's body")
    } catch {
        requirePositions(error, file: file, lastLine: lines, "article")
    }

    let pageFile = "content/pages/fuzz.md"
    do {
        let page = try StandalonePage.parse(text, file: pageFile, fileSlug: "fuzz")
        require(Slug.isValid(page.slug), "page slug '\(page.slug)' is not a valid slug")
    } catch {
        requirePositions(error, file: pageFile, lastLine: lines, "page")
    }

    let showFile = "content/data/shows/fuzz.yaml"
    do {
        let show = try Show.parse(text, file: showFile, slug: "fuzz")
        for week in show.weeks {
            require((1...10).contains(week.rank) && week.hoursViewed >= 0, "show week out of range: \(week)")
        }
    } catch {
        requirePositions(error, file: showFile, lastLine: lines, "show")
    }
    return 0
}
