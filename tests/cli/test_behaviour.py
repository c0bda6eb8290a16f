"""The `quiz` command in pipes and scripts: no traceback on a terminal, documented exit codes,
`--json`, shell completion. Every case runs the real command in a subprocess."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).parents[2]
SAMPLE = ROOT / "tests" / "data" / "banks" / "sample.yaml"
COMMAND = [sys.executable, "-m", "quiz.cli"]


def quiz(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*COMMAND, *args], cwd=ROOT, capture_output=True, text=True, timeout=60, **kwargs
    )  # type: ignore[call-overload]


def test_a_closed_pipe_ends_quietly_with_141() -> None:
    with subprocess.Popen(
        [*COMMAND, "schema"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        # Like `| head -0`: the reader is gone before the command writes (it is still importing;
        # reading a line first would race with the whole schema fitting in the pipe's buffer).
        process.stdout.close()
        assert process.wait(timeout=60) == 141
        assert process.stderr.read() == b""


def test_ctrl_c_ends_with_130_and_one_line(tmp_path: Path) -> None:
    fifo = tmp_path / "bank.yaml"
    os.mkfifo(fifo)  # reading it blocks while a writer holds it open: the command is mid-work
    with subprocess.Popen(
        [*COMMAND, "validate", str(fifo)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        writer = _open_when_read(fifo, process)
        try:
            process.send_signal(signal.SIGINT)
            _, err = process.communicate(timeout=30)
        finally:
            os.close(writer)
    assert process.returncode == 130
    assert err.decode().strip() == "quiz: interrupted"


def _open_when_read(fifo: Path, process: subprocess.Popen[bytes]) -> int:
    """Open the FIFO's writing end once the command has opened it to read (so it is past its
    imports and waiting on the file, not still starting); a non-blocking open fails until then."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # ENXIO: no reader yet
            time.sleep(0.05)
    raise AssertionError("the command never opened the file")


def test_an_unexpected_error_is_one_line_and_a_hint(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "out.csv"
    result = quiz("export", str(SAMPLE), "--format", "csv", "-o", str(target))
    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("quiz: unexpected error: FileNotFoundError")
    assert "--debug" in lines[-1]


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "out.csv"
    result = quiz("--debug", "export", str(SAMPLE), "--format", "csv", "-o", str(target))
    assert result.returncode != 0
    assert "Traceback (most recent call last)" in result.stderr


def test_help_documents_the_exit_codes() -> None:
    result = quiz("--help")
    assert result.returncode == 0
    for code in ("0 ", "1 ", "2 ", "3 ", "130", "141"):
        assert f"\n  {code}" in result.stdout


def test_validate_json_has_its_documented_shape(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: Broken\nquestions:\n  - id: q1\n    type: nosuch\n", encoding="utf-8")
    result = quiz("validate", "--json", str(SAMPLE), str(broken), str(tmp_path / "absent.yaml"))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert set(report) == {"ok", "banks", "missing", "problem_count", "warning_count"}
    assert report["ok"] is False
    assert report["missing"] == [str(tmp_path / "absent.yaml")]
    sample, bad = report["banks"]
    assert sample["ok"] is True and sample["questions"] > 0 and sample["problems"] == []
    assert bad["ok"] is False and bad["questions"] == 0
    problem = bad["problems"][0]
    assert set(problem) == {"file", "line", "column", "message", "severity"}
    assert problem["file"] == str(broken) and problem["line"] == 4
    assert problem["severity"] == "error"
    assert report["problem_count"] == len(bad["problems"]) + 1


def test_validate_json_of_good_banks_exits_0() -> None:
    result = quiz("validate", "--json", str(SAMPLE))
    assert result.returncode == 0
    assert json.loads(result.stdout)["ok"] is True


def test_completion_scripts_for_each_shell() -> None:
    for shell, marker in (("bash", "complete "), ("zsh", "compdef"), ("fish", "complete ")):
        result = quiz("completion", shell)
        assert result.returncode == 0, result.stderr
        assert marker in result.stdout and "quiz" in result.stdout


def test_completion_completes_command_names() -> None:
    env = {
        **os.environ,
        "_ARGCOMPLETE": "1",
        "COMP_LINE": "quiz val",
        "COMP_POINT": "8",
        "_ARGCOMPLETE_STDOUT_FILENAME": "/dev/stdout",
    }
    result = subprocess.run(
        [*COMMAND], cwd=ROOT, capture_output=True, text=True, timeout=60, env=env
    )
    assert "validate" in result.stdout
