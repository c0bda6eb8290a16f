"""Benchmark: the web app under its production server, against a bare Flask route, in one run.

Run by hand (needs `wrk`: `apt-get install wrk`):

    .venv/bin/python benchmarks/web_throughput.py [--seconds 10] [--connections 16]
        [--database sqlite|postgresql] [--app-servers 1|2] [--workers 2] [--env QUIZ_X=Y ...]
        [--routes question,progress] [--rounds 3]

It serves, on 127.0.0.1, the real app (`quiz serve --production`: gunicorn, 2 sync workers,
preloaded, durable commits) on a fresh SQLite file or a throwaway PostgreSQL cluster, and a
bare Flask app returning a constant under the same gunicorn settings, then loads each with
wrk (2 threads) in turn:

- bare:        GET / on the bare app (the baseline, 1.00)
- floor page:  GET a page of `floor_app.py`: Flask's session, one SELECT through SQLAlchemy, a
               Jinja layout and page of the question page's size; no quiz code
- floor write: POST JSON to `floor_app.py`: the session, one INSERT and a durable commit on an
               engine made like the app's; no quiz code. The two floors are what the framework
               allows a page and an answer; each quiz row is also printed as a share of them
- question:    GET a question page of a started quiz run
- answer x16:  POST an answer to the JSON API (session cookie, CSRF token in X-CSRFToken):
               CSRF check, grading, the attempt and the card review written; 16 different
               learners, each wrk thread taking turns over its 8
- answer x1:   the same, every request from one learner
- form answer: POST the quiz page's form (CSRF, grade, write, redirect), every request a new
               position of a run (runs made beforehand, straight in the database)
- progress:    GET /progress for a learner with 3,000 answers behind them

and prints requests/s, p50 and p99 latency, each route's throughput as a ratio to bare, and
the API answer's p99 over the bare route's.

`--rounds N` runs every row N times in turn and prints each row's median, its ratio the
median of each round's ratio to that round's bare route (the machines here are noisy).
`--workers N` gives every server, the bare ones too, N sync workers (2 by default, as
`quiz serve --production`); `--routes` measures only the named rows (bare always runs).

--app-servers 2 starts two `quiz serve --production` (N workers each) on the same database,
and a second bare server; each row then runs one wrk per server at the same time, with half
the connections each, and adds their requests/s (p50/p99: the worse of the two). No load
balancer is involved: none is installed here, and wrk cannot spread one run over two ports.
`--env QUIZ_SQLITE_SYNCHRONOUS=NORMAL` (or any QUIZ_ setting) is passed to the app servers.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import statistics
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from http.cookiejar import CookieJar
from pathlib import Path

from support import free_port, serve_app, throwaway_postgres, wait_until_up
from wrk_scripts import (
    Identity,
    api_answer_script,
    cookie_script,
    form_answer_script,
)

BANK, QUESTION, ANSWER = "drills", "drills-distance", "20 kilometres"
SEEDED_ATTEMPTS = 3000
LEARNERS = 16
RUN_LENGTH = 200  # positions per run made for the form row
FORM_POSTS_PER_SECOND = 3000  # more than the form row can reach: runs enough to never wrap

FLOOR_APP = Path(__file__).with_name("floor_app.py")
BARE_SERVER = """
import sys
from flask import Flask
from quiz.web.server import GunicornServer, gunicorn_options
app = Flask("bare")
app.add_url_rule("/", "hello", lambda: "hello")
GunicornServer(app, gunicorn_options("127.0.0.1", int(sys.argv[1]), int(sys.argv[2]))).run()
"""


class Learner:
    """A browser-like client: one cookie jar, so the server sees one (anonymous) learner."""

    def __init__(self, base: str) -> None:
        self.base, self.run_id = base, 0
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=30) as response:
            return str(response.read().decode())

    def post(self, path: str, data: bytes, headers: dict[str, str]) -> str:
        request = urllib.request.Request(self.base + path, data=data, headers=headers)
        with self.opener.open(request, timeout=30) as response:
            return str(response.geturl())

    def identity(self) -> Identity:
        token = str(json.loads(self.get("/api/csrf-token"))["csrf_token"])
        return Identity("; ".join(f"{c.name}={c.value}" for c in self.jar), token)

    def answer_once(self) -> None:
        """One answer, so the learner exists and the cookie names it (a first answer makes
        an anonymous learner and sets the cookie: wrk's fixed cookie must already carry it)."""
        body = json.dumps({"response": ANSWER}).encode()
        headers = {"Content-Type": "application/json", "X-CSRFToken": self.identity().token}
        self.post(f"/api/banks/{BANK}/questions/{QUESTION}/answer", body, headers)

    def start_run(self) -> str:
        """Start a one-per-page run of the bank (`run_id`); the first question's path."""
        page = self.get(f"/quiz/{BANK}")
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
        assert token, "no CSRF token on the start page"
        fields = {"csrf_token": token.group(1), "count": "10", "layout": "one"}
        data = urllib.parse.urlencode(fields).encode()
        path = self.post(f"/quiz/{BANK}", data, {}).replace(self.base, "")
        self.run_id = int(path.split("/")[3])
        return path


def wrk(urls: list[str], seconds: int, connections: int, scripts: list[Path]) -> dict[str, float]:
    """One wrk per URL at once (one per app server), each with its script; figures summed."""
    share = max(2, connections // len(urls))
    runs = [
        subprocess.Popen(
            ["wrk", "-t2", f"-c{share}", f"-d{seconds}s", "--latency", "-s", str(script), url],
            stdout=subprocess.PIPE,
            text=True,
        )
        for url, script in zip(urls, scripts, strict=True)
    ]
    figures = [_parse_wrk(url, run.communicate()[0]) for url, run in zip(urls, runs, strict=True)]
    return {
        "rps": sum(f["rps"] for f in figures),
        "p50": max(f["p50"] for f in figures),
        "p99": max(f["p99"] for f in figures),
    }


def _parse_wrk(url: str, output: str) -> dict[str, float]:
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


@contextmanager
def database(kind: str, folder: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'quiz.sqlite3'}"
    else:
        with throwaway_postgres() as url:
            yield url


@contextmanager
def servers(
    folder: Path, database_url: str, count: int, workers: int, env: dict[str, str]
) -> Iterator[tuple[list[str], list[str], list[str]]]:
    """`count` app servers and as many bare and floor ones; their base URLs once all answer."""
    floor_url = f"sqlite:///{folder / 'floor.sqlite3'}" if "sqlite" in database_url else None
    with ExitStack() as stack:
        apps, bares, floors = [], [], []
        for _ in range(count):
            app_port, bare_port, floor_port = free_port(), free_port(), free_port()
            stack.enter_context(_stopped(serve_app(folder, database_url, app_port, workers, **env)))
            bare = [sys.executable, "-c", BARE_SERVER, str(bare_port), str(workers)]
            floor = [sys.executable, str(FLOOR_APP), str(floor_port), str(workers),
                     floor_url or database_url]  # fmt: skip
            quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
            stack.enter_context(_stopped(subprocess.Popen(bare, cwd=folder, **quiet)))
            apps.append(f"http://127.0.0.1:{app_port}")
            bares.append(f"http://127.0.0.1:{bare_port}")
            floors.append(f"http://127.0.0.1:{floor_port}")
            # One at a time: the first applies the migrations, the second finds them done.
            wait_until_up(apps[-1] + "/")
            wait_until_up(bares[-1] + "/")
            stack.enter_context(_stopped(subprocess.Popen(floor, cwd=folder, **quiet)))
            wait_until_up(floors[-1] + "/sign-in")
        yield apps, bares, floors


@contextmanager
def _stopped(process: subprocess.Popen[bytes]) -> Iterator[None]:
    try:
        yield
    finally:
        process.terminate()
        process.wait(timeout=30)


def main() -> None:
    args = _arguments()
    env = dict(pair.split("=", 1) for pair in args.env)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with (
            database(args.database, folder) as url,
            servers(folder, url, args.app_servers, args.workers, env) as (
                apps,
                bares,
                floors,
            ),
        ):
            results = measure(folder, url, apps, bares, floors, args)
    report(results, args)


def measure(
    folder: Path,
    url: str,
    apps: list[str],
    bares: list[str],
    floors: list[str],
    args: argparse.Namespace,
) -> dict[str, dict[str, float]]:
    from seeding import answers_in_runs, learner_of_run, make_runs, seed_attempts

    main_learner, reader = Learner(apps[0]), Learner(apps[0])
    question_page = main_learner.start_run()
    main_learner.answer_once()
    reader.start_run()
    seed_attempts(url, learner_of_run(url, reader.run_id), BANK, QUESTION, ANSWER, SEEDED_ATTEMPTS)
    many = [Learner(apps[0]) for _ in range(LEARNERS)]
    for learner in many:
        learner.answer_once()
    one, crowd, reading = main_learner.identity(), [m.identity() for m in many], reader.identity()
    need = args.seconds * FORM_POSTS_PER_SECOND // RUN_LENGTH + 1
    owner = learner_of_run(url, main_learner.run_id)
    # Two groups of runs per server (one per wrk thread) for every round: a round never posts
    # into a position an earlier one answered.
    form_runs = make_runs(url, owner, BANK, QUESTION, RUN_LENGTH, 2 * len(apps) * args.rounds, need)
    form_round = 0
    field = urllib.parse.quote_plus(ANSWER)
    floor_visitor = Learner(floors[0])
    floor_visitor.get("/sign-in")
    floor_who = Identity("; ".join(f"{c.name}={c.value}" for c in floor_visitor.jar), "")
    answer_path = f"/api/banks/{BANK}/questions/{QUESTION}/answer"

    made = itertools.count()

    def scripts(make: object) -> list[Path]:
        # A new file each time: a row run again must not find another row's script in place.
        return [make(folder / f"s{next(made)}.lua", n) for n in range(len(apps))]  # type: ignore[operator]

    def load(urls: list[str], made: list[Path]) -> dict[str, float]:
        return wrk(urls, args.seconds, args.connections, made)

    rows: dict[str, Callable[[], dict[str, float]]] = {
        "bare": lambda: load(
            [b + "/" for b in bares], scripts(lambda p, _n: p.write_text("") or p)
        ),
        "floor page": lambda: load(
            [f + "/page" for f in floors], scripts(lambda p, _n: cookie_script(p, floor_who))
        ),
        "floor write": lambda: load(
            [f + "/write" for f in floors],
            scripts(lambda p, _n: api_answer_script(p, "/write", ANSWER, [floor_who])),
        ),
        "question": lambda: load(
            [a + question_page for a in apps], scripts(lambda p, _n: cookie_script(p, one))
        ),
        "answer x16": lambda: load(
            [a + answer_path for a in apps],
            scripts(lambda p, _n: api_answer_script(p, answer_path, ANSWER, crowd)),
        ),
        "answer x1": lambda: load(
            [a + answer_path for a in apps],
            scripts(lambda p, _n: api_answer_script(p, answer_path, ANSWER, [one])),
        ),
        "form answer": lambda: load(
            [a + "/" for a in apps],
            scripts(
                lambda p, n: form_answer_script(
                    p,
                    one,
                    form_runs[2 * (n + form_round) : 2 * (n + form_round) + 2],
                    RUN_LENGTH,
                    field,
                )  # fmt: skip
            ),
        ),
        "progress": lambda: load(
            [a + "/progress" for a in apps], scripts(lambda p, _n: cookie_script(p, reading))
        ),
    }
    wanted = args.routes or set(rows)
    rounds: list[dict[str, dict[str, float]]] = []
    for _ in range(args.rounds):
        rounds.append(
            {name: row() for name, row in rows.items() if name == "bare" or name in wanted}
        )
        form_round += len(apps)
    if "form answer" in wanted:
        # Every form post must have written an answer (none wrapped round to an answered one).
        stored = answers_in_runs(url, [run for group in form_runs for run in group])
        posted = sum(r["form answer"]["rps"] for r in rounds) * args.seconds
        print(f"form answers stored: {stored} (about {posted:.0f} posted)")
    return medians(rounds)


def medians(rounds: list[dict[str, dict[str, float]]]) -> dict[str, dict[str, float]]:
    """Each row's median over the rounds, its ratio the median of each round's own ratio to
    that round's bare route (so a slow spell of the machine moves both sides of a ratio)."""
    figures = {}
    for name in rounds[0]:
        taken = [r[name] for r in rounds]
        figures[name] = {key: statistics.median(f[key] for f in taken) for key in taken[0]}
        figures[name]["ratio"] = statistics.median(
            r[name]["rps"] / r["bare"]["rps"] for r in rounds
        )
    return figures


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--app-servers", type=int, choices=[1, 2], default=1)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    parser.add_argument("--env", action="append", default=[], metavar="QUIZ_NAME=VALUE")
    parser.add_argument("--rounds", type=int, default=1, help="times every row is run")
    parser.add_argument(
        "--routes", type=lambda text: set(text.split(",")), default=None,
        help="only these rows, comma-separated (bare always runs)",
    )  # fmt: skip
    return parser.parse_args()


def report(results: dict[str, dict[str, float]], args: argparse.Namespace) -> None:
    base = results["bare"]
    print(
        f"# {args.database}, {args.app_servers} app server(s) x {args.workers} workers, "
        f"{args.connections} connections, {args.seconds} s per row, median of {args.rounds} "
        f"round(s) {' '.join(args.env)}"
    )
    print("| route | req/s | p50 ms | p99 ms | ratio |")
    print("|---|---:|---:|---:|---:|")
    for name, figures in results.items():
        print(
            f"| {name} | {figures['rps']:.0f} | {figures['p50']:.2f} | {figures['p99']:.2f} "
            f"| {figures['ratio']:.2f} |"
        )
    for ours, floor in (("question", "floor page"), ("answer x16", "floor write")):
        if ours in results and floor in results:
            share = results[ours]["ratio"] / results[floor]["ratio"]
            print(f"{ours} / {floor}: {share:.2f}")
    answers = [results[name]["p99"] for name in ("answer x16", "answer x1") if name in results]
    if answers:
        print(f"answer p99 / bare p99: {max(answers) / base['p99']:.1f}")


if __name__ == "__main__":
    main()
