"""YAML mistakes an author makes less often, each one message at its FILE:LINE:COL in the
author's terms (the commoner ones are in test_author_messages.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.banks.loading import load_bank

QUESTION = "  - id: q\n    type: text\n    prompt: P?\n    answer: x\n"  # lines 3-6


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "title: T\nquestions:\n  - id: q\n    type: text\n    prompt: P?\n    # a note\n\n"
            "     answer: x\n",
            # The comment ends the prompt's text, so the deeper key matches no level; the
            # comment and the blank line are passed over to name the line above with content.
            "8:6: this line is indented 5 spaces, which matches no level above it (line 5 has "
            "4): line it up with the keys it belongs with",
            id="deeper-after-a-comment-and-a-blank-line",
        ),
        pytest.param(
            "title: T\nquestions:\n" + QUESTION + "   - id: r\n",
            "7:4: this list item's '- ' is at column 4, but the list's items (from line 3) "
            "start at column 3: move it to column 3",
            id="dash-one-column-right",
        ),
        pytest.param(
            "title: T\nquestions: @all\n",
            "2:12: a YAML value cannot start with '@': put the whole value in quotes",
            id="reserved-first-character",
        ),
        pytest.param(
            # A '? ' explicit key is rare enough that PyYAML's own words are kept.
            "title: T\nquestions:\n" + QUESTION + "  ? r\n",
            "7:3: YAML syntax error: while parsing a block collection did not find expected "
            "'-' indicator",
            id="explicit-key-in-a-list",
        ),
        pytest.param(
            "title: T\n? [a, b]\n: c\nquestions:\n" + QUESTION,
            "2:3: a key must be plain text, not a list or mapping",
            id="list-as-a-key",
        ),
        pytest.param(
            "title: T\nquestions:\n  - <<: hello\n    id: q\n    type: text\n    prompt: P?\n"
            "    answer: x\n",
            "3:5: '<<' merges a mapping (or a list of them)",
            id="merging-text",
        ),
    ],
)
def test_a_rare_yaml_mistake_is_one_message_at_its_place(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text(text, encoding="utf-8")
    assert [str(problem) for problem in load_bank(path).problems] == [f"{path}:{expected}"]


@pytest.mark.parametrize("merge", ["*base", "[*base]"], ids=["mapping", "list-of-mappings"])
def test_a_question_can_merge_another_and_override_its_keys(tmp_path: Path, merge: str) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text(
        "title: T\nquestions:\n  - &base {id: q, type: text, prompt: P?, answer: Dushanbe}\n"
        f"  - <<: {merge}\n    id: r\n    answer: Khujand\n",
        encoding="utf-8",
    )
    bank = load_bank(path).bank
    assert bank is not None
    assert [(q.id, q.prompt, q.fields["answer"]) for q in bank.questions] == [
        ("q", "P?", "Dushanbe"),
        ("r", "P?", "Khujand"),
    ]
