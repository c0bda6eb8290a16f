"""A presented question never carries its answer key; shuffles are fixed by their seed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from leaks import answers_of

from quiz.core.bank import Question
from quiz.core.banks.loading import load_banks
from quiz.core.parsing.text import normalize
from quiz.core.presentation import present

ROOT = Path(__file__).parents[2]
QUESTIONS = [
    question
    for folder in (ROOT / "questions", ROOT / "tests" / "data" / "banks")
    for loaded in load_banks(folder)
    for question in (loaded.bank.questions if loaded.bank else ())
]


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_no_answer_in_what_is_shown(question: Question) -> None:
    shown = normalize(json.dumps(present(question, seed=1).to_dict(), ensure_ascii=False))
    for answer in answers_of(question):
        assert f" {normalize(answer)} " not in f" {shown} ", (question.id, answer)


def test_order_items_are_not_shown_in_order() -> None:
    orders = [q for q in QUESTIONS if q.type == "order"]
    assert orders
    for question in orders:
        assert list(present(question, seed=7).choices) != list(question.fields["items"])


def test_the_same_seed_gives_the_same_shuffle() -> None:
    question = next(q for q in QUESTIONS if q.type == "choice" and len(q.fields["choices"]) > 3)
    first = present(question, seed="run-1", shuffle_choices=True).choices
    assert present(question, seed="run-1", shuffle_choices=True).choices == first
    assert sorted(first) == sorted(question.fields["choices"])
    shuffles = {present(question, seed=s, shuffle_choices=True).choices for s in range(20)}
    assert len(shuffles) > 1


@pytest.mark.parametrize(
    ("question_id", "hint"),
    [
        ("border-distance", "Answer with a distance, with its unit."),
        ("drills-end", "Answer with a day and month; write the month in words (like 3 March)."),
    ],
)
def test_hints_name_the_form_not_the_answer(question_id: str, hint: str) -> None:
    question = next(q for q in QUESTIONS if q.id == question_id)
    assert present(question).hint == hint


@pytest.mark.parametrize("seed", range(40))
def test_match_and_order_options_are_never_in_key_order(seed: int) -> None:
    keyed = [q for q in QUESTIONS if q.type in ("match", "order")]
    assert keyed
    for question in keyed:
        shown = present(question, seed=seed).choices
        key = question.key.rights if question.type == "match" else question.key.items
        assert sorted(shown) == sorted(key)
        assert list(shown) != list(key), (question.id, seed)


def test_who_hint_says_a_family_name_only_for_people() -> None:
    people = [q for q in QUESTIONS if q.type == "who" and not q.fields.get("choices")]
    organisations = [q for q in people if q.fields.get("surname") is False]
    assert organisations and len(organisations) < len(people)
    for question in people:
        hint = present(question).hint
        if question.fields.get("surname") is False:
            assert "family name" not in hint and hint == "Type the speaker's name in full."
        else:
            assert hint == "Type the speaker's name; a family name is enough."
