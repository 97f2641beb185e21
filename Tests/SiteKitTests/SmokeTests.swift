import Testing
@testable import SiteKit

@Test func escapes() {
    let text = "<a & \"b\">"
    let html: HTML = "<p>\(text)</p>"
    #expect(html.rendered == "<p>&lt;a &amp; &quot;b&quot;&gt;</p>")
}
