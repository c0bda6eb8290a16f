"""`quiz accept` and `quiz undo` in subprocesses, on a real bank file and a real database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from quiz.core.banks.loading import load_bank
from quiz.storage import create_learner, make_engine, make_sessionmaker, start_run
from quiz.storage.answering import answer_question
from quiz.storage.migrate import upgrade_engine
from quiz.storage.models import Attempt, Regrade

ROOT = Path(__file__).parents[2]
SEED = ROOT / "seeds" / "000_42a00ded27f26e66.txt"
BANK = f"""title: Drills
source: {SEED}
questions:
  # Where it happened.
  - id: ground
    type: text
    prompt: At which training ground was the exercise held?
    answer: Kharb-Maidon
    check:
      right: ["Kharb-Maidon"]
      wrong: ["Dushanbe"]
"""


def quiz(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quiz.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def bank_file(tmp_path: Path) -> Path:
    folder = tmp_path / "questions"
    folder.mkdir()
    path = folder / "drills.yaml"
    path.write_text(BANK, encoding="utf-8")
    return path


def test_accept_prints_the_diff_and_regrades_the_database(tmp_path: Path) -> None:
    path = bank_file(tmp_path)
    url = f"sqlite:///{tmp_path / 'quiz.sqlite3'}"
    engine = make_engine(url)
    upgrade_engine(engine)
    bank = load_bank(path).bank
    assert bank is not None
    with make_sessionmaker(engine)() as session:
        learner = create_learner(session, "ada", "correct horse")
        run = start_run(session, learner.id, "drills", ["ground"])
        answer_question(session, run, 1, bank.questions[0], "kharb camp")
        session.commit()

    env = {"QUIZ_DATABASE_URL": url, "QUIZ_SECRET_KEY": "t", "QUIZ_QUESTIONS_DIR": str(path.parent)}
    result = quiz(
        "accept", str(path), "ground", "Kharb Camp", "--regrade", "--author", "ed", env=env
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[2:] == [
        "@@ -6,6 +6,7 @@",
        "     type: text",
        "     prompt: At which training ground was the exercise held?",
        "     answer: Kharb-Maidon",
        "+    accept: [Kharb Camp]",
        "     check:",
        '-      right: ["Kharb-Maidon"]',
        '+      right: ["Kharb-Maidon", "Kharb Camp"]',
        '       wrong: ["Dushanbe"]',
    ]
    assert "regraded 1 past answer(s) of 1 learner(s)" in result.stderr
    with make_sessionmaker(engine)() as session:
        attempt = session.scalars(select(Attempt)).one()
        assert attempt.correct and attempt.verdict["regraded"]["was"]["correct"] is False
        audit = session.scalars(select(Regrade)).one()
        assert (audit.author, audit.bank_id, audit.question_id, audit.response) == (
            "ed", "drills", "ground", "Kharb Camp",
        )  # fmt: skip
    engine.dispose()

    undone = quiz("undo", str(path))
    assert undone.returncode == 0, undone.stderr
    assert path.read_text(encoding="utf-8") == BANK
    assert "+    accept: [Kharb Camp]" not in undone.stdout
    assert "-    accept: [Kharb Camp]" in undone.stdout
    assert quiz("undo", str(path)).stderr == f"quiz: {path.name} has no edit to undo\n"


def test_accept_refusals_say_why_and_where(tmp_path: Path) -> None:
    path = bank_file(tmp_path)
    breaks = quiz("accept", str(path), "ground", "Dushanbe")
    assert breaks.returncode == 1 and breaks.stdout == ""
    assert breaks.stderr.splitlines() == [
        "quiz: accepting 'Dushanbe' would break drills.yaml, so nothing was written",
        f"  {path}:11:15: check wrong example 1: 'Dushanbe' should grade wrong but grades right "
        '("Right: Dushanbe.")',
    ]
    missing = quiz("accept", str(path), "grund", "x")
    assert missing.stderr == "quiz: drills.yaml has no question 'grund' (did you mean 'ground'?)\n"
    assert quiz("accept", str(tmp_path / "nope.yaml"), "ground", "x").returncode == 2
    assert path.read_text(encoding="utf-8") == BANK
