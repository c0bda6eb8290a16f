"""The progress figures are kept per learner: a new answer or a finished run shows at once."""

from __future__ import annotations

import re

from flask.testing import FlaskClient


def answers_shown(client: FlaskClient) -> int:
    page = client.get("/progress").get_data(as_text=True)
    found = re.search(r"<dt>Answers</dt><dd>(\d+)</dd>", page)
    assert found, "no answer count on the page"
    return int(found.group(1))


def test_a_new_answer_shows_at_once(client: FlaskClient) -> None:
    for expected in (1, 2, 3):
        client.post("/api/banks/sample/questions/tajik-ties/answer", json={"response": "false"})
        assert answers_shown(client) == expected
        assert answers_shown(client) == expected


def test_finishing_a_run_shows_its_best_score(client: FlaskClient) -> None:
    start = client.post("/quiz/sample", data={"count": "1", "layout": "one"})
    question = start.headers["Location"]
    client.post(question, data={"q1-answer": "Tajikistan"})
    before = client.get("/progress").get_data(as_text=True)
    client.get(question.rsplit("/", 1)[0] + "/done")  # the done page finishes the run
    after = client.get("/progress").get_data(as_text=True)
    assert 'data-label="Best score" data-figure="best-score">100%<' in after
    assert 'data-label="Best score" data-figure="best-score">100%<' not in before
