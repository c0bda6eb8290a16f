"""`quiz stats`: a bank's item analysis and wrong answers from the configured database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.core.verdict import Verdict
from quiz.storage import create_learner, make_engine, make_sessionmaker, record_attempt
from quiz.storage.migrate import upgrade_engine

ROOT = Path(__file__).parents[2]
SAMPLE = ROOT / "tests" / "data" / "banks" / "sample.yaml"
START = datetime(2026, 2, 1, 9, tzinfo=UTC)


def quiz(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"QUIZ_DATABASE_URL": url, "QUIZ_SECRET_KEY": "test", "QUIZ_QUESTIONS_DIR": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "quiz.cli", "stats", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )


@pytest.fixture
def url(tmp_path: Path) -> str:
    """Four learners on 'training-ground': one right, three 'Dushanbe' (one retries, right)."""
    url = f"sqlite:///{tmp_path / 'quiz.sqlite3'}"
    engine = make_engine(url)
    upgrade_engine(engine)
    answers = [
        (0, "Kharb-Maidon"),
        (1, "Dushanbe"),
        (2, "dushanbe"),
        (3, "Dushanbe!"),
        (3, "Kharb-Maidon"),
    ]
    with make_sessionmaker(engine)() as session:
        learners = [create_learner(session) for _ in range(4)]
        for minute, (who, response) in enumerate(answers):
            right = response == "Kharb-Maidon"
            feedback = "Right: Kharb-Maidon." if right else "Not quite: the answer is Kharb-Maidon."
            record_attempt(
                session, learner_id=learners[who].id, bank_id="sample",
                question_id="training-ground", response=response,
                verdict=Verdict(right, float(right), "Kharb-Maidon", feedback),
                time_taken_ms=1000 * (minute + 1), answered_at=START + timedelta(minutes=minute),
            )  # fmt: skip
        session.commit()
    engine.dispose()
    return url


def test_stats_json_for_one_question(url: str) -> None:
    result = quiz(url, str(SAMPLE), "--question", "training-ground", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["bank"], report["mode"], report["learners"], report["attempts"]) == (
        "sample",
        "first",
        4,
        4,
    )
    [question] = report["questions"]
    # first attempts: 1 right of 4; times 1, 2, 3, 4 s → median 2.5 s; one question answered,
    # so no learner has a "rest" score: discrimination undefined
    assert question["facility"] == 0.25 and question["median_time_ms"] == 2500
    assert question["discrimination"] is None
    assert question["wrong_answers"] == [
        {
            "response": "Dushanbe",
            "count": 3,
            "learners": 3,
            "close": False,
            "feedback": [{"text": "Not quite: the answer is Kharb-Maidon.", "count": 3}],
        }
    ]


def test_stats_all_attempts_as_text(url: str) -> None:
    result = quiz(url, str(SAMPLE), "--mode", "all")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "sample: 4 learner(s), 5 attempt(s) (all attempts)"
    [row] = [line for line in lines if line.startswith("training-ground ")]
    assert row.split()[1:5] == ["4", "5", "40%", "3.0s"]
    assert '  training-ground: 3x "Dushanbe" — Not quite: the answer is Kharb-Maidon.' in lines


def test_stats_of_an_unknown_question_or_a_broken_bank(url: str, tmp_path: Path) -> None:
    missing = quiz(url, str(SAMPLE), "--question", "nope")
    assert missing.returncode == 1 and "no quiz question 'nope'" in missing.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: B\nquestions:\n  - id: x\n    type: txt\n")
    result = quiz(url, str(broken))
    assert result.returncode == 1 and "unknown question type 'txt'" in result.stderr
    assert "Traceback" not in result.stderr
