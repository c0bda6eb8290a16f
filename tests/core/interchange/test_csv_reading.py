"""CSV read into cards or typed-answer questions: header, BOM, quoted newlines, bad rows."""

from __future__ import annotations

import pytest
from validating import validate_text

from quiz.core.interchange.bank_building import build_bank
from quiz.core.interchange.csv_reading import read_csv
from quiz.core.interchange.records import InterchangeError


def test_rows_become_cards_with_tags_and_line_numbers() -> None:
    raw = (
        "\ufefffront,back,tags\n"
        "Capital of France?,Paris,geography europe\n"
        '"Two\nlines?","Yes, two",\n'
        'Capital of Peru?,Lima,"geography, americas"\n'
    ).encode()
    drafts = read_csv(raw, "T").drafts
    assert [d.fields for d in drafts] == [
        {"type": "card", "front": "Capital of France?", "back": "Paris",
         "tags": ["geography", "europe"]},
        {"type": "card", "front": "Two\nlines?", "back": "Yes, two"},
        {"type": "card", "front": "Capital of Peru?", "back": "Lima",
         "tags": ["geography", "americas"]},
    ]  # fmt: skip
    assert [d.where for d in drafts] == ["2", "3", "5"]


def test_as_text_makes_typed_answer_questions_that_validate() -> None:
    raw = b"front,back\nCapital of France?,Paris\nCapital of Peru?,Lima\n"
    imported = read_csv(raw, "Capitals", as_text=True)
    assert imported.drafts[0].fields == {
        "type": "text", "prompt": "Capital of France?", "answer": "Paris"
    }  # fmt: skip
    built = build_bank(imported, "capitals.csv")
    assert validate_text(built.text, "capitals.yaml") == [] and built.question_count == 2


def test_columns_are_found_by_name_as_our_export_writes_them() -> None:
    raw = b"id,type,front,answer,explanation,source_sentence,tags\nq,card,F?,B,Why.,S,t1 t2\n"
    (draft,) = read_csv(raw, "T").drafts
    assert draft.fields == {
        "type": "card", "front": "F?", "back": "B", "explanation": "Why.", "tags": ["t1", "t2"]
    }  # fmt: skip


def test_rows_without_a_side_are_skipped_with_a_note() -> None:
    imported = read_csv(b"front,back\nF?,\n\n,B\nok?,yes\n", "T")
    assert [d.where for d in imported.drafts] == ["5"]
    assert imported.notes == [
        ("2", "skipped: the row has no back"), ("4", "skipped: the row has no front")
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("raw", "where", "message"),
    [
        (b"", "1", "empty"),
        (b"only\nrow\n", "1", "two columns"),
        (b'front,back\na,"b\n', "2", "not valid CSV"),
        (b"front,back\na,b\xff\n", "2", "not UTF-8"),
        (b"front,back\na\x00,b\n", "2", "not a text file"),
    ],
)
def test_malformed_csv_reports_a_line(raw: bytes, where: str, message: str) -> None:
    with pytest.raises(InterchangeError, match=message) as caught:
        read_csv(raw, "T")
    assert caught.value.where == where
