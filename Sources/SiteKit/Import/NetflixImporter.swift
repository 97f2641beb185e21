/// Plans an import of Netflix's Top 10 files into show data files: matches titles to
/// existing files, merges weeks, allocates slugs for new files and writes their text.
/// Pure: reading and writing files is in `NetflixImporter+Files.swift`.
public enum NetflixImporter {
    /// The folder of show data files, relative to the site folder.
    public static let showsFolder = "content/data/shows"

    /// Which titles to import besides those that already have a data file.
    public struct Selection: Sendable {
        /// Titles to create files for, as Netflix writes the season title (or the
        /// film's title); matched case-insensitively, in every category that has them.
        public var add: [String]
        /// Create a file for every title in the global file.
        public var all: Bool

        /// Memberwise initialiser.
        public init(add: [String] = [], all: Bool = false) {
            self.add = add
            self.all = all
        }
    }

    /// Works out every file to create or change, verifying that each new text reads
    /// back through ``Show/parse(_:file:slug:)`` as the data it was made from.
    /// - Parameter existing: the site's current data files, sorted by path.
    public static func plan(global: GlobalTop10, countries: CountryTop10?, existing: [ShowDataFile],
                            selection: Selection) throws(BuildFailure) -> ImportPlan {
        let histories = try TitleHistory.group(global)
        var notes: [String] = []
        var errors: [SiteError] = []

        // Existing files, by the title they follow.
        var matched: [TitleKey: ShowDataFile] = [:]
        for file in existing {
            guard let identity = file.show.netflix else { continue }
            let key = TitleKey(identity)
            if let other = matched[key] {
                errors.append(SiteError(file: file.path, line: line(of: "netflix", in: file.text), column: 1,
                                        message: "this file and \(other.path) both follow '\(identity.seasonTitle == "N/A" ? identity.showTitle : identity.seasonTitle)' (\(identity.category)): keep one of them"))
                continue
            }
            if histories[key] == nil {
                notes.append("\(file.path): '\(identity.seasonTitle == "N/A" ? identity.showTitle : identity.seasonTitle)' (\(identity.category)) is not in \(global.file); left as it was")
                continue
            }
            matched[key] = file
        }

        // Titles to create.
        var newKeys: Set<TitleKey> = []
        if selection.all {
            newKeys = Set(histories.keys.filter { matched[$0] == nil })
        }
        if !selection.add.isEmpty {
            var byTitle: [String: [TitleKey]] = [:]
            for key in histories.keys { byTitle[key.title, default: []].append(key) }
            for name in selection.add {
                let wanted = TSVReader.trim(name).lowercased()
                guard let keys = byTitle[wanted] else {
                    let titles = histories.values.map(\.matchTitle)
                    errors.append(SiteError(file: global.file, line: 1, column: 1,
                                            message: "no title '\(name)' in this file\(Suggestion.hint(for: name, in: titles)): --add takes the season_title as Netflix writes it (\"Partner Track: Season 1\"), or a film's show_title"))
                    continue
                }
                for key in keys where matched[key] == nil { newKeys.insert(key) }
            }
        }
        guard errors.isEmpty else { throw BuildFailure(errors) }

        let targets = Set(matched.keys).union(newKeys)
        let countryWeeks = countries.map { assignCountries($0, histories: histories, targets: targets, notes: &notes) } ?? [:]
        let slugs = allocateSlugs(for: newKeys.map { histories[$0]! },
                                  taken: Set(existing.map { slug(ofPath: $0.path) }))

        // Work out each file's text; files are independent, so use every core.
        let jobs = targets.sorted()
        let matchedFiles = matched, countryWeeksByTitle = countryWeeks
        let results = Parallel.map(jobs) { key -> Result<PlannedFile?, BuildFailure> in
            let history = histories[key]!
            do throws(BuildFailure) {
                if let file = matchedFiles[key] {
                    return .success(try update(file, with: history, countries: countryWeeksByTitle[key] ?? []))
                }
                return .success(try create(slug: slugs[key]!, history: history, countries: countryWeeksByTitle[key] ?? []))
            } catch {
                return .failure(error)
            }
        }
        var changes: [PlannedFile] = []
        var unchanged: [String] = []
        for (key, result) in zip(jobs, results) {
            switch result {
            case .success(let planned?): changes.append(planned)
            case .success(nil): unchanged.append(matched[key]!.path)
            case .failure(let failure): errors += failure.errors
            }
        }
        guard errors.isEmpty else { throw BuildFailure(errors) }
        return ImportPlan(changes: changes.sorted { $0.path < $1.path }, unchanged: unchanged.sorted(),
                          notes: notes.sorted())
    }

