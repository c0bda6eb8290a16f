"""Free-text normalisation and matching, with names and phrases from the seed article."""

from __future__ import annotations

import pytest

from quiz.core.parsing.text import (
    EmptyAnswerError,
    TextMatch,
    match_prepared,
    normalize,
    prepare_answers,
    typos_for,
)


def match_text(response: str, answers: list[str], typos: int | None = None) -> TextMatch | None:
    """Best match of `response` among `answers`, as a grader makes it (prepared at load)."""
    return match_prepared(response, prepare_answers(answers, typos))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kharb-Maidon", "kharb maidon"),
        ("Kharb Maidon", "kharb maidon"),
        ("  kharb   maidon ", "kharb maidon"),
        ("Kharb–Maidon", "kharb maidon"),  # en dash
        ("KHARB—MAIDON", "kharb maidon"),  # em dash
        ("Mi-24", "mi 24"),
        ("Mi24", "mi 24"),
        ("Mi-8MTV5-1", "mi 8 mtv 5 1"),
        ("201st", "201"),
        ("201th", "201"),
        ("the 201st military base", "201 military base"),
        ("The Taliban", "taliban"),
        ("a Tajik", "tajik"),
        ("An emirate", "emirate"),
        ("The", "the"),  # an article alone is the whole answer, not dropped
        ("theology", "theology"),
        ("Russia’s Defense Ministry", "russias defense ministry"),
        ("Russia's Defense Ministry", "russias defense ministry"),
        ("“the interests of ethnic Tajiks”", "interests of ethnic tajiks"),
        (
            "Collective Security Treaty Organization (CSTO)",
            "collective security treaty organization csto",
        ),
        ("IS-KP", "is kp"),
        ("Badakhshán", "badakhshan"),
        ("Ťájíkístán", "tajikistan"),
        ("Straße", "strasse"),
        ("U.S.", "us"),
        ("15%", "15"),
        ("3.5 km", "3.5 km"),
        ("1,000 km", "1000 km"),
        ("transport/combat", "transport combat"),
        ("snake_case", "snake case"),
        ("", ""),
        ("?!", ""),
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("TASS", 0),
        ("CSTO", 0),
        ("IS-KP", 0),
        ("Mi-24", 0),  # two letters: digits are never forgiven anyway
        ("the TASS", 0),  # the article does not count
        ("Khovar", 1),
        ("Shoigu", 1),
        ("Taliban", 1),
        ("Kharb-Maidon", 2),  # 11 letters
        ("Badakhshan", 2),
        ("Jamiat Ansarullah", 2),
    ],
)
def test_default_typos(answer: str, expected: int) -> None:
    assert typos_for(normalize(answer)) == expected


