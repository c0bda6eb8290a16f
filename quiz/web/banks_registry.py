"""The banks the app serves: loaded once, then reloaded when their files change, in every process.

Validated banks are kept in `BANK_CACHE_DIR` (the instance folder's bank-cache by default), so
a restart or a new worker takes a large unchanged bank from there instead of parsing it again.

Each request checks the questions folder's files (a stat each: their mtime and size), at most
once per `BANKS_CHECK_SECONDS` per process (default 1 s; every request in development), so an
edit, by hand or by an author's accept, reaches every worker of every server without a
restart. A file that an edit broke keeps its last good version serving learners; `loaded`
and `broken` show authors the file as it is now, with its problems.
"""

from __future__ import annotations

import stat as stat_module
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, abort, current_app

from quiz.core.bank import Bank, Question
from quiz.core.banks.bank_cache import BankCache
from quiz.core.banks.loading import LoadedBank, load_banks
from quiz.core.exams import allows_practice
from quiz.web.code_version import code_version

EXTENSION_KEY = "quiz.banks"
CHECK_SECONDS = 1.0
HOME_LISTS_BANKS = "the home page lists them"
Signature = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class _Snapshot:
    loaded: tuple[LoadedBank, ...]
    signature: Signature
    banks: dict[str, Bank]
    practice: dict[str, Bank]
    stale: frozenset[str]  # broken now, served as last loaded


class BanksRegistry:
    """Bank id → the Bank served; `loaded` holds every file as it is now, problems included."""

    def __init__(
        self, directory: Path, check_seconds: float = CHECK_SECONDS, cache: BankCache | None = None
    ) -> None:
        self.directory = directory
        self.check_seconds = check_seconds
        self.cache = cache
        self._lock = threading.Lock()
        self._checked_at = time.monotonic()
        self._snapshot = self._load({})

    @property
    def loaded(self) -> tuple[LoadedBank, ...]:
        return self._snapshot.loaded

    @property
    def version(self) -> Signature:
        """Which load is served: it changes whenever the banks are reloaded (a file changed).
        Read it before the banks themselves: a reload in between then makes the next reader
        see a new version, never the old version with the new banks' content."""
        return self._snapshot.signature

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
        """The files that do not load as they are now (some may still serve an older version)."""
        return [lb for lb in self.loaded if lb.bank is None]

    def get(self, bank_id: str) -> Bank | None:
        """The bank `bank_id` as served, or None when there is none or it never loaded."""
        return self.banks.get(bank_id)

    def serves_older_version(self, bank_id: str) -> bool:
        """Whether `bank_id`'s file is broken now and learners get its last good version."""
        return bank_id in self._snapshot.stale

    def path_of(self, bank_id: str) -> Path | None:
        return next((lb.path for lb in self.loaded if lb.bank_id == bank_id), None)

    def refresh(self, force: bool = False) -> bool:
        """Reload if a file under the folder changed; without `force`, look at most once per
        `check_seconds`. True when a reload happened."""
        now = time.monotonic()
        if not force and now - self._checked_at < self.check_seconds:
            return False
        self._checked_at = now
        if _signature(self.directory) == self._snapshot.signature:
            return False
        with self._lock:  # one thread reloads; the others keep the old snapshot meanwhile
            if _signature(self.directory) == self._snapshot.signature:
                return False
            self._snapshot = self._load(self._snapshot.banks)
        return True

    def _load(self, served: dict[str, Bank]) -> _Snapshot:
        # The signature is taken first: a file edited during loading is seen as changed next time.
        signature = _signature(self.directory)
        loaded = tuple(load_banks(self.directory, self.cache))
        banks: dict[str, Bank] = {}
        stale: set[str] = set()
        for lb in loaded:
            if lb.bank is not None:
                banks[lb.bank_id] = lb.bank
            elif lb.bank_id in served:  # broken by an edit: keep serving what learners had
                banks[lb.bank_id] = served[lb.bank_id]
                stale.add(lb.bank_id)
        practice = {bank_id: bank for bank_id, bank in banks.items() if allows_practice(bank)}
        return _Snapshot(loaded, signature, banks, practice, frozenset(stale))


def _signature(directory: Path) -> Signature:
    found = []
    for path in sorted(directory.rglob("*")):
        try:
            stat = path.stat()
        except FileNotFoundError:  # removed (or an editor's temp file) between listing and stat
            continue
        if stat_module.S_ISREG(stat.st_mode):
            found.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


def init_app(app: Flask) -> None:
    development = app.debug or app.config["RELOAD_BANKS"]
    seconds = 0.0 if development else float(app.config.get("BANKS_CHECK_SECONDS", CHECK_SECONDS))
    folder = app.config.get("BANK_CACHE_DIR")
    cache = BankCache(Path(folder), code_version()) if folder else None
    registry = BanksRegistry(Path(app.config["QUESTIONS_DIR"]), seconds, cache)
    app.extensions[EXTENSION_KEY] = registry
    app.before_request(lambda: _refresh(registry))


def get_registry() -> BanksRegistry:
    registry: BanksRegistry = current_app.extensions[EXTENSION_KEY]
    return registry


def bank_or_404(bank_id: str, practice: bool = False, listed: str = HOME_LISTS_BANKS) -> Bank:
    """The bank served as `bank_id`, else a 404 that names it and says where banks are
    `listed`. With `practice`, an exam counts as missing: it has no flashcards or downloads."""
    registry = get_registry()
    bank = registry.get_practice(bank_id) if practice else registry.get(bank_id)
    if bank is None:
        abort(404, f"There is no bank called “{bank_id}”: {listed}.")
    return bank


def question_or_404(
    bank_id: str,
    question_id: str,
    practice: bool = False,
    quiz_only: bool = False,
    listed: str = HOME_LISTS_BANKS,
) -> tuple[Bank, Question]:
    """The bank and its question `question_id`, else a 404 naming whichever is missing. With
    `quiz_only`, a self-graded card counts as missing (a quiz never asks it)."""
    bank = bank_or_404(bank_id, practice, listed)
    question = bank.question(question_id)
    if question is None or (quiz_only and question.is_card_only):
        kind = "quiz question" if quiz_only else "question"
        abort(404, f"The bank “{bank.id}” has no {kind} “{question_id}” (it may have changed).")
    return bank, question


def _refresh(registry: BanksRegistry) -> None:
    # A before_request hook that returned anything would replace the response.
    registry.refresh()
