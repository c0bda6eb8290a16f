"""HTML from Anki fields or GIFT's [html] text, as the plain text a reader of the card saw."""

from __future__ import annotations

import pytest

from quiz.core.interchange.html_text import html_to_text


@pytest.mark.parametrize(
    ("markup", "text", "media"),
    [
        ("<p>Dushanbe</p><p>Tajikistan</p>", "Dushanbe\nTajikistan", []),
        ("Capital<script>alert('x')</script> city", "Capital city", []),  # code is not text
        ("<style>p {color: red}</style><b>Bold</b> move", "Bold move", []),
        ("<head><title>Page</title></head>Body", "Body", []),  # hidden inside hidden
        ("A</script> stray end tag", "A stray end tag", []),  # never below zero
        ('Map <img src="map.png"> here', "Map here", ["img map.png"]),
        ("Say it [sound:word.mp3]", "Say it", ["sound word.mp3"]),
    ],
)
def test_the_text_a_reader_saw_and_the_media_it_named(
    markup: str, text: str, media: list[str]
) -> None:
    assert html_to_text(markup) == (text, media)
