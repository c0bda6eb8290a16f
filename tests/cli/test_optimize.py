"""`quiz optimize` (fsrs-rs-python, an optional extra) and `quiz export`, in subprocesses."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import fsrs
import pytest

from quiz.core.scheduling import Rating, Scheduler
from quiz.storage import create_learner, make_engine, make_sessionmaker
from quiz.storage.cards import preview_card, rate_card, state_for
from quiz.storage.migrate import upgrade_engine
from quiz.storage.models import FlashcardSettings

ROOT = Path(__file__).parents[2]
SAMPLE = ROOT / "tests" / "data" / "banks" / "sample.yaml"
# The optimizer made unimportable, as on an install without the extra.
WITHOUT_EXTRA = (
    "import sys; sys.modules['fsrs_rs_python'] = None; "
    "from quiz.cli import main; sys.exit(main(sys.argv[1:]))"
)


def run(
    args: list[str], env: dict[str, str] | None = None, code: str | None = None
) -> subprocess.CompletedProcess[str]:
    command = (
        [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "quiz.cli", *args]
    )
    return subprocess.run(
        command,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture
def database(tmp_path: Path) -> str:
    """A database where 'ada' has reviewed twelve cards over a few weeks."""
    url = f"sqlite:///{tmp_path / 'quiz.sqlite3'}"
    engine = make_engine(url)
    upgrade_engine(engine)
    with make_sessionmaker(engine)() as session:
        learner = create_learner(session, "ada", "correct horse")
        scheduler, start = Scheduler(fuzz=False), datetime(2025, 1, 1, 9, tzinfo=UTC)
        for n in range(12):
            now = start
            for step in range(5):
                state = state_for(session, learner.id, "sample", f"q{n}", now)
                preview_card(session, scheduler, state, now)
                rating = Rating.AGAIN if (n + step) % 4 == 0 else Rating.GOOD
                rate_card(session, scheduler, state, rating, now)
                now = max(state.due, now + timedelta(days=1))
        session.commit()
    engine.dispose()
    return url


def app_env(url: str, tmp_path: Path) -> dict[str, str]:
    return {
        "QUIZ_DATABASE_URL": url,
        "QUIZ_SECRET_KEY": "test",
        "QUIZ_QUESTIONS_DIR": str(SAMPLE.parent),
    }


def test_optimize_fits_and_saves_the_learners_parameters(database: str, tmp_path: Path) -> None:
    pytest.importorskip("fsrs_rs_python")
    result = run(["optimize", "--learner", "ada"], app_env(database, tmp_path))
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert printed["reviews"] == 60 and len(printed["parameters"]) == 21
    fsrs.Scheduler(parameters=printed["parameters"])  # they fit the fsrs package
    engine = make_engine(database)
    with make_sessionmaker(engine)() as session:
        [settings] = session.query(FlashcardSettings).all()
        assert settings.parameters == pytest.approx(printed["parameters"])
        assert settings.optimized_at is not None
    engine.dispose()


def test_optimize_names_an_unknown_learner(database: str, tmp_path: Path) -> None:
    pytest.importorskip("fsrs_rs_python")
    result = run(["optimize", "--learner", "nobody"], app_env(database, tmp_path))
    assert result.returncode == 2 and "no learner called 'nobody'" in result.stderr


def test_optimize_without_the_extra_says_how_to_install_it(database: str, tmp_path: Path) -> None:
    result = run(["optimize", "--learner", "ada"], app_env(database, tmp_path), code=WITHOUT_EXTRA)
    assert result.returncode == 2
    assert "optimizer package is not installed" in result.stderr
    assert "pip install 'quiz[optimizer]'" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_csv_and_apkg(tmp_path: Path) -> None:
    out_csv, out_apkg = tmp_path / "sample.csv", tmp_path / "sample.apkg"
    assert run(["export", str(SAMPLE), "--format", "csv", "-o", str(out_csv)]).returncode == 0
    with out_csv.open(encoding="utf-8", newline="") as file:
        assert len(list(csv.DictReader(file))) == 12
    result = run(["export", str(SAMPLE), "-o", str(out_apkg)])
    assert result.returncode == 0 and "wrote 12 cards" in result.stderr
    assert zipfile.ZipFile(out_apkg).namelist()[0] == "collection.anki2"