@pytest.mark.parametrize(
    ("response", "answers", "expected"),
    [
        ("Kharb-Maidon", ["Kharb-Maidon"], TextMatch("Kharb-Maidon", 0)),
        ("kharb maidon", ["Kharb-Maidon"], TextMatch("Kharb-Maidon", 0)),
        ("Kharb Maydon", ["Kharb-Maidon"], TextMatch("Kharb-Maidon", 1)),
        ("Karb Maydon", ["Kharb-Maidon"], TextMatch("Kharb-Maidon", 2)),
        ("Karb Mydan", ["Kharb-Maidon"], None),  # 3 edits
        ("KharbMaidon", ["Kharb-Maidon"], TextMatch("Kharb-Maidon", 1)),
        ("Khovar", ["Khovar"], TextMatch("Khovar", 0)),
        ("Kovar", ["Khovar"], TextMatch("Khovar", 1)),
        ("Kovor", ["Khovar"], None),
        ("TASS", ["TASS"], TextMatch("TASS", 0)),
        ("tass", ["TASS"], TextMatch("TASS", 0)),
        ("TAS", ["TASS"], None),  # short answers must be exact
        ("TASR", ["TASS"], None),
        ("Badakhshan", ["Badakhshan"], TextMatch("Badakhshan", 0)),
        ("Badakshan", ["Badakhshan"], TextMatch("Badakhshan", 1)),
        ("Badahkshan", ["Badakhshan"], TextMatch("Badakhshan", 2)),  # a swap is 2 edits
        ("Badakhshan province", ["Badakhshan"], None),
        (
            "Jamiat Ansarulla",
            ["Jamiat Ansarullah", "Tajik Taliban"],
            TextMatch("Jamiat Ansarullah", 1),
        ),
        (
            "the Tajik Taliban",
            ["Jamiat Ansarullah", "Tajik Taliban"],
            TextMatch("Tajik Taliban", 0),
        ),
        ("Taliban", ["Jamiat Ansarullah", "Tajik Taliban"], None),
        ("CSTO", ["Collective Security Treaty Organization", "CSTO"], TextMatch("CSTO", 0)),
        (
            "collective security treaty organisation",  # British spelling: no typo
            ["Collective Security Treaty Organization", "CSTO"],
            TextMatch("Collective Security Treaty Organization", 0),
        ),
        ("CSTA", ["Collective Security Treaty Organization", "CSTO"], None),
        ("NATO", ["Collective Security Treaty Organization", "CSTO"], None),
        ("IS-KP", ["IS-KP"], TextMatch("IS-KP", 0)),
        ("IS KP", ["IS-KP"], TextMatch("IS-KP", 0)),
        ("ISKP", ["IS-KP"], None),  # a dropped separator is one edit, and 4 letters allow none
        ("ISIS", ["IS-KP"], None),
        ("Mi-24", ["Mi-24"], TextMatch("Mi-24", 0)),
        ("mi 24", ["Mi-24"], TextMatch("Mi-24", 0)),
        ("Mi24", ["Mi-24"], TextMatch("Mi-24", 0)),
        ("Mi-28", ["Mi-24"], None),
        ("Mi-2", ["Mi-24"], None),
        ("Mi-244", ["Mi-24"], None),
        ("Mi", ["Mi-24"], None),
        ("Mi-8MTV5-1", ["Mi-8MTV5-1"], TextMatch("Mi-8MTV5-1", 0)),
        ("Mi-8 MTV-5-1", ["Mi-8MTV5-1"], TextMatch("Mi-8MTV5-1", 0)),
        ("Mi-8MTB5-1", ["Mi-8MTV5-1"], TextMatch("Mi-8MTV5-1", 1)),  # five letters: one typo
        ("Mi-8MBB5-1", ["Mi-8MTV5-1"], None),
        ("Mi-8MTV5", ["Mi-8MTV5-1"], None),
        ("Mi-8MTV5-2", ["Mi-8MTV5-1"], None),
        ("201st", ["201st"], TextMatch("201st", 0)),
        ("201th", ["201st"], TextMatch("201st", 0)),
        ("201", ["201st"], TextMatch("201st", 0)),
        ("210th", ["201st"], None),
        ("20st", ["201st"], None),
        ("2011st", ["201st"], None),
        ("the 201st military base", ["201st military base"], TextMatch("201st military base", 0)),
        ("201st militray base", ["201st military base"], TextMatch("201st military base", 2)),
        ("102nd militry base", ["201st military base"], None),
        ("", ["Khovar"], None),
        ("   ", ["Khovar"], None),
    ],
)
def test_match_text(response: str, answers: list[str], expected: TextMatch | None) -> None:
    assert match_text(response, answers) == expected


@pytest.mark.parametrize(
    ("response", "typos", "expected"),
    [
        ("Shoigu", 0, TextMatch("Shoigu", 0)),
        ("Shoygu", 0, None),
        ("Shoygu", None, TextMatch("Shoigu", 1)),
        ("Shoygo", None, None),
        ("Shoygo", 2, TextMatch("Shoigu", 2)),
        ("Shoygo1", 2, None),  # a larger budget still never forgives a digit
    ],
)
def test_typos_override(response: str, typos: int | None, expected: TextMatch | None) -> None:
    assert match_text(response, ["Shoigu"], typos) == expected


def test_best_alias_wins_and_ties_go_to_the_first() -> None:
    key = prepare_answers(["Tajikistan", "Tajikstan", "Tadjikistan"])
    assert match_prepared("Tadjikistan", key) == TextMatch("Tadjikistan", 0)
    assert match_prepared("Tajikistn", key) == TextMatch("Tajikistan", 1)


@pytest.mark.parametrize(
    "response", ["CSTO", "csto", "Colective Security Treaty Organization", "NATO"]
)
def test_prepared_key_matches_like_match_text(response: str) -> None:
    answers = ["Collective Security Treaty Organization", "CSTO"]
    key = prepare_answers(answers)
    assert match_prepared(response, key) == match_text(response, answers)


@pytest.mark.parametrize("answer", ["", "  ", "—", "?!"])
def test_empty_answer_is_refused(answer: str) -> None:
    with pytest.raises(EmptyAnswerError, match="no letters or digits"):
        prepare_answers(["Khovar", answer])
