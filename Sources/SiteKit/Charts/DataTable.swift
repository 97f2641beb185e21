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
        // Appended into one buffer: a performance section writes two tables
        // of tens of rows for most articles, and an array of fragments per
        // row and a class list per cell were most of their cost.
        var table: HTML = """
        <div class="data-table-wrap">
        <table class="data-table">
        <caption>\(caption)</caption>
        <thead><tr>
        """
        for column in columns {
            table.append(column.numeric ? "<th scope=\"col\" class=\"num\">\(column.label)</th>" : "<th scope=\"col\">\(column.label)</th>")
        }
        table.append("</tr></thead>\n<tbody>\n")
        for (index, row) in rows.enumerated() {
            if let group = row.group {
                if index > 0 { table.append("</tbody>\n<tbody>\n") }
                table.append("<tr class=\"row-group\"><th scope=\"rowgroup\" colspan=\"\(String(columns.count))\">\(group)</th></tr>\n")
            }
            table.append("<tr><th scope=\"row\">\(row.header)</th>")
            for (cell, column) in zip(row.cells, columns.dropFirst()) {
                if cell.classes.isEmpty {
                    table.append(column.numeric ? "<td class=\"num\">\(cell.content)</td>" : "<td>\(cell.content)</td>")
                } else {
                    let classes = (column.numeric ? ["num"] : []) + cell.classes
                    table.append("<td class=\"\(classes.joined(separator: " "))\">\(cell.content)</td>")
                }
            }
            table.append("</tr>\n")
        }
        table.append("</tbody>\n</table>\n</div>")
        return table
    }
}
