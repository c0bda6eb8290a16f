"""A question's `check` examples with the verdicts they get today, read from the bank's text."""

from __future__ import annotations

from pathlib import Path

from quiz.core.banks.example_verdicts import graded_examples
from quiz.core.banks.loading import load_bank

SAMPLE = Path(__file__).parents[2] / "data" / "banks" / "sample.yaml"


def test_every_example_graded_in_file_order_with_its_line() -> None:
    bank = load_bank(SAMPLE).bank
    assert bank is not None
    question = bank.question("border-distance")
    assert question is not None
    examples = graded_examples(SAMPLE.read_text(), question)
    assert [(e.group, e.response) for e in examples] == [
        ("right", "20 km"),
        ("right", "20 kilometres"),
        ("right", "12.4 miles"),
        ("right", "twenty kilometers"),
        ("wrong", "20"),
        ("wrong", "20 kg"),
        ("wrong", "30 km"),
    ]
    assert all(e.passes for e in examples)
    assert {e.line for e in examples} == {55, 56}  # the flow lists' own lines


def test_an_example_that_now_grades_the_other_way_fails() -> None:
    bank = load_bank(SAMPLE).bank
    assert bank is not None
    question = bank.question("training-ground")
    assert question is not None
    text = SAMPLE.read_text().replace('wrong: ["Kharb", "Dushanbe"]', 'wrong: ["Kharb Maidon"]')
    [*_, changed] = graded_examples(text, question)
    assert (changed.group, changed.response, changed.passes) == ("wrong", "Kharb Maidon", False)
    assert changed.verdict is not None and changed.verdict.correct


def test_ill_shaped_examples_and_questions_without_examples() -> None:
    bank = load_bank(SAMPLE).bank
    assert bank is not None
    order = bank.question("timeline")
    assert order is not None
    text = SAMPLE.read_text()
    examples = graded_examples(text, order)
    assert examples and all(e.passes for e in examples)
    right = '      right: [["Khovar reports an attack from Badakhshan", "Shoigu speaks about'
    start = text.index(right)
    broken = (
        text[:start]
        + '      right: ["one text where a list belongs"]'
        + text[text.index("\n", start) :]
    )
    first = graded_examples(broken, order)[0]
    assert (first.verdict, first.passes) == (None, False)
    assert "list" in first.problem
    card = bank.question("csto-card")
    assert card is not None and graded_examples(text, card) == []


def test_a_check_with_only_right_examples_and_a_question_gone_from_the_text() -> None:
    bank = load_bank(SAMPLE).bank
    assert bank is not None
    question = bank.question("border-distance")
    assert question is not None
    text = SAMPLE.read_text()
    only_right = text.replace('      wrong: ["20", "20 kg", "30 km"]\n', "", 1)
    assert only_right != text
    assert [e.group for e in graded_examples(only_right, question)] == ["right"] * 4
    renamed = text.replace("id: border-distance", "id: border-km")
    assert graded_examples(renamed, question) == []