    // MARK: Files

    /// The text of a new data file, checked by reading it back.
    static func create(slug: String, history: TitleHistory, countries: [CountryWeek]) throws(BuildFailure) -> PlannedFile {
        let path = "\(showsFolder)/\(slug).yaml"
        let text = ShowFileRenderer.newFile(title: history.matchTitle, netflix: history.identity,
                                            runtimeHours: history.runtime, weeks: history.weeks, countries: countries)
        let expected = Show(sourcePath: path, slug: slug, title: history.matchTitle, netflix: history.identity,
                            runtimeHours: history.runtime, weeks: history.weeks, countries: countries)
        try verify(text, path: path, slug: slug, expected: expected)
        return PlannedFile(path: path, text: text, isNew: true, title: history.matchTitle, category: history.key.category,
                           weeksAdded: history.weeks.map(\.weekEnding), weeksChanged: [],
                           countryWeeksAdded: countries.count, countryWeeksChanged: 0)
    }

    /// The new text of an existing file, or `nil` when nothing changes. Weeks from the
    /// download replace the file's entries for the same week; other weeks stay.
    static func update(_ file: ShowDataFile, with history: TitleHistory,
                       countries: [CountryWeek]) throws(BuildFailure) -> PlannedFile? {
        let show = file.show
        var weeks = Dictionary(show.weeks.map { ($0.weekEnding, $0) }, uniquingKeysWith: { $1 })
        var added: [CalendarDate] = [], changed: [CalendarDate] = []
        for week in history.weeks {
            if let old = weeks[week.weekEnding] {
                if old != week { changed.append(week.weekEnding) }
            } else {
                added.append(week.weekEnding)
            }
            weeks[week.weekEnding] = week
        }
        var countryMap = Dictionary(show.countries.map { ($0.weekEnding, $0) }, uniquingKeysWith: { $1 })
        var countriesAdded = 0, countriesChanged = 0
        for week in countries {
            if let old = countryMap[week.weekEnding] {
                if old != week { countriesChanged += 1 }
            } else {
                countriesAdded += 1
            }
            countryMap[week.weekEnding] = week
        }
        var expected = show
        expected.netflix = history.identity
        expected.runtimeHours = show.runtimeHours ?? history.runtime
        expected.weeks = weeks.values.sorted { $0.weekEnding < $1.weekEnding }
        expected.countries = countryMap.values.sorted { $0.weekEnding < $1.weekEnding }
        // Blocks are only rewritten when their data changed, so equal data means no edit.
        if expected == show { return nil }

        var edited: ShowFileEditor
        do {
            edited = try ShowFileEditor(file.text, file: file.path)
        } catch {
            throw BuildFailure([error])
        }
        if show.netflix != expected.netflix {
            edited.set("netflix", body: ShowFileRenderer.netflixBody(history.identity), after: "title")
        }
        if show.runtimeHours == nil, let runtime = expected.runtimeHours {
            // `runtime_hours: null` is replaced, so the key never appears twice.
            edited.replaceWhole("runtime_hours", with: [ShowFileRenderer.runtimeLine(runtime)], after: "netflix")
        }
        if show.weeks != expected.weeks {
            edited.set("weeks", body: ShowFileRenderer.weeksBody(expected.weeks), after: "runtime_hours")
        }
        if show.countries != expected.countries {
            edited.set("countries", body: ShowFileRenderer.countriesBody(expected.countries), after: "weeks")
        }
        let text = edited.text
        try verify(text, path: file.path, slug: show.slug, expected: expected)
        return PlannedFile(path: file.path, text: text, isNew: false, title: history.matchTitle,
                           category: history.key.category, weeksAdded: added, weeksChanged: changed,
                           countryWeeksAdded: countriesAdded, countryWeeksChanged: countriesChanged)
    }

    /// Checks that `text` decodes to `expected`: a guard against a quoting or splicing
    /// mistake ever reaching an editor's file.
    static func verify(_ text: String, path: String, slug: String, expected: Show) throws(BuildFailure) {
        let decoded = try Show.parse(text, file: path, slug: slug)
        guard decoded == expected else {
            throw BuildFailure([SiteError(file: path, message: "internal error: the importer's new text for this file does not read back as the data it was made from, so nothing was written; please report this with the file")])
        }
    }

    // MARK: Countries

