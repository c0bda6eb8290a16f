"""Matching who said it: people by full or family name, organisations only whole."""

from __future__ import annotations

import pytest

from quiz.core.parsing.names import NameMatch, match_name, name_form, prepare_name

SHOIGU = prepare_name("Sergei Shoigu", ["Sergey Shoygu"])
MINISTRY = prepare_name(
    "Russia's Defense Ministry", ["Defense Ministry", "Russian Defence Ministry"], surname=False
)


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        ("Sergei Shoigu", NameMatch("Sergei Shoigu", 0, by_surname=False)),
        ("sergei shoigu", NameMatch("Sergei Shoigu", 0, by_surname=False)),
        ("Sergey Shoygu", NameMatch("Sergey Shoygu", 0, by_surname=False)),
        ("Sergej Shoigu", NameMatch("Sergei Shoigu", 1, by_surname=False)),
        ("Mr. Sergei Shoigu", NameMatch("Sergei Shoigu", 0, by_surname=False)),
        ("Russian Defense Minister Sergei Shoigu", NameMatch("Sergei Shoigu", 0, by_surname=False)),
        ("Shoigu", NameMatch("Sergei Shoigu", 0, by_surname=True)),
        ("shoigu", NameMatch("Sergei Shoigu", 0, by_surname=True)),
        ("Shoygu", NameMatch("Sergey Shoygu", 0, by_surname=True)),
        ("Shoigo", NameMatch("Sergei Shoigu", 1, by_surname=True)),
        ("Mr. Shoigu", NameMatch("Sergei Shoigu", 0, by_surname=True)),
        ("Mr.Shoigu", NameMatch("Sergei Shoigu", 0, by_surname=True)),
        ("Mr Shoigu", NameMatch("Sergei Shoigu", 0, by_surname=True)),
        ("Minister Shoigu", NameMatch("Sergei Shoigu", 0, by_surname=True)),
        ("Defense Minister Shoigu", NameMatch("Sergei Shoigu", 0, by_surname=True)),
        ("Defence Minister Shoigu", NameMatch("Sergei Shoigu", 0, by_surname=True)),
        ("Gen. Shoigu", NameMatch("Sergei Shoigu", 0, by_surname=True)),
        ("General Shoigu", NameMatch("Sergei Shoigu", 0, by_surname=True)),
        ("President Shoigu", NameMatch("Sergei Shoigu", 0, by_surname=True)),
        ("Sergei", None),
        ("Mr. Sergei", None),
        ("Sergey", None),
        ("Shoigu Sergei", NameMatch("Sergei Shoigu", 0, by_surname=False)),
        ("Shoigu, Sergei", NameMatch("Sergei Shoigu", 0, by_surname=False)),
        ("S. Shoigu", NameMatch("Sergei Shoigu", 0, by_surname=True)),
        ("V. Shoigu", None),
        ("Shoigu Vladimir", None),
        ("Shaygo", None),  # two edits on a six-letter name
        ("Minister", None),
        ("Mr.", None),
        ("Putin", None),
        ("Vladimir Putin", None),
        ("", None),
    ],
)
def test_person(response: str, expected: NameMatch | None) -> None:
    assert match_name(response, SHOIGU) == expected


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        ("Russia's Defense Ministry", NameMatch("Russia's Defense Ministry", 0, by_surname=False)),
        ("Russia’s defense ministry", NameMatch("Russia's Defense Ministry", 0, by_surname=False)),
        ("Defense Ministry", NameMatch("Defense Ministry", 0, by_surname=False)),
        ("the Defense Ministry", NameMatch("Defense Ministry", 0, by_surname=False)),
        ("Defence Ministry", NameMatch("Defense Ministry", 0, by_surname=False)),  # spelling
        ("Russian Defence Ministry", NameMatch("Russian Defence Ministry", 0, by_surname=False)),
        ("Ministry", None),
        ("Defense", None),
        ("Russia", None),
        ("TASS", None),
    ],
)
def test_organisation(response: str, expected: NameMatch | None) -> None:
    assert match_name(response, MINISTRY) == expected


@pytest.mark.parametrize(
    ("answer", "response", "expected"),
    [
        # An organisation keeps its title-like words: "General" here is part of the name.
        ("General Staff", "Staff", None),
        ("General Staff", "General Staff", NameMatch("General Staff", 0, by_surname=False)),
        ("Khovar", "Khovar", NameMatch("Khovar", 0, by_surname=False)),
        ("Khovar", "the Khovar agency", None),
    ],
)
def test_organisation_names(answer: str, response: str, expected: NameMatch | None) -> None:
    assert match_name(response, prepare_name(answer, surname=False)) == expected


@pytest.mark.parametrize(
    ("answer", "response", "expected"),
    [
        ("Martin Luther King Jr.", "King", NameMatch("Martin Luther King Jr.", 0, by_surname=True)),
        ("Martin Luther King Jr.", "Dr. King", NameMatch("Martin Luther King Jr.", 0, True)),
        ("Martin Luther King Jr.", "Jr", None),
        ("Martin Luther King Jr.", "Martin", None),
        ("Shoigu", "Mr. Shoigu", NameMatch("Shoigu", 0, by_surname=False)),
        ("Shoigu", "Shoygu", NameMatch("Shoigu", 1, by_surname=False)),
    ],
)
def test_person_edge_cases(answer: str, response: str, expected: NameMatch | None) -> None:
    assert match_name(response, prepare_name(answer, [])) == expected


def test_typos_override_applies_to_surnames_too() -> None:
    strict = prepare_name("Sergei Shoigu", [], typos=0)
    assert match_name("Shoygu", strict) is None
    assert match_name("Shoigu", strict) == NameMatch("Sergei Shoigu", 0, by_surname=True)


@pytest.mark.parametrize(
    ("text", "person", "expected"),
    [
        ("Russian Defense Minister Sergei Shoigu", True, "sergei shoigu"),
        ("Prime Minister Mr. Smith", True, "smith"),
        ("Mr.", True, "mr"),  # a title with no name after it stays: there is nothing else
        ("General Staff", False, "general staff"),
        ("J.R.R. Tolkien", True, "j r r tolkien"),
    ],
)
def test_name_form(text: str, person: bool, expected: str) -> None:
    assert name_form(text, person) == expected
