"""The note types and deck names of an Anki collection, in either of its two schemas."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter

from quiz.core.interchange.anki_notes import NoteType

# In the newer schema a note type's `config` is protobuf whose field 1 is its kind; proto3
# leaves the default (0, standard) out, so a cloze type's config starts with tag 8, value 1.
_CLOZE_CONFIG = b"\x08\x01"


def note_types(connection: sqlite3.Connection) -> dict[int, NoteType]:
    if _has_table(connection, "notetypes"):
        return _table_note_types(connection)
    (models,) = connection.execute("SELECT models FROM col").fetchone()
    return {
        int(type_id): NoteType(
            str(model.get("name", "")),
            model.get("type") == 1,
            [str(f["name"]) for f in sorted(model.get("flds", []), key=lambda f: f["ord"])],
            len(model.get("tmpls", [])),
        )
        for type_id, model in json.loads(models or "{}").items()
    }


def _table_note_types(connection: sqlite3.Connection) -> dict[int, NoteType]:
    fields: dict[int, list[str]] = {}
    for type_id, name in connection.execute("SELECT ntid, name FROM fields ORDER BY ntid, ord"):
        fields.setdefault(type_id, []).append(str(name))
    templates = Counter(row[0] for row in connection.execute("SELECT ntid FROM templates"))
    return {
        type_id: NoteType(
            str(name),
            bytes(config or b"").startswith(_CLOZE_CONFIG),
            fields.get(type_id, []),
            templates[type_id],
        )
        for type_id, name, config in connection.execute("SELECT id, name, config FROM notetypes")
    }


def deck_name(connection: sqlite3.Connection) -> str:
    """The name of the deck holding most of the cards ('' when unknown)."""
    row = connection.execute(
        "SELECT did FROM cards GROUP BY did ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return ""
    if _has_table(connection, "decks"):
        found = connection.execute("SELECT name FROM decks WHERE id = ?", row).fetchone()
        return str(found[0]).replace("\x1f", "::") if found else ""
    (decks,) = connection.execute("SELECT decks FROM col").fetchone()
    return str(json.loads(decks or "{}").get(str(row[0]), {}).get("name", ""))


def _has_table(connection: sqlite3.Connection, name: str) -> bool:
    query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
    return connection.execute(query, (name,)).fetchone() is not None
