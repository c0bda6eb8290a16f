"""Anki packages (.apkg, .colpkg) read into cards and clozes, straight from the SQLite inside.

A package is a zip holding the collection: `collection.anki21b` (zstd-compressed, Anki 2.1.50+),
else `collection.anki21`, else `collection.anki2` (in new packages only a "please update" stub).
The note types come from `col.models` (JSON, older schema) or the `notetypes` and `fields`
tables (newer schema). Media files are left behind, each reference noted.
"""

from __future__ import annotations

import io
import sqlite3
import zipfile
import zlib
from collections.abc import Callable

import zstandard

from quiz.core.interchange.anki_notes import read_note
from quiz.core.interchange.anki_schema import deck_name, note_types
from quiz.core.interchange.records import Imported, InterchangeError

MAX_PACKAGE_BYTES = 200_000_000
MAX_COLLECTION_BYTES = 400_000_000  # a collection unpacked: bounds a zip or zstd bomb
_COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
# The collection is someone else's SQLite file: a view in it can be a query that never ends (a
# recursive CTE) or builds huge values. Reading a real one takes a few dozen SQLite steps per
# byte at most; past this budget the import stops. One value (a note's fields, the note types'
# JSON) stays under _MAX_VALUE_BYTES, and all the notes' text together under the collection's cap.
_MAX_VALUE_BYTES = 20_000_000
_STEPS_PER_BYTE = 50
_BASE_STEPS = 20_000_000
_STEPS_PER_CHECK = 10_000
_CHUNK = 1 << 20


def read_anki(raw: bytes, title: str) -> Imported:
    """Every note of the package's collection as drafts, `note N` locating each."""
    if len(raw) > MAX_PACKAGE_BYTES:
        raise InterchangeError("1", f"the package is over {MAX_PACKAGE_BYTES // 1_000_000} MB")
    database, media_count = _collection(raw)
    connection = sqlite3.connect(":memory:")
    over_budget = _bound(connection, _BASE_STEPS + _STEPS_PER_BYTE * len(database))
    try:
        connection.deserialize(database)
        imported = _read_notes(connection, title)
    except sqlite3.OperationalError as error:
        if over_budget():
            raise InterchangeError(
                "1", "the collection takes too long to read: it holds a query that never ends"
            ) from error
        raise InterchangeError("1", f"the collection cannot be read: {error!r}") from error
    except (sqlite3.DatabaseError, ValueError, KeyError, TypeError) as error:
        # The collection is someone else's file: a damaged table or JSON is its problem to
        # report, not a traceback (ValueError covers JSON, KeyError and TypeError its shape).
        raise InterchangeError("1", f"the collection cannot be read: {error!r}") from error
    finally:
        connection.close()
    if media_count:
        imported.notes.append(("1", f"{media_count} media files in the package not imported"))
    return imported


def _bound(connection: sqlite3.Connection, steps: int) -> Callable[[], bool]:
    """Stop the connection's queries after about `steps` SQLite steps and cap the length of
    any value; the returned function says whether the budget ran out."""
    connection.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, _MAX_VALUE_BYTES)
    checks = [steps // _STEPS_PER_CHECK]

    def tick() -> int:
        checks[0] -= 1
        return int(checks[0] < 0)  # non-zero interrupts the running query

    connection.set_progress_handler(tick, _STEPS_PER_CHECK)
    return lambda: checks[0] < 0


def _collection(raw: bytes) -> tuple[bytes, int]:
    try:
        package = zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile as error:
        raise InterchangeError("1", "not an Anki package: it is not a zip file") from error
    with package:
        names = set(package.namelist())
        name = next((n for n in _COLLECTIONS if n in names), None)
        if name is None:
            raise InterchangeError("1", "not an Anki package: it holds no collection.anki2*")
        info = package.getinfo(name)
        if info.file_size > MAX_COLLECTION_BYTES:
            raise InterchangeError("1", "the collection is too large to import")
        try:
            data = package.read(name)
        except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError) as error:
            raise InterchangeError("1", f"{name} cannot be unpacked: {error}") from error
        media_count = sum(1 for n in names if n.isdigit())
    if name.endswith("b"):
        data = _unzstd(data)
    return data, media_count


def _unzstd(data: bytes) -> bytes:
    reader = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data))
    chunks, total = [], 0
    try:
        while chunk := reader.read(_CHUNK):
            total += len(chunk)
            if total > MAX_COLLECTION_BYTES:
                raise InterchangeError("1", "the collection is too large to import")
            chunks.append(chunk)
    except zstandard.ZstdError as error:
        raise InterchangeError("1", f"collection.anki21b is not valid zstd: {error}") from error
    return b"".join(chunks)


def _read_notes(connection: sqlite3.Connection, title: str) -> Imported:
    types = note_types(connection)
    imported = Imported(deck_name(connection) or title, [])
    rows = connection.execute("SELECT mid, tags, flds FROM notes ORDER BY id")
    total = 0
    for number, (type_id, tags, fields) in enumerate(rows, 1):
        where = f"note {number}"
        total += len(str(fields)) + len(str(tags))
        if total > MAX_COLLECTION_BYTES:
            raise InterchangeError(where, "the notes are too large to import")
        note_type = types.get(type_id)
        if note_type is None:
            imported.notes.append((where, "skipped: its note type is missing"))
            continue
        drafts = read_note(where, note_type, str(fields).split("\x1f"), str(tags).split())
        if not drafts:
            imported.notes.append((where, "skipped: its fields are empty"))
        imported.drafts.extend(drafts)
    return imported
