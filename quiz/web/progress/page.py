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
    days: list[DayTally]  # days with answers (the tables)
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
    return ProgressPage(
        total=total,
        streak=streak,
        mastered=sum(row.mastered for row in rows),
        quiz_count=sum(row.quiz_count for row in rows),
        banks=rows,
        days=days,
        calendar=calendar,
        weakest=weak,
        accuracy_chart=accuracy_chart(calendar),
        answers_chart=answers_chart(calendar),
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


def day_label(day: date) -> str:
    return f"{day.day} {day:%b}"


def accuracy_chart(days: Sequence[DayTally]) -> Markup:
    points = [
        Point(day_label(d.day), None if d.accuracy is None else 100 * d.accuracy, _day_note(d))
        for d in days
    ]
    return line_chart(
        points,
        chart_id="accuracy-chart",
        title="Accuracy per day",
        description=_summary("Share of answers right", days, _percent),
    )


def answers_chart(days: Sequence[DayTally]) -> Markup:
    points = [Point(day_label(d.day), d.attempts, _day_note(d)) for d in days]
    return bar_chart(
        points,
        chart_id="answers-chart",
        title="Answers per day",
        description=_summary("Answers given", days, lambda d: str(d.attempts)),
    )


def _summary(what: str, days: Sequence[DayTally], value: Callable[[DayTally], str]) -> str:
    """The chart's text for screen readers: what it shows and each day's value."""
    if not days:
        return f"{what}: no answers yet."
    each = "; ".join(f"{d.day:%-d %B %Y}: {value(d)}" for d in days if d.attempts)
    span = f"{days[0].day:%-d %B} to {days[-1].day:%-d %B %Y}"
    return f"{what} each day from {span} (UTC), days without answers left blank: {each}."


def _day_note(day: DayTally) -> str:
    if not day.attempts:
        return f"{day.day:%-d %b %Y}: no answers"
    return f"{day.day:%-d %b %Y}: {_percent(day)} right of {day.attempts} answers"


def _percent(tally: Tally) -> str:
    return figures.percent(tally.accuracy)
