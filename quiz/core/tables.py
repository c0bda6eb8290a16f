"""CSV tables for spreadsheets: a header row, then the rows, with every cell a spreadsheet
would read as a formula neutralised (OWASP's "CSV injection")."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

# A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets
# (tab and carriage return too: some strip them and then read what follows).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | bool | None


def safe_cell(value: Cell) -> str | int | float:
    """The cell as written: numbers stay numbers (a negative one is no formula), text that
    starts like a formula gets a leading apostrophe, so it shows as the text it is."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180's line ends
    writer.writerow([safe_cell(name) for name in header])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return out.getvalue()
