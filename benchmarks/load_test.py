"""Load test: many learners answer at once for a fixed time; then every answer is counted.

Run by hand:

    .venv/bin/python benchmarks/load_test.py [--database sqlite|postgresql] [--seconds 20]
        [--learners 16] [--kill-every 3]

It serves the app with its production server (gunicorn, 2 sync workers) on 127.0.0.1, on a
fresh SQLite file or a throwaway PostgreSQL cluster. Each learner is a thread with its own
cookie jar (an anonymous learner) posting answers to the JSON API, each answer a unique text
with its own Idempotency-Key; a request that fails without an answer (a worker killed under
it) is retried once with the same key. With --kill-every N, a worker is killed with SIGKILL
every N seconds (gunicorn starts another).

At the end it reads the database and prints:
  acknowledged  answers the server answered 200 to
  stored        answers found in the database
  lost          acknowledged but not stored (must be 0)
  doubled       stored more than once (must be 0)
  errors        5xx responses (must be 0; connection resets from a killed worker are counted
                apart, as `dropped`)
and exits 1 if lost, doubled or errors is not 0.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from http.cookiejar import CookieJar
from pathlib import Path

from support import children, free_port, serve_app, throwaway_postgres, wait_until_up

BANK, QUESTION = "drills", "drills-ground"  # a text question: any text is a gradable answer


@dataclass
class Tally:
    acknowledged: set[str] = field(default_factory=set)
    errors: int = 0
    dropped: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


class LearnerClient:
    def __init__(self, base: str, name: str) -> None:
        self.base, self.name = base, name
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        self.token = ""

    def start(self) -> None:
        with self.opener.open(self.base + "/api/csrf-token", timeout=10) as response:
            self.token = json.loads(response.read())["csrf_token"]

    def answer(self, text: str) -> int:
        request = urllib.request.Request(
            f"{self.base}/api/banks/{BANK}/questions/{QUESTION}/answer",
            data=json.dumps({"response": text}).encode(),
            headers={
                "Content-Type": "application/json",
                "X-CSRFToken": self.token,
                "Idempotency-Key": text,
            },
            method="POST",
        )
        try:
            with self.opener.open(request, timeout=30) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return int(error.code)


def learn(client: LearnerClient, deadline: float, tally: Tally) -> None:
    client.start()
    serial = 0
    while time.monotonic() < deadline:
        serial += 1
        text = f"{client.name}-{serial}"
        status = _answer_with_one_retry(client, text, tally)
        with tally.lock:
            if status == 200:
                tally.acknowledged.add(text)
            elif status >= 500:
                tally.errors += 1


def _answer_with_one_retry(client: LearnerClient, text: str, tally: Tally) -> int:
    for tries in (1, 2):
        try:
            return client.answer(text)
        except OSError:  # the connection died under a killed worker: no answer came back
            with tally.lock:
                tally.dropped += 1
            if tries == 2:
                return 0
            time.sleep(0.1)
    return 0


def kill_workers(master: int, every: float, deadline: float) -> int:
    killed = 0
    while time.monotonic() + every < deadline:
        time.sleep(every)
        workers = children(master)
        if workers:
            os.kill(random.choice(workers), signal.SIGKILL)
            killed += 1
    return killed


def stored_counts(database_url: str) -> Counter[str]:
    from sqlalchemy import create_engine, text

    engine = create_engine(database_url)
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT response FROM attempt WHERE question_id = :q"), {"q": QUESTION}
        ).scalars()
        counts = Counter(json.loads(r) if r.startswith('"') else r for r in rows)
    engine.dispose()
    return counts


def run(database_url: str, folder: Path, args: argparse.Namespace) -> dict[str, int]:
    port = free_port()
    server = serve_app(folder, database_url, port)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/")
        tally, deadline = Tally(), time.monotonic() + args.seconds
        threads = [
            threading.Thread(target=learn, args=(LearnerClient(base, f"L{n}"), deadline, tally))
            for n in range(args.learners)
        ]
        for thread in threads:
            thread.start()
        killed = kill_workers(server.pid, args.kill_every, deadline) if args.kill_every else 0
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    counts = stored_counts(database_url)
    return {
        "acknowledged": len(tally.acknowledged),
        "stored": sum(1 for _ in counts),
        "lost": sum(1 for text in tally.acknowledged if counts[text] == 0),
        "doubled": sum(1 for n in counts.values() if n > 1),
        "errors": tally.errors,
        "dropped": tally.dropped,
        "workers killed": killed,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--learners", type=int, default=16)
    parser.add_argument("--kill-every", type=float, default=0, metavar="SECONDS")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.database == "sqlite":
            figures = run(f"sqlite:///{folder / 'quiz.sqlite3'}", folder, args)
        else:
            with throwaway_postgres() as url:
                figures = run(url, folder, args)
    for name, value in figures.items():
        print(f"{name:15} {value:8d}")
    bad = figures["lost"] or figures["doubled"] or figures["errors"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
