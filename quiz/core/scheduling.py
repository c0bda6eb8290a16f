"""Spaced repetition: the only module that knows fsrs. Callers pass the clock in.

Each question is a card; its memory state is fsrs's Card, which stays inside this module:
callers hold it as fsrs's own JSON form (`SavedCard`, a TypedDict) and read its due date
through `due_of`, the one place that parses it. The interval a
rating would give is previewed once and that same outcome is applied when the learner
picks it, so the button shows exactly what happens even with fsrs's random fuzz.
"""

from __future__ import annotations

import hashlib
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import IntEnum
from typing import Any, cast

import fsrs
from fsrs.card import CardDict
from fsrs.review_log import ReviewLogDict

from quiz.core.verdict import Verdict

DEFAULT_RETENTION = 0.9
MATURE_DAYS = 21  # Anki's line between young and mature cards, by interval
PREVIEW_TTL = timedelta(hours=1)  # an older preview is recomputed: elapsed time changes memory
PARAMETER_COUNT = len(fsrs.scheduler.DEFAULT_PARAMETERS)  # 21 for FSRS-6

SavedCard = CardDict  # a card's memory state as saved (JSON): fsrs's Card.to_dict()
SavedLog = ReviewLogDict  # one review as saved (JSON): fsrs's ReviewLog.to_dict()


def due_of(card: SavedCard) -> datetime:
    """When the card is due: the one place its saved due date is parsed."""
    return datetime.fromisoformat(card["due"])


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
    card: SavedCard
    log: SavedLog
    interval: timedelta

    @property
    def due(self) -> datetime:
        return due_of(self.card)

    def applied_at(self, now: datetime) -> Outcome:
        """The same outcome taken at `now` instead of when it was previewed: the interval on
        the button stays exact, and the review's time is the true one."""
        shift = now - datetime.fromisoformat(self.log["review_datetime"])
        due, at = (self.due + shift).isoformat(), now.isoformat()
        card: SavedCard = {**self.card, "due": due, "last_review": at}
        log: SavedLog = {**self.log, "review_datetime": at}
        return Outcome(self.rating, card, log, self.interval)

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
            saved_card(data["card"]),
            fsrs.ReviewLog.from_dict(cast(SavedLog, data["log"])).to_dict(),
            timedelta(seconds=data["interval_seconds"]),
        )


@dataclass(frozen=True)
class Preview:
    """The four outcomes of a card as shown at `at`; applied as they are while still fresh."""

    at: datetime
    card: SavedCard
    outcomes: dict[Rating, Outcome]

    def is_fresh_for(self, card: SavedCard, now: datetime) -> bool:
        """Still the card shown (not rated or changed since) and not too old to apply."""
        return card == self.card and timedelta(0) <= now - self.at <= PREVIEW_TTL

    def to_dict(self) -> dict[str, Any]:
        outcomes = {str(int(r)): o.to_dict() for r, o in self.outcomes.items()}
        return {"at": self.at.isoformat(), "card": self.card, "outcomes": outcomes}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Preview:
        outcomes = {Rating(int(r)): Outcome.from_dict(o) for r, o in data["outcomes"].items()}
        return cls(datetime.fromisoformat(data["at"]), saved_card(data["card"]), outcomes)


def saved_card(data: Mapping[str, Any]) -> SavedCard:
    """A card read back from JSON: fsrs reads every field, so a malformed one fails here."""
    return fsrs.Card.from_dict(cast(SavedCard, data)).to_dict()


def card_id_for(bank_id: str, question_id: str) -> int:
    """A stable fsrs card id from the question's keys (fsrs.Card() without one sleeps 1 ms)."""
    digest = hashlib.blake2b(f"{bank_id}/{question_id}".encode(), digest_size=7).digest()
    return int.from_bytes(digest, "big")


def new_card(card_id: int, now: datetime) -> SavedCard:
    """A card never reviewed, due now."""
    return fsrs.Card(card_id=card_id, due=now).to_dict()


