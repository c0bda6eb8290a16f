"""Card faces and exports: the CSV read back with csv, the .apkg read back with sqlite3."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile
from contextlib import closing
from pathlib import Path

import pytest

from quiz.core.bank import Bank
from quiz.core.banks.loading import load_bank
from quiz.core.card_faces import card_faces
from quiz.core.exporting import CSV_COLUMNS, export_apkg, export_csv

SAMPLE = Path(__file__).parents[1] / "data" / "banks" / "sample.yaml"
STAMP = 1_750_000_000.0


@pytest.fixture(scope="module")
def bank() -> Bank:
    loaded = load_bank(SAMPLE)
    assert loaded.bank is not None
    return loaded.bank


@pytest.mark.parametrize(
    ("question_id", "front", "answer"),
    [
        ("drills-country", "In which country is the Kharb-Maidon training ground?", "Tajikistan"),
        ("csto-card", "What does CSTO stand for?", "Collective Security Treaty Organization"),
        (
            "csto-goal-quote",
            "“Their main goal is to spread radical ideas and carry out sabotage activities "
            "along the CSTO’s southern borders”",
            "Sergei Shoigu",
        ),
        ("ansarullah-cloze", "Jamiat Ansarullah is also known as the _____.", "Tajik Taliban"),
        (
            "border-distance",
            "How far is the training ground from Afghanistan's northern border?",
            "20 km",
        ),
        (
            "agencies",
            "Match each news agency to its country.",
            "TASS → Russia; Khovar → Tajikistan",
        ),
        (
            "timeline",
            "Put these events in the order they happened.",
            "Khovar reports an attack from Badakhshan → Shoigu speaks about Central Asia → "
            "The drills end",
        ),
    ],
)
def test_card_faces(bank: Bank, question_id: str, front: str, answer: str) -> None:
    question = bank.question(question_id)
    assert question is not None
    faces = card_faces(question)
    assert (faces.front, faces.answer) == (front, answer)


def test_the_back_carries_the_explanation_and_the_articles_sentence(bank: Bank) -> None:
    question = bank.question("training-ground")
    assert question is not None and question.source_sentence is not None
    back = card_faces(question).back.split("\n\n")
    assert back == [
        "Kharb-Maidon",
        "It lies in Tajikistan, close to the Afghan border.",
        question.source_sentence.sentence,
    ]


def test_csv_has_one_row_per_card(bank: Bank) -> None:
    rows = list(csv.DictReader(io.StringIO(export_csv(bank))))
    assert len(rows) == len(bank.questions) == 12
    assert tuple(rows[0]) == CSV_COLUMNS
    by_id = {row["id"]: row for row in rows}
    assert by_id["csto-card"]["answer"] == "Collective Security Treaty Organization"
    assert by_id["drills-country"]["front"].splitlines()[1:] == [
        "- Afghanistan",
        "- Tajikistan",
        "- Russia",
        "- Uzbekistan",
    ]


def read_apkg(path: Path, tmp_path: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(path) as archive:
        assert "collection.anki2" in archive.namelist()
        archive.extract("collection.anki2", tmp_path)
    return sqlite3.connect(tmp_path / "collection.anki2")


def test_apkg_reads_back_with_sqlite(bank: Bank, tmp_path: Path) -> None:
    path = tmp_path / "sample.apkg"
    export_apkg(bank, str(path), STAMP)
    collection = read_apkg(path, tmp_path)
    notes = collection.execute("SELECT guid, flds, tags FROM notes").fetchall()
    cards = collection.execute("SELECT COUNT(*) FROM cards").fetchone()[0]
    decks = json.loads(collection.execute("SELECT decks FROM col").fetchone()[0])
    collection.close()
    assert len(notes) == cards == 12
    assert "Sample bank" in {deck["name"] for deck in decks.values()}
    fields = {tuple(flds.split("\x1f"))[1]: flds.split("\x1f") for _, flds, _ in notes}
    card = fields["Collective Security Treaty Organization"]
    assert card[0] == "What does CSTO stand for?"
    assert "Collective Security Treaty Organization (CSTO)" in card[3]
    assert fields["Tajikistan"][0].endswith("<li>Russia</li><li>Uzbekistan</li></ul>")
    assert all(" test " in f" {tags} " for _, _, tags in notes)  # the bank's tag


def notes_of(collection: sqlite3.Connection) -> list[tuple[str, str]]:
    with closing(collection):
        return collection.execute("SELECT guid, flds FROM notes ORDER BY guid").fetchall()


def test_apkg_escapes_html_and_keeps_ids_stable(bank: Bank, tmp_path: Path) -> None:
    first, second = tmp_path / "a.apkg", tmp_path / "b.apkg"
    export_apkg(bank, str(first), STAMP)
    buffer = io.BytesIO()
    export_apkg(bank, buffer, STAMP + 60)
    second.write_bytes(buffer.getvalue())
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    rows_one, rows_two = (
        notes_of(read_apkg(path, tmp_path / name))
        for path, name in ((first, "one"), (second, "two"))
    )
    assert rows_one == rows_two  # re-exporting updates the same notes in Anki
    assert any("Afghanistan&#x27;s" in flds for _, flds in rows_one)
