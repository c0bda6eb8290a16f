"""Writing an accepted answer and undoing it when the file system or the file is not as
expected: each is a refusal that names the file and leaves it as it was, never a traceback."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from quiz.core.banks.accepting import AcceptRefusedError
from quiz.core.banks.editing import (
    NothingToUndoError,
    accept_answer,
    file_hash,
    undo_last_edit,
    undo_path,
)

BANK = (
    "title: T\nquestions:\n  - id: ground\n    type: text\n    prompt: Where?\n"
    "    answer: Kharb-Maidon\n"
)


def write(tmp_path: Path, text: str = BANK) -> Path:
    path = tmp_path / "drills.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_bank_that_cannot_be_read_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "drills.yaml"
    path.mkdir()  # a folder where the bank was
    with pytest.raises(AcceptRefusedError) as refused:
        accept_answer(path, "ground", "Kharb camp", expected_hash="0" * 64)
    assert str(refused.value) == "cannot read drills.yaml: Is a directory"


def test_a_bank_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "drills.yaml"
    raw = BANK.encode("utf-8").replace(b"Where?", b"Where\xff")
    path.write_bytes(raw)
    with pytest.raises(AcceptRefusedError) as refused:
        accept_answer(path, "ground", "Kharb camp", expected_hash=hashlib.sha256(raw).hexdigest())
    assert str(refused.value).startswith("drills.yaml is not UTF-8: 'utf-8' codec can't decode")
    assert path.read_bytes() == raw


def test_when_the_bank_cannot_be_replaced_its_undo_record_goes_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path)
    replace = os.replace

    def refuse_the_bank(source: str, target: str | Path) -> None:
        if Path(target) == path:  # the undo record is written, then the bank is refused
            raise OSError(30, "Read-only file system")
        replace(source, target)

    monkeypatch.setattr(os, "replace", refuse_the_bank)  # the file system, an outside edge
    with pytest.raises(AcceptRefusedError) as refused:
        accept_answer(path, "ground", "Kharb camp", expected_hash=file_hash(path))
    assert str(refused.value).startswith("cannot write drills.yaml (Read-only file system): ")
    assert path.read_text(encoding="utf-8") == BANK
    assert [p.name for p in tmp_path.iterdir()] == ["drills.yaml"]  # no record, no temp file


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ("{not json", "the undo record of drills.yaml cannot be read: Expecting property name"),
        ('["before", "after_hash"]', "the undo record of drills.yaml is not one this app wrote"),
        ('{"before": "x"}', "the undo record of drills.yaml is not one this app wrote"),
    ],
    ids=["not-json", "a-list", "no-hash"],
)
def test_an_undo_record_the_app_did_not_write_is_refused(
    tmp_path: Path, record: str, message: str
) -> None:
    path = write(tmp_path)
    undo_path(path).write_text(record, encoding="utf-8")
    with pytest.raises(NothingToUndoError) as refused:
        undo_last_edit(path)
    assert str(refused.value).startswith(message)
    assert path.read_text(encoding="utf-8") == BANK


def test_an_accepted_impossible_date_is_written_quoted(tmp_path: Path) -> None:
    # PyYAML reads an unquoted 2023-02-30 as a date with no such day, and raised ValueError.
    path = write(tmp_path)
    accept_answer(path, "ground", "2023-02-30", expected_hash=file_hash(path))
    assert path.read_text(encoding="utf-8") == BANK + (
        '    accept: ["2023-02-30"]\n    check:\n      right: ["2023-02-30"]\n'
    )


def test_a_question_built_by_merging_another_is_left_to_the_author(tmp_path: Path) -> None:
    # Its 'accept' comes from the merged question: a new key here would replace that list.
    text = (
        "title: T\nquestions:\n"
        "  - &base {id: q, type: text, prompt: Where?, answer: Kharb, accept: [camp]}\n"
        "  - <<: *base\n    id: r\n"
    )
    path = write(tmp_path, text)
    with pytest.raises(AcceptRefusedError) as refused:
        accept_answer(path, "r", "Kharb Maidon", expected_hash=file_hash(path))
    assert str(refused.value) == (
        "cannot edit 'r' safely (the edit would change more than the added answer): "
        "add the answer by hand"
    )
    assert path.read_text(encoding="utf-8") == text
