"""The cache of validated banks: a hit skips parsing, any change misses, a bad entry is parsed
over, and an entry can name none of Python's callables."""

from __future__ import annotations

import os
import pickle
from dataclasses import replace
from pathlib import Path

import pytest

from quiz.core.banks.bank_cache import BankCache, CachedBank
from quiz.core.banks.loading import LoadedBank, load_bank

ARTICLE = "The drills ran for four days. They were held about 20 kilometers from the border.\n"
BANK = """title: Drills
source: article.txt
questions:
  - {id: n, type: number, prompt: How many days did the drills run?, answer: 4,
     quote: The drills ran for four days}
  - {id: q, type: quantity, prompt: How far from the border?, answer: 20 km,
     quote: about 20 kilometers from the border}
  - {id: c, type: choice, prompt: Pick one., choices: [a, b], answer: a}
"""
MARKED = "From the cache"


def write_bank(folder: Path, text: str = BANK) -> Path:
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    path = folder / "bank.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def plant_marked_entry(path: Path, cache: BankCache) -> None:
    """Cache a version of the bank with another title: whoever sees it took the cache."""
    loaded = load_bank(path)
    assert loaded.ok and loaded.bank is not None
    cache.put(
        path, path.read_bytes(), CachedBank(replace(loaded.bank, title=MARKED), (), loaded.article)
    )


def only_entry(cache: BankCache) -> Path:
    (entry,) = cache.folder.iterdir()
    return entry


@pytest.fixture
def cache(tmp_path: Path) -> BankCache:
    return BankCache(tmp_path / "cache", version="1.0")


def test_a_loaded_bank_comes_back_from_the_cache_equal(tmp_path: Path, cache: BankCache) -> None:
    path = write_bank(tmp_path)
    first = load_bank(path, cache)
    second = load_bank(path, cache)
    assert first.ok and second.ok
    assert second.bank == first.bank
    assert second.bank is not None and first.bank is not None
    assert [q.key for q in second.bank.questions] == [q.key for q in first.bank.questions]
    assert second.bank.questions[1].source_sentence == first.bank.questions[1].source_sentence


def test_a_hit_skips_parsing(tmp_path: Path, cache: BankCache) -> None:
    path = write_bank(tmp_path)
    plant_marked_entry(path, cache)
    loaded = load_bank(path, cache)
    assert loaded.bank is not None and loaded.bank.title == MARKED


def test_a_one_byte_change_misses(tmp_path: Path, cache: BankCache) -> None:
    path = write_bank(tmp_path)
    plant_marked_entry(path, cache)
    path.write_text(BANK.replace("Drills", "Drilss"), encoding="utf-8")
    loaded = load_bank(path, cache)
    assert loaded.bank is not None and loaded.bank.title == "Drilss"
    assert len(list(cache.folder.iterdir())) == 1  # the old version's entry is gone


def test_a_changed_article_misses(tmp_path: Path, cache: BankCache) -> None:
    path = write_bank(tmp_path)
    plant_marked_entry(path, cache)
    (tmp_path / "article.txt").write_text(ARTICLE.replace("four", "five"), encoding="utf-8")
    loaded = load_bank(path, cache)
    assert not loaded.ok
    assert "quote not found" in loaded.problems[0].message


def test_another_version_misses(tmp_path: Path, cache: BankCache) -> None:
    path = write_bank(tmp_path)
    plant_marked_entry(path, cache)
    loaded = load_bank(path, BankCache(cache.folder, version="1.1"))
    assert loaded.bank is not None and loaded.bank.title == "Drills"


def test_the_same_content_at_another_path_misses(tmp_path: Path, cache: BankCache) -> None:
    path = write_bank(tmp_path)
    plant_marked_entry(path, cache)
    (tmp_path / "other").mkdir()
    loaded = load_bank(write_bank(tmp_path / "other"), cache)
    assert loaded.bank is not None and loaded.bank.title == "Drills"


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not a pickle at all",
        pickle.dumps({"format": 1}),
        pickle.dumps(Path("/")),  # a class, but not one of the app's records
    ],
)
def test_a_damaged_entry_is_parsed_over(tmp_path: Path, cache: BankCache, damage: bytes) -> None:
    path = write_bank(tmp_path)
    plant_marked_entry(path, cache)
    entry = only_entry(cache)
    entry.write_bytes(damage)
    loaded = load_bank(path, cache)
    assert loaded.bank is not None and loaded.bank.title == "Drills"
    assert entry.read_bytes() != damage  # written again, whole


class _MakesAFolder:
    """Unpickled by a trusting unpickler, this would call os.mkdir."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.mkdir, (str(self.target),))


def test_an_entry_cannot_call_anything(tmp_path: Path, cache: BankCache) -> None:
    path = write_bank(tmp_path)
    plant_marked_entry(path, cache)
    target = tmp_path / "made-by-the-entry"
    only_entry(cache).write_bytes(pickle.dumps({"bank": _MakesAFolder(target)}))
    loaded = load_bank(path, cache)
    assert not target.exists()
    assert loaded.bank is not None and loaded.bank.title == "Drills"


def test_a_truncated_entry_is_parsed_over(tmp_path: Path, cache: BankCache) -> None:
    path = write_bank(tmp_path)
    plant_marked_entry(path, cache)
    entry = only_entry(cache)
    entry.write_bytes(entry.read_bytes()[:-20])
    assert load_bank(path, cache).bank.title == "Drills"  # type: ignore[union-attr]


def test_a_broken_bank_is_not_cached(tmp_path: Path, cache: BankCache) -> None:
    path = write_bank(tmp_path, BANK.replace("answer: a}", "answer: z}"))
    loaded: LoadedBank = load_bank(path, cache)
    assert not loaded.ok
    assert not cache.folder.exists() or not list(cache.folder.iterdir())


def test_an_unwritable_folder_still_loads(tmp_path: Path) -> None:
    path = write_bank(tmp_path)
    (tmp_path / "file").write_text("in the way", encoding="utf-8")
    loaded = load_bank(path, BankCache(tmp_path / "file" / "cache", version="1.0"))
    assert loaded.ok
