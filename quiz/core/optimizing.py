"""Fitting FSRS parameters to one learner's review history, with the Rust optimizer.

fsrs's own optimizer needs torch (gigabytes), so we use fsrs-rs-python, an optional extra
(`pip install 'quiz[optimizer]'`); its 21 FSRS-6 parameters are the ones fsrs's Scheduler takes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from quiz.core.errors import QuizError
from quiz.core.scheduling import check_parameters

INSTALL_HINT = "pip install 'quiz[optimizer]'  (it installs fsrs-rs-python)"


class OptimizerMissingError(QuizError):
    """The optional optimizer package is not installed."""


@dataclass(frozen=True)
class Review:
    """One rating of one card, all the optimizer needs of a review log."""

    card: str
    at: datetime
    rating: int


def training_items(reviews: Iterable[Review]) -> list[Any]:
    """fsrs-rs items: per card, each prefix of its history that ends on a later day than
    the review before it (same-day steps are folded in, as fsrs-rs's own example does)."""
    rs = _optimizer()
    items: list[tuple[datetime, Any]] = []
    for history in _by_card(reviews).values():
        items.extend(_card_items(rs, history))
    return [item for _, item in sorted(items, key=lambda pair: pair[0])]


def _by_card(reviews: Iterable[Review]) -> dict[str, list[Review]]:
    cards: dict[str, list[Review]] = {}
    for review in sorted(reviews, key=lambda r: r.at):
        cards.setdefault(review.card, []).append(review)
    return cards


def _card_items(rs: Any, history: Sequence[Review]) -> list[tuple[datetime, Any]]:
    done: list[Any] = []
    items = []
    last = history[0].at.date()
    for review in history:
        delta_days = (review.at.date() - last).days
        done.append(rs.FSRSReview(review.rating, delta_days))
        if delta_days > 0:
            items.append((review.at, rs.FSRSItem(list(done))))
        last = review.at.date()
    return [(at, item) for at, item in items if item.long_term_review_cnt() > 0]


def optimize(reviews: Iterable[Review]) -> tuple[float, ...]:
    """Parameters fitted to `reviews`; fsrs-rs keeps the defaults where data is too thin."""
    rs = _optimizer()
    items = training_items(reviews)
    parameters = rs.FSRS(list(rs.DEFAULT_PARAMETERS)).compute_parameters(items)
    return check_parameters(parameters)


def _optimizer() -> Any:
    try:
        import fsrs_rs_python
    except ImportError as error:
        raise OptimizerMissingError(
            f"the optimizer is an optional extra and is not installed: {INSTALL_HINT}"
        ) from error
    return fsrs_rs_python
