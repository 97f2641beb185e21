/// What changed between a finished build and a new plan of the same site:
/// the inputs (``BuildInput``) that make outputs stale.
enum ChangedInputs {
    /// The inputs that differ, given the files read again since `previous`
    /// (paths relative to content/); `nil` when something every page shows
    /// changed (settings, navigation, footer, stylesheet, the static files),
    /// which calls for a full build.
    static func between(_ previous: BuildState, and plan: SitePlan, footer: HTML?,
                        reloaded paths: Set<String>) -> Set<BuildInput>? {
        let before = previous.plan
        guard before.site.settings == plan.site.settings,
              before.site.customStylesheet == plan.site.customStylesheet,
              before.site.staticFiles == plan.site.staticFiles,
              before.stylesheetPath == plan.stylesheetPath,
              previous.footer == footer,
              before.pages.map(\.title) == plan.pages.map(\.title),
              before.pages.map(\.path) == plan.pages.map(\.path) else { return nil }
        var changed = reloaded(paths)
        for (old, new) in zip(before.taxonomies, plan.taxonomies) {
            let oldTerms = Dictionary(old.terms.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
            for term in new.terms {
                let earlier = oldTerms[term.slug]
                if earlier?.name != term.name || earlier?.articleSlugs.count != term.articleSlugs.count {
                    changed.insert(.term(new.name, term.slug))
                }
            }
            for term in old.terms where new.term(term.slug) == nil { changed.insert(.term(old.name, term.slug)) }
        }
        for (source, path) in plan.sourcePaths where before.sourcePaths[source] != path { changed.insert(.sourcePath(source)) }
        for source in before.sourcePaths.keys where plan.sourcePaths[source] == nil { changed.insert(.sourcePath(source)) }
        return changed
    }

    /// The inputs that are the files at `paths` (relative to content/).
    static func reloaded(_ paths: Set<String>) -> Set<BuildInput> {
        Set(paths.map { path in
            let parts = path.split(separator: "/")
            if parts.first == "static" { return .staticFile(parts.dropFirst().joined(separator: "/")) }
            if parts.first == "data", path.hasSuffix(".yaml"), let name = parts.last {
                return .show(String(name.dropLast(".yaml".count)))
            }
            return .source("content/" + path)
        })
    }
}
