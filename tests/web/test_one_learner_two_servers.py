"""Two production servers (`quiz serve --production`, gunicorn) on one database: a learner whose
requests alternate between them takes a quiz, reviews flashcards with an undo, and sees the
same progress on both. Nothing a request needs may live in one server's memory only."""

from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from itertools import cycle
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

ROOT = Path(__file__).parents[2]
SEED = ROOT / "seeds" / "000_42a00ded27f26e66.txt"
BANK = f"""title: Drills
source: {SEED}
questions:
  - id: ground
    type: text
    prompt: At which training ground was the exercise held?
    answer: Kharb-Maidon
  - id: country
    type: text
    prompt: In which country is the training ground?
    answer: Tajikistan
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Learner:
    """One browser (one cookie jar) whose every request goes to the next server in turn."""

    def __init__(self, ports: list[int]) -> None:
        self.bases = cycle([f"http://127.0.0.1:{port}" for port in ports])
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def get(self, path: str) -> str:
        with self.opener.open(next(self.bases) + path, timeout=30) as response:
            return str(response.read().decode())

    def post(self, path: str, fields: dict[str, str]) -> tuple[str, str]:
        """POST a form (redirects followed on the same server); the final path and page."""
        data = urllib.parse.urlencode(fields).encode()
        with self.opener.open(next(self.bases) + path, data=data, timeout=30) as response:
            return urllib.parse.urlsplit(response.geturl()).path, response.read().decode()


def hidden(page: str, name: str) -> str:
    found = re.search(rf'name="{name}"[^>]*value="([^"]*)"', page)
    assert found, f"no {name} field on the page"
    return found.group(1)


def answers_shown(page: str) -> int:
    found = re.search(r"<dt>Answers</dt><dd>(\d+)</dd>", page)
    assert found, "no answer count on the progress page"
    return int(found.group(1))


def wait_until_up(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"the server exited with {server.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/banks", timeout=5):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"no server on port {port} after 60 s")


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[tuple[str, list[int]]]:
    questions = tmp_path / "questions"
    questions.mkdir()
    (questions / "drills.yaml").write_text(BANK, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'quiz.sqlite3'}"
    env = {
        **os.environ,
        "QUIZ_DATABASE_URL": url,
        "QUIZ_QUESTIONS_DIR": str(questions),
        "QUIZ_SECRET_KEY": "one-learner-two-servers",
    }
    ports, started = [], []
    try:
        for _ in range(2):  # one after the other: the first migrates the database
            port = free_port()
            server = subprocess.Popen(
                [sys.executable, "-m", "quiz.cli", "serve", "--production", "--workers", "1",
                 "--port", str(port)],
                cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                start_new_session=True,
            )  # fmt: skip
            started.append(server)
            wait_until_up(port, server)
            ports.append(port)
        yield url, ports
    finally:
        for server in started:
            os.killpg(server.pid, signal.SIGTERM)  # gunicorn's master and its worker
            server.wait(timeout=30)


def test_a_learner_alternating_between_servers_sees_one_history(
    servers: tuple[str, list[int]],
) -> None:
    url, ports = servers
    learner = Learner(ports)

    start = learner.get("/quiz/drills")
    fields = {"csrf_token": hidden(start, "csrf_token"), "count": "2", "layout": "one"}
    first, page = learner.post("/quiz/drills", fields)  # server 2
    run = first.rsplit("/", 1)[0]
    for position in (1, 2):
        page = learner.get(f"{run}/{position}")
        answer = "Kharb-Maidon" if "training ground was" in page else "Dushanbe"
        form = {"csrf_token": hidden(page, "csrf_token"), "shown": hidden(page, "shown"),
                f"q{position}-answer": answer}  # fmt: skip
        verdict_path, verdict = learner.post(f"{run}/{position}", form)
        assert verdict_path == f"{run}/{position}" and "verdict" in verdict.lower()
    done = learner.get(f"{run}/done")  # finishes the run
    assert "50%" in done
    for _ in ports:  # the same figures from either server
        progress = learner.get("/progress")
        assert answers_shown(progress) == 2
        assert 'data-label="Best score" data-figure="best-score">50%<' in progress

    learner.get("/flashcards/review")
    back = learner.get("/flashcards/card/drills/ground")
    rate = {"csrf_token": hidden(back, "csrf_token"), "preview_at": hidden(back, "preview_at"),
            "rating": "3"}  # fmt: skip
    learner.post("/flashcards/card/drills/ground/rate", rate)
    _, after_undo = learner.post("/flashcards/undo", {"csrf_token": hidden(back, "csrf_token")})
    assert "Undone: your “Good” rating" in after_undo

    engine = create_engine(url)
    with engine.connect() as connection:
        logs = connection.execute(
            text("SELECT source, undone FROM review_log ORDER BY id")
        ).all()  # fmt: skip
    engine.dispose()
    assert [(source, bool(undone)) for source, undone in logs] == [
        ("quiz", False), ("quiz", False), ("review", True),
    ]  # fmt: skip
    for _ in ports:  # a flashcard review is no quiz answer: progress is unchanged
        assert answers_shown(learner.get("/progress")) == 2