    /// Country ranks per target title, oldest week first. A country row goes to the
    /// title with its category and match title; when two categories share a title
    /// (`Inheritance`, a film in English and another not), to the one whose global
    /// weeks are nearest. A title ranked twice in one country and week (two films
    /// named `The Mummy`) keeps the better rank, with a note.
    static func assignCountries(_ countries: CountryTop10, histories: [TitleKey: TitleHistory],
                                targets: Set<TitleKey>, notes: inout [String]) -> [TitleKey: [CountryWeek]] {
        struct CountryKey: Hashable { let category: String; let title: String }
        var candidates: [CountryKey: [TitleKey]] = [:]
        for key in histories.keys.sorted() {
            candidates[CountryKey(category: key.countryCategory, title: key.title), default: []].append(key)
        }
        candidates = candidates.filter { $0.value.contains(where: targets.contains) }
        guard !candidates.isEmpty else { return [:] }

        var ranks: [TitleKey: [CalendarDate: [String: (rank: Int, line: Int)]]] = [:]
        var lowered: [String: CountryKey] = [:]
        for row in countries.rows {
            let spelling = row.category + "\t" + row.matchTitle
            let countryKey: CountryKey
            if let known = lowered[spelling] {
                countryKey = known
            } else {
                countryKey = CountryKey(category: row.category, title: row.matchTitle.lowercased())
                lowered[spelling] = countryKey
            }
            guard let keys = candidates[countryKey] else { continue }
            let key = keys.count == 1 ? keys[0] : nearest(keys, to: row.week, histories: histories)
            guard targets.contains(key) else { continue }
            if let previous = ranks[key]?[row.week]?[row.country] {
                let kept = min(previous.rank, row.rank)
                notes.append("\(countries.file):\(row.line): '\(row.matchTitle)' is ranked twice in \(row.country) for the week ending \(row.week) (also on line \(previous.line)), probably two titles with one name; kept rank \(kept)")
                ranks[key]![row.week]![row.country] = (kept, previous.line)
                continue
            }
            ranks[key, default: [:]][row.week, default: [:]][row.country] = (row.rank, row.line)
        }
        return ranks.mapValues { weeks in
            weeks.map { week, byCountry in
                CountryWeek(weekEnding: week, ranks: byCountry.map { CountryRank(country: $0.key, rank: $0.value.rank) })
            }.sorted { $0.weekEnding < $1.weekEnding }
        }
    }

    /// The title whose global weeks come nearest to `week`; the first on a tie.
    private static func nearest(_ keys: [TitleKey], to week: CalendarDate, histories: [TitleKey: TitleHistory]) -> TitleKey {
        let day = week.daysSinceEpoch
        var best = keys[0], bestDistance = Int.max
        for key in keys {
            let distance = histories[key]!.weeks.map { abs($0.weekEnding.daysSinceEpoch - day) }.min() ?? Int.max
            if distance < bestDistance { best = key; bestDistance = distance }
        }
        return best
    }

    // MARK: Slugs

    /// File slugs for new titles: the match title as a slug (`partner-track-season-1`,
    /// accents folded by ``Slug/make(from:)``); on a clash with an existing file or an
    /// earlier new title, the category is added (`-films-english`), then a number.
    /// A title with no Latin letters or digits (`비상선언`) is named by its category and
    /// first week (`films-non-english-2022-03-06`). Titles are served oldest first, so
    /// the first title under a name keeps the plain slug, as weekly imports would give.
    static func allocateSlugs(for histories: [TitleHistory], taken: Set<String>) -> [TitleKey: String] {
        var taken = taken
        var slugs: [TitleKey: String] = [:]
        let ordered = histories.sorted { ($0.firstWeek, $0.key.category, $0.key.title) < ($1.firstWeek, $1.key.category, $1.key.title) }
        for history in ordered {
            let category = Slug.make(from: history.key.category)
            var base = Slug.make(from: history.matchTitle)
            if base.count > 100 {
                base = String(base.prefix(100))
                while base.hasSuffix("-") { base.removeLast() }
            }
            if base.isEmpty { base = "\(category)-\(history.firstWeek)" }
            var slug = base
            if taken.contains(slug) { slug = base.hasPrefix(category) ? base : "\(base)-\(category)" }
            var number = 2
            let stem = slug
            while taken.contains(slug) {
                slug = "\(stem)-\(number)"
                number += 1
            }
            taken.insert(slug)
            slugs[history.key] = slug
        }
        return slugs
    }

    /// `content/data/shows/x.yaml` -> `x`.
    static func slug(ofPath path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name
    }

    /// The line of a top-level key in a data file's text (1 when absent).
    private static func line(of key: String, in text: String) -> Int {
        var number = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(key + ":") { return number }
            number += 1
        }
        return 1
    }
}
