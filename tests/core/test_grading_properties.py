"""Property-based: whatever a learner sends, every grader gives a verdict or a clear
ResponseError (never another exception) in bounded time.

The deadline is a hang detector, far above the real cost (benchmarks/hostile_answers.py
measures it); example counts stay modest so the suite stays fast. No example database is
kept (database=None), so the tree stays clean.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.core.bank import Bank, Question
from quiz.core.banks.loading import load_bank
from quiz.core.errors import ResponseError
from quiz.core.grading import grade
from quiz.core.grading.limits import MAX_TEXT_CHARS
from quiz.core.parsing import dates, quantities
from quiz.core.verdict import Verdict

SAMPLE = Path(__file__).parents[1] / "data" / "banks" / "sample.yaml"
LOADED = load_bank(SAMPLE)
assert LOADED.bank is not None, LOADED.problems
BANK: Bank = LOADED.bank
GRADED = [q for q in BANK.questions if q.type != "card"]

SETTINGS = settings(
    max_examples=200,
    deadline=timedelta(seconds=1),
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Characters the parsers treat specially, so examples reach past the first refusal.
PARSER_ALPHABET = st.sampled_from(
    list("0123456789 ,.-/+eE'’%°~#()[]*^") + ["\u00a0", "\u202f", "\u2212", "ó", "\ud800"]
    + ["²", "³", "٣", "½"]  # digits to str.isdigit() that int() refuses, or of another script
    + ["km", "kilometres", "per", "hour", "C", "F", "April", "Sept", "18th", "the", "of",
       "late", "mid", "two", "hundred", "and", "one", "twenty", "Mr.", "Dr", "Shoigu",
       "Sergei", "Jr", "Tajik", "Taliban", "true", "no", "a", "an", "about", "m**", "^2"]
)  # fmt: skip
TYPED = st.one_of(
    st.text(max_size=MAX_TEXT_CHARS + 20),
    st.lists(PARSER_ALPHABET, max_size=300).map("".join),
    st.text(st.characters(min_codepoint=0xD7F0, max_codepoint=0xE010), max_size=20),
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=10,
)
SHORT = st.text(max_size=30) | st.lists(PARSER_ALPHABET, max_size=10).map("".join)


@pytest.fixture(scope="module", autouse=True)
def warm() -> None:
    """First calls (pint's registry, dateparser) cost ~0.3 s, which is not the grading's cost."""
    quantities.warm_up()
    dates.warm_up()


def assert_graded_or_refused(question: Question, response: Any) -> None:
    try:
        verdict = grade(question, response)
    except ResponseError as error:
        assert str(error)  # a message for the learner
        return
    assert isinstance(verdict, Verdict) and 0.0 <= verdict.score <= 1.0
    assert verdict.feedback and verdict.correct == (verdict.score == 1.0)


def structured(question: Question) -> st.SearchStrategy[Any]:
    """Responses shaped (or nearly) like the question's: picks, blanks, orders, pairs."""
    words = st.sampled_from(
        [*question.fields.get("choices", ()), *question.fields.get("items", ()), "x"]
    )
    lefts = [left for left, _ in question.fields.get("pairs", ())] or ["x"]
    rights = [right for _, right in question.fields.get("pairs", ())] or ["x"]
    return st.one_of(
        st.lists(words | SHORT, max_size=6),
        st.dictionaries(st.sampled_from(lefts) | SHORT, st.sampled_from(rights) | SHORT),
    )


@pytest.mark.parametrize("question", GRADED, ids=[q.id for q in GRADED])
@SETTINGS
@given(response=TYPED)
def test_any_text_gets_a_verdict_or_a_response_error(question: Question, response: str) -> None:
    assert_graded_or_refused(question, response)


@settings(SETTINGS, max_examples=300)
@given(data=st.data())
def test_any_json_value_gets_a_verdict_or_a_response_error(data: st.DataObject) -> None:
    question = data.draw(st.sampled_from(GRADED))
    assert_graded_or_refused(question, data.draw(JSON | structured(question)))
