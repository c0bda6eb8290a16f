"""Page views make no learner rows: an anonymous learner is created on their first write."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from sqlalchemy import func, select

from quiz.storage.models import Learner, ReviewLog
from quiz.web.database import get_session

PAGES = [
    "/",
    "/flashcards/",
    "/flashcards/review",
    "/flashcards/card/sample/tajik-ties",
    "/progress",
    "/api/progress",
    "/quiz/sample",
]


def learners(app: Flask) -> int:
    with app.app_context():
        return int(get_session().scalar(select(func.count(Learner.id))) or 0)


@pytest.mark.parametrize("url", PAGES)
def test_pages_viewed_without_a_cookie_make_no_learner(app: Flask, url: str) -> None:
    for _ in range(3):
        assert app.test_client().get(url).status_code == 200
    assert learners(app) == 0


def test_an_anonymous_flip_and_rate_makes_one_learner_and_keeps_the_rating(app: Flask) -> None:
    client = app.test_client()
    back = client.get("/flashcards/card/sample/tajik-ties").text
    found = re.search(r'name="preview_at" type="hidden" value="([^"]+)"', back)
    assert found is not None
    rated = client.post(
        "/flashcards/card/sample/tajik-ties/rate",
        data={"rating": "3", "preview_at": found.group(1)},
    )
    assert rated.status_code == 302
    assert learners(app) == 1
    with app.app_context():
        assert get_session().scalar(select(func.count(ReviewLog.id))) == 1
