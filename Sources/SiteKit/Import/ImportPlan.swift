/// What an import will do: the files it creates or changes, with their new text, and
/// what it leaves alone. Nothing is written until the plan is committed.
public struct ImportPlan: Sendable {
    /// Files to create or rewrite, sorted by path.
    public var changes: [PlannedFile]
    /// Data files matched to a title whose text stays exactly as it is, sorted.
    public var unchanged: [String]
    /// Things worth knowing that are not errors (a title missing from the download, …).
    public var notes: [String]

    /// Memberwise initialiser.
    public init(changes: [PlannedFile], unchanged: [String], notes: [String]) {
        self.changes = changes
        self.unchanged = unchanged
        self.notes = notes
    }

    /// Files the plan creates.
    public var created: [PlannedFile] { changes.filter(\.isNew) }
    /// Existing files the plan rewrites.
    public var updated: [PlannedFile] { changes.filter { !$0.isNew } }
}

/// One data file an import creates or rewrites.
public struct PlannedFile: Sendable, Equatable {
    /// Relative to the site folder: `content/data/shows/<slug>.yaml`.
    public var path: String
    /// The complete new text.
    public var text: String
    /// Whether the file does not exist yet.
    public var isNew: Bool
    /// Netflix's title ("Partner Track: Season 1") and category.
    public var title: String
    public var category: String
    /// Weeks that were not in the file before, oldest first.
    public var weeksAdded: [CalendarDate]
    /// Weeks whose figures Netflix changed, oldest first.
    public var weeksChanged: [CalendarDate]
    /// Country-rank weeks that were not in the file before, and those that changed.
    public var countryWeeksAdded: Int
    public var countryWeeksChanged: Int

    /// Memberwise initialiser.
    public init(path: String, text: String, isNew: Bool, title: String, category: String,
                weeksAdded: [CalendarDate], weeksChanged: [CalendarDate],
                countryWeeksAdded: Int, countryWeeksChanged: Int) {
        self.path = path
        self.text = text
        self.isNew = isNew
        self.title = title
        self.category = category
        self.weeksAdded = weeksAdded
        self.weeksChanged = weeksChanged
        self.countryWeeksAdded = countryWeeksAdded
        self.countryWeeksChanged = countryWeeksChanged
    }
}

/// An existing show data file, read and decoded, as the importer's input.
public struct ShowDataFile: Sendable {
    /// Relative to the site folder: `content/data/shows/<slug>.yaml`.
    public var path: String
    /// The text as read (line ends normalised).
    public var text: String
    /// The decoded file.
    public var show: Show

    /// Memberwise initialiser.
    public init(path: String, text: String, show: Show) {
        self.path = path
        self.text = text
        self.show = show
    }
}
