"""Validation messages as a new author meets them: each names the line to fix and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.banks.loading import load_bank
from quiz.core.banks.quote_quantities import quantities_in

SEED = Path(__file__).parents[3] / "seeds" / "000_42a00ded27f26e66.txt"
HEADER = f"title: T\nsource: {SEED}\nquestions:\n"  # the questions start on line 4


def problems(tmp_path: Path, questions: str) -> list[str]:
    path = tmp_path / "bank.yaml"
    path.write_text(HEADER + questions, encoding="utf-8")
    return [str(problem) for problem in load_bank(path).problems]


def test_a_question_missing_its_dash_is_one_message_at_its_id(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        """  - id: drills-ground
    type: text
    prompt: At which training ground was the exercise held?
    answer: Kharb-Maidon

    id: drills-terrain
    type: text
    prompt: In what kind of terrain are the operations rehearsed?
    answer: mountainous
    accept: [mountains]
""",
    )
    assert found == [
        f"{tmp_path / 'bank.yaml'}:9:5: a new question starts here without its leading '- ', so "
        "YAML reads its keys as a second copy of the question on line 4 (removing keys would "
        "delete a question): write '  - id: drills-terrain' on line 9, its '- ' under the others"
    ]


def test_a_question_missing_its_dash_at_the_dash_column(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        "  - id: q1\n    type: text\n    prompt: P?\n    answer: A\n  id: q2\n    type: text\n",
    )
    assert found == [
        f"{tmp_path / 'bank.yaml'}:8:3: a new question starts here without its leading '- ': "
        "write it as '  - id: q2' (the dash at column 3, like the question on line 4), and "
        "indent its other keys to match"
    ]


@pytest.mark.parametrize(
    ("questions", "expected"),
    [
        (
            "  - id: q1\n    type: text\n    prompt: What?\n     answer: x\n",
            "7:6: 'answer' is indented more than line 6 above it (5 spaces, not 4), so YAML "
            "reads it as more of that line's text: start 'answer:' at column 5, like the line "
            "above",
        ),
        (
            "  - id: q1\n    type: text\n    prompt: What?\n   answer: x\n",
            "7:4: 'answer' is indented 3 spaces, less than the keys above it (column 5): start "
            "it at column 5, or, if it begins a new list item, write '- ' before it",
        ),
        (
            "  - id: q1\n    type: text\n    prompt: The ratio: three to one?\n    answer: x\n",
            "6:22: the text of 'prompt' contains ': ', which YAML reads as the start of a new "
            'key: put the whole text in quotes, as prompt: "The ratio: three to one?"',
        ),
        (
            "  - id: q1\n\ttype: text\n",
            "5:1: a tab character is used for indentation here; YAML allows only spaces: "
            "replace the tab with spaces",
        ),
        (
            '  - id: q1\n    type: text\n    prompt: "What?\n    answer: x\n',
            "6:13: this quoted text is never closed: add the closing quote at the end of the "
            'text (a quote inside the text is written twice in \'...\', or as \\" in "...")',
        ),
    ],
    ids=["deeper", "shallower", "colon-in-text", "tab", "unclosed-quote"],
)
def test_yaml_syntax_errors_explain_the_line_and_the_fix(
    tmp_path: Path, questions: str, expected: str
) -> None:
    found = problems(tmp_path, questions)
    assert found == [f"{tmp_path / 'bank.yaml'}:{expected}"]
    assert "mapping values are not allowed" not in found[0]


QUANTITY = """  - id: drills-distance
    type: quantity
    prompt: Roughly how far is the training ground from Afghanistan's northern border?
    answer: 5 kg
    quote: located about 20 kilometers from Afghanistan’s northern border
"""
CONTRADICTION = (
    "7:5: answer '5 kg' is a mass, but its quote gives a distance ('20 km'): fix the answer's "
    "unit (did you mean '5 km'?) or the quote"
)


def test_an_answer_whose_unit_contradicts_its_quote_is_an_error_at_the_answer(
    tmp_path: Path,
) -> None:
    assert problems(tmp_path, QUANTITY) == [f"{tmp_path / 'bank.yaml'}:{CONTRADICTION}"]


def test_with_check_examples_the_answer_is_blamed_not_the_examples(tmp_path: Path) -> None:
    checked = (
        QUANTITY + '    check:\n      right: ["20 km", "20 kilometres"]\n      wrong: ["2 km"]\n'
    )
    assert problems(tmp_path, checked) == [f"{tmp_path / 'bank.yaml'}:{CONTRADICTION}"]


def test_without_a_quote_right_examples_of_another_kind_blame_the_answer(tmp_path: Path) -> None:
    text = QUANTITY.replace(
        "    quote: located about 20 kilometers from Afghanistan’s northern border\n",
        '    check:\n      right: ["20 km", "20 kilometres"]\n      wrong: ["4 kg"]\n',
    )
    assert problems(tmp_path, text) == [
        f"{tmp_path / 'bank.yaml'}:7:5: answer '5 kg' is a mass, but every check right example "
        "is a distance (like '20 km'): fix the answer's unit"
    ]


def test_an_answer_that_agrees_with_its_quote_passes(tmp_path: Path) -> None:
    assert problems(tmp_path, QUANTITY.replace("5 kg", "20 km")) == []


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("located about 20 kilometers from the border", ["20 km"]),
        ("a four-day joint training exercise", ["4 days"]),
        ("increased by 15% last year", ["15%"]),
        ("the 201st military base, 7,000 troops in 2023, 10 in all", []),
        ("a top speed of 33 km/h", ["33 km/h"]),
        ("averaged 14.5 °C in August, 20°C in July", ["14.5 °C", "20 °C"]),
        ("flows of up to 25 cubic metres per second in July", ["25 m³/s"]),
        ("foundations weigh 11,000 tonnes each, anchored at 300 metres", ["11,000 t", "300 m"]),
    ],
)
def test_the_quantities_a_quote_states(text: str, stated: list[str]) -> None:
    assert [str(q) for q in quantities_in(text)] == stated


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        ("Tajikstan", "(did you mean 'Tajikistan'?)"),
        ("tajikistan", "(did you mean 'Tajikistan'? an answer is written as its choice)"),
        ("Kenya", "['Afghanistan', 'Tajikistan', 'Russia']"),
    ],
)
def test_a_choice_answer_not_among_the_choices_says_which_was_meant(
    tmp_path: Path, answer: str, hint: str
) -> None:
    found = problems(
        tmp_path,
        "  - id: q1\n    type: choice\n    prompt: Where?\n"
        f"    choices: [Afghanistan, Tajikistan, Russia]\n    answer: {answer}\n",
    )
    assert found == [
        f"{tmp_path / 'bank.yaml'}:8:5: answer {answer!r} is not one of the choices {hint}"
    ]


def test_a_huge_value_is_elided_in_its_message_and_named_as_too_long(tmp_path: Path) -> None:
    huge = "9" * 5000
    found = problems(
        tmp_path,
        f"  - id: count\n    type: number\n    prompt: How many?\n    answer: {huge}\n",
    )
    assert len(found) == 1 and len(found[0]) < 300 + len(str(tmp_path))
    assert "'9999999999" in found[0] and "…" in found[0]
    assert "has 5,000 characters, too many for a number a learner could type" in found[0]
