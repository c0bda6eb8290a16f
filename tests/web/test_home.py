"""The home page: every served bank with its counts, and a returning learner's standing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient

from quiz.core.verdict import Verdict
from quiz.storage import create_learner, finish_run, record_attempt, start_run
from quiz.web.auth.learner import ANONYMOUS_KEY, session_reference
from quiz.web.banks_registry import get_registry
from quiz.web.database import get_session

RIGHT = Verdict(correct=True, score=1.0, expected="x", feedback="")
WRONG = Verdict(correct=False, score=0.0, expected="x", feedback="")


def test_home_lists_banks_with_counts(client: FlaskClient, app: Flask) -> None:
    with app.app_context():
        bank = get_registry().get("sample")
    assert bank is not None
    cards = sum(q.type == "card" for q in bank.questions)
    assert cards >= 1, "the sample bank should hold a card so the two counts differ"
    page = client.get("/").text
    assert "Sample bank" in page and 'href="/quiz/sample"' in page
    quiz_count = len(bank.questions) - cards
    assert f'<dt>Quiz questions</dt><dd data-figure="question-count">{quiz_count}</dd>' in page
    assert f'<dt>Flashcards</dt><dd data-figure="card-count">{len(bank.questions)}</dd>' in page
    assert "Best score" not in page


def test_a_visit_alone_creates_no_learner(client: FlaskClient) -> None:
    client.get("/")
    with client.session_transaction() as session:
        assert ANONYMOUS_KEY not in session


def test_returning_learner_sees_best_score_last_date_and_mastered(
    client: FlaskClient, app: Flask
) -> None:
    with app.app_context():
        db = get_session()
        learner = create_learner(db)
        run = start_run(db, learner.id, "sample", ["drills-country", "base-number"])
        for position, (question, verdict) in enumerate(
            [("drills-country", RIGHT), ("base-number", WRONG)]
        ):
            attempt = record_attempt(
                db,
                learner_id=learner.id,
                bank_id="sample",
                question_id=question,
                response="x",
                verdict=verdict,
                run_id=run.id,
                position=position,
                answered_at=datetime(2025, 4, 18, 10, position, tzinfo=UTC),
            )
            assert attempt.id is not None
        extra = record_attempt(
            db,
            learner_id=learner.id,
            bank_id="sample",
            question_id="drills-country",
            response="x",
            verdict=RIGHT,
            answered_at=datetime(2025, 4, 18, 11, 0, tzinfo=UTC),
        )
        assert extra.id is not None
        finish_run(db, run)
        db.commit()
        reference = session_reference(learner)
    with client.session_transaction() as session:
        session[ANONYMOUS_KEY] = reference
    page = client.get("/").text
    assert 'Best score</a></dt><dd data-figure="best-score">50%</dd>' in page
    assert '<time datetime="2025-04-18T11:00:00+00:00">18 Apr 2025</time>' in page
    assert '<dt>Mastered</dt><dd><span data-figure="mastered">1</span> of ' in page


def test_no_banks_shows_an_empty_state(tmp_path: Path, make_app: Callable[..., Flask]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    app = make_app(QUESTIONS_DIR=str(empty))
    assert "No quizzes yet" in app.test_client().get("/").text
