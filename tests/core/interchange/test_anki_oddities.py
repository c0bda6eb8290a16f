"""Anki collections an author may bring that our own export never makes: a note whose type is
gone, empty notes, fields with other names, '|' inside a cloze deletion, no cards; and
packages that claim a huge collection or hold a damaged one."""

from __future__ import annotations

import io
import sqlite3
import struct
import time
import zipfile

import pytest
import zstandard
from anki_packages import NEWER_SCHEMA_TABLES, newer_schema_package, rezipped

from quiz.core.interchange.anki_reading import MAX_COLLECTION_BYTES, read_anki
from quiz.core.interchange.records import InterchangeError

NOTE_TYPES = """
    INSERT INTO notetypes VALUES (1, 'Vocabulary', X'1a0461626364'), (2, 'Cloze', X'0801');
    INSERT INTO fields VALUES (1, 0, 'Term'), (1, 1, 'Definition'), (2, 0, 'Text');
    INSERT INTO templates VALUES (1, 0, 'Card 1'), (2, 0, 'Cloze');
    INSERT INTO decks VALUES (5, 'Words');
"""


def package(notes_and_cards: str) -> bytes:
    """A package in Anki's newer schema (collection.anki21b) holding the given rows."""
    return newer_schema_package(NOTE_TYPES + notes_and_cards)


def test_fields_with_other_names_are_taken_front_then_back() -> None:
    imported = read_anki(
        package(
            "INSERT INTO notes VALUES (10, 1, '', 'chien' || char(31) || 'dog');"
            "INSERT INTO cards VALUES (1, 10, 5);"
        ),
        "T",
    )
    assert imported.title == "Words"
    assert [d.fields for d in imported.drafts] == [
        {"type": "card", "front": "chien", "back": "dog"}
    ]


def test_notes_that_cannot_become_questions_are_skipped_with_the_reason() -> None:
    imported = read_anki(
        package(
            "INSERT INTO notes VALUES (10, 9, '', 'a' || char(31) || 'b'),"  # type 9 is gone
            " (11, 1, '', '' || char(31) || 'dog'),"  # no front
            " (12, 1, '', 'chien' || char(31) || 'dog');"
            "INSERT INTO cards VALUES (1, 10, 5), (2, 11, 5), (3, 12, 5);"
        ),
        "T",
    )
    assert imported.notes == [
        ("note 1", "skipped: its note type is missing"),
        ("note 2", "skipped: its fields are empty"),
    ]
    assert [d.fields["front"] for d in imported.drafts] == ["chien"]


def test_a_cloze_answer_with_our_blank_marks_is_rewritten_and_noted() -> None:
    imported = read_anki(
        package(
            "INSERT INTO notes VALUES (10, 2, '', 'Pick {{c1::this|that}} one');"
            "INSERT INTO cards VALUES (1, 10, 5);"
        ),
        "T",
    )
    (draft,) = imported.drafts
    assert draft.fields == {"type": "cloze", "text": "Pick [[this/that]] one"}
    assert draft.notes == ["'|', '[[' and ']]' in 'this|that' (made '/' and parentheses)"]


def test_a_collection_without_cards_has_no_deck_name() -> None:
    imported = read_anki(
        package("INSERT INTO notes VALUES (10, 1, '', 'chien' || char(31) || 'dog');"), "Mine"
    )
    assert imported.title == "Mine" and len(imported.drafts) == 1


def _claiming_size(size: int) -> bytes:
    """A package whose zip directory says the collection unpacks to `size` bytes."""
    raw = bytearray(rezipped({"collection.anki2": b"tiny"}))
    directory = raw.rindex(b"PK\x01\x02")  # the central directory entry of the one member
    raw[directory + 24 : directory + 28] = struct.pack("<I", size)  # its uncompressed size
    return bytes(raw)


def _damaged() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as out:
        out.writestr("collection.anki2", b"SQLite format 3\x00" * 1000)
    raw = bytearray(buffer.getvalue())
    start = raw.index(b"collection.anki2") + len("collection.anki2")
    raw[start + 5 : start + 25] = b"\xff" * 20  # inside the deflated data
    return bytes(raw)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (_claiming_size(MAX_COLLECTION_BYTES + 1), "the collection is too large to import"),
        (_damaged(), "collection.anki2 cannot be unpacked: "),
    ],
    ids=["zip-bomb-by-its-header", "damaged-deflate-data"],
)
def test_a_package_that_cannot_be_unpacked_safely_gets_a_message(raw: bytes, message: str) -> None:
    with pytest.raises(InterchangeError) as refused:
        read_anki(raw, "T")
    assert message in str(refused.value)


def _notes_as_view(select: str) -> bytes:
    """A package whose `notes` is a view: Anki never makes one, a hostile package can."""
    notes_table = "CREATE TABLE notes (id INTEGER PRIMARY KEY, mid INTEGER, tags TEXT, flds TEXT);"
    database = sqlite3.connect(":memory:")
    database.executescript(
        NEWER_SCHEMA_TABLES.replace(notes_table, f"CREATE VIEW notes AS {select};") + NOTE_TYPES
    )
    compressed = zstandard.ZstdCompressor().compress(database.serialize())
    database.close()
    return rezipped({"collection.anki21b": compressed})


COUNT_FOREVER = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)"


@pytest.mark.parametrize(
    ("select", "message"),
    [
        # One row, after a count that never ends: the import hung.
        (
            f"{COUNT_FOREVER} SELECT 1 AS id, 1 AS mid, '' AS tags, 'a' AS flds"
            " FROM (SELECT max(x) FROM c)",
            "takes too long to read",
        ),
        # Rows without end, each a note.
        (
            f"{COUNT_FOREVER} SELECT x AS id, 1 AS mid, '' AS tags,"
            " 'a' || char(31) || 'b' AS flds FROM c",
            "takes too long to read",
        ),
        # One value of 900 MB, built by the query.
        ("SELECT 1 AS id, 1 AS mid, '' AS tags, zeroblob(900000000) AS flds", "too big"),
    ],
    ids=["endless-count", "endless-rows", "huge-value"],
)
def test_a_collection_with_a_hostile_view_stops_with_a_message(select: str, message: str) -> None:
    started = time.perf_counter()
    with pytest.raises(InterchangeError) as refused:
        read_anki(_notes_as_view(select), "T")
    assert message in str(refused.value)
    assert time.perf_counter() - started < 10  # a bound against hanging, not a benchmark
