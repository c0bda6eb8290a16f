"""Adding a text to a list inside a question, on layouts the shipped banks don't use: each edit
touches only what it adds, and what it cannot do that way it refuses with the reason."""

from __future__ import annotations

import pytest

from quiz.core.banks.yaml_editing import (
    KeyPath,
    YamlEditError,
    add_to_lists,
    added_items,
    plain_data,
)

Q = "questions:\n  - id: q\n    type: text\n    answer: Kharb\n"
ACCEPT: KeyPath = ("accept",)
RIGHT: KeyPath = ("check", "right")


@pytest.mark.parametrize(
    ("text", "keys", "expected"),
    [
        (Q + "    accept: []\n", ACCEPT, Q + "    accept: [camp]\n"),
        (
            Q + "    check: {wrong: [x]}\n",
            RIGHT,
            Q + "    check: {right: [camp], wrong: [x]}\n",
        ),
        (
            "questions:\n  - {id: q, type: text, answer: Kharb}\n",
            RIGHT,
            "questions:\n  - {check: {right: [camp]}, id: q, type: text, answer: Kharb}\n",
        ),
        (
            Q + "    tags: [x]",  # no newline at the end of the file
            RIGHT,
            Q + "    tags: [x]\n    check:\n      right: [camp]\n",
        ),
        (
            Q + "    accept:\n      -   a\n",  # the item's own spacing after the dash is kept
            ACCEPT,
            Q + "    accept:\n      -   a\n      -   camp\n",
        ),
        (
            Q + "    check:\n      wrong: [x]\n",  # 'right' goes first, above 'wrong'
            RIGHT,
            Q + "    check:\n      right: [camp]\n      wrong: [x]\n",
        ),
        (
            Q + "    tags:\n      - x\n",  # after the last item of a block list
            RIGHT,
            Q + "    tags:\n      - x\n    check:\n      right: [camp]\n",
        ),
        (
            Q + "    explanation: |\n      Long.\n\n\n",  # the blank lines stay below
            RIGHT,
            Q + "    explanation: |\n      Long.\n    check:\n      right: [camp]\n\n\n",
        ),
        (
            "questions:\n  - a note, not a question\n" + Q.removeprefix("questions:\n"),
            ACCEPT,
            "questions:\n  - a note, not a question\n"
            + Q.removeprefix("questions:\n")
            + "    accept: [camp]\n",
        ),
        (Q + "    accept: !!seq []\n", ACCEPT, Q + "    accept: !!seq [camp]\n"),
    ],
)
def test_an_addition_changes_only_what_it_adds(text: str, keys: KeyPath, expected: str) -> None:
    assert add_to_lists(text, "q", [(keys, "camp")]) == expected


@pytest.mark.parametrize(
    ("text", "question_id", "keys", "reason"),
    [
        (Q + "    accept:\n", "q", ACCEPT, "'accept' is empty: give it a list"),
        (Q + "    accept: x\n", "q", ACCEPT, "'accept' is not a list"),
        (Q + "    check: [a]\n", "q", RIGHT, "'check' is not a mapping"),
        (Q + "    accept:\n      - {a: b}\n", "q", ACCEPT, "the list holds lists or mappings"),
        (
            Q + "    accept:\n      -\n        a\n",
            "q",
            ACCEPT,
            "the list's first item does not start its own '- ' line",
        ),
        (
            Q + "    check:\n      ? wrong\n      : [x]\n",
            "q",
            RIGHT,
            "the mapping does not start on its own line",
        ),
        ("questions: {q: x}\n", "q", ACCEPT, "the file has no question with id 'q'"),
        (Q, "q", (), "no key given"),
        (Q, "nope", ACCEPT, "the file has no question with id 'nope'"),
        ("- a\n- b\n", "q", ACCEPT, "the file is not a bank (a mapping with 'questions')"),
        ("questions: [\n", "q", ACCEPT, "the file is not valid YAML"),
    ],
)
def test_an_addition_it_cannot_make_cleanly_is_refused(
    text: str, question_id: str, keys: KeyPath, reason: str
) -> None:
    with pytest.raises(YamlEditError) as refused:
        add_to_lists(text, question_id, [(keys, "camp")])
    assert str(refused.value).startswith(reason)


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("camp", "camp"),
        ("no", '"no"'),  # a boolean to YAML 1.1 tools
        ("2023-04-18", '"2023-04-18"'),  # a date to them
        ("2023-02-30", '"2023-02-30"'),  # no such day: PyYAML raises ValueError, not YAMLError
        ("=", '"="'),  # a value key to PyYAML, which cannot build it
    ],
)
def test_a_value_is_quoted_unless_every_yaml_tool_reads_it_back_as_text(
    value: str, written: str
) -> None:
    edited = add_to_lists(Q + "    accept: []\n", "q", [(ACCEPT, value)])
    assert edited == Q + f"    accept: [{written}]\n"


def test_an_edit_that_does_not_read_back_is_refused() -> None:
    with pytest.raises(YamlEditError) as refused:
        plain_data("questions: [\n")
    assert str(refused.value).startswith("the edited file does not read back: ")


def test_the_expected_data_needs_the_question() -> None:
    with pytest.raises(YamlEditError) as refused:
        added_items({"questions": [{"id": "r"}]}, "q", [(ACCEPT, "camp")])
    assert str(refused.value) == "the file has no question with id 'q'"
