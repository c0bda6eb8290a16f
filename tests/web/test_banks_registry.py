"""The banks registry: edited files are reloaded (at most once per interval), a file an edit
broke keeps serving its last good version while its problems are shown, and a missing bank or
question is one 404 that names it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.exceptions import NotFound

from quiz.core.banks.bank_cache import BankCache, CachedBank
from quiz.web.banks_registry import BanksRegistry, bank_or_404, question_or_404

AppMaker = Callable[..., Flask]

SAMPLE = Path(__file__).parents[1] / "data" / "banks" / "sample.yaml"
SEED = Path(__file__).parents[2] / "seeds" / "000_42a00ded27f26e66.txt"


def folder(tmp_path: Path) -> Path:
    banks = tmp_path / "banks"
    banks.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace("source: ../../../seeds/000_42a00ded27f26e66.txt", f"source: {SEED}")
    (banks / "sample.yaml").write_text(text, encoding="utf-8")
    return banks


def edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def test_a_broken_edit_keeps_the_last_good_version_serving(tmp_path: Path) -> None:
    banks = folder(tmp_path)
    registry = BanksRegistry(banks, check_seconds=60)
    good = registry.get("sample")
    assert good is not None and registry.broken == []

    edit(banks / "sample.yaml", "type: choice", "type: choise")
    assert registry.refresh(force=True)
    assert registry.get("sample") is good  # learners keep the version they had
    assert registry.serves_older_version("sample")
    [broken] = registry.broken  # authors see the file as it is now
    assert broken.bank_id == "sample"
    assert "unknown question type 'choise' (did you mean 'choice'?)" in broken.problems[0].message

    edit(banks / "sample.yaml", "type: choise", "type: choice")
    edit(banks / "sample.yaml", "title: Sample bank", "title: Fixed bank")
    assert registry.refresh(force=True)
    fixed = registry.get("sample")
    assert fixed is not None and fixed.title == "Fixed bank"
    assert not registry.serves_older_version("sample") and registry.broken == []


def test_a_file_broken_from_the_start_or_removed_is_not_served(tmp_path: Path) -> None:
    banks = folder(tmp_path)
    (banks / "new.yaml").write_text("title: New\nquestions: []\n", encoding="utf-8")
    registry = BanksRegistry(banks, check_seconds=60)
    assert registry.get("new") is None and not registry.serves_older_version("new")
    assert registry.path_of("new") == banks / "new.yaml"
    (banks / "sample.yaml").unlink()
    assert registry.refresh(force=True)
    assert registry.get("sample") is None and registry.path_of("sample") is None


def test_files_are_looked_at_no_more_than_once_per_interval(tmp_path: Path) -> None:
    banks = folder(tmp_path)
    registry = BanksRegistry(banks, check_seconds=60)
    edit(banks / "sample.yaml", "title: Sample bank", "title: Renamed bank")
    assert not registry.refresh()  # too soon: the old bank still serves
    assert registry.banks["sample"].title == "Sample bank"
    registry.check_seconds = 0
    assert registry.refresh() and registry.banks["sample"].title == "Renamed bank"
    assert not registry.refresh()  # nothing changed since


def test_an_unchanged_folder_is_not_reloaded(tmp_path: Path) -> None:
    banks = folder(tmp_path)
    registry = BanksRegistry(banks, check_seconds=0)
    before = registry.get("sample")
    shutil.copy(banks / "sample.yaml", tmp_path / "elsewhere.yaml")  # outside the folder
    assert not registry.refresh() and registry.get("sample") is before


def test_a_second_worker_takes_validated_banks_from_the_cache(tmp_path: Path) -> None:
    banks = folder(tmp_path)
    cache = BankCache(tmp_path / "bank-cache", version="test")
    [loaded] = BanksRegistry(banks, check_seconds=60, cache=cache).loaded
    first = loaded.bank
    assert first is not None and loaded.article is not None
    # Mark the cached copy: a registry that shows the mark took it instead of parsing.
    path = banks / "sample.yaml"
    cache.put(
        path, path.read_bytes(), CachedBank(replace(first, title="Cached"), (), loaded.article)
    )
    second = BanksRegistry(banks, check_seconds=60, cache=cache)
    assert second.banks["sample"].title == "Cached"
    edit(path, "title: Sample bank", "title: Edited bank")
    assert second.refresh(force=True) and second.banks["sample"].title == "Edited bank"


def test_the_app_keeps_its_bank_cache_in_the_instance_folder(make_app: AppMaker) -> None:
    app = make_app()
    cache_dir = Path(app.config["BANK_CACHE_DIR"])
    assert cache_dir.parent == Path(app.instance_path)
    assert any(cache_dir.iterdir())
    assert make_app(BANK_CACHE_DIR="").extensions["quiz.banks"].cache is None


@pytest.mark.parametrize(
    ("bank_id", "question_id", "options", "message"),
    [
        ("nope", "q1", {}, "There is no bank called “nope”: the home page lists them."),
        ("exam", "exam-country", {"practice": True}, "There is no bank called “exam”"),
        ("sample", "nope", {}, "The bank “sample” has no question “nope”"),
        ("sample", "csto-card", {"quiz_only": True}, "has no quiz question “csto-card”"),
        ("sample", "nope", {"listed": "see X"}, "has no question “nope”"),
        ("nope", "q1", {"listed": "see X"}, "There is no bank called “nope”: see X."),
    ],
)
def test_a_missing_bank_or_question_is_a_404_that_names_it(
    app: Flask, bank_id: str, question_id: str, options: dict[str, Any], message: str
) -> None:
    with app.test_request_context(), pytest.raises(NotFound) as refused:
        question_or_404(bank_id, question_id, **options)
    assert message in str(refused.value.description)


@pytest.mark.parametrize(
    ("bank_id", "question_id", "options"),
    [
        ("exam", "exam-country", {}),  # exams are served; only practice leaves them out
        ("sample", "csto-card", {}),  # a card is a question; only a quiz leaves it out
        ("sample", "drills-country", {"practice": True, "quiz_only": True}),
    ],
)
def test_a_served_bank_and_question_are_found(
    app: Flask, bank_id: str, question_id: str, options: dict[str, Any]
) -> None:
    with app.test_request_context():
        bank, question = question_or_404(bank_id, question_id, **options)
        assert (bank.id, question.id) == (bank_id, question_id)
        assert bank_or_404(bank_id, options.get("practice", False)) is bank
