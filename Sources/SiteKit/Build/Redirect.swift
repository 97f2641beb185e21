/// The pages written at aliases: sends browsers and crawlers to the new URL,
/// in the markup of the theme.
enum Redirect {
    static func page(to url: String, title: String, settings: SiteSettings, theme: any Theme) -> String {
        theme.redirect(RedirectPage(site: settings, title: title, target: url)).rendered
    }
}
