"""The app runs from an installed wheel, not only from a checkout: templates, static files,
migrations and the shipped banks (with their source article) all travel inside the package."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]

CHECK = """
import sys, quiz
from pathlib import Path
assert Path(quiz.__file__).is_relative_to(Path(sys.argv[1])), quiz.__file__
from quiz import create_app
app = create_app({"DATABASE_URL": "sqlite:///" + sys.argv[2]}, instance_path=sys.argv[3])
client = app.test_client()
home = client.get("/")
assert home.status_code == 200, home.status_code
assert client.get("/api/openapi.json").status_code == 200
assert client.get("/quiz/drills").status_code == 200
print(app.config["QUESTIONS_DIR"])
print(home.get_data(as_text=True))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            str(ROOT),
            "-w",
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return next(out.glob("quiz-*.whl"))


def test_the_wheel_carries_the_data_folders(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "quiz/templates/base.html",
        "quiz/static/css/app.css",
        "quiz/questions/drills.yaml",
        "quiz/seeds/000_42a00ded27f26e66.txt",
        "quiz/schema/bank.schema.json",
        "quiz/storage/migrations/versions/0001_initial.py",
    ):
        assert expected in names


def test_the_app_serves_the_shipped_banks_from_the_wheel(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"  # no questions/ or templates/ here
    elsewhere.mkdir()
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            CHECK,
            str(site),
            str(tmp_path / "db.sqlite3"),
            str(tmp_path / "instance"),
        ],
        cwd=elsewhere,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    questions_dir, page = result.stdout.split("\n", 1)
    assert Path(questions_dir).is_relative_to(site)
    for title in ("Timeline", "Who said what"):
        assert title in page