def check_parameters(parameters: Sequence[float]) -> tuple[float, ...]:
    """The parameters as fsrs takes them; ValueError saying what is wrong otherwise."""
    if len(parameters) != PARAMETER_COUNT:
        raise ValueError(
            f"expected {PARAMETER_COUNT} FSRS-6 parameters, got {len(parameters)}: "
            "re-run `quiz optimize` with this version of fsrs"
        )
    fsrs.Scheduler(parameters=tuple(parameters))  # raises on a value out of fsrs's bounds
    return tuple(float(p) for p in parameters)


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
        self, card: SavedCard, now: datetime, duration_ms: int | None = None
    ) -> dict[Rating, Outcome]:
        """The outcome of each rating at `now`; apply one of these, don't re-review."""
        return {rating: self.review(card, rating, now, duration_ms) for rating in Rating}

    def make_preview(self, card: SavedCard, now: datetime) -> Preview:
        return Preview(now, card, self.preview(card, now))

    def review(
        self,
        card: SavedCard,
        rating: Rating,
        now: datetime,
        duration_ms: int | None = None,
    ) -> Outcome:
        """One rating applied now (fuzzed if fuzz is on): for reviews no button showed."""
        before = fsrs.Card.from_dict(card)
        after, log = self._fsrs.review_card(before, fsrs.Rating(int(rating)), now, duration_ms)
        return Outcome(rating, after.to_dict(), log.to_dict(), after.due - now)


def suggest_rating(verdict: Verdict, took_ms: int | None, typical_ms: float | None) -> Rating:
    """The rating a typed answer suggests: wrong → Again; right but slow or forgiven → Hard;
    right → Good. "Slow" means more than twice the learner's own typical (median) time."""
    if not verdict.correct:
        return Rating.AGAIN
    slow = took_ms is not None and typical_ms is not None and took_ms > 2 * typical_ms
    return Rating.HARD if slow or verdict.forgiven else Rating.GOOD


def typical_time(durations: Iterable[int | None]) -> float | None:
    """The median of the known answer times (ms), or None before there are any."""
    known = [d for d in durations if d is not None and d > 0]
    return statistics.median(known) if known else None


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


def card_stage(card: SavedCard | None) -> str:
    """new (never reviewed), learning (in steps), young or mature (by its current interval)."""
    if card is None or card["last_review"] is None:
        return "new"
    if card["state"] != fsrs.State.Review.value:
        return "learning"
    interval = due_of(card) - datetime.fromisoformat(card["last_review"])
    return "mature" if interval >= timedelta(days=MATURE_DAYS) else "young"


def forecast(dues: Iterable[datetime], today: date, days: int = 30) -> list[int]:
    """Cards due on each of the next `days` days; overdue cards count on day 0 (today)."""
    counts = [0] * days
    for due in dues:
        offset = max(0, (due.date() - today).days)
        if offset < days:
            counts[offset] += 1
    return counts


CardKey = tuple[str, str]  # (bank id, question id)
LEARN_AHEAD = timedelta(minutes=20)  # Anki's: with nothing else left, show a step this early


@dataclass(frozen=True)
class Queue:
    """Today's cards in the order to show them, as Anki's v3 scheduler picks: learning steps
    that are due, then reviews due today (oldest due first), then new cards up to the cap."""

    learning: tuple[CardKey, ...]
    review: tuple[CardKey, ...]
    new: tuple[CardKey, ...]
    comes_back_at: datetime | None = None  # the next learning step, when nothing is due now

    @property
    def next(self) -> CardKey | None:
        return next(iter((*self.learning, *self.review, *self.new)), None)

    def __len__(self) -> int:
        return len(self.learning) + len(self.review) + len(self.new)


def build_queue(
    cards: Sequence[tuple[CardKey, SavedCard | None]],
    now: datetime,
    day_end: datetime,
    new_allowance: int,
) -> Queue:
    """The queue from every card in scope (None: never reviewed), in the banks' own order."""
    seen = [(k, c) for k, c in cards if c is not None and card_stage(c) != "new"]
    steps = sorted((due_of(c), k) for k, c in seen if card_stage(c) == "learning")
    reviews = sorted((due_of(c), k) for k, c in seen if card_stage(c) in ("young", "mature"))
    new = [k for k, c in cards if card_stage(c) == "new"][: max(0, new_allowance)]
    learning = [k for due, k in steps if due <= now]
    review = [k for due, k in reviews if due < day_end]
    if not (learning or review or new):
        learning = [k for due, k in steps if due <= now + LEARN_AHEAD][:1]
    later = next((due for due, _ in steps if due > now), None) if not learning else None
    return Queue(tuple(learning), tuple(review), tuple(new), later)
