"""Loading bank files: a path that cannot be read is one problem, not a traceback; folders are
searched for banks; each problem becomes the record `quiz validate --json` prints."""

from __future__ import annotations

import time
from pathlib import Path

from quiz.core.banks.loading import MAX_BANK_BYTES, bank_paths, load_bank


def test_a_path_that_cannot_be_read_is_one_problem_at_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "bank.yaml"  # a folder where a file was expected
    folder.mkdir()
    loaded = load_bank(folder)
    assert loaded.bank is None
    assert [str(problem) for problem in loaded.problems] == [
        f"{folder}:0:0: cannot read the file: Is a directory"
    ]


def test_files_are_taken_as_named_and_folders_searched_for_yaml(tmp_path: Path) -> None:
    for name in ("b.yaml", "a.yml", "notes.txt", "sub/c.yaml"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("title: T\n", encoding="utf-8")
    named = tmp_path / "notes.txt"
    assert bank_paths([named, tmp_path]) == [named, tmp_path / "a.yml", tmp_path / "b.yaml"]


def test_a_problem_as_a_record(tmp_path: Path) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text("title: T\nquestions: []\n", encoding="utf-8")
    assert [problem.to_dict() for problem in load_bank(path).problems] == [
        {
            "file": str(path),
            "line": 2,
            "column": 1,
            "message": "'questions' must be a non-empty list of questions, each a mapping "
            "starting with '- id: ...'",
        }
    ]


def test_a_file_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    # A 10 MB bank took ten seconds and 800 MB to read; it is refused at once instead.
    big = tmp_path / "big.yaml"
    row = "  - {id: q, type: text, prompt: p, answer: a}\n"
    big.write_text("title: T\nquestions:\n" + row * (MAX_BANK_BYTES // len(row) + 1))
    started = time.perf_counter()
    loaded = load_bank(big)
    assert time.perf_counter() - started < 1  # a bound, not a benchmark
    assert [str(problem) for problem in loaded.problems] == [
        f"{big}:1:1: the file is over 5 MB: split it into several banks"
    ]


def test_a_file_that_never_ends_is_refused(tmp_path: Path) -> None:
    endless = tmp_path / "endless.yaml"
    endless.symlink_to("/dev/zero")  # read_bytes() never returned
    loaded = load_bank(endless)
    assert loaded.bank is None and "over 5 MB" in loaded.problems[0].message
