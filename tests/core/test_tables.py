"""CSV tables for spreadsheets: a header row, and no cell a spreadsheet runs as a formula."""

from __future__ import annotations

import pytest

from quiz.core.tables import Cell, csv_text, safe_cell


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+2", "'=1+2"),
        ("+cmd", "'+cmd"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("Paris", "Paris"),
        ("a=b", "a=b"),  # only the first character makes a formula
        ("", ""),
        (None, ""),
        (-0.25, -0.25),  # a number stays a number, negative or not
        (3, 3),
        (True, "true"),
    ],
)
def test_safe_cell(value: Cell, written: object) -> None:
    assert safe_cell(value) == written


def test_csv_text_has_a_header_row_and_quotes_what_it_must() -> None:
    text = csv_text(["id", "response"], [[1, '=HYPERLINK("x")'], [2, 'a, "b"']])
    assert text.splitlines() == ["id,response", '1,"\'=HYPERLINK(""x"")"', '2,"a, ""b"""']
