"""Imports written as bank files: readable YAML, unique ids, invalid questions dropped with a
reason, and a result that both the validator and the JSON Schema accept."""

from __future__ import annotations

import time
from pathlib import Path

import jsonschema
import yaml
from validating import validate_text

from quiz.core.banks.schema import bank_schema
from quiz.core.interchange.bank_building import build_bank
from quiz.core.interchange.gift_reading import read_gift
from quiz.core.interchange.records import Draft, Imported
from quiz.core.interchange.yaml_writing import slug, unique_ids

SAMPLE = Path(__file__).parents[2] / "data" / "interchange" / "every-construct.gift"


def test_ids_come_from_titles_or_prompts_and_are_unique() -> None:
    drafts = [
        Draft("1", "Who's buried in Grant's tomb?", {"type": "text"}),
        Draft("2", "Who's buried in Grant's tomb?", {"type": "text"}),
        Draft("3", "Ça va, Hammarskjöld?", {"type": "card"}),
        Draft("4", "???", {"type": "card"}),
        Draft("5", "a" * 60, {"type": "card"}),
    ]
    assert unique_ids(drafts) == [
        "who-s-buried-in-grant-s-tomb",
        "who-s-buried-in-grant-s-tomb-2",
        "ca-va-hammarskjold",
        "card-4",
        "a" * 40,
    ]
    assert slug("one two three four five six seven eight nine ten", "x") == (
        "one-two-three-four-five-six-seven-eight"
    )


def test_an_id_that_names_the_answer_is_replaced() -> None:
    draft = Draft("1", "Paris", {"type": "text", "prompt": "Capital of France?", "answer": "Paris"})
    built = build_bank(Imported("T", [draft]), "x.gift")
    assert "  - id: text-1\n" in built.text and validate_text(built.text, "x.yaml") == []


def test_questions_that_would_not_validate_are_dropped_with_the_reason() -> None:
    imported = read_gift(b"Capital of France, Paris?{=Paris}\n\nCapital of Peru?{=Lima}\n", "T")
    built = build_bank(imported, "x.gift")
    assert built.question_count == 1
    assert built.notes == [
        ("1", "dropped: the prompt gives away its own answer ('Paris'): rephrase it")
    ]


def test_the_sample_import_is_readable_and_matches_the_schema() -> None:
    built = build_bank(read_gift(SAMPLE.read_bytes(), "Every construct"), SAMPLE.name)
    text = built.text
    assert text.startswith("# Imported from every-construct.gift by `quiz import`.\n")
    assert "    choices: [Grant, Jefferson, no one]\n" in text  # short lists inline
    assert "    prompt: |-\n      First line\n      Second line" in text  # blocks for lines
    assert "  # not carried: partly right answer '4' (50%)\n" in text
    jsonschema.Draft202012Validator(bank_schema()).validate(yaml.safe_load(text))


def test_a_replacement_id_already_taken_gets_a_number() -> None:
    gift = b"::text-2::Capital?{=Paris}\n\n::paris::Capital of France?{=Paris}\n"
    built = build_bank(read_gift(gift, "T"), "x.gift")
    ids = [line.split(": ")[1] for line in built.text.splitlines() if line.startswith("  - id: ")]
    assert ids == ["text-2", "text-2-2"]  # 'paris' named the answer; text-2 was the first's
    assert validate_text(built.text, "x.yaml") == []


def test_ids_for_many_repeated_names_take_linear_time() -> None:
    # A CSV of one row repeated fits many thousands of rows in the 5 MB limit; numbering each
    # repeat by trying -2, -3... from the start was quadratic and hung `quiz import`.
    drafts = [Draft(str(n), "Same front", {"type": "card"}) for n in range(20_000)]
    drafts.append(Draft("last", "Same front 3", {"type": "card"}))  # taken by the 3rd repeat
    started = time.perf_counter()
    ids = unique_ids(drafts)
    assert time.perf_counter() - started < 5  # a bound against hanging, not a benchmark
    assert ids[:3] == ["same-front", "same-front-2", "same-front-3"]
    assert ids[-2:] == ["same-front-20000", "same-front-3-2"]
    assert len(set(ids)) == len(ids)
