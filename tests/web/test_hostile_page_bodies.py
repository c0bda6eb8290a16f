"""Hostile bodies sent to the pages' forms: JSON where a form belongs, numbers that are not
numbers. Each gets the page's own 4xx and saves nothing, never a 500."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quiz.storage.models import FlashcardSettings, ReviewLog
from quiz.web.database import get_session


def rows(app: Flask, model: type) -> int:
    with app.app_context():
        return get_session().scalar(select(func.count()).select_from(model)) or 0


@pytest.mark.parametrize(
    ("url", "body"),
    [
        # wtforms' IntegerField raised OverflowError on a JSON float too big for an int.
        ("/quiz/sample", '{"layout": "one", "count": 1e400}'),
        ("/flashcards/card/sample/training-ground/rate", '{"rating": 1e400, "preview_at": "x"}'),
        # A JSON list or string is not a mapping of fields at all.
        ("/quiz/sample", "[1]"),
        ("/quiz/sample", '"layout"'),
        ("/auth/register", '{"username": ["a", "b"], "password": {"x": 1}}'),
        ("/flashcards/settings", '{"retention": 1e400}'),
    ],
)
def test_a_json_body_on_a_page_form_reads_as_an_empty_form(
    app: Flask, client: FlaskClient, url: str, body: str
) -> None:
    posted = client.post(url, data=body, content_type="application/json")
    empty = client.post(url, data={})
    assert posted.status_code == empty.status_code < 500
    assert "Traceback" not in posted.text
    # An empty start form is a run with the defaults; no rating or setting is saved.
    assert rows(app, ReviewLog) == rows(app, FlashcardSettings) == 0


@pytest.mark.parametrize("value", ["sNaN", "NaN", "Infinity", "-inf"])
def test_a_retention_that_is_no_number_is_a_400_form_error(
    app: Flask, client: FlaskClient, value: str
) -> None:
    posted = client.post("/flashcards/settings", data={"retention": value})
    assert posted.status_code == 400
    assert "Give a number." in posted.text or "between 70 and 99" in posted.text
    assert rows(app, FlashcardSettings) == 0
