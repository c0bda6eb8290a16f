"""Exporting a bank's cards: an Anki deck (.apkg, through genanki) and a CSV file.

Ids are derived from the bank and question ids, so exporting again and importing into Anki
updates the same deck and notes instead of duplicating them.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
from typing import BinaryIO

import genanki

from quiz.core.bank import Bank, Question
from quiz.core.card_faces import CardFaces, card_faces

CSV_COLUMNS = ("id", "type", "front", "answer", "explanation", "source_sentence", "tags")
ANKI_FIELDS = ("Front", "Answer", "Explanation", "Source")
ANKI_CSS = """.card { font-family: system-ui, sans-serif; font-size: 20px; text-align: left; }
.options { margin-top: .5em; }
.explanation { color: #4a5468; }
blockquote { border-left: 4px solid #2446c7; margin: 1em 0; padding-left: .8em; color: #4a5468; }"""
ANKI_BACK = (
    "{{FrontSide}}<hr id=answer><p><strong>{{Answer}}</strong></p>"
    "{{#Explanation}}<p class=explanation>{{Explanation}}</p>{{/Explanation}}"
    "{{#Source}}<blockquote>{{Source}}</blockquote>{{/Source}}"
)


def export_csv(bank: Bank) -> str:
    """One row per card: the faces as plain text, tags separated by spaces."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for question in bank.questions:
        faces = card_faces(question)
        writer.writerow(_csv_row(question, faces))
    return out.getvalue()


def _csv_row(question: Question, faces: CardFaces) -> list[str]:
    front = faces.front + "".join(f"\n- {option}" for option in faces.options)
    tags = " ".join(question.tags)
    return [
        question.id,
        question.type,
        front,
        faces.answer,
        faces.explanation,
        faces.source_sentence,
        tags,
    ]


def export_apkg(bank: Bank, out: str | BinaryIO, timestamp: float) -> None:
    """Write `bank` as an Anki package to a path or binary file; `timestamp` (seconds since
    the epoch) stamps the notes, so the same bank and time give the same file contents."""
    deck = genanki.Deck(stable_id("deck", bank.id), bank.title)
    model = _anki_model()
    for question in bank.questions:
        deck.add_note(_anki_note(model, bank, question))
    genanki.Package(deck).write_to_file(out, timestamp=timestamp)


def stable_id(*parts: str) -> int:
    """A positive 31-bit id (Anki keeps ids in signed 64-bit, genanki suggests < 2**31)."""
    digest = hashlib.blake2b("/".join(parts).encode(), digest_size=4).digest()
    return (int.from_bytes(digest, "big") & 0x7FFFFFFF) or 1


def _anki_model() -> genanki.Model:
    return genanki.Model(
        stable_id("model", "quiz-card-v1"),
        "Quiz card",
        fields=[{"name": name} for name in ANKI_FIELDS],
        templates=[{"name": "Card", "qfmt": "{{Front}}", "afmt": ANKI_BACK}],
        css=ANKI_CSS,
    )


def _anki_note(model: genanki.Model, bank: Bank, question: Question) -> genanki.Note:
    faces = card_faces(question)
    return genanki.Note(
        model=model,
        fields=[
            _front_html(faces),
            *map(html.escape, (faces.answer, faces.explanation, faces.source_sentence)),
        ],
        tags=[tag.replace(" ", "_") for tag in (*bank.tags, *question.tags)],
        guid=genanki.guid_for(bank.id, question.id),
    )


def _front_html(faces: CardFaces) -> str:
    front = html.escape(faces.front)
    if not faces.options:
        return front
    items = "".join(f"<li>{html.escape(option)}</li>" for option in faces.options)
    return f"{front}<ul class=options>{items}</ul>"
