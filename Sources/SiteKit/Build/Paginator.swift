/// Splits lists into pages with clean URLs: page 1 at the list's own path,
/// page N at `<path>page/N/`.
public enum Paginator {
    /// Pages needed for `items` items; an empty list still has one page.
    public static func pageCount(items: Int, pageSize: Int) -> Int {
        max(1, (items + pageSize - 1) / pageSize)
    }

    /// The site path of page `page` of the list at `base`.
    public static func path(base: String, page: Int) -> String {
        page == 1 ? base : "\(base)page/\(page)/"
    }

    /// The index range of page `page`.
    public static func range(page: Int, items: Int, pageSize: Int) -> Range<Int> {
        let start = min(items, (page - 1) * pageSize)
        return start..<min(items, start + pageSize)
    }
}
