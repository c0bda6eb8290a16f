"""Spaced repetition: the only module that knows fsrs. Callers pass the clock in.

Each question is a card; its memory state is fsrs's Card, saved as a dict. The interval a
rating would give is previewed once and that same outcome is applied when the learner
picks it, so the button shows exactly what happens even with fsrs's random fuzz.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import IntEnum
from typing import Any

import fsrs

from quiz.core.verdict import Verdict

DEFAULT_RETENTION = 0.9
MATURE_DAYS = 21  # Anki's line between young and mature cards, by interval


class Rating(IntEnum):
    """The four self-ratings, numbered like fsrs's and like the keys 1–4 that pick them."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4

    @property
    def label(self) -> str:
        return self.name.capitalize()


@dataclass(frozen=True)
class Outcome:
    """What rating a card would do: the card's next state, its review log and the interval."""

    rating: Rating
    card: dict[str, Any]
    log: dict[str, Any]
    interval: timedelta

    @property
    def due(self) -> datetime:
        return datetime.fromisoformat(self.card["due"])

    def to_dict(self) -> dict[str, Any]:
        return {
            "rating": int(self.rating),
            "card": self.card,
            "log": self.log,
            "interval_seconds": self.interval.total_seconds(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Outcome:
        return cls(
            Rating(data["rating"]),
            dict(data["card"]),
            dict(data["log"]),
            timedelta(seconds=data["interval_seconds"]),
        )


def card_id_for(bank_id: str, question_id: str) -> int:
    """A stable fsrs card id from the question's keys (fsrs.Card() without one sleeps 1 ms)."""
    digest = hashlib.blake2b(f"{bank_id}/{question_id}".encode(), digest_size=7).digest()
    return int.from_bytes(digest, "big")


def new_card(card_id: int, now: datetime) -> dict[str, Any]:
    """A card never reviewed, due now."""
    return fsrs.Card(card_id=card_id, due=now).to_dict()


class Scheduler:
    """fsrs's scheduler with the learner's settings; all times are aware UTC datetimes."""

    def __init__(
        self,
        desired_retention: float = DEFAULT_RETENTION,
        parameters: Sequence[float] | None = None,
        fuzz: bool = True,
    ) -> None:
        options: dict[str, Any] = {"desired_retention": desired_retention, "enable_fuzzing": fuzz}
        if parameters is not None:
            options["parameters"] = tuple(parameters)
        self._fsrs = fsrs.Scheduler(**options)

    def preview(
        self, card: Mapping[str, Any], now: datetime, duration_ms: int | None = None
    ) -> dict[Rating, Outcome]:
        """The outcome of each rating at `now`; apply one of these, don't re-review."""
        return {rating: self._review(card, rating, now, duration_ms) for rating in Rating}

    def _review(
        self, card: Mapping[str, Any], rating: Rating, now: datetime, duration_ms: int | None
    ) -> Outcome:
        before = fsrs.Card.from_dict(dict(card))  # type: ignore[arg-type]
        after, log = self._fsrs.review_card(before, fsrs.Rating(int(rating)), now, duration_ms)
        return Outcome(rating, after.to_dict(), log.to_dict(), after.due - now)

    def retrievability(self, card: Mapping[str, Any], now: datetime) -> float:
        return self._fsrs.get_card_retrievability(fsrs.Card.from_dict(dict(card)), now)  # type: ignore[arg-type]


def suggest_rating(verdict: Verdict, took_ms: int | None, typical_ms: float | None) -> Rating:
    """The rating a typed answer suggests: wrong → Again; right but slow or forgiven → Hard;
    right → Good. "Slow" means more than twice the learner's own typical (median) time."""
    if not verdict.correct:
        return Rating.AGAIN
    slow = took_ms is not None and typical_ms is not None and took_ms > 2 * typical_ms
    return Rating.HARD if slow or verdict.forgiven else Rating.GOOD


def format_interval(interval: timedelta) -> str:
    """An interval as Anki shows it on a button: 1m, 10m, 3h, 4d, 2.5mo, 1.2y."""
    seconds = interval.total_seconds()
    if seconds < 3600:
        return f"{max(1, round(seconds / 60))}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}".rstrip("0").rstrip(".") + "mo"
    return f"{days / 365:.1f}".rstrip("0").rstrip(".") + "y"


def card_stage(card: Mapping[str, Any] | None) -> str:
    """new (never reviewed), learning (in steps), young or mature (by its current interval)."""
    if card is None or card.get("last_review") is None:
        return "new"
    if card["state"] != fsrs.State.Review.value:
        return "learning"
    interval = datetime.fromisoformat(card["due"]) - datetime.fromisoformat(card["last_review"])
    return "mature" if interval >= timedelta(days=MATURE_DAYS) else "young"


def forecast(dues: Iterable[datetime], today: date, days: int = 30) -> list[int]:
    """Cards due on each of the next `days` days; overdue cards count on day 0 (today)."""
    counts = [0] * days
    for due in dues:
        offset = max(0, (due.date() - today).days)
        if offset < days:
            counts[offset] += 1
    return counts
