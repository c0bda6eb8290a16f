"""A question's `check` examples that fail, as `quiz validate` reports them (banks/examples.py):
one message per example at its FILE:LINE:COL, the example shown as the author wrote it."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.banks.loading import load_bank

QUANTITY = "  - id: q\n    type: quantity\n    prompt: How far?\n    answer: 20 km\n    check:\n"
MATCH = (
    "  - id: q\n    type: match\n    prompt: Match them.\n"
    "    pairs: [[France, Paris], [Italy, Rome]]\n    check:\n"
)  # the examples are on line 8
_LOTS = "That is not a quantity I can read (no number found in 'lots'; write it as in '20 km')"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        pytest.param(
            # One example is no quantity at all, so the answer's unit is not what they dispute.
            QUANTITY + "      right: ['5 kg', 'lots']\n",
            [
                "8:15: check right example 1: '5 kg' should grade right but grades wrong "
                '("That is a mass; the question asks for a distance (20 km).")',
                "8:23: check right example 2: 'lots' should grade right but grades wrong "
                f'("{_LOTS}; the answer is 20 km.")',
            ],
            id="unreadable-right-example-blames-the-examples",
        ),
        pytest.param(
            MATCH + "      right: ['France']\n",
            ["8:15: check right example 1: 'France' must be a mapping of left: right"],
            id="match-example-not-a-mapping",
        ),
        pytest.param(
            MATCH + "      wrong: [{France: Paris, Italy: Rome}]\n",
            [
                "8:15: check wrong example 1: {'France': 'Paris', 'Italy': 'Rome'} should "
                'grade wrong but grades right ("Right: every pair matches.")'
            ],
            id="match-example-shown-as-a-mapping",
        ),
    ],
)
def test_a_failing_example_is_one_message_at_the_example(
    tmp_path: Path, question: str, expected: list[str]
) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text("title: T\nquestions:\n" + question, encoding="utf-8")
    assert [str(problem) for problem in load_bank(path).problems] == [
        f"{path}:{message}" for message in expected
    ]
