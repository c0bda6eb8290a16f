"""One figure, one value: after a seeded history, every page showing a figure shows the same.

Each page marks a figure with `data-figure="<name>"`; this reads them all, from every page
that shows them, and from the API, and asserts they agree (and are what was earned).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quiz.storage import find_learner_by_username
from quiz.storage.accounts import set_author
from quiz.web.database import get_session
from quiz.web.figures import percent

if TYPE_CHECKING:
    from conftest import AuthActions

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


def sample_part(page: str, name: str) -> str:
    """The part of a page about the sample bank (the test banks hold an exam bank too)."""
    bounds = {
        "home": ('<li class="bank-card">', "</article>"),
        "progress-row": ("<tr", "</tr>"),
        "authors": ("<tr", "</tr>"),
    }
    if name not in bounds:
        return page
    start, end = bounds[name]
    parts = [part.split(end)[0] for part in page.split(start)[1:]]
    [part] = [p for p in parts if "Sample bank" in p or "sample.yaml" in p]
    return part


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
def pages(app: Flask, client: FlaskClient, auth: AuthActions) -> dict[str, str]:
    auth.register("ada")  # an author, to read the authors' pages too
    with app.app_context():
        ada = find_learner_by_username(get_session(), "ada")
        assert ada is not None
        set_author(get_session(), ada, True)
        get_session().commit()
    take_the_quiz(app, client)
    urls = {
        "home": "/",
        "start": "/quiz/sample",
        "progress": "/progress",
        "flashcards": "/flashcards/",
        "authors": "/authors/",
    }
    read = {name: client.get(url) for name, url in urls.items()}
    for name, response in read.items():
        assert response.status_code == 200, name
    texts = {name: response.get_data(as_text=True) for name, response in read.items()}
    texts["progress-row"] = texts["progress"]
    return {name: sample_part(text, name) for name, text in texts.items()}


def test_best_score_agrees(client: FlaskClient, pages: dict[str, str]) -> None:
    assert figures(pages["home"], "best-score") == ["58%"]
    assert figures(pages["progress-row"], "best-score") == ["58%"]
    [bank] = [
        b for b in client.get("/api/progress").get_json()["banks"] if b["bank_id"] == "sample"
    ]
    assert percent(bank["best_score"]) == "58%"


def test_question_count_agrees(client: FlaskClient, pages: dict[str, str]) -> None:
    counts = {
        name: [number(text) for text in figures(pages[name], "question-count")]
        for name in ("home", "start", "progress-row", "authors")
    }
    assert counts == {"home": [11, 11], "start": [11], "progress-row": [11], "authors": [11]}
    [summary] = [b for b in client.get("/api/banks").get_json()["banks"] if b["id"] == "sample"]
    banks = client.get("/api/progress").get_json()["banks"]
    [progress] = [b for b in banks if b["bank_id"] == "sample"]
    assert summary["question_count"] == progress["question_count"] == 11
    assert [number(t) for t in figures(pages["home"], "card-count")] == [12]


def test_due_today_and_learning_agree(pages: dict[str, str]) -> None:
    # Every answer was a first review: all 11 cards are in their learning steps, due today.
    for name in ("progress", "flashcards"):
        assert figures(pages[name], "due-today") == ["11"], name
        assert figures(pages[name], "stage-learning") == ["11"], name
        assert figures(pages[name], "stage-new") == ["1"], name


def test_accuracy_and_mastered_agree(client: FlaskClient, pages: dict[str, str]) -> None:
    assert figures(pages["progress-row"], "accuracy") == [percent(6 / 11)] == ["55%"]
    assert figures(pages["home"], "mastered") == figures(pages["progress-row"], "mastered") == ["0"]
    [bank] = [
        b for b in client.get("/api/progress").get_json()["banks"] if b["bank_id"] == "sample"
    ]
    assert bank["mastered_count"] == 0


@pytest.mark.parametrize(
    ("share", "text"),
    [(None, "—"), (0.0, "0%"), (0.645, "65%"), (6.333 / 11, "58%"), (0.994, "99%"), (1.0, "100%")],
)
def test_percent(share: float | None, text: str) -> None:
    assert percent(share) == text
