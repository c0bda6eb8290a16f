"""The `quiz` command end to end, in a subprocess, as an author would run it."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import yaml

ROOT = Path(__file__).parents[2]
SAMPLE = ROOT / "tests" / "data" / "banks" / "sample.yaml"


def quiz(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quiz.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_validate_the_shipped_banks() -> None:
    result = quiz("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "" and result.stderr.startswith("ok:")


def test_validate_reports_every_problem_with_its_place(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("title: A\nquestions:\n  - id: x\n    type: txt\n")
    (tmp_path / "b.yaml").write_bytes(b"title: B\nquestions: [\xff]\n")
    (tmp_path / "c.yaml").write_text(
        "title: C\ntitle: D\nquestions:\n  - id: y\n    type: card\n    front: F\n    back: B\n"
    )
    result = quiz("validate", str(tmp_path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines == [
        f"{tmp_path / 'a.yaml'}:4:5: unknown question type 'txt' (did you mean 'text'?)",
        f"{tmp_path / 'b.yaml'}:2:13: byte 0xff is not UTF-8: save the file as UTF-8",
        f"{tmp_path / 'c.yaml'}:2:1: key 'title' is given twice in this mapping (first on line 1);"
        " YAML would silently keep only the last, so remove one",
    ]
    assert "3 problem(s) in 3 of 3 bank(s)" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_a_missing_path() -> None:
    result = quiz("validate", "no/such/file.yaml")
    assert result.returncode == 1 and "no such file" in result.stdout


def test_grade_prints_the_verdict_as_json() -> None:
    result = quiz("grade", str(SAMPLE), "border-distance", "12.4 miles")
    assert result.returncode == 0, result.stderr
    verdict = json.loads(result.stdout)
    assert verdict["correct"] is True and verdict["expected"] == "20 km"
    assert verdict["forgiven"] == ["a unit conversion"]


def test_grade_decodes_json_for_lists_and_mappings() -> None:
    result = quiz("grade", str(SAMPLE), "agencies", '{"TASS": "Russia", "Khovar": "Russia"}')
    assert result.returncode == 0 and json.loads(result.stdout)["score"] == 0.5
    ordered = quiz(
        "grade",
        str(SAMPLE),
        "timeline",
        '["The drills end", '
        '"Shoigu speaks about Central Asia", "Khovar reports an attack from Badakhshan"]',
    )
    assert json.loads(ordered.stdout)["score"] == 0.0


def test_grade_refuses_cards_unknown_ids_and_bad_json() -> None:
    card = quiz("grade", str(SAMPLE), "csto-card", "x")
    assert card.returncode == 2 and "self-graded" in card.stderr
    unknown = quiz("grade", str(SAMPLE), "nope", "x")
    assert unknown.returncode == 2 and "drills-country" in unknown.stderr
    bad = quiz("grade", str(SAMPLE), "timeline", "[not json")
    assert bad.returncode == 2 and "JSON" in bad.stderr and "Traceback" not in bad.stderr


def test_schema_accepts_the_banks_and_refuses_mistakes() -> None:
    result = quiz("schema")
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    for path in [SAMPLE, *sorted((ROOT / "questions").glob("*.yaml"))]:
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)
    wrong = {"title": "T", "questions": [{"id": "a", "type": "text", "prompt": "P", "anser": "x"}]}
    assert not jsonschema.Draft202012Validator(schema).is_valid(wrong)


def test_validate_imports_no_web_libraries() -> None:
    code = (
        "import sys; from quiz.cli import main; main(['validate', 'tests/data/banks']);"
        "print(sorted(m for m in ('flask', 'sqlalchemy', 'wtforms') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip().endswith("[]")


def test_help_lists_the_commands() -> None:
    result = quiz("--help")
    assert result.returncode == 0
    for command in ("validate", "grade", "schema", "serve"):
        assert command in result.stdout


def test_authors_still_export_an_exam(tmp_path: Path) -> None:
    # Learners can't download an exam's key; its authors can, from the bank file.
    out = tmp_path / "exam.csv"
    result = quiz("export", "tests/data/banks/exam.yaml", "--format", "csv", "-o", str(out))
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == 8 and "Kharb-Maidon" in str(rows)
