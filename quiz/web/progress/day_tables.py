"""The rows of the tables under the day charts ("Show the numbers"), written in Python.

A template loop with a macro per cell cost more than the rest of the page's template put
together (two tables of up to 30 rows, four escaped values a row). Every piece of these rows
is a number or a date in our own words, so none of it needs escaping.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from quiz.storage.stats import DayTally
from quiz.web import figures
from quiz.web.day_names import weekday_date

# The whitespace around each row is what the template loop wrote, so the page is unchanged.
ROW = "\n      <tr>{}</tr>\n      "


def accuracy_rows(days: Sequence[DayTally]) -> Markup:
    """Newest day first: the day, its accuracy, and right answers out of all."""
    return Markup("".join(
        ROW.format(f'{_day_cell(d)}<td class="num">{figures.percent(d.accuracy)}</td>'
                   f'<td class="num">{d.correct}/{d.attempts}</td>')
        for d in reversed(days)
    ))  # fmt: skip


def answers_rows(days: Sequence[DayTally]) -> Markup:
    """Newest day first: the day and its answers."""
    return Markup("".join(
        ROW.format(f'{_day_cell(d)}<td class="num">{d.attempts}</td>') for d in reversed(days)
    ))  # fmt: skip


def _day_cell(day: DayTally) -> str:
    return (
        f'<th scope="row"><time datetime="{day.day.isoformat()}">{weekday_date(day.day)}</time>'
        "</th>"
    )
