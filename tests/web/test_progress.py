"""The progress page through the client: the empty state, and a history counted by hand."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quiz.core.verdict import Verdict
from quiz.storage import (
    create_learner,
    find_learner_by_username,
    finish_run,
    record_attempt,
    start_run,
)
from quiz.storage.models import Learner
from quiz.web.auth.learner import ANONYMOUS_KEY, session_reference
from quiz.web.database import get_session

if TYPE_CHECKING:
    from conftest import AuthActions

RIGHT = Verdict(correct=True, score=1.0, expected="x", feedback="")
WRONG = Verdict(correct=False, score=0.0, expected="x", feedback="")
TAJIK_PROMPT = "Tajikistan has diplomatic ties with the Taliban."

# Two finished runs of the sample bank on two days (2/3, then 3/3), plus one answer to a
# question since removed from the bank: 7 answers, 5 right.
RUNS = [
    (datetime(2025, 4, 10, 9, 0, tzinfo=UTC), [True, False, True]),
    (datetime(2025, 4, 11, 9, 0, tzinfo=UTC), [True, True, True]),
]
RUN_QUESTIONS = ["drills-country", "tajik-ties", "base-number"]


def seed_history(app: Flask, learner_id: int) -> None:
    with app.app_context():
        session = get_session()
        for when, answers in RUNS:
            run = start_run(session, learner_id, "sample", RUN_QUESTIONS)
            for position, (question, right) in enumerate(zip(RUN_QUESTIONS, answers, strict=True)):
                record_attempt(
                    session,
                    learner_id=learner_id,
                    bank_id="sample",
                    question_id=question,
                    response="x",
                    verdict=RIGHT if right else WRONG,
                    run_id=run.id,
                    position=position + 1,
                    answered_at=when.replace(minute=position),
                )
            finish_run(session, run, now=when.replace(minute=30))
        record_attempt(
            session,
            learner_id=learner_id,
            bank_id="sample",
            question_id="retired-question",
            response="x",
            verdict=WRONG,
            answered_at=datetime(2025, 4, 11, 10, 0, tzinfo=UTC),
        )
        session.commit()


def anonymous_learner(app: Flask, client: FlaskClient) -> int:
    with app.app_context():
        learner = create_learner(get_session())
        get_session().commit()
        learner_id, reference = learner.id, session_reference(learner)
    with client.session_transaction() as session:
        session[ANONYMOUS_KEY] = reference
    return learner_id


def learner_count(app: Flask) -> int:
    with app.app_context():
        return int(get_session().scalar(select(func.count(Learner.id))) or 0)


def squeeze(html: str) -> str:
    return re.sub(r"\s+", " ", html)


def test_a_first_visit_sees_an_inviting_empty_page(app: Flask, client: FlaskClient) -> None:
    response = client.get("/progress")
    assert response.status_code == 200
    progress_html = response.text
    assert "Your progress starts with one answer" in progress_html
    assert 'href="/">Choose a quiz</a>' in progress_html
    assert 'role="img"' not in progress_html  # no empty charts
    assert learner_count(app) == 0  # looking creates nobody


def test_a_learner_who_never_answered_sees_the_empty_state(app: Flask, client: FlaskClient) -> None:
    anonymous_learner(app, client)
    assert "Your progress starts with one answer" in client.get("/progress").text


@pytest.fixture
def progress_html(app: Flask, client: FlaskClient) -> str:
    seed_history(app, anonymous_learner(app, client))
    response = client.get("/progress")
    assert response.status_code == 200
    return squeeze(response.text)


def test_summary(progress_html: str) -> None:
    assert '<dt>Answers</dt><dd>7</dd><dd class="pg-stat-note">5 right</dd>' in progress_html
    assert ">Accuracy</a></dt><dd>71%</dd>" in progress_html  # 5 of 7
    assert "<dt>Longest streak</dt><dd>2 days</dd>" in progress_html  # 10 and 11 April
    assert ">streak</a></dt><dd>0 days</dd>" in progress_html  # long ago
    # drills-country and base-number were right twice running; tajik-ties was wrong first.
    # Every served bank counts, the 8-question test exam too (main: a finished exam unseals).
    assert '>Mastered</a></dt><dd>2 <span class="pg-of">of 19</span>' in progress_html


def test_bank_row(progress_html: str) -> None:
    row = progress_html[progress_html.index('<th scope="row">Sample bank</th>') :]
    row = row[: row.index("</tr>")]
    assert 'data-label="Answers">7<' in row
    assert 'data-label="Accuracy" data-figure="accuracy">71%<' in row
    assert 'data-figure="mastered">2</span>/<span data-figure="question-count">11</span>' in row
    assert 'data-label="Best score" data-figure="best-score">100%<' in row
    assert '<time datetime="2025-04-11T10:00:00+00:00">11 Apr 2025</time>' in row
    assert 'href="/quiz/sample"' in row


def test_charts_and_their_numbers(progress_html: str) -> None:
    # Accuracy and answers; the flashcard forecast shows text instead, nothing being due.
    assert progress_html.count('role="img"') == 2
    assert 'aria-label="Accuracy per day"' in progress_html
    assert 'aria-label="Answers per day"' in progress_html
    # 10 April: 2 of 3 right; 11 April: 3 of 4 (the removed question's answer counts too).
    assert "10 April 2025: 67%; 11 April 2025: 75%." in progress_html
    assert "10 April 2025: 3; 11 April 2025: 4." in progress_html
    row = 'Fri 11 Apr 2025</time></th><td class="num">75%</td><td class="num">3/4</td>'
    assert row in progress_html


def test_weakest_questions_lowest_accuracy_first(progress_html: str) -> None:
    weak = progress_html[progress_html.index('id="pg-weak-heading"') :]
    retired, tajik = weak.index("retired-question"), weak.index(TAJIK_PROMPT)
    assert retired < tajik
    assert "no longer asked" in weak[retired:tajik]
    assert "drills-country" not in weak and "Kharb-Maidon" not in weak  # never missed
    assert "1/2 right" in weak[tajik:]


def test_a_signed_in_learner_sees_their_own_history(
    app: Flask, client: FlaskClient, auth: AuthActions
) -> None:
    auth.register("grace")
    with app.app_context():
        grace = find_learner_by_username(get_session(), "grace")
        assert grace is not None
        grace_id = grace.id
    seed_history(app, grace_id)
    progress_html = squeeze(client.get("/progress").text)
    assert "<dt>Answers</dt><dd>7</dd>" in progress_html
    auth.logout()
    assert "Your progress starts with one answer" in client.get("/progress").text


def test_another_learners_answers_stay_theirs(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        other = create_learner(get_session())
        get_session().commit()
        other_id = other.id
    seed_history(app, other_id)
    anonymous_learner(app, client)
    assert "Your progress starts with one answer" in client.get("/progress").text


def test_the_nav_links_to_progress(client: FlaskClient) -> None:
    assert 'href="/progress"' in client.get("/").text


def test_its_words_link_to_their_definitions(progress_html: str) -> None:
    for anchor in ("accuracy", "streak", "mastered", "best-score"):
        assert f'href="/help#{anchor}"' in progress_html
