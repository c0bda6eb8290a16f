"""Two production servers (`quiz serve --production`, gunicorn) on one database and one questions
folder: an answer accepted by an author is graded right by both on their next request after
the check interval, without a restart."""

from __future__ import annotations

import http.cookiejar
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.web.banks_registry import CHECK_SECONDS

ROOT = Path(__file__).parents[2]
SEED = ROOT / "seeds" / "000_42a00ded27f26e66.txt"
BANK = f"""title: Drills
source: {SEED}
questions:
  - id: ground
    type: text
    prompt: At which training ground was the exercise held?
    answer: Kharb-Maidon
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Visitor:
    """A browser-like client of one server: cookies kept, the CSRF token sent with each POST."""

    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        self.token = self.get("/api/csrf-token")["csrf_token"]

    def get(self, path: str) -> dict[str, object]:
        with self.opener.open(self.base + path, timeout=30) as response:
            return dict(json.load(response))

    def answer(self, response: str) -> bool:
        request = urllib.request.Request(
            self.base + "/api/banks/drills/questions/ground/answer",
            data=json.dumps({"response": response}).encode(),
            headers={"Content-Type": "application/json", "X-CSRFToken": self.token},
        )
        with self.opener.open(request, timeout=30) as reply:
            return bool(json.load(reply)["correct"])


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
def servers(tmp_path: Path) -> Iterator[tuple[Path, list[int]]]:
    questions = tmp_path / "questions"
    questions.mkdir()
    (questions / "drills.yaml").write_text(BANK, encoding="utf-8")
    env = {
        **os.environ,
        "QUIZ_DATABASE_URL": f"sqlite:///{tmp_path / 'quiz.sqlite3'}",
        "QUIZ_QUESTIONS_DIR": str(questions),
        "QUIZ_SECRET_KEY": "two-servers",
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
        yield questions / "drills.yaml", ports
    finally:
        for server in started:
            os.killpg(server.pid, signal.SIGTERM)  # gunicorn's master and its worker
            server.wait(timeout=30)


def test_an_accept_reaches_both_servers_on_their_next_request(
    servers: tuple[Path, list[int]],
) -> None:
    bank, ports = servers
    first, second = Visitor(ports[0]), Visitor(ports[1])
    assert not first.answer("Kharb camp") and not second.answer("Kharb camp")

    accepted = subprocess.run(
        [sys.executable, "-m", "quiz.cli", "accept", str(bank), "ground", "Kharb camp"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert accepted.returncode == 0, accepted.stderr
    time.sleep(CHECK_SECONDS + 0.2)

    assert first.answer("Kharb camp") and second.answer("kharb CAMP")

    # A hand edit that breaks the file: both keep serving the last good version.
    bank.write_text(bank.read_text(encoding="utf-8").replace("type: text", "type: txt"))
    time.sleep(CHECK_SECONDS + 0.2)
    assert first.answer("Kharb camp") and second.answer("Kharb-Maidon")
