"""One figure, one value: after a seeded history, every page showing a figure shows the same.

Each page marks a figure with `data-figure="<name>"`; this reads them all, from every page
that shows them, and from the API, and asserts they agree (and are what was earned).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quiz.web.figures import percent

ORDER = [
    "Khovar reports an attack from Badakhshan",
    "Shoigu speaks about Central Asia",
    "The drills end",
]
# Six right, the order question a third right, the rest wrong: 6.33 of 11 is 57.6 %, which a
# truncating page would show as 57 % and a rounding one as 58 %.
RESPONSES: dict[int, dict[str, Any]] = {
    1: {"q1-answer": "Tajikistan"},
    2: {"q2-answer": ["naval divers"]},
    3: {"q3-answer": "false"},
    4: {"q4-answer": "Kharb Maidon"},
    5: {"q5-answer": "201"},
    6: {"q6-answer": "20 km"},
    7: {"q7-answer": "18 April"},
    8: {"q8-answer": "Khovar"},
    9: {"q9-blank-1": "Afghan Taliban"},
    11: {"q11-match-1": "Tajikistan", "q11-match-2": "Russia"},
}
BEST = 6.333 / 11


def figures(page: str, name: str) -> list[str]:
    """The text of every element marked as figure `name` on the page."""
    return re.findall(rf'data-figure="{name}"[^>]*>([^<]*)<', page)


def number(text: str) -> int:
    found = re.match(r"\s*(\d+)", text)
    assert found, text
    return int(found.group(1))


def take_the_quiz(app: Flask, client: FlaskClient) -> None:
    started = client.post("/quiz/sample", data={"layout": "one"})
    run_id = int(started.location.split("/")[3])
    shown = client.get(f"/quiz/run/{run_id}/10").get_data(as_text=True)
    items = re.findall(r'class="order-text" id="q10-item-\d">([^<]+)<', shown)
    given = [ORDER[1], ORDER[2], ORDER[0]]  # one pair of three in order
    RESPONSES[10] = {f"q10-rank-{i}": str(given.index(t) + 1) for i, t in enumerate(items, 1)}
    for position in range(1, 12):
        posted = client.post(f"/quiz/run/{run_id}/{position}", data=RESPONSES[position])
        assert posted.status_code == 302, posted.get_data(as_text=True)
    done = client.get(f"/quiz/run/{run_id}/done").get_data(as_text=True)
    assert figures(done, "run-score") == [percent(BEST)] == ["58%"]


@pytest.fixture
def pages(app: Flask, client: FlaskClient) -> dict[str, str]:
    take_the_quiz(app, client)
    urls = {
        "home": "/",
        "start": "/quiz/sample",
        "progress": "/progress",
        "flashcards": "/flashcards/",
        "authors": "/authors",
    }
    read = {name: client.get(url) for name, url in urls.items()}
    for name, response in read.items():
        assert response.status_code == 200, name
    return {name: response.get_data(as_text=True) for name, response in read.items()}


def test_best_score_agrees(client: FlaskClient, pages: dict[str, str]) -> None:
    assert figures(pages["home"], "best-score") == ["58%"]
    assert figures(pages["progress"], "best-score") == ["58%"]
    [bank] = client.get("/api/progress").get_json()["banks"]
    assert percent(bank["best_score"]) == "58%"


def test_question_count_agrees(client: FlaskClient, pages: dict[str, str]) -> None:
    counts = {
        name: [number(text) for text in figures(pages[name], "question-count")]
        for name in ("home", "start", "progress", "authors")
    }
    assert counts == {"home": [11, 11], "start": [11], "progress": [11], "authors": [11]}
    [summary] = client.get("/api/banks").get_json()["banks"]
    [progress] = client.get("/api/progress").get_json()["banks"]
    assert summary["question_count"] == progress["question_count"] == 11
    assert [number(t) for t in figures(pages["home"], "card-count")] == [12]
    assert [number(t) for t in figures(pages["authors"], "card-count")] == [12]


def test_due_today_and_learning_agree(pages: dict[str, str]) -> None:
    # Every answer was a first review: all 11 cards are in their learning steps, due today.
    for name in ("progress", "flashcards"):
        assert figures(pages[name], "due-today") == ["11"], name
        assert figures(pages[name], "stage-learning") == ["11"], name
        assert figures(pages[name], "stage-new") == ["1"], name


def test_accuracy_and_mastered_agree(client: FlaskClient, pages: dict[str, str]) -> None:
    assert figures(pages["progress"], "accuracy") == [percent(6 / 11)] == ["55%"]
    assert figures(pages["home"], "mastered") == figures(pages["progress"], "mastered") == ["0"]
    [bank] = client.get("/api/progress").get_json()["banks"]
    assert bank["mastered_count"] == 0


@pytest.mark.parametrize(
    ("share", "text"),
    [(None, "—"), (0.0, "0%"), (0.645, "65%"), (6.333 / 11, "58%"), (0.994, "99%"), (1.0, "100%")],
)
def test_percent(share: float | None, text: str) -> None:
    assert percent(share) == text
