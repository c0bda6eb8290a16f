"""The banks the app serves: loaded and validated once, reloaded on change in development."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, current_app

from quiz.core.bank import Bank
from quiz.core.banks.loading import LoadedBank, load_banks
from quiz.core.exams import allows_practice

EXTENSION_KEY = "quiz.banks"
Signature = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class _Snapshot:
    loaded: tuple[LoadedBank, ...]
    signature: Signature
    banks: dict[str, Bank]
    practice: dict[str, Bank]


class BanksRegistry:
    """Bank id → Bank for the good banks; `broken` keeps the others with their problems."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._lock = threading.Lock()
        self._snapshot = self._load()

    @property
    def loaded(self) -> tuple[LoadedBank, ...]:
        return self._snapshot.loaded

    @property
    def banks(self) -> dict[str, Bank]:
        return self._snapshot.banks

    @property
    def practice_banks(self) -> dict[str, Bank]:
        """The banks learners may use outside a quiz run (flashcards, exports): not exams."""
        return self._snapshot.practice

    def get_practice(self, bank_id: str) -> Bank | None:
        """The bank `bank_id` if learners may practise it (None too for an exam)."""
        return self.practice_banks.get(bank_id)

    @property
    def broken(self) -> list[LoadedBank]:
        return [lb for lb in self.loaded if lb.bank is None]

    def get(self, bank_id: str) -> Bank | None:
        """The bank `bank_id`, or None when there is none or it is broken (it isn't served)."""
        return self.banks.get(bank_id)

    def refresh(self) -> bool:
        """Reload when a file under the folder changed (a stat per file: cheap per request)."""
        if _signature(self.directory) == self._snapshot.signature:
            return False
        with self._lock:  # one thread reloads; the others keep the old snapshot meanwhile
            if _signature(self.directory) != self._snapshot.signature:
                self._snapshot = self._load()
        return True

    def _load(self) -> _Snapshot:
        # The signature is taken first: a file edited during loading is seen as changed next time.
        signature = _signature(self.directory)
        loaded = tuple(load_banks(self.directory))
        banks = {lb.bank_id: lb.bank for lb in loaded if lb.bank is not None}
        practice = {bank_id: bank for bank_id, bank in banks.items() if allows_practice(bank)}
        return _Snapshot(loaded, signature, banks, practice)


def _signature(directory: Path) -> Signature:
    files = sorted(p for p in directory.rglob("*") if p.is_file())
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


def init_app(app: Flask) -> None:
    registry = BanksRegistry(Path(app.config["QUESTIONS_DIR"]))
    app.extensions[EXTENSION_KEY] = registry
    if app.debug or app.config["RELOAD_BANKS"]:
        app.before_request(lambda: _refresh(registry))


def get_registry() -> BanksRegistry:
    registry: BanksRegistry = current_app.extensions[EXTENSION_KEY]
    return registry


def _refresh(registry: BanksRegistry) -> None:
    # A before_request hook that returned anything would replace the response.
    registry.refresh()
