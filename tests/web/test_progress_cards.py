"""The progress page's flashcards part, after real answers through the API."""

from __future__ import annotations

import re

from flask.testing import FlaskClient


def answer(client: FlaskClient, question_id: str, response: str) -> None:
    result = client.post(
        f"/api/banks/sample/questions/{question_id}/answer", json={"response": response}
    )
    assert result.status_code == 200, result.data


def stat(page: str, label: str) -> str:
    found = re.search(rf">{label}</a></dt><dd[^>]*>([^<]+)</dd>", page)
    assert found, f"no {label} figure on the page"
    return found.group(1)


def test_no_flashcards_section_before_any_answer(client: FlaskClient) -> None:
    page = client.get("/progress").get_data(as_text=True)
    assert "Cards due per day" not in page


def test_answers_show_up_as_cards_in_learning_due_today(client: FlaskClient) -> None:
    # A quiz answer is a review: right → Good, wrong → Again; either way a new card goes into
    # the learning steps (due in minutes), so both are due today and none is new any more.
    answer(client, "drills-country", "Tajikistan")
    answer(client, "tajik-ties", "true")
    page = client.get("/progress").get_data(as_text=True)
    assert 'aria-label="Cards due per day"' in page
    assert stat(page, "Learning") == "2"
    assert stat(page, "New") == "10"  # the sample bank has 12 questions, cards included
    assert stat(page, "Young") == "0" and stat(page, "Mature") == "0"
    assert re.search(
        r'data-figure="due-today">2</span> <a[^>]*>due today</a>, 2 in the next 30', page
    )
    # Retention counts reviews of cards already seen: none yet.
    assert re.search(r"<dt>Retention</dt><dd>—</dd>", page)
    assert "desired</a> 90%" in page
