"""Anki packages read back: our own export, Basic/reversed/Cloze notes made with genanki, the
zstd-compressed collection.anki21b, and the newer schema's note type tables."""

from __future__ import annotations

import io
import sqlite3
import zipfile
from pathlib import Path

import genanki
import pytest
import zstandard
from anki_packages import newer_schema_package, rezipped
from validating import validate_text

from quiz.core.banks.loading import load_bank
from quiz.core.card_faces import card_faces
from quiz.core.exporting import export_apkg
from quiz.core.interchange.anki_reading import read_anki
from quiz.core.interchange.bank_building import build_bank
from quiz.core.interchange.records import InterchangeError

ROOT = Path(__file__).parents[3]
BANK = ROOT / "tests" / "data" / "banks" / "sample.yaml"
STAMP = 1_700_000_000.0


def package(*notes: genanki.Note, media: list[str] | None = None) -> bytes:
    deck = genanki.Deck(1234567, "Geography::Capitals")
    for note in notes:
        deck.add_note(note)
    buffer = io.BytesIO()
    genanki.Package(deck, media_files=media or []).write_to_file(buffer, timestamp=STAMP)
    return buffer.getvalue()


def collection_of(raw: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(raw)) as package_file:
        return package_file.read("collection.anki2")


def test_our_export_reads_back_card_for_card() -> None:
    loaded = load_bank(BANK)
    assert loaded.bank is not None
    buffer = io.BytesIO()
    export_apkg(loaded.bank, buffer, STAMP)
    imported = read_anki(buffer.getvalue(), "fallback")
    assert imported.title == loaded.bank.title
    assert len(imported.drafts) == len(loaded.bank.questions)
    for draft, question in zip(imported.drafts, loaded.bank.questions, strict=True):
        faces = card_faces(question)
        assert draft.fields["type"] == "card"
        assert str(draft.fields["front"]).startswith(faces.front)
        assert draft.fields["back"] == faces.answer
        assert draft.fields["tags"] == [*loaded.bank.tags, *question.tags]
        if faces.explanation:
            assert draft.fields["explanation"] == faces.explanation
    assert validate_text(build_bank(imported, "deck.apkg").text, "deck.yaml") == []


def test_basic_reversed_and_cloze_notes(tmp_path: Path) -> None:
    picture = tmp_path / "map.png"
    picture.write_bytes(b"\x89PNG")
    raw = package(
        genanki.Note(genanki.BASIC_MODEL, ["Capital of <b>France</b>?", "Paris"], tags=["eu"]),
        genanki.Note(
            genanki.BASIC_AND_REVERSED_CARD_MODEL,
            ["Capital of Peru?", 'Lima<br><img src="map.png">'],
        ),
        genanki.Note(
            genanki.CLOZE_MODEL,
            ["{{c1::Paris}} is the capital of {{c2::France::a country}}.", "Since 987."],
            tags=["eu", "cloze"],
        ),
        media=[str(picture)],
    )
    imported = read_anki(raw, "fallback")
    assert imported.title == "Geography::Capitals"
    basic, forward, backward, cloze = imported.drafts
    assert basic.fields == {
        "type": "card", "front": "Capital of France?", "back": "Paris", "tags": ["eu"]
    }  # fmt: skip
    assert (forward.fields["front"], forward.fields["back"]) == ("Capital of Peru?", "Lima")
    assert (backward.fields["front"], backward.fields["back"]) == ("Lima", "Capital of Peru?")
    assert forward.notes == ["media: img map.png"]
    assert cloze.fields == {
        "type": "cloze",
        "text": "[[Paris]] is the capital of [[France]].",
        "explanation": "Since 987.",
        "tags": ["eu", "cloze"],
    }
    assert "the cloze hint 'a country'" in cloze.notes
    assert cloze.where == "note 3" and cloze.name == " is the capital of ."
    assert imported.notes == [("1", "1 media files in the package not imported")]
    built = build_bank(imported, "deck.apkg")
    assert validate_text(built.text, "deck.yaml") == [] and built.question_count == 4


def test_a_zstd_collection_anki21b_is_preferred_to_the_stub() -> None:
    real = package(genanki.Note(genanki.BASIC_MODEL, ["Real?", "Yes"]))
    stub = package(genanki.Note(genanki.BASIC_MODEL, ["Please update Anki", "stub"]))
    compressed = zstandard.ZstdCompressor().compress(collection_of(real))
    raw = rezipped({"collection.anki2": collection_of(stub), "collection.anki21b": compressed})
    (draft,) = read_anki(raw, "T").drafts
    assert draft.fields["front"] == "Real?"


def test_the_newer_schema_reads_note_types_from_their_tables() -> None:
    raw = newer_schema_package(
        """
        INSERT INTO notetypes VALUES (1, 'Basic', X'1a0461626364'), (2, 'Cloze', X'0801');
        INSERT INTO fields VALUES (1, 0, 'Front'), (1, 1, 'Back'), (2, 0, 'Text'),
            (2, 1, 'Back Extra');
        INSERT INTO templates VALUES (1, 0, 'Card 1'), (2, 0, 'Cloze');
        INSERT INTO notes VALUES (10, 1, ' t1 ', 'Front?' || char(31) || 'Back'),
            (11, 2, '', 'A {{c1::gap}} here' || char(31) || '');
        INSERT INTO cards VALUES (1, 10, 5), (2, 11, 5);
        INSERT INTO decks VALUES (5, 'Top' || char(31) || 'Sub');
        """
    )
    imported = read_anki(raw, "T")
    assert imported.title == "Top::Sub"
    assert [d.fields for d in imported.drafts] == [
        {"type": "card", "front": "Front?", "back": "Back", "tags": ["t1"]},
        {"type": "cloze", "text": "A [[gap]] here"},
    ]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"not a zip", "not a zip file"),
        (rezipped({"media": b"{}"}), "holds no collection"),
        (rezipped({"collection.anki21b": b"not zstd"}), "not valid zstd"),
        (rezipped({"collection.anki21": b"not sqlite"}), "cannot be read"),
    ],
)
def test_broken_packages_get_a_message(raw: bytes, message: str) -> None:
    with pytest.raises(InterchangeError, match=message):
        read_anki(raw, "T")


def test_a_damaged_note_type_table_gets_a_message() -> None:
    database = sqlite3.connect(":memory:")
    database.executescript(
        "CREATE TABLE col (models TEXT, decks TEXT); INSERT INTO col VALUES ('{not json', '{}');"
        "CREATE TABLE notes (id INTEGER, mid INTEGER, tags TEXT, flds TEXT);"
    )
    raw = rezipped({"collection.anki2": database.serialize()})
    database.close()
    with pytest.raises(InterchangeError, match="the collection cannot be read"):
        read_anki(raw, "T")


def test_cloze_scanning_is_linear_on_unclosed_deletions() -> None:
    import time

    from quiz.core.interchange.anki_notes import cloze_blanks

    started = time.perf_counter()
    text, numbers = cloze_blanks("{{c1::open " * 200_000, [])
    assert time.perf_counter() - started < 2 and numbers == set()
    assert text.startswith("{{c1::open")
    assert cloze_blanks("a {{c2::b}} {{cx}} {{c1::d::hint}}", []) == (
        "a [[b]] {{cx}} [[d]]",
        {1, 2},
    )
