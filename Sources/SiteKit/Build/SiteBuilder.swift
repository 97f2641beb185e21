import Foundation
import Synchronization

/// A build: load -> render -> write, with every problem collected and nothing
/// written to the output unless all of it succeeded.
public struct SiteBuilder: Sendable {
    public var theme: any Theme
    public var options: BuildOptions

    public init(theme: any Theme, options: BuildOptions) {
        self.theme = theme
        self.options = options
    }

    /// Builds the site in `siteDirectory` into `output` (default: its public/).
    public func build(siteDirectory: URL, output: URL? = nil) throws(BuildFailure) -> BuildReport {
        let site = try SiteLoader.load(siteDirectory: siteDirectory)
        let plan = try SitePlan(site: site, options: options, theme: theme)
        let target = output ?? siteDirectory.appending(path: "public")
        let staging: StagingDirectory
        do { staging = try StagingDirectory(target: target) } catch { throw BuildFailure([error]) }
        do throws(BuildFailure) {
            let report = try write(plan, staticRoot: siteDirectory.appending(path: "content/static"), into: staging)
            do { try staging.commit() } catch { throw BuildFailure([error]) }
            return report
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Renders every page of the plan and writes it with the static files.
    private func write(_ plan: SitePlan, staticRoot: URL, into staging: StagingDirectory) throws(BuildFailure) -> BuildReport {
        let renderer = PageRenderer(plan: plan, theme: theme)
        // Articles first: their summaries feed the list pages.
        let articleResults = Parallel.map(plan.articles) { article -> Result<ArticleSummary, BuildFailure> in
            do {
                let (summary, html) = try renderer.renderArticle(article)
                try staging.write(Array(html.rendered.utf8), to: article.path + "index.html")
                return .success(summary)
            } catch let failure as BuildFailure {
                return .failure(failure)
            } catch let error as SiteError {
                return .failure(BuildFailure([error]))
            } catch {
                return .failure(BuildFailure([SiteError(file: article.sourcePath, message: "\(error)")]))
            }
        }
        var errors: [SiteError] = []
        var summaries: [ArticleSummary] = []
        for result in articleResults {
            switch result {
            case .success(let summary): summaries.append(summary)
            case .failure(let failure): errors += failure.errors
            }
        }
        guard errors.isEmpty else { throw BuildFailure(errors) }

        var outputs = renderer.renderLists(summaries: summaries)
        for page in plan.pages {
            do { outputs.append(try renderer.renderStandalone(page)) } catch { errors += error.errors }
        }
        guard errors.isEmpty else { throw BuildFailure(errors) }

        outputs.append(PageRenderer.Output(path: plan.stylesheetPath, html: HTML(unsafeRaw: theme.stylesheet)))
        let writeErrors = Parallel.map(outputs) { output -> SiteError? in
            do throws(SiteError) {
                try staging.write(Array(output.html.rendered.utf8), to: output.path)
                return nil
            } catch {
                return error
            }
        }
        let copyErrors = Parallel.map(plan.site.staticFiles) { path -> SiteError? in
            do throws(SiteError) {
                try staging.copy(staticRoot.appending(path: path), to: path)
                return nil
            } catch {
                return error
            }
        }
        errors = writeErrors.compactMap { $0 } + copyErrors.compactMap { $0 }
        guard errors.isEmpty else { throw BuildFailure(errors) }
        let htmlPages = plan.articles.count + outputs.filter { $0.path.hasSuffix(".html") }.count
        return BuildReport(pages: htmlPages, otherFiles: outputs.count - (htmlPages - plan.articles.count) + plan.site.staticFiles.count,
                           skippedArticles: plan.skippedArticles)
    }
}
