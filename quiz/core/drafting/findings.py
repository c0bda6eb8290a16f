"""What the finders return: one fact of the article, where it is, and its answer."""

from __future__ import annotations

from dataclasses import dataclass

from quiz.core.parsing.dates import DateError, PartialDate, parse_partial_date
from quiz.core.parsing.quantities import Quantity


@dataclass(frozen=True)
class Span:
    """Where a piece of text sits in the article (`end` exclusive)."""

    start: int
    end: int


@dataclass(frozen=True)
class DateFinding:
    """A date the article gives, at the precision it gives it (a year, a month, a day)."""

    span: Span
    text: str
    date: PartialDate
    # A year stated only as "last year" / "this year": -1 or 0, for putting events in order.
    relative_year: int | None = None

    @property
    def answer(self) -> str:
        """The article's own wording when it reads back as the same date, else a plain one."""
        try:
            same = parse_partial_date(self.text) == self.date
        except DateError:
            same = False
        return self.text if same and not self.text[0].isdigit() else self.date.describe()

    @property
    def precision(self) -> str:
        return "day" if self.date.day else "month" if self.date.month else "year"


@dataclass(frozen=True)
class MeasureFinding:
    """A number with a unit (`quantity` set) or a count of things (`quantity` None)."""

    span: Span
    text: str
    value: float
    quantity: Quantity | None = None
    ordinal: bool = False
    noun: str = ""  # what is counted ("goals"), for a count


@dataclass(frozen=True)
class QuoteFinding:
    """Words attributed to a speaker: `quote` is what was said, verbatim from the article."""

    span: Span
    quote: str
    speaker: str  # the full name, as the article first gives it
    organisation: bool
    verb: str  # "said", "reported", "according to"...
    direct: bool  # inside quotation marks, rather than reported speech
    mention: str  # how the sentence names the speaker ("he", "Shoigu", "TASS")
