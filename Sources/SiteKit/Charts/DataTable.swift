/// A data table as sitegen writes them: `<table class="data-table">` with a
/// caption, column headers (`<th scope="col">`), a header cell per row
/// (`<th scope="row">`) and numbers right-aligned (class `num`).
struct DataTable {
    /// A column: its header text and whether it holds numbers.
    struct Column {
        var label: String
        var numeric: Bool
    }

    /// One data cell: its content and extra classes (`change-up`, …).
    struct Cell {
        var content: HTML
        var classes: [String] = []

        /// A cell for a value Netflix did not publish: a dash for the eye,
        /// words for screen readers.
        static func missing(_ reason: String) -> Cell {
            Cell(content: "<span aria-hidden=\"true\">\u{2014}</span><span class=\"visually-hidden\">\(reason)</span>")
        }
    }

    /// A row: its header cell (the week, the country) and its data cells.
    struct Row {
        var header: HTML
        var cells: [Cell]
        /// The heading of a group of rows that starts here ("Nordics"): the
        /// group becomes its own `<tbody>` headed by `<th scope="rowgroup">`.
        var group: String? = nil
    }

    var caption: String
    /// The columns, the row-header column first.
    var columns: [Column]
    var rows: [Row]

    func render() -> HTML {
        let headers = columns.map { column -> HTML in
            column.numeric ? "<th scope=\"col\" class=\"num\">\(column.label)</th>" : "<th scope=\"col\">\(column.label)</th>"
        }
        var body: [HTML] = []
        for (index, row) in rows.enumerated() {
            if let group = row.group {
                if index > 0 { body.append("</tbody>\n<tbody>\n") }
                body.append("<tr class=\"row-group\"><th scope=\"rowgroup\" colspan=\"\(String(columns.count))\">\(group)</th></tr>\n")
            }
            let cells = zip(row.cells, columns.dropFirst()).map { cell, column -> HTML in
                let classes = (column.numeric ? ["num"] : []) + cell.classes
                return classes.isEmpty
                    ? "<td>\(cell.content)</td>"
                    : "<td class=\"\(classes.joined(separator: " "))\">\(cell.content)</td>"
            }
            body.append("<tr><th scope=\"row\">\(row.header)</th>\(cells)</tr>\n")
        }
        return """
        <div class="data-table-wrap">
        <table class="data-table">
        <caption>\(caption)</caption>
        <thead><tr>\(headers)</tr></thead>
        <tbody>
        \(body)</tbody>
        </table>
        </div>
        """
    }
}
