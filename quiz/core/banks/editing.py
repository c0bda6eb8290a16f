"""Writing an edited bank file: refused if it changed since it was shown, atomic, undoable.

The second edge of the core that touches files (the loader is the first). The one-step undo
is kept beside the bank as `.<file name>.undo` (JSON: the previous text and the hash of the
text written), so it travels with the folder and `quiz validate` never sees it (it reads
only .yaml and .yml). Undo is refused, like an edit, when the file has changed since.
"""

from __future__ import annotations

import contextlib
import difflib
import fcntl
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from quiz.core.banks.accepting import AcceptRefusedError, accept_in_text
from quiz.core.banks.yaml_editing import KeyPath
from quiz.core.errors import QuizError

_BOM = "\ufeff"


class StaleFileError(AcceptRefusedError):
    """The file on disk is not the one the author was shown: reload it and try again."""


class NothingToUndoError(QuizError):
    """There is no edit to take back (or it was taken back already)."""


@dataclass(frozen=True)
class EditResult:
    """An edit written to `path`: the unified diff of what changed and the file's new hash."""

    path: Path
    diff: str
    after_hash: str
    additions: tuple[tuple[KeyPath, str], ...] = ()


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def file_hash(path: Path) -> str:
    """The hash to show with a page and hand back with an edit (sha256 of the file's bytes)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def undo_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.undo")


def accept_answer(path: Path, question_id: str, response: str, *, expected_hash: str) -> EditResult:
    """Add `response` to the accepted answers and `check.right` examples of `question_id` in
    the bank file `path`, which must still hash to `expected_hash` (see `file_hash`).

    Raises StaleFileError if the file changed, AcceptRefusedError (with `problems`) if the
    response cannot be accepted; nothing is written then.
    """
    with _locked(path):
        raw = _current(path, expected_hash)
        text, restore = _editable(raw)
        accepted = accept_in_text(text, path, question_id, response)
        new_raw = restore(accepted.text)
        _write_with_undo(path, raw, new_raw)
    diff = _diff(path, raw, new_raw)
    return EditResult(path, diff, text_hash(new_raw), accepted.additions)


def _write_with_undo(path: Path, before: str, after: str) -> None:
    # The undo record first: if the bank cannot be written after it, the record names a text
    # that never was, so undo would refuse it; it is removed anyway.
    record = {"before": before, "after_hash": text_hash(after)}
    _write_or_refuse(undo_path(path), json.dumps(record))
    try:
        _write_or_refuse(path, after)
    except AcceptRefusedError:
        undo_path(path).unlink(missing_ok=True)
        raise


def undo_last_edit(path: Path, *, expected_hash: str | None = None) -> EditResult:
    """Put back the text the last edit replaced, if the file is still as that edit left it
    (and, when given, still hashes to `expected_hash`)."""
    with _locked(path):
        record = _undo_record(path)
        now = path.read_bytes().decode("utf-8")
        current = file_hash(path)
        if current != record["after_hash"] or expected_hash not in (None, current):
            raise StaleFileError(
                f"{path.name} has changed since the last edit: undo would lose that change"
            )
        _write_or_refuse(path, record["before"])
        undo_path(path).unlink()
    return EditResult(path, _diff(path, now, record["before"]), file_hash(path))


def _current(path: Path, expected_hash: str) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise AcceptRefusedError(f"cannot read {path.name}: {error.strerror}") from error
    if hashlib.sha256(data).hexdigest() != expected_hash:
        raise StaleFileError(
            f"{path.name} has changed since it was shown (edited meanwhile?): "
            "reload it and try again"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise AcceptRefusedError(f"{path.name} is not UTF-8: {error}") from error


def _editable(raw: str) -> tuple[str, _Restore]:
    """The text with a byte-order mark and Windows line ends set aside, and how to put them
    back, so the splice works on plain lines and the file keeps its own conventions."""
    bom = raw.startswith(_BOM)
    crlf = "\r\n" in raw
    text = raw.removeprefix(_BOM).replace("\r\n", "\n") if bom or crlf else raw
    return text, _Restore(bom, crlf)


@dataclass(frozen=True)
class _Restore:
    bom: bool
    crlf: bool

    def __call__(self, text: str) -> str:
        text = text.replace("\n", "\r\n") if self.crlf else text
        return _BOM + text if self.bom else text


def _undo_record(path: Path) -> dict[str, str]:
    try:
        record = json.loads(undo_path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise NothingToUndoError(f"{path.name} has no edit to undo") from error
    except (OSError, ValueError) as error:
        raise NothingToUndoError(
            f"the undo record of {path.name} cannot be read: {error}"
        ) from error
    if not isinstance(record, dict) or not {"before", "after_hash"} <= record.keys():
        raise NothingToUndoError(f"the undo record of {path.name} is not one this app wrote")
    return record


def _write_or_refuse(path: Path, text: str) -> None:
    try:
        _write(path, text)
    except OSError as error:
        raise AcceptRefusedError(
            f"cannot write {path.name} ({error.strerror}): the folder must be writable by "
            "the app, which writes a temporary file beside the bank and renames it"
        ) from error


def _write(path: Path, text: str) -> None:
    """Write `text` to `path` atomically: readers see the old file or the new, never half."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    # Two edits at once (two workers, two authors) take turns; the second then finds the hash
    # changed and is refused, instead of silently overwriting the first. The folder is what
    # is locked: the file itself is replaced by each edit, and a lock file would litter.
    handle = os.open(path.parent, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # closing releases the lock


def _diff(path: Path, before: str, after: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"{path.name} (before)",
        tofile=f"{path.name} (after)",
    )
    return "".join(lines)
