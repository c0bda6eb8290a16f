"""Validation: every problem of a bank, each at its file, line and column, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.banks.loading import load_bank

SEED = Path(__file__).parents[3] / "seeds" / "000_42a00ded27f26e66.txt"
HEADER = f"title: T\nsource: {SEED}\nquestions:\n"


def problems(tmp_path: Path, text: str, header: str = HEADER) -> list[tuple[int, int, str]]:
    path = tmp_path / "bank.yaml"
    path.write_text(header + text, encoding="utf-8")
    loaded = load_bank(path)
    assert (loaded.bank is None) == bool(loaded.problems)
    assert all(p.file == str(path) for p in loaded.problems)
    return [(p.line, p.column, p.message) for p in loaded.problems]


def only(tmp_path: Path, text: str, header: str = HEADER) -> tuple[int, int, str]:
    found = problems(tmp_path, text, header)
    assert len(found) == 1, found
    return found[0]


TEXT_Q = """  - id: q1
    type: text
    prompt: Name the training ground.
    answer: Kharb-Maidon
"""


def test_a_valid_bank_has_no_problems(tmp_path: Path) -> None:
    assert problems(tmp_path, TEXT_Q) == []


def test_the_shipped_sample_bank_is_valid() -> None:
    loaded = load_bank(Path(__file__).parents[2] / "data" / "banks" / "sample.yaml")
    assert loaded.problems == ()
    assert loaded.bank is not None and len(loaded.bank.questions) == 12


@pytest.mark.parametrize(
    ("raw", "where", "words"),
    [
        (b"", (1, 1), "empty"),
        (b"title: T\nquestions: \xff\n", (2, 12), "not UTF-8"),
        (b"title: [T\n", (1, 8), "the list or mapping opened here is not closed"),
        (b"- just\n- a list\n", (1, 1), "must be a mapping"),
        (b"title: T\n", (1, 1), "no 'questions'"),
        (b"title: T\nquestions: []\n", (2, 1), "non-empty list"),
        (b"titel: T\nquestions: [x]\n", (1, 1), "did you mean 'title'"),
        (b"title: T\nsource: [x]\nquestions: [x]\n", (2, 1), "'source' must be text"),
        (b"title: T\nquestions: []\n---\ntitle: U\n", (3, 1), "another document"),
        (b"\xef\xbb\xbftitle: T\nquestions:\n\t- id: a\n", (3, 1), "a tab character is used"),
    ],
)
def test_broken_files(tmp_path: Path, raw: bytes, where: tuple[int, int], words: str) -> None:
    path = tmp_path / "bank.yaml"
    path.write_bytes(raw)
    found = load_bank(path).problems
    assert found, "expected a problem"
    assert any((p.line, p.column) == where and words in p.message for p in found), found


@pytest.mark.parametrize(
    ("question", "where", "words"),
    [
        ("  - type: text\n    prompt: P?\n    answer: x\n", (4, 5), "no 'id'"),
        ("  - id: q\n    prompt: P?\n    answer: x\n", (4, 5), "no 'type'"),
        (
            "  - id: q\n    type: txt\n    prompt: P?\n    answer: x\n",
            (5, 5),
            "did you mean 'text'",
        ),
        ("  - id: Q 1\n    type: text\n    prompt: P?\n    answer: x\n", (4, 5), "slug"),
        ("  - id: q\n    type: text\n    prompt: P?\n", (4, 5), "has no 'answer'"),
        ("  - id: q\n    type: text\n    answer: x\n", (4, 5), "has no 'prompt'"),
        (
            "  - id: q\n    type: text\n    prompt: P?\n    answer: x\n    acept: [y]\n",
            (8, 5),
            "did you mean 'accept'",
        ),
        ("  - id: q\n    type: text\n    prompt: P?\n    answer: ~\n", (7, 5), "quote it"),
        ("  - id: q\n    type: text\n    prompt: P?\n    answer: [a, b]\n", (7, 5), "must be text"),
        (
            "  - id: q\n    type: text\n    prompt: P?\n    answer: x\n    typos: some\n",
            (8, 5),
            "whole number",
        ),
        (
            "  - id: q\n    type: choice\n    prompt: P?\n    choices: [a, b]\n    answer: c\n",
            (8, 5),
            "not one of the choices",
        ),
        (
            "  - id: q\n    type: choice\n    prompt: P?\n    choices: [a, b]\n"
            "    answer: [a, c]\n",
            (8, 17),
            "not one of the choices",
        ),
        (
            "  - id: q\n    type: choice\n    prompt: P?\n    choices: [a]\n    answer: a\n",
            (7, 5),
            "at least 2",
        ),
        (
            "  - id: q\n    type: truefalse\n    prompt: P?\n    answer: maybe\n",
            (7, 5),
            "true or false",
        ),
        (
            "  - id: q\n    type: quantity\n    prompt: P?\n    answer: 20 furlongz\n",
            (7, 5),
            "furlongz",
        ),
        ("  - id: q\n    type: quantity\n    prompt: P?\n    answer: '20'\n", (7, 5), "unit"),
        ("  - id: q\n    type: date\n    prompt: P?\n    answer: Aprilish\n", (7, 5), "date"),
        ("  - id: q\n    type: number\n    prompt: P?\n    answer: lots\n", (7, 5), "not a number"),
        (
            "  - id: q\n    type: text\n    prompt: P?\n    answer: x\n"
            "    quote: not in the text\n",
            (8, 5),
            "quote not found",
        ),
        ("  - id: q\n    type: cloze\n    text: no blanks here\n", (6, 5), "blank"),
        (
            "  - id: q\n    type: match\n    prompt: P?\n    pairs: [[a, b], [c]]\n",
            (7, 21),
            "two texts",
        ),
        (
            "  - id: q\n    type: text\n    prompt: Is it Kharb-Maidon?\n"
            "    answer: Kharb-Maidon\n",
            (6, 5),
            "gives away",
        ),
        ("  - just text\n", (4, 5), "must be a mapping"),
        (
            "  - id: q\n    type: text\n    prompt: P?\n    answer: '?!'\n",
            (7, 5),
            "no letters or digits",
        ),
        (
            "  - id: q\n    type: choice\n    prompt: P?\n    choices: [a, b]\n    answer: []\n",
            (8, 5),
            "lists no choice",
        ),
        (
            "  - id: q\n    type: card\n    front: F\n    back: B\n    check: {right: [a]}\n",
            (8, 12),
            "self-graded",
        ),
    ],
)
def test_question_problems(
    tmp_path: Path, question: str, where: tuple[int, int], words: str
) -> None:
    line, column, message = only(tmp_path, question)
    assert words in message and (line, column) == where, (line, column, message)


def test_duplicate_id_points_at_the_second(tmp_path: Path) -> None:
    line, column, message = only(tmp_path, TEXT_Q + TEXT_Q.replace("Kharb-Maidon", "Tajikistan"))
    assert (line, column) == (8, 5) and "already used" in message and "line 4" in message


def test_failing_check_example_points_at_the_example(tmp_path: Path) -> None:
    text = (
        TEXT_Q + "    check:\n      right: [Kharb, 'kharb maidon']\n      wrong: ['Kharb Maidan']\n"
    )
    found = problems(tmp_path, text)
    assert [(line, col) for line, col, _ in found] == [(9, 15), (10, 15)]
    assert "should grade right" in found[0][2] and "should grade wrong" in found[1][2]


def test_check_examples_are_taken_as_written(tmp_path: Path) -> None:
    text = (
        "  - id: q\n    type: text\n    prompt: Which version?\n    answer: '1.10'\n"
        "    check:\n      right: ['1.10']\n      wrong: [1.1]\n"
    )
    assert problems(tmp_path, text) == []


def test_all_problems_of_all_questions_at_once(tmp_path: Path) -> None:
    text = (
        "  - id: a\n    type: txt\n  - id: b\n    type: text\n    prompt: P?\n"
        "  - id: c\n    type: choice\n    prompt: P?\n    choices: [x, y]\n    answer: z\n"
    )
    assert [line for line, _, _ in problems(tmp_path, text)] == [5, 6, 13]


def test_missing_source_file(tmp_path: Path) -> None:
    line, _, message = only(tmp_path, TEXT_Q, header="title: T\nsource: nowhere.txt\nquestions:\n")
    assert line == 2 and "nowhere.txt" in message


def test_yaml_date_answer_is_a_date(tmp_path: Path) -> None:
    text = (
        "  - id: q\n    type: date\n    prompt: When?\n    answer: 2023-04-18\n"
        "    check:\n      right: ['18 April 2023']\n      wrong: ['18 April 2024']\n"
    )
    assert problems(tmp_path, text) == []


def test_an_id_that_gives_away_the_answer_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text(HEADER + TEXT_Q.replace("id: q1", "id: kharb-maidon"), encoding="utf-8")
    loaded = load_bank(path)
    assert loaded.ok and loaded.problems == ()
    assert [(w.line, w.column, w.warning) for w in loaded.warnings] == [(4, 5, True)]
    assert str(loaded.warnings[0]).startswith(f"{path}:4:5: warning: the id gives away")


def test_a_who_prompt_naming_the_family_name_gives_it_away(tmp_path: Path) -> None:
    question = (
        "  - id: q\n    type: who\n    prompt: What did Shoigu say?\n"
        "    quote: Their main goal is to spread radical ideas\n    answer: Sergei Shoigu\n"
    )
    line, column, message = only(tmp_path, question)
    assert (line, column) == (6, 5) and "'shoigu'" in message.lower()
