"""What the benchmarks share: free ports, serving the app with gunicorn, a throwaway PostgreSQL.

Benchmarks are run by hand (never by the test suite) and only ever talk to 127.0.0.1.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


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


def serve_app(
    folder: Path, database_url: str, port: int, workers: int = 2, **extra_env: str
) -> subprocess.Popen[bytes]:
    """`quiz serve --production` (gunicorn, sync workers) on 127.0.0.1:`port`."""
    env = {
        **os.environ,
        "QUIZ_DATABASE_URL": database_url,
        "QUIZ_QUESTIONS_DIR": str(ROOT / "questions"),
        "QUIZ_SECRET_KEY": "bench",
        **extra_env,
    }
    command = [sys.executable, "-m", "quiz.cli", "serve", "--production"]
    return subprocess.Popen(
        [*command, "--workers", str(workers), "--port", str(port)],
        cwd=folder,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def children(pid: int) -> list[int]:
    """The processes `pid` started (gunicorn's workers, for its master)."""
    path = Path(f"/proc/{pid}/task/{pid}/children")
    try:
        return [int(p) for p in path.read_text().split()]
    except OSError:
        return []


def postgres_bin() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not found:
        raise SystemExit("PostgreSQL is not installed: apt-get install postgresql")
    return found[-1].parent


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    """A fresh cluster in a temp folder, run as `postgres` when we are root; yields its URL.

    Durable like a real server (fsync on), unlike the test suite's cluster."""
    pg_bin, folder = postgres_bin(), Path(tempfile.mkdtemp(prefix="quiz-bench-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, user="postgres", group="postgres")
    as_postgres = {"user": "postgres", "group": "postgres"} if os.geteuid() == 0 else {}

    def pg(program: str, *args: str) -> None:
        subprocess.run(
            [str(pg_bin / program), *args], check=True, capture_output=True, cwd=folder,
            timeout=120, **as_postgres,
        )  # type: ignore[call-overload]  # fmt: skip

    data, port = folder / "data", free_port()
    pg("initdb", "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
    options = f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={folder}"
    options += " -c max_connections=200"
    pg("pg_ctl", "-D", str(data), "-l", str(folder / "log"), "-o", options, "-w", "start")
    try:
        pg("createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "quiz")
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/quiz"
    finally:
        pg("pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)
