"""`quiz serve` really serves: the development server and gunicorn, each in a subprocess."""

from __future__ import annotations

import gc
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, process: subprocess.Popen[bytes], seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return str(response.read().decode())
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"nothing answered at {url} within {seconds} s")


@pytest.mark.parametrize("extra", [[], ["--production", "--workers", "2"]], ids=["dev", "gunicorn"])
def test_quiz_serve_answers_on_its_port(tmp_path: Path, extra: list[str]) -> None:
    port = free_port()
    env = {
        **os.environ,
        "QUIZ_DATABASE_URL": f"sqlite:///{tmp_path / 'quiz.sqlite3'}",
        "QUIZ_QUESTIONS_DIR": str(ROOT / "tests" / "data" / "banks"),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "quiz.cli", "serve", "--port", str(port), *extra],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        page = wait_for(f"http://127.0.0.1:{port}/", process)
        assert "Sample bank" in page
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_two_production_servers_on_one_host_do_not_collide(tmp_path: Path) -> None:
    """gunicorn would put both masters' control socket at ~/.gunicorn/gunicorn.ctl."""
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "XDG_RUNTIME_DIR"}
    processes = []
    try:
        for name in ("one", "two"):
            folder = tmp_path / name
            folder.mkdir()
            port = free_port()
            process = subprocess.Popen(
                [sys.executable, "-m", "quiz.cli", "serve", "--port", str(port), "--production"],
                cwd=folder,
                env={
                    **env,
                    "HOME": str(home),
                    "QUIZ_DATABASE_URL": f"sqlite:///{folder / 'quiz.sqlite3'}",
                    "QUIZ_QUESTIONS_DIR": str(ROOT / "tests" / "data" / "banks"),
                },
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            processes.append((process, port))
        for process, port in processes:
            assert "Sample bank" in wait_for(f"http://127.0.0.1:{port}/", process)
        assert not (home / ".gunicorn").exists()
    finally:
        for process, _ in processes:
            process.terminate()
            process.wait(timeout=30)


def test_objects_loaded_before_the_fork_are_frozen() -> None:
    # What `quiz serve --production` does before gunicorn forks: the collector leaves the
    # loaded app and banks alone from then on.
    from quiz.web.server import freeze_loaded_objects

    held = [[] for _ in range(100)]  # objects that exist before the freeze
    try:
        freeze_loaded_objects()
        assert gc.get_freeze_count() >= len(held)
    finally:
        gc.unfreeze()
    assert gc.get_freeze_count() == 0
