"""Anki packages built by hand for the reader's tests: zips of named members, and a package
in Anki's newer schema (a zstd-compressed collection.anki21b) holding the rows a test gives."""

from __future__ import annotations

import io
import sqlite3
import zipfile

import zstandard

# The tables of the newer schema that the reader looks at, empty.
NEWER_SCHEMA_TABLES = """
    CREATE TABLE notetypes (id INTEGER PRIMARY KEY, name TEXT, config BLOB);
    CREATE TABLE fields (ntid INTEGER, ord INTEGER, name TEXT);
    CREATE TABLE templates (ntid INTEGER, ord INTEGER, name TEXT);
    CREATE TABLE notes (id INTEGER PRIMARY KEY, mid INTEGER, tags TEXT, flds TEXT);
    CREATE TABLE cards (id INTEGER PRIMARY KEY, nid INTEGER, did INTEGER);
    CREATE TABLE decks (id INTEGER PRIMARY KEY, name TEXT);
"""


def rezipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for name, data in members.items():
            out.writestr(name, data)
    return buffer.getvalue()


def newer_schema_package(rows: str) -> bytes:
    """A package whose collection.anki21b holds the newer schema's tables and `rows` (SQL)."""
    database = sqlite3.connect(":memory:")
    database.executescript(NEWER_SCHEMA_TABLES + rows)
    compressed = zstandard.ZstdCompressor().compress(database.serialize())
    database.close()
    return rezipped({"collection.anki21b": compressed})
