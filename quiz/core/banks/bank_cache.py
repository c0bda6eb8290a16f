"""Validated banks kept on disk, so a restart or a new worker skips parsing and validating.

An entry is found by the bank file's path and the SHA-256 of its bytes and of the app's
version; it also records the SHA-256 of the source article, since the quotes were checked
against it. A changed bank, article or version misses, and only banks that loaded without a
problem are kept. An entry that cannot be read is ignored and written again.

Entries are pickles. Pickle can run code while loading, so two things keep that shut: the
folder is the app's own (the instance folder, or the user's ~/.cache/quiz, created 0700 and
written only by this module, through a temporary file and os.replace), and the unpickler
below builds nothing but plain containers and the app's own dataclass records: no
function, and no class of any other module, can be named by an entry.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import pickle
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quiz.core.bank import Bank
from quiz.core.banks.problems import Problem
from quiz.core.collector import paused_collector

# Bumped when what an entry holds changes shape, beside the app's version.
_FORMAT = 1
_SUFFIX = ".bank-cache"
_BUILTINS = frozenset({"frozenset", "set", "slice", "complex", "bytearray", "range"})


@dataclass(frozen=True)
class CachedBank:
    """What a cache entry gives back: the valid bank, the warnings it loaded with, and the
    article its quotes were found in."""

    bank: Bank
    warnings: tuple[Problem, ...]
    article: Path | None


@dataclass(frozen=True)
class BankCache:
    """A folder of validated banks; `version` names the code that validated them."""

    folder: Path
    version: str

    def get(self, path: Path, content: bytes) -> CachedBank | None:
        """The bank cached for this exact file content, or None (then parse it)."""
        entry = self._entry_path(path, content)
        try:
            stored = _unpickle(entry.read_bytes())
        except FileNotFoundError:
            return None
        except Exception:  # noqa: BLE001 - unreadable or corrupt: parsing again is the answer
            return None
        return self._checked(stored, path, content)

    def put(self, path: Path, content: bytes, cached: CachedBank) -> None:
        """Keep a validated bank; failing to write only costs the next start its time."""
        stored = {
            "format": _FORMAT,
            "version": self.version,
            "path": str(path),
            "content": _digest(content),
            "article": None if cached.article is None else str(cached.article),
            "article_digest": _article_digest(cached.article),
            "bank": cached.bank,
            "warnings": cached.warnings,
        }
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            _write_atomically(self._entry_path(path, content), pickle.dumps(stored, protocol=5))
            self._remove_older(path, content)
        except OSError:
            return  # a read-only or full disk: the bank is still served, just not cached

    def _checked(self, stored: Any, path: Path, content: bytes) -> CachedBank | None:
        if not isinstance(stored, dict):
            return None
        expected = {
            "format": _FORMAT,
            "version": self.version,
            "path": str(path),
            "content": _digest(content),
        }
        if any(stored.get(key) != value for key, value in expected.items()):
            return None
        bank, warnings, article = stored.get("bank"), stored.get("warnings"), stored.get("article")
        if not isinstance(bank, Bank) or not isinstance(warnings, tuple):
            return None
        article_path = Path(article) if isinstance(article, str) else None
        if stored.get("article_digest") != _article_digest(article_path):
            return None  # the article changed: its quotes must be found again
        return CachedBank(bank, warnings, article_path)

    def _entry_path(self, path: Path, content: bytes) -> Path:
        key = _digest(f"{_FORMAT}\0{self.version}\0".encode() + content)
        return self.folder / f"{_path_key(path)}-{key[:32]}{_SUFFIX}"

    def _remove_older(self, path: Path, content: bytes) -> None:
        """One entry per bank file: the versions it had before are never asked for again."""
        current = self._entry_path(path, content)
        for old in self.folder.glob(f"{_path_key(path)}-*{_SUFFIX}"):
            if old != current:
                old.unlink(missing_ok=True)


class _SafeUnpickler(pickle.Unpickler):
    """Builds only plain data and the app's own records (see the module's docstring)."""

    def find_class(self, module: str, name: str) -> Any:
        if module == "builtins" and name in _BUILTINS:
            return super().find_class(module, name)
        if module.startswith("quiz.core."):
            found = super().find_class(module, name)
            if isinstance(found, type) and dataclasses.is_dataclass(found):
                return found
        raise pickle.UnpicklingError(f"a bank cache entry may not hold {module}.{name}")


def _unpickle(data: bytes) -> Any:
    with paused_collector():  # a 3x faster load of a large bank, measured
        return _SafeUnpickler(io.BytesIO(data)).load()


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _path_key(path: Path) -> str:
    return _digest(str(path).encode())[:16]


def _article_digest(article: Path | None) -> str | None:
    if article is None:
        return None
    try:
        return _digest(article.read_bytes())
    except OSError:
        return "unreadable"  # never equal to a digest: the bank is loaded again, and fails


def _write_atomically(target: Path, data: bytes) -> None:
    # A reader sees the old entry or the whole new one, never half of it.
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
