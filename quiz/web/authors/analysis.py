"""The item analysis table as the pages show it: which attempts count, and the sort order,
both read from the query string so the table sorts and switches without any script."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from quiz.core.bank import Bank
from quiz.core.item_analysis import MODES, AttemptRow, BankStats, QuestionStats, analyse

# column → (heading, the value sorted on); a None value sorts last either way.
COLUMNS: dict[str, tuple[str, Callable[[QuestionStats], Any]]] = {
    "question": ("Question", lambda q: None),  # the bank's own order
    "learners": ("Learners", lambda q: q.learners),
    "attempts": ("Attempts", lambda q: q.attempts),
    "facility": ("% right", lambda q: q.facility),
    "time": ("Median time", lambda q: q.median_time_ms),
    "discrimination": ("Discrimination", lambda q: q.discrimination),
    "flags": ("Flags", lambda q: len(q.flags)),
}


@dataclass(frozen=True)
class TableView:
    """What the query string asked for, cleaned: an unknown value falls back to the default."""

    mode: str = "first"
    sort: str = "question"
    descending: bool = False

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> TableView:
        mode = args.get("mode", "first")
        sort = args.get("sort", "question")
        return cls(
            mode=mode if mode in MODES else "first",
            sort=sort if sort in COLUMNS else "question",
            descending=args.get("order") == "desc",
        )

    def link_args(self, column: str) -> dict[str, str]:
        """The query for a column heading: sort by it, flipping the order if it is the current."""
        descending = not self.descending if column == self.sort else column != "question"
        return {"mode": self.mode, "sort": column, "order": "desc" if descending else "asc"}

    def aria_sort(self, column: str) -> str:
        if column != self.sort:
            return "none"
        return "descending" if self.descending else "ascending"


def bank_analysis(bank: Bank, rows: list[AttemptRow], view: TableView) -> BankStats:
    """The bank's quiz questions (cards are self-rated, never graded) analysed in `view.mode`."""
    return analyse(rows, [q.id for q in bank.quiz_questions], view.mode)


def sorted_rows(stats: BankStats, view: TableView) -> list[QuestionStats]:
    rows = list(stats.questions)
    if view.sort == "question":
        return rows[::-1] if view.descending else rows
    key = COLUMNS[view.sort][1]
    known = [row for row in rows if key(row) is not None]
    unknown = [row for row in rows if key(row) is None]
    return sorted(known, key=key, reverse=view.descending) + unknown


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f} %"


def seconds(milliseconds: float | None) -> str:
    return "—" if milliseconds is None else f"{milliseconds / 1000:.1f} s"


def correlation(value: float | None) -> str:
    return "—" if value is None else f"{value:+.2f}".replace("-", "−")
