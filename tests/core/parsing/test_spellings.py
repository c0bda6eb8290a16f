"""British and American spellings read as one, and nothing else touched."""

from __future__ import annotations

import pytest

from quiz.core.parsing.spellings import one_spelling


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("organisation", "organization"),
        ("organised", "organized"),
        ("analyse", "analyze"),
        ("colour", "color"),
        ("honourable", "honorable"),
        ("centre", "center"),
        ("kilometres", "kilometers"),
        ("defence", "defense"),
        ("catalogue", "catalog"),
    ],
)
def test_a_british_spelling_becomes_the_american_one(british: str, american: str) -> None:
    assert one_spelling(british) == american
    assert one_spelling(american) == american


@pytest.mark.parametrize("word", ["rise", "wise", "four", "your", "hour", "paris", "crisis", "re"])
def test_other_words_stay_as_they_are(word: str) -> None:
    assert one_spelling(word) == word
