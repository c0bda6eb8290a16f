"""Benchmark: the web app under its production server, against a bare Flask route, in one run.

Run by hand (needs `wrk`: `apt-get install wrk`):

    .venv/bin/python benchmarks/web_throughput.py [--seconds 10] [--connections 16]

It serves, on 127.0.0.1, the real app (`quiz serve --production`: gunicorn, 2 sync workers,
preloaded, SQLite with durable commits) and a bare Flask app returning a constant under the
same gunicorn settings, then loads each with wrk (2 threads) in turn:

- bare:     GET / on the bare app (the baseline, 1.00)
- question: GET a question page of a started quiz run
- answer:   POST an answer to the JSON API with the session cookie and the CSRF token in
            X-CSRFToken: CSRF check, grading, the attempt and the card review written
- progress: GET /progress for a learner with 3,000 attempts behind them

and prints requests/s, p50 and p99 latency, and each route's throughput as a ratio to bare.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BANK, QUESTION, ANSWER = "drills", "drills-distance", "20 kilometres"
SEEDED_ATTEMPTS = 3000

BARE_SERVER = """
import sys
from flask import Flask
from quiz.web.server import GunicornServer, gunicorn_options
app = Flask("bare")
app.add_url_rule("/", "hello", lambda: "hello")
GunicornServer(app, gunicorn_options("127.0.0.1", int(sys.argv[1]), 2)).run()
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"nothing answered at {url}")


class Learner:
    """A browser-like client: one cookie jar, so the server sees one (anonymous) learner."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=10) as response:
            return str(response.read().decode())

    def post_form(self, path: str, fields: dict[str, str]) -> str:
        data = urllib.parse.urlencode(fields).encode()
        with self.opener.open(self.base + path, data=data, timeout=10) as response:
            return str(response.geturl())

    def token(self) -> str:
        return str(json.loads(self.get("/api/csrf-token"))["csrf_token"])

    def cookie_header(self) -> str:
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)


def seed_attempts(database_url: str) -> None:
    """3,000 attempts over 60 days for the newest learner, written straight to the database."""
    from sqlalchemy import create_engine, func, insert, select

    from quiz.storage.models import Attempt
    from quiz.storage.models import Learner as LearnerRow

    engine = create_engine(database_url)
    with engine.begin() as connection:
        learner_id = connection.execute(select(func.max(LearnerRow.id))).scalar_one()
        start = datetime.now(UTC) - timedelta(days=60)
        rows = [
            {
                "learner_id": learner_id,
                "bank_id": BANK,
                "question_id": QUESTION,
                "response": ANSWER,
                "correct": n % 3 != 0,
                "score": float(n % 3 != 0),
                "verdict": {},
                "time_taken_ms": 4000,
                "answered_at": start + timedelta(minutes=29 * n),
            }
            for n in range(SEEDED_ATTEMPTS)
        ]
        connection.execute(insert(Attempt), rows)
    engine.dispose()


def wrk(url: str, seconds: int, connections: int, script: Path | None = None) -> dict[str, float]:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if script is not None:
        command[1:1] = ["-s", str(script)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise SystemExit(f"{url}: {errors.group(1)} failed responses\n{output}")
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),  # type: ignore[union-attr]
        "p50": _latency_ms(output, "50%"),
        "p99": _latency_ms(output, "99%"),
    }


def _latency_ms(output: str, label: str) -> float:
    value, unit = re.search(rf"{label}\s+([\d.]+)(us|ms|s)", output).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def post_script(folder: Path, learner: Learner) -> Path:
    body = json.dumps({"response": ANSWER})
    script = folder / "answer.lua"
    script.write_text(
        'wrk.method = "POST"\n'
        f"wrk.body = {json.dumps(body)}\n"
        'wrk.headers["Content-Type"] = "application/json"\n'
        f'wrk.headers["X-CSRFToken"] = "{learner.token()}"\n'
        f'wrk.headers["Cookie"] = "{learner.cookie_header()}"\n'
    )
    return script


def start_run(learner: Learner) -> str:
    page = learner.get(f"/quiz/{BANK}")
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page) or re.search(
        r'name="csrf_token" value="([^"]+)"', page
    )
    assert token, "no CSRF token on the start page"
    location = learner.post_form(
        f"/quiz/{BANK}", {"csrf_token": token.group(1), "count": "10", "layout": "one"}
    )
    return location.replace(learner.base, "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--skip-progress", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        database_url = f"sqlite:///{folder / 'quiz.sqlite3'}"
        env = {
            **os.environ,
            "QUIZ_DATABASE_URL": database_url,
            "QUIZ_QUESTIONS_DIR": str(ROOT / "questions"),
            "QUIZ_SECRET_KEY": "bench",
        }
        app_port, bare_port = free_port(), free_port()
        servers = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "quiz.cli",
                    "serve",
                    "--production",
                    "--workers",
                    "2",
                    "--port",
                    str(app_port),
                ],
                cwd=folder,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            ),
            subprocess.Popen(
                [sys.executable, "-c", BARE_SERVER, str(bare_port)],
                cwd=folder,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            ),
        ]
        try:
            app, bare = f"http://127.0.0.1:{app_port}", f"http://127.0.0.1:{bare_port}"
            wait_until_up(app + "/")
            wait_until_up(bare + "/")
            learner = Learner(app)
            question_page = start_run(learner)
            seed_attempts(database_url)
            results = {
                "bare": wrk(bare + "/", args.seconds, args.connections),
                "question": wrk(
                    app + question_page,
                    args.seconds,
                    args.connections,
                    _cookie_script(folder, learner),
                ),
                "answer": wrk(
                    f"{app}/api/banks/{BANK}/questions/{QUESTION}/answer",
                    args.seconds,
                    args.connections,
                    post_script(folder, learner),
                ),
            }
            if not args.skip_progress:
                results["progress"] = wrk(
                    app + "/progress",
                    args.seconds,
                    args.connections,
                    _cookie_script(folder, learner),
                )
        finally:
            for server in servers:
                server.terminate()
                server.wait(timeout=30)
    report(results)


def _cookie_script(folder: Path, learner: Learner) -> Path:
    script = folder / "cookie.lua"
    script.write_text(f'wrk.headers["Cookie"] = "{learner.cookie_header()}"\n')
    return script


def report(results: dict[str, dict[str, float]]) -> None:
    base = results["bare"]["rps"]
    print(f"{'route':10} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'ratio':>6}")
    for name, figures in results.items():
        print(
            f"{name:10} {figures['rps']:8.0f} {figures['p50']:8.2f} {figures['p99']:8.2f} "
            f"{figures['rps'] / base:6.2f}"
        )


if __name__ == "__main__":
    main()
