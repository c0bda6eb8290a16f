"""Item analysis against figures worked out by hand for a small table of attempts."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest

from quiz.core.item_analysis import (
    AttemptRow,
    QuestionStats,
    analyse,
    flags_for,
    pearson,
    select_attempts,
)

START = datetime(2026, 1, 5, 9, tzinfo=UTC)

# First attempts (1 = right), with the time taken in seconds where known:
#
#   learner   q1         q2         q3
#   A (1)     1  4 s     1  10 s    1
#   B (2)     1  6 s     1  20 s    0
#   C (3)     1  8 s     0          0
#   D (4)     0  —       0          1
#
# Later attempts (counted only in "all" mode): D answers q1 right, C answers q2 right.
TABLE = [
    # (learner, question, right, seconds or None)
    (1, "q1", True, 4), (1, "q2", True, 10), (1, "q3", True, None),
    (2, "q1", True, 6), (2, "q2", True, 20), (2, "q3", False, None),
    (3, "q1", True, 8), (3, "q2", False, None), (3, "q3", False, None),
    (4, "q1", False, None), (4, "q2", False, None), (4, "q3", True, None),
    (4, "q1", True, 2), (3, "q2", True, 12),
]  # fmt: skip


def rows(table: list[tuple[int, str, bool, int | None]]) -> list[AttemptRow]:
    return [
        AttemptRow(
            learner_id=learner,
            question_id=question,
            correct=right,
            score=1.0 if right else 0.0,
            time_taken_ms=None if seconds is None else seconds * 1000,
            answered_at=START + timedelta(minutes=n),
            response="x" if right else "wrong",
            expected="right answer",
            attempt_id=n,
        )
        for n, (learner, question, right, seconds) in enumerate(table)
    ]


def by_id(stats: tuple[QuestionStats, ...]) -> dict[str, QuestionStats]:
    return {q.question_id: q for q in stats}


def test_first_attempts_counts_facility_and_median_time() -> None:
    stats = analyse(rows(TABLE), ["q1", "q2", "q3"], "first")
    q1, q2, q3 = (by_id(stats.questions)[q] for q in ("q1", "q2", "q3"))
    # q1: 4 learners, 4 first attempts, 3 right → facility 3/4; times 4, 6, 8 s → median 6 s.
    assert (q1.learners, q1.attempts, q1.right, q1.wrong) == (4, 4, 3, 1)
    assert q1.facility == 0.75 and q1.median_time_ms == 6000
    # q2: 2 of 4 right; times 10 and 20 s → median 15 s. q3: 2 of 4, no times.
    assert (q2.facility, q2.median_time_ms) == (0.5, 15000)
    assert (q3.facility, q3.median_time_ms) == (0.5, None)
    assert stats.attempts == 12 and stats.learners == 4


def test_first_attempts_discrimination_by_hand() -> None:
    """Corrected item–rest correlation: r(x, rest), rest = mean of the learner's other items.

    q1: x = (1, 1, 1, 0); rest = A (1+1)/2 = 1, B (1+0)/2 = .5, C (0+0)/2 = 0, D (0+1)/2 = .5.
        means .75 and .5; deviations x (.25, .25, .25, -.75), rest (.5, 0, -.5, 0);
        Σ dx·dr = .125 + 0 - .125 + 0 = 0  →  r = 0 (flagged: discrimination ≤ 0).
    q2: x = (1, 1, 0, 0); rest = A 1, B .5, C .5, D .5; means .5 and .625;
        dx (.5, .5, -.5, -.5), dr (.375, -.125, -.125, -.125);
        Σ dx·dr = .1875 - .0625 + .0625 + .0625 = .25; Σ dx² = 1;
        Σ dr² = .140625 + 3 × .015625 = .1875  →  r = .25 / √.1875 = 1/√3 ≈ .577.
    q3: x = (1, 0, 0, 1); rest = A 1, B 1, C .5, D 0; means .5 and .625;
        dx (.5, -.5, -.5, .5), dr (.375, .375, -.125, -.625);
        Σ dx·dr = .1875 - .1875 + .0625 - .3125 = -.25; Σ dx² = 1;
        Σ dr² = .140625 + .140625 + .015625 + .390625 = .6875  →  r = -.25 / √.6875 ≈ -.3015.
    """
    stats = by_id(analyse(rows(TABLE), ["q1", "q2", "q3"], "first").questions)
    assert stats["q1"].discrimination == pytest.approx(0.0, abs=1e-12)
    assert stats["q2"].discrimination == pytest.approx(1 / math.sqrt(3))
    assert stats["q3"].discrimination == pytest.approx(-0.25 / math.sqrt(0.6875))
    assert stats["q1"].flags == ("no-discrimination",)
    assert stats["q2"].flags == ()
    assert stats["q3"].flags == ("no-discrimination",)


def test_all_attempts_by_hand() -> None:
    """All attempts: q1 has 5 (4 right) → facility .8; q2 has 5 (3 right) → .6.

    A learner's item score is then their share right: D scores .5 on q1, C .5 on q2.
    q1: x = (1, 1, 1, .5); rest = A (1+1)/2 = 1, B (1+0)/2 = .5, C (.5+0)/2 = .25, D (0+1)/2 = .5;
        means .875 and .5625; dx (.125, .125, .125, -.375), dr (.4375, -.0625, -.3125, -.0625);
        Σ dx·dr = .0546875 - .0078125 - .0390625 + .0234375 = .03125;
        Σ dx² = 3 × .015625 + .140625 = .1875;
        Σ dr² = .19140625 + .00390625 + .09765625 + .00390625 = .296875;
        r = .03125 / √(.1875 × .296875) = .03125 / √.0556640625 ≈ .1325.
    q2 median time: 10, 20 and 12 s → 12 s.
    """
    stats = by_id(analyse(rows(TABLE), ["q1", "q2", "q3"], "all").questions)
    assert (stats["q1"].attempts, stats["q1"].right, stats["q1"].facility) == (5, 4, 0.8)
    assert (stats["q2"].attempts, stats["q2"].facility, stats["q2"].median_time_ms) == (
        5,
        0.6,
        12000,
    )
    assert stats["q1"].discrimination == pytest.approx(0.03125 / math.sqrt(0.0556640625))
    assert stats["q1"].median_time_ms == 5000  # 2, 4, 6 and 8 s → (4 + 6) / 2 = 5 s


def test_bank_scores_are_each_learners_mean_item_score() -> None:
    # First attempts: A 3/3, B 2/3, C 1/3, D 1/3 (lowest first).
    first = analyse(rows(TABLE), ["q1", "q2", "q3"], "first")
    assert first.learner_scores == pytest.approx((1 / 3, 1 / 3, 2 / 3, 1.0))
    # All attempts: C (1 + .5 + 0)/3 = .5, D (.5 + 0 + 1)/3 = .5.
    everything = analyse(rows(TABLE), ["q1", "q2", "q3"], "all")
    assert everything.learner_scores == pytest.approx((0.5, 0.5, 2 / 3, 1.0))


def test_first_mode_keeps_the_earliest_attempt_whatever_the_input_order() -> None:
    chosen = select_attempts(reversed(rows(TABLE)), "first")
    assert len(chosen) == 12
    assert [r.correct for r in chosen if (r.learner_id, r.question_id) == (4, "q1")] == [False]


def test_a_question_nobody_answered_has_no_figures() -> None:
    [q9] = analyse(rows(TABLE), ["q9"], "first").questions
    assert (q9.learners, q9.attempts, q9.facility, q9.discrimination) == (0, 0, None, None)
    assert q9.flags == ()


def test_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="mode must be one of"):
        analyse([], [], "best")


def stats(facility: float, learners: int = 5, **changes: object) -> QuestionStats:
    base = {"question_id": "q", "learners": learners, "attempts": learners, "right": 0}
    base |= {"wrong": 0, "close": 0, "facility": facility, "median_time_ms": None}
    return QuestionStats(**(base | {"discrimination": 0.3} | changes))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("question", "flags"),
    [
        (stats(0.95), ("too-easy",)),
        (stats(0.94), ()),
        (stats(0.20), ("too-hard",)),
        (stats(0.21), ()),
        (stats(0.5, discrimination=0.0), ("no-discrimination",)),
        (stats(0.5, discrimination=None), ()),
        (stats(0.5, wrong=8, close=2), ("often-close",)),  # 2 of 8 = a quarter
        (stats(0.5, wrong=9, close=2), ()),  # 2 of 9: under a quarter
        (stats(0.5, wrong=1, close=1), ()),  # one close answer is not "often"
        (stats(1.0, learners=2), ()),  # too few learners for any flag
    ],
)
def test_flag_thresholds(question: QuestionStats, flags: tuple[str, ...]) -> None:
    assert flags_for(question) == flags


def test_pearson_of_constant_data_is_undefined() -> None:
    assert pearson([1, 1, 1], [0, 0.5, 1]) is None
    assert pearson([0, 1, 0, 1], [0, 1, 0, 1]) == pytest.approx(1.0)
