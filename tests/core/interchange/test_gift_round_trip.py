"""GIFT → YAML → GIFT → YAML gives the same questions, for every construct of the GIFT docs."""

from __future__ import annotations

from pathlib import Path

import pytest
from validating import validate_text

from quiz.core.bank import Bank, Question
from quiz.core.banks.loading import load_bank
from quiz.core.interchange.bank_building import build_bank
from quiz.core.interchange.gift_reading import read_gift
from quiz.core.interchange.gift_writing import escape, write_gift

ROOT = Path(__file__).parents[3]
SAMPLE = ROOT / "tests" / "data" / "interchange" / "every-construct.gift"
BANK = ROOT / "tests" / "data" / "banks" / "sample.yaml"


def imported_bank(gift: bytes, folder: Path, name: str) -> Bank:
    built = build_bank(read_gift(gift, "Round trip"), name)
    path = folder / f"{name}.yaml"
    path.write_text(built.text, encoding="utf-8")
    loaded = load_bank(path)
    assert loaded.bank is not None, loaded.problems
    return loaded.bank


def shown(question: Question) -> tuple[object, ...]:
    fields = {key: value for key, value in question.fields.items()}
    return (question.id, question.type, question.prompt, fields, question.tags,
            question.explanation)  # fmt: skip


def test_the_sample_has_every_gift_type_and_imports_cleanly() -> None:
    imported = read_gift(SAMPLE.read_bytes(), "Sample")
    assert not imported.errors
    types = {draft.fields["type"] for draft in imported.drafts}
    assert types == {"choice", "truefalse", "text", "number", "match", "cloze", "card"}
    built = build_bank(imported, SAMPLE.name)
    assert validate_text(built.text, "sample.yaml") == []
    assert built.question_count == len(imported.drafts) == 32


def test_gift_yaml_gift_yaml_keeps_every_question(tmp_path: Path) -> None:
    first = imported_bank(SAMPLE.read_bytes(), tmp_path, "first")
    export = write_gift(first)
    assert export.skipped == []
    second = imported_bank(export.text.encode(), tmp_path, "second")
    assert [shown(q) for q in second.questions] == [shown(q) for q in first.questions]
    assert write_gift(second).text == export.text


def test_a_bank_exports_what_gift_can_hold_and_lists_the_rest() -> None:
    loaded = load_bank(BANK)
    assert loaded.bank is not None
    export = write_gift(loaded.bank)
    skipped = dict(export.skipped)
    assert set(skipped) == {"border-distance", "drills-end", "timeline"}
    assert "quantity" in skipped["border-distance"] and "date" in skipped["drills-end"]
    assert "::drills-country::In which country" in export.text
    assert "{~%50%UAV operators ~%-50%naval divers" in export.text
    assert "{#201}" in export.text and "{FALSE}" in export.text


def test_exported_questions_grade_the_same_after_import(tmp_path: Path) -> None:
    loaded = load_bank(BANK)
    assert loaded.bank is not None
    back = imported_bank(write_gift(loaded.bank).text.encode(), tmp_path, "back")
    by_id = {q.id: q for q in back.questions}
    for question in loaded.bank.questions:
        if question.id not in by_id or question.type == "who":
            continue
        again = by_id[question.id]
        assert again.type == question.type
        assert again.key == question.key, question.id


@pytest.mark.parametrize("text", ["a:b", "{x}", "~=#", "back\\slash", "two\nlines"])
def test_escaping_reads_back_as_written(text: str) -> None:
    gift = f"Q {escape(text)}?{{={escape(text)} ~other}}"
    draft = read_gift(gift.encode(), "T").drafts[0]
    assert draft.fields["choices"] == [text, "other"]


def test_types_survive_where_gift_syntax_is_ambiguous(tmp_path: Path) -> None:
    bank_file = tmp_path / "bank.yaml"
    bank_file.write_text(
        "title: T\nquestions:\n"
        "  - {id: gap, type: text, prompt: 'Fill the _____ here?', answer: gap}\n"
        "  - {id: end, type: cloze, text: 'The capital of Peru is [[Lima]]'}\n"
        "  - {id: two, type: cloze, text: '[[Lima]] is in [[Peru]].'}\n",
        encoding="utf-8",
    )
    loaded = load_bank(bank_file)
    assert loaded.bank is not None
    export = write_gift(loaded.bank)
    assert "::gap::Fill the _____ here? {=gap}" in export.text
    assert ("end", "a cloze ending in its blank: GIFT reads it back as a short answer") in (
        export.notes
    )
    assert export.skipped == [("two", "a cloze with 2 blanks (GIFT's missing word has one)")]
    (gap, end) = read_gift(export.text.encode(), "T").drafts
    assert gap.fields["type"] == "text" and end.fields["type"] == "text"


def test_who_becomes_a_short_answer_or_a_multiple_choice(tmp_path: Path) -> None:
    bank_file = tmp_path / "bank.yaml"
    bank_file.write_text(
        "title: T\nquestions:\n"
        "  - {id: said, type: who, quote: 'I came, I saw.', answer: Julius Caesar}\n"
        "  - {id: agency, type: who, quote: 'We report.', answer: TASS, surname: false,\n"
        "     choices: [TASS, Khovar]}\n"
        "  - {id: card, type: card, front: F, back: B, explanation: Why.}\n",
        encoding="utf-8",
    )
    loaded = load_bank(bank_file)
    assert loaded.bank is not None
    export = write_gift(loaded.bank)
    assert "::said::Who said this? “I came, I saw.” {=Julius Caesar =Caesar}" in export.text
    assert "::agency::Who said this? “We report.” {=TASS ~Khovar}" in export.text
    assert "::card::F {####B}" in export.text
    assert [note for _, note in export.notes] == [
        "written as a short answer: GIFT does not forgive titles or typos in names",
        "the card's explanation (GIFT keeps one text for an essay's back)",
    ]


def test_what_gift_cannot_keep_is_noted_per_question(tmp_path: Path) -> None:
    bank_file = tmp_path / "bank.yaml"
    bank_file.write_text(
        "title: T\nquestions:\n"
        "  - {id: city, type: text, prompt: Which city?, answer: Dushanbe, typos: 1,\n"
        "     tags: [asia/central]}\n"
        "  - {id: gap, type: cloze, text: 'The capital is [[Dushanbe]].', typos: 0}\n"
        "  - {id: said, type: who, quote: 'We report.', answer: TASS}\n",  # one word: no surname
        encoding="utf-8",
    )
    loaded = load_bank(bank_file)
    assert loaded.bank is not None
    export = write_gift(loaded.bank)
    assert "$CATEGORY: asia/central\n\n::city::Which city? {=Dushanbe}" in export.text
    assert "::gap::The capital is {=Dushanbe}." in export.text
    assert "::said::Who said this? “We report.” {=TASS}" in export.text
    assert export.notes == [
        ("city", "'typos' (GIFT short answers are matched exactly)"),
        ("city", "a tag with '/' is split into two categories"),
        ("gap", "'typos' (GIFT short answers are matched exactly)"),
        ("said", "written as a short answer: GIFT does not forgive titles or typos in names"),
    ]
