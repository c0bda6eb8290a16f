"""Fitting FSRS parameters with the optional Rust optimizer: which reviews become training
items, the defaults kept when data is thin, and the message when the extra is missing."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta

import pytest

from quiz.core.optimizing import OptimizerMissingError, Review, optimize, training_items

rs = pytest.importorskip(
    "fsrs_rs_python", reason="the optimizer is the optional extra quiz[optimizer], not installed"
)

START = datetime(2025, 1, 1, 9, tzinfo=UTC)
REVIEWS = [
    Review("a", START, 3),
    Review("a", START + timedelta(hours=1), 3),  # the same day: folded into the next item
    Review("a", START + timedelta(days=2), 3),
    Review("a", START + timedelta(days=7), 1),
    Review("b", START + timedelta(days=3), 4),  # given out of order: sorted by time
    Review("b", START + timedelta(days=1), 3),
]


def item(*reviews: tuple[int, int]) -> str:
    return repr(rs.FSRSItem([rs.FSRSReview(rating, days) for rating, days in reviews]))


def test_each_history_prefix_ending_on_a_later_day_is_an_item_in_time_order() -> None:
    assert [repr(found) for found in training_items(REVIEWS)] == [
        item((3, 0), (3, 0), (3, 2)),  # card a on day 2
        item((3, 0), (4, 2)),  # card b on day 3
        item((3, 0), (3, 0), (3, 2), (1, 5)),  # card a on day 7
    ]


def test_a_single_days_reviews_make_no_item() -> None:
    assert training_items([Review("a", START, 3), Review("a", START + timedelta(hours=2), 4)]) == []


@pytest.mark.parametrize("reviews", [[], REVIEWS], ids=["none", "six"])
def test_thin_data_keeps_the_default_parameters(reviews: list[Review]) -> None:
    assert optimize(reviews) == tuple(rs.DEFAULT_PARAMETERS)
    assert len(optimize(reviews)) == 21


def test_without_the_extra_the_error_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "fsrs_rs_python", None)  # as on an install without it
    with pytest.raises(OptimizerMissingError) as error:
        optimize(REVIEWS)
    assert str(error.value) == (
        "the optimizer is an optional extra and is not installed: "
        "pip install 'quiz[optimizer]'  (it installs fsrs-rs-python)"
    )
