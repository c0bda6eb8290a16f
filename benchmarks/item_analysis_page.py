"""Benchmark: the authors' item analysis and question pages over many recorded attempts.

Run by hand:  .venv/bin/python benchmarks/item_analysis_page.py [LEARNERS]   (default 200)
Each learner answers the sample bank's 11 quiz questions three times (60 % right), so the
default is 6,600 attempts on a throwaway SQLite file; it prints the mean time of each page
through Flask's test client (rendering included).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz import create_app
from quiz.core.verdict import Verdict
from quiz.storage import create_learner
from quiz.storage.accounts import set_author
from quiz.storage.models import Attempt
from quiz.web.database import get_session

BANKS = Path(__file__).parents[1] / "tests" / "data" / "banks"
QUESTIONS = [
    "drills-country", "drills-specialists", "tajik-ties", "training-ground", "base-number",
    "border-distance", "drills-end", "csto-goal-quote", "ansarullah-cloze", "timeline", "agencies",
]  # fmt: skip
PAGES = [
    "/authors/banks/sample",
    "/authors/banks/sample?mode=all",
    "/authors/banks/sample/questions/training-ground",
]
WRONG = ["Dushanbe", "Karb Madn", "Kabul", "x"]


def seeded_attempts(learner_ids: list[int], rng: random.Random) -> list[Attempt]:
    start, attempts = datetime(2026, 1, 1, tzinfo=UTC), []
    for n, learner_id in enumerate(learner_ids):
        for question in QUESTIONS:
            for k in range(3):
                right = rng.random() < 0.6
                response = "Kharb-Maidon" if right else rng.choice(WRONG)
                verdict = Verdict(right, float(right), "Kharb-Maidon", "feedback").to_dict()
                attempts.append(
                    Attempt(
                        learner_id=learner_id, bank_id="sample", question_id=question,
                        response=response, correct=right, score=float(right), verdict=verdict,
                        time_taken_ms=rng.randint(2000, 20000),
                        answered_at=start + timedelta(minutes=40 * n + k),
                    )
                )  # fmt: skip
    return attempts


def main(learners: int) -> None:
    folder = Path(tempfile.mkdtemp())
    config = {
        "SECRET_KEY": "bench",
        "DATABASE_URL": f"sqlite:///{folder / 'quiz.sqlite3'}",
        "QUESTIONS_DIR": str(BANKS),
        "WTF_CSRF_ENABLED": False,
    }
    app = create_app(config, instance_path=str(folder / "instance"))
    with app.app_context():
        db = get_session()
        set_author(db, create_learner(db, "ada", "correct horse"), True)
        ids = [create_learner(db).id for _ in range(learners)]
        db.add_all(seeded_attempts(ids, random.Random(1)))
        db.commit()
    client = app.test_client()
    client.post("/auth/login", data={"username": "ada", "password": "correct horse"})
    print(f"{learners * len(QUESTIONS) * 3} attempts")
    for url in PAGES:
        client.get(url)  # warm: templates compiled, caches filled
        began, runs = time.perf_counter(), 5
        for _ in range(runs):
            assert client.get(url).status_code == 200
        print(f"{url}: {(time.perf_counter() - began) / runs * 1000:.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
