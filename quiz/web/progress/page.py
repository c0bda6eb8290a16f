"""What the progress page shows, gathered from storage and the loaded banks into plain records."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup
from sqlalchemy.orm import Session

from quiz.core.bank import Bank
from quiz.storage import BankProgress, progress_by_bank
from quiz.storage.stats import (
    BankTally,
    DayTally,
    QuestionTally,
    Streak,
    Tally,
    day_tallies,
    streaks,
    tally_by_bank,
    total_of,
    weakest_questions,
)
from quiz.web import figures
from quiz.web.charts import Point, bar_chart, line_chart
from quiz.web.day_names import long_date, long_day, short_date, short_day
from quiz.web.progress.day_tables import accuracy_rows, answers_rows

CHART_DAYS = 30
WEAKEST = 6


@dataclass(frozen=True)
class BankRow:
    """One loaded bank's line in the table; `tally` is None for a bank never answered."""

    bank: Bank
    tally: BankTally | None
    mastered: int
    quiz_count: int
    best_score: float | None


@dataclass(frozen=True)
class WeakRow:
    """A weak question; `bank` and `prompt` are None once it is no longer in a loaded bank."""

    tally: QuestionTally
    bank: Bank | None
    prompt: str | None


@dataclass(frozen=True)
class ProgressPage:
    total: Tally
    streak: Streak
    mastered: int
    quiz_count: int
    banks: list[BankRow]
    accuracy_rows: Markup  # the day tables: days with answers, newest first
    answers_rows: Markup
    calendar: list[DayTally]  # every day of the charts' window, without answers too
    weakest: list[WeakRow]
    accuracy_chart: Markup
    answers_chart: Markup


def progress_page(
    session: Session, learner_id: int | None, banks: Mapping[str, Bank], today: date
) -> ProgressPage:
    """Everything the page needs for this learner (None: someone who never answered)."""
    if learner_id is None:
        return _page(Tally(attempts=0, correct=0), Streak(0, 0), [], _bank_rows(banks, {}, {}), [])
    tallies = tally_by_bank(session, learner_id)
    last_answers = {bank: tally.last_at for bank, tally in tallies.items()}
    standing = progress_by_bank(session, learner_id, last_answers)
    days = day_tallies(session, learner_id)
    return _page(
        total_of(tallies.values()),
        streaks([d.day for d in days], today),
        days[-CHART_DAYS:],
        _bank_rows(banks, tallies, standing),
        [weak_row(q, banks) for q in weakest_questions(session, learner_id, WEAKEST)],
    )


def _page(
    total: Tally, streak: Streak, days: list[DayTally], rows: list[BankRow], weak: list[WeakRow]
) -> ProgressPage:
    calendar = calendar_days(days)
    accuracy, answers = day_charts(calendar)
    return ProgressPage(
        total=total,
        streak=streak,
        mastered=sum(row.mastered for row in rows),
        quiz_count=sum(row.quiz_count for row in rows),
        banks=rows,
        accuracy_rows=accuracy_rows(days),
        answers_rows=answers_rows(days),
        calendar=calendar,
        weakest=weak,
        accuracy_chart=accuracy,
        answers_chart=answers,
    )


def calendar_days(days: Sequence[DayTally], count: int = CHART_DAYS) -> list[DayTally]:
    """The `count` calendar days up to the last day with answers, each with its tally (zero
    on a day without answers), so the charts' time axis is to scale."""
    if not days:
        return []
    by_day = {d.day: d for d in days}
    end = days[-1].day
    window = [end - timedelta(days=back) for back in range(count - 1, -1, -1)]
    return [by_day.get(day, DayTally(attempts=0, correct=0, day=day)) for day in window]


def _bank_rows(
    banks: Mapping[str, Bank],
    tallies: Mapping[str, BankTally],
    standing: Mapping[str, BankProgress],
) -> list[BankRow]:
    ordered = sorted(banks.values(), key=lambda bank: bank.title.casefold())
    return [bank_row(bank, tallies.get(bank.id), standing.get(bank.id)) for bank in ordered]


def bank_row(bank: Bank, tally: BankTally | None, standing: BankProgress | None) -> BankRow:
    mastered = figures.mastered_count(bank, standing)
    return BankRow(
        bank, tally, mastered, figures.question_count(bank), figures.best_score(standing)
    )


def weak_row(tally: QuestionTally, banks: Mapping[str, Bank]) -> WeakRow:
    bank = banks.get(tally.bank_id)
    question = bank.question(tally.question_id) if bank else None
    return WeakRow(tally, bank, question.prompt if question else None)


def day_charts(days: Sequence[DayTally]) -> tuple[Markup, Markup]:
    """The accuracy and the answers chart over the same days: each day's label, tooltip and
    long name are written once for both."""
    labels = [short_day(d.day) for d in days]
    notes = [_day_note(d) for d in days]
    names = [long_date(d.day) for d in days]
    accuracy = line_chart(
        [
            Point(label, None if d.accuracy is None else 100 * d.accuracy, note)
            for label, note, d in zip(labels, notes, days, strict=True)
        ],
        chart_id="accuracy-chart",
        title="Accuracy per day",
        description=_summary("Share of answers right", days, names, _percent),
    )
    answers = bar_chart(
        [
            Point(label, d.attempts, note)
            for label, note, d in zip(labels, notes, days, strict=True)
        ],
        chart_id="answers-chart",
        title="Answers per day",
        description=_summary("Answers given", days, names, lambda d: str(d.attempts)),
    )
    return accuracy, answers


def _summary(
    what: str, days: Sequence[DayTally], names: Sequence[str], value: Callable[[DayTally], str]
) -> str:
    """The chart's text for screen readers: what it shows and each day's value."""
    if not days:
        return f"{what}: no answers yet."
    each = "; ".join(
        f"{name}: {value(d)}" for name, d in zip(names, days, strict=True) if d.attempts
    )
    span = f"{long_day(days[0].day)} to {names[-1]}"
    return f"{what} each day from {span} (UTC), days without answers left blank: {each}."


def _day_note(day: DayTally) -> str:
    if not day.attempts:
        return f"{short_date(day.day)}: no answers"
    return f"{short_date(day.day)}: {_percent(day)} right of {day.attempts} answers"


def _percent(tally: Tally) -> str:
    return figures.percent(tally.accuracy)
