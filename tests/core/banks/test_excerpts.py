"""The YAML lines shown around a problem: two before, two after, the column marked."""

from __future__ import annotations

from quiz.core.banks.excerpts import ExcerptLine, excerpt

TEXT = "title: T\nquestions:\n  - id: a\n    type: txt\n    prompt: P\n  - id: b\n"


def test_two_lines_either_side_with_the_problem_marked() -> None:
    found = excerpt(TEXT, 4, 11)
    assert found is not None
    assert found.lines == (
        ExcerptLine(2, "questions:"),
        ExcerptLine(3, "  - id: a"),
        ExcerptLine(4, "    type: txt", marked=True),
        ExcerptLine(5, "    prompt: P"),
        ExcerptLine(6, "  - id: b"),
    )
    assert found.caret_padding == " " * 10  # the caret sits under column 11: 't' of 'txt'


def test_near_the_start_and_end_of_the_file() -> None:
    start = excerpt(TEXT, 1, 1)
    end = excerpt(TEXT, 6, 3)
    assert start is not None and [line.number for line in start.lines] == [1, 2, 3]
    assert end is not None and [line.number for line in end.lines] == [4, 5, 6]


def test_an_unknown_place_has_no_excerpt() -> None:
    assert excerpt(TEXT, 0, 0) is None
    assert excerpt(TEXT, 99, 1) is None


def test_tabs_keep_the_caret_aligned() -> None:
    found = excerpt("a:\n\tb: c\n", 2, 3)
    assert found is not None and found.caret_padding == "\t "
