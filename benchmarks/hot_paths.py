"""Benchmark: what each hot route costs in-process (Flask's test client, no server, no network).

Run by hand:

    .venv/bin/python benchmarks/hot_paths.py [--repeat 300] [--route ROUTE ...]
        [--profile ROUTE] [--sql ROUTE]

The same routes as `web_throughput.py`, on a fresh SQLite file in a temp instance folder:
a question page of a started run, an API answer, a form answer (each post a new position),
and the progress page of a learner with 3,000 answers. Prints the median and the best
milliseconds per request of each: the median is what a busy machine gives, the best is the
code. The answers' medians follow the disk (an fsync per commit); `--synchronous NORMAL`
leaves it out. `--profile ROUTE` prints cProfile's top functions for that route, `--sql ROUTE`
the statements one request of it sends.

The progress row repeats one learner's view, so after the first it is served from the kept
copy (quiz/web/progress/cache.py); `QUIZ_PROGRESS_PAGES_KEPT=0` in the environment keeps
none, and the row then times the page drawn every time (what a view after a new answer costs).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from seeding import learner_of_run, make_runs, seed_attempts  # noqa: E402

from quiz.factory import create_app  # noqa: E402
from quiz.web.database import get_engine  # noqa: E402

BANK, QUESTION, ANSWER = "drills", "drills-distance", "20 kilometres"
SEEDED_ATTEMPTS = 3000
RUN_LENGTH = 200
ANSWER_PATH = f"/api/banks/{BANK}/questions/{QUESTION}/answer"


def start_run(client: FlaskClient) -> str:
    """Start a one-per-page run of the bank as this client; the first question's path."""
    page = client.get(f"/quiz/{BANK}").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert token, "no CSRF token on the start page"
    fields = {"csrf_token": token.group(1), "count": "10", "layout": "one"}
    response = client.post(f"/quiz/{BANK}", data=fields)
    assert response.status_code == 302, response.status_code
    return str(response.headers["Location"])


def csrf_token(client: FlaskClient) -> str:
    return str(client.get("/api/csrf-token").get_json()["csrf_token"])


class Routes:
    """Each route as a call that makes one request and checks its status."""

    def __init__(self, app: Flask, url: str, repeat: int) -> None:
        self.main, self.reader = app.test_client(), app.test_client()
        self.question_page = start_run(self.main)
        self.token = csrf_token(self.main)
        self.api_answer()  # the learner's first answer: later ones find their cards
        reader_run = start_run(self.reader)
        reader_id = learner_of_run(url, int(reader_run.split("/")[3]))
        seed_attempts(url, reader_id, BANK, QUESTION, ANSWER, SEEDED_ATTEMPTS)
        owner = learner_of_run(url, int(self.question_page.split("/")[3]))
        need = repeat * 3 // RUN_LENGTH + 2  # warm-up, timing and profiling rounds
        self.form_runs = make_runs(url, owner, BANK, QUESTION, RUN_LENGTH, 1, need)[0]
        self.form_posts = 0

    def question(self) -> None:
        assert self.main.get(self.question_page).status_code == 200

    def api_answer(self) -> None:
        headers = {"X-CSRFToken": self.token}
        response = self.main.post(ANSWER_PATH, json={"response": ANSWER}, headers=headers)
        assert response.status_code == 200, response.get_data(as_text=True)

    def form_answer(self) -> None:
        run = self.form_runs[self.form_posts // RUN_LENGTH]
        position = self.form_posts % RUN_LENGTH + 1
        self.form_posts += 1
        data = {"csrf_token": self.token, "shown": "", f"q{position}-answer": ANSWER}
        assert self.main.post(f"/quiz/run/{run}/{position}", data=data).status_code == 302

    def progress(self) -> None:
        assert self.reader.get("/progress").status_code == 200

    def table(self) -> dict[str, Callable[[], None]]:
        return {
            "question": self.question,
            "api answer": self.api_answer,
            "form answer": self.form_answer,
            "progress": self.progress,
        }


def timed(call: Callable[[], None], repeat: int) -> list[float]:
    for _ in range(5):  # warm-up: compiled statements, templates, caches
        call()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return times


@contextmanager
def statements(app: Flask) -> Iterator[list[str]]:
    sent: list[str] = []

    def record(*args: Any) -> None:
        sent.append(" ".join(str(args[2]).split()))

    engine = get_engine(app)
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", record)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=300)
    parser.add_argument("--profile", metavar="ROUTE")
    parser.add_argument("--sql", metavar="ROUTE")
    parser.add_argument("--route", action="append", help="time only these (repeatable)")
    parser.add_argument(
        "--synchronous", default="FULL", help="NORMAL: no fsync per commit, to see the CPU alone"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'quiz.sqlite3'}"
        os.environ["QUIZ_INSTANCE_PATH"] = tmp
        settings = {
            "DATABASE_URL": url,
            "QUESTIONS_DIR": str(ROOT / "questions"),
            "SQLITE_SYNCHRONOUS": args.synchronous,
        }
        app = create_app({**settings, "SECRET_KEY": "bench"})
        routes = Routes(app, url, args.repeat).table()
        if args.sql:
            routes[args.sql]()
            with statements(app) as sent:
                routes[args.sql]()
            print(f"{len(sent)} statements for one {args.sql} request:")
            print("\n".join(f"- {s[:200]}" for s in sent))
            return
        if args.profile:
            timed(routes[args.profile], 1)
            profile = cProfile.Profile()
            profile.runcall(lambda: [routes[args.profile]() for _ in range(args.repeat)])
            stats = pstats.Stats(profile).sort_stats(os.environ.get("SORT", "cumulative"))
            stats.print_stats(45)
            if os.environ.get("CALLERS"):
                stats.print_callers(os.environ["CALLERS"])
            return
        print(f"| route | median ms | best ms | ({args.repeat} requests each, in-process) |")
        print("|---|---:|---:|---|")
        for name, call in routes.items():
            if args.route and name not in args.route:
                continue
            times = timed(call, args.repeat)
            print(f"| {name} | {statistics.median(times):.2f} | {min(times):.2f} | |")


if __name__ == "__main__":
    main()
