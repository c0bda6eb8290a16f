"""`quiz grade` given hostile responses: a clear message and exit 2, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]
SAMPLE = ROOT / "tests" / "data" / "banks" / "sample.yaml"


def quiz(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quiz.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_grade_refuses_a_too_long_answer() -> None:
    result = quiz("grade", str(SAMPLE), "base-number", "1 " * 600)
    assert result.returncode == 2 and "too long: 1,200 characters" in result.stderr
    assert "Traceback" not in result.stderr


def test_grade_refuses_json_nested_too_deeply() -> None:
    result = quiz("grade", str(SAMPLE), "timeline", "[" * 10_000 + "]" * 10_000)
    assert result.returncode == 2 and "nested too deeply" in result.stderr
    assert "Traceback" not in result.stderr
