"""Cache entries that are not what the cache wrote, banks without an article, and a write that
fails halfway: each is a miss (the bank is parsed again), never a traceback or a stray file."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.core.banks.bank_cache import BankCache
from quiz.core.banks.loading import load_bank
from quiz.core.errors import QuizError

ARTICLE = "The drills ran for four days.\n"
BANK = (
    "title: Drills\nsource: article.txt\nquestions:\n"
    "  - {id: n, type: number, prompt: How many days?, answer: 4,\n"
    "     quote: The drills ran for four days}\n"
)
SOURCELESS = (
    "title: Drills\nquestions:\n"
    "  - {id: c, type: choice, prompt: Pick., choices: [a, b], answer: a}\n"
)


def cached_once(tmp_path: Path, text: str = BANK) -> tuple[Path, BankCache, Path]:
    """A bank loaded once through a fresh cache: its path, the cache and its one entry."""
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "bank.yaml"
    path.write_text(text, encoding="utf-8")
    cache = BankCache(tmp_path / "cache", version="1.0")
    assert load_bank(path, cache).ok
    (entry,) = cache.folder.iterdir()
    return path, cache, entry


def retitled(entry: Path, title: str) -> None:
    """Mark the entry, so a load that takes it shows `title`."""
    stored = pickle.loads(entry.read_bytes())  # the test's own entry
    stored["bank"] = stored["bank"].__class__(**{**stored["bank"].__dict__, "title": title})
    entry.write_bytes(pickle.dumps(stored))


def test_a_bank_without_an_article_is_taken_from_the_cache(tmp_path: Path) -> None:
    path, cache, entry = cached_once(tmp_path, SOURCELESS)
    retitled(entry, "From the cache")
    loaded = load_bank(path, cache)
    assert loaded.bank is not None and loaded.bank.title == "From the cache"
    assert loaded.article is None


def test_an_article_gone_since_misses_and_the_bank_reports_it(tmp_path: Path) -> None:
    path, cache, _ = cached_once(tmp_path)
    (tmp_path / "article.txt").unlink()
    loaded = load_bank(path, cache)
    assert not loaded.ok
    assert loaded.problems and "article.txt" in loaded.problems[0].message


def _without_bank(entry: Path) -> bytes:
    stored = pickle.loads(entry.read_bytes())  # the test's own entry
    return pickle.dumps({**stored, "bank": "a text, not a bank"})


@pytest.mark.parametrize(
    "stored",
    [
        lambda entry: pickle.dumps(range(3)),  # a builtin the unpickler allows, not a mapping
        lambda entry: pickle.dumps(QuizError("x")),  # the app's own class, but no record
        _without_bank,  # every key right but the bank
    ],
    ids=["range", "not-a-dataclass", "bank-not-a-bank"],
)
def test_an_entry_that_is_not_a_cached_bank_is_parsed_over(
    tmp_path: Path, stored: Callable[[Path], bytes]
) -> None:
    path, cache, entry = cached_once(tmp_path)
    damaged = stored(entry)
    entry.write_bytes(damaged)
    loaded = load_bank(path, cache)
    assert loaded.ok and loaded.bank is not None and loaded.bank.title == "Drills"
    assert entry.read_bytes() != damaged  # written again, whole


def test_an_entry_that_cannot_be_replaced_leaves_no_temporary_file(tmp_path: Path) -> None:
    path, cache, entry = cached_once(tmp_path)
    entry.unlink()
    entry.mkdir()  # os.replace cannot put a file where a folder stands
    assert load_bank(path, cache).ok
    assert [p.name for p in cache.folder.iterdir()] == [entry.name]
