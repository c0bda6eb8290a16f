"""A learner's answer regraded after the author accepted it: their pages say it is right now,
and that it was marked wrong when they answered."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient

from quiz.core.banks.editing import accept_answer, file_hash
from quiz.storage.regrading import regrade_answers
from quiz.web.banks_registry import get_registry
from quiz.web.database import get_session

AppMaker = Callable[..., Flask]
SEED = Path(__file__).parents[2] / "seeds" / "000_42a00ded27f26e66.txt"
BANK = f"""title: Drills
source: {SEED}
questions:
  - id: ground
    type: text
    prompt: At which training ground was the exercise held?
    answer: Kharb-Maidon
"""


def test_the_verdict_and_score_pages_show_the_regrade(tmp_path: Path, make_app: AppMaker) -> None:
    questions = tmp_path / "questions"
    questions.mkdir()
    bank = questions / "drills.yaml"
    bank.write_text(BANK, encoding="utf-8")
    app = make_app(QUESTIONS_DIR=str(questions), BANKS_CHECK_SECONDS=60)
    client: FlaskClient = app.test_client()
    run_id = int(client.post("/quiz/drills", data={"layout": "one"}).location.split("/")[3])
    client.post(f"/quiz/run/{run_id}/1", data={"q1-answer": "Kharb camp"})
    before = client.get(f"/quiz/run/{run_id}/done").get_data(as_text=True)
    assert "0%" in before and "Regraded" not in before

    accept_answer(bank, "ground", "Kharb camp", expected_hash=file_hash(bank))
    with app.app_context():
        registry = get_registry()
        assert registry.refresh(force=True)  # what the accept button does in its own process
        question = registry.banks["drills"].questions[0]
        regrade_answers(get_session(), "drills", question, "Kharb camp", author="ed",
                        now=datetime.now(UTC))  # fmt: skip
        get_session().commit()

    after = client.get(f"/quiz/run/{run_id}/done").get_data(as_text=True)
    assert "100%" in after and "Right: Kharb camp." in after
    assert "Regraded: marked wrong at the time, this answer has since been accepted" in after
