"""Each grader's check of its own key, as an author meets it in `quiz validate`: one message per
mistake, saying what to fix (the branches only a bad bank reaches)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.banks.loading import load_bank

WHO = "  - id: q\n    type: who\n    prompt: Who said it?\n    quote: We stand together\n"
CLOZE = "  - id: q\n    type: cloze\n    prompt: Fill in the blanks.\n"
MATCH = "  - id: q\n    type: match\n    prompt: Match them.\n"
ORDER = "  - id: q\n    type: order\n    prompt: Put them in order.\n"
CHOICE = "  - id: q\n    type: choice\n    prompt: Which?\n    choices: [Tajikistan, Russia]\n"


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (WHO + "    answer: '—'\n", "answer '—' has no letters or digits to match against"),
        (
            WHO + "    answer: Sergei Shoigu\n    choices: [Putin, Lukashenko]\n",
            "answer 'Sergei Shoigu' is not one of the choices ['Putin', 'Lukashenko']",
        ),
        (
            CLOZE + "    text: 'The [[Tajik]] and [[Taliban'\n",
            "a blank is not closed: write each as [[answer]]",
        ),
        (
            CLOZE + "    text: 'The [[Tajik]] and [[ | ]]'\n",
            "a blank [[]] is empty: put its answer inside",
        ),
        (
            CLOZE + "    text: 'The [[Tajik]] and [[?!]]'\n",
            "answer '?!' has no letters or digits to match against",
        ),
        (MATCH + "    pairs: [[TASS, Russia]]\n", "a match question needs at least 2 pairs"),
        (
            MATCH + "    pairs: [[TASS, Russia], [tass, Tajikistan]]\n",
            "left item 'tass' appears twice",
        ),
        (
            MATCH + "    pairs: [[TASS, Russia], [Khovar, russia]]\n",
            "right item 'russia' appears twice",
        ),
        (ORDER + "    items: [Alpha]\n", "an order question needs at least 2 items"),
        (ORDER + "    items: [Alpha, alpha!]\n", "item 'alpha!' is given twice"),
        (CHOICE + "    answer: []\n", "answer lists no choice: give at least one of the choices"),
        (CHOICE + "    answer: [Russia, Russia]\n", "answer lists the same choice twice"),
        (
            "  - id: q\n    type: choice\n    prompt: Which?\n    choices: [Russia, russia]\n"
            "    answer: Russia\n",
            "choice 'russia' is given twice",
        ),
        (
            CHOICE + "    answer: Paris\n",  # nothing close: the choices are listed
            "answer 'Paris' is not one of the choices ['Tajikistan', 'Russia']",
        ),
        (
            "  - id: q\n    type: number\n    prompt: How many?\n    answer: 201\n"
            "    tolerance: lots\n",
            "tolerance 'lots' must be a number (absolute) or a percentage like 1%",
        ),
        (
            "  - id: q\n    type: quantity\n    prompt: How far?\n    answer: 20 km\n"
            "    tolerance: 5 kg\n",
            "tolerance '5 kg': it is a mass but the answer is a distance; give it in km or as '1%'",
        ),
    ],
)
def test_a_key_mistake_is_one_message(tmp_path: Path, question: str, message: str) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text("title: T\nquestions:\n" + question, encoding="utf-8")
    assert [problem.message for problem in load_bank(path).problems] == [message]
