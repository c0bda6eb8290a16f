"""Adding a text to a list inside a question, on layouts the shipped banks don't use: each edit
touches only what it adds, and what it cannot do that way it refuses with the reason."""

from __future__ import annotations

import pytest

from quiz.core.banks.yaml_editing import KeyPath, YamlEditError, add_to_lists

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
