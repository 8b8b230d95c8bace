"""Reading pages as a person reads them: the text of a table's rows, without the markup."""

from html.parser import HTMLParser


class _Rows(HTMLParser):
    def __init__(self, table_class):
        super().__init__()
        self.table_class = table_class
        self.depth = 0  # inside the wanted table while > 0
        self.rows, self.row, self.cell = [], None, None

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "table" and (self.depth or self.table_class in classes):
            self.depth += 1
        elif self.depth and tag == "tr":
            self.row = []
        elif self.depth and tag in ("td", "th") and self.row is not None:
            self.cell = []

    def handle_endtag(self, tag):
        if tag == "table" and self.depth:
            self.depth -= 1
        elif self.depth and tag in ("td", "th") and self.cell is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif self.depth and tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def table_rows(html, table_class):
    """The cells' text of each body row of the table with ``table_class`` (the heading row left out)."""
    parser = _Rows(table_class)
    parser.feed(html if isinstance(html, str) else html.decode())
    return parser.rows[1:]
