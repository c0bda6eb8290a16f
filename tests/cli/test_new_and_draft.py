"""`quiz new` and `quiz draft` in a subprocess, as an author runs them, bad input included."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.core.banks.loading import load_bank
from quiz.core.banks.schema import bank_schema

ROOT = Path(__file__).parents[2]
SEED = ROOT / "seeds" / "000_42a00ded27f26e66.txt"
SCHEMA = ROOT / "schema" / "bank.schema.json"


def quiz(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quiz.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def child_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def test_the_shipped_schema_file_is_what_quiz_schema_prints() -> None:
    printed = quiz("schema")
    assert printed.returncode == 0
    assert SCHEMA.read_text(encoding="utf-8") == printed.stdout, (
        "schema/bank.schema.json is stale: run `quiz schema > schema/bank.schema.json`"
    )
    assert json.loads(printed.stdout) == bank_schema()


def test_draft_the_seed_article_in_under_five_seconds(tmp_path: Path) -> None:
    before = child_cpu_seconds()
    result = quiz("draft", str(SEED), "-o", str(tmp_path / "seed.yaml"))
    cpu = child_cpu_seconds() - before
    assert result.returncode == 0, result.stderr
    assert cpu < 5, f"drafting took {cpu:.1f} s of CPU"
    assert result.stdout.startswith(f"wrote {tmp_path / 'seed.yaml'}: ")
    written = (tmp_path / "seed.yaml").read_text(encoding="utf-8")
    modeline, blank, heading = written.splitlines()[:3]
    assert (blank, heading[:7]) == ("", "# A dra")
    # A URI when the draft and the checkout share no folder, a relative path when they do.
    target = modeline.removeprefix("# yaml-language-server: $schema=").removeprefix("file://")
    schema = Path(target) if Path(target).is_absolute() else tmp_path / target
    assert schema.resolve() == SCHEMA.resolve()
    validated = quiz("validate", str(tmp_path / "seed.yaml"))
    assert validated.returncode == 0, validated.stdout
    assert validated.stdout == "" and validated.stderr.startswith("ok: 1 bank(s)")


def test_draft_max_and_default_output(tmp_path: Path) -> None:
    article = tmp_path / "seed.txt"
    article.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    result = quiz("draft", str(article), "--max", "5")
    assert result.returncode == 0, result.stderr
    loaded = load_bank(tmp_path / "seed.yaml")
    assert loaded.ok and loaded.bank is not None and len(loaded.bank.questions) == 5
    assert "kept the best 5 of" in result.stderr


def test_draft_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "bank.yaml"
    out.write_text("mine", encoding="utf-8")
    result = quiz("draft", str(SEED), "-o", str(out))
    assert result.returncode == 2 and "already exists" in result.stderr
    assert out.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"  \n\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
        (b"caf\xe9 au lait\n", "not UTF-8"),
        (b"Nothing happened, and nobody said anything about it.\n", "nothing drafted"),
    ],
)
def test_draft_bad_input_gets_a_clear_message(tmp_path: Path, content: bytes, message: str) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(content)
    result = quiz("draft", str(article), "-o", str(tmp_path / "out.yaml"))
    assert result.returncode in (1, 2)
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out.yaml").exists()


def test_draft_missing_file_and_bad_max(tmp_path: Path) -> None:
    missing = quiz("draft", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    bad_max = quiz("draft", str(SEED), "--max", "0", "-o", str(tmp_path / "x.yaml"))
    assert bad_max.returncode == 2 and "--max" in bad_max.stderr


def test_draft_a_five_megabyte_article_is_capped(tmp_path: Path) -> None:
    article = tmp_path / "huge.txt"
    seed = SEED.read_text(encoding="utf-8")
    article.write_text((seed + "\n") * (5 * 2**20 // len(seed.encode()) + 1), encoding="utf-8")
    assert article.stat().st_size > 5 * 2**20
    result = quiz("draft", str(article), "-o", str(tmp_path / "huge.yaml"), "--max", "10")
    assert result.returncode == 0, result.stderr
    assert "drafted from the first" in result.stderr
    text = (tmp_path / "huge.yaml").read_text(encoding="utf-8")
    assert text.count("\n  - id:") <= 10


def uncommented(text: str) -> str:
    """What an author gets by uncommenting every example `quiz new` wrote."""
    lines = []
    for line in text.splitlines():
        if line.startswith(("  # - ", "  #   ")):
            lines.append("  " + line[4:])
        elif not line.startswith("# source:"):
            lines.append(line)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("with_source", [True, False])
def test_new_writes_every_type_valid_once_uncommented(tmp_path: Path, with_source: bool) -> None:
    args = ["new", "banks/mine", "--title", "My bank"]
    (tmp_path / "banks").mkdir()
    if with_source:
        (tmp_path / "seeds").mkdir()
        (tmp_path / "seeds" / "article.txt").write_text(SEED.read_text("utf-8"), "utf-8")
        args += ["--source", "seeds/article.txt"]
    result = quiz(*args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = (tmp_path / "banks" / "mine.yaml").read_text(encoding="utf-8")
    first = written.splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    assert 'title: "My bank"' in written
    assert ('source: "../seeds/article.txt"' in written) == with_source
    for kind in ("choice", "truefalse", "text", "number", "quantity", "date", "who"):
        assert f"  #   type: {kind}\n" in written
    for kind in ("cloze", "order", "match", "card"):
        assert f"  #   type: {kind}\n" in written
    fresh = load_bank(tmp_path / "banks" / "mine.yaml")
    assert not fresh.ok and "non-empty list" in fresh.problems[0].message
    (tmp_path / "banks" / "all.yaml").write_text(uncommented(written), encoding="utf-8")
    loaded = load_bank(tmp_path / "banks" / "all.yaml")
    assert loaded.ok, loaded.problems
    assert loaded.bank is not None and len(loaded.bank.questions) == 11


def test_new_points_at_the_shipped_schema(tmp_path: Path) -> None:
    assert quiz("new", "mine", cwd=tmp_path).returncode == 0
    reference = (tmp_path / "mine.yaml").read_text("utf-8").splitlines()[0].split("=", 1)[1]
    target = reference.removeprefix("file://")
    schema = Path(target) if Path(target).is_absolute() else tmp_path / target
    assert schema.resolve() == SCHEMA.resolve()
    # Inside the checkout (test-results/ is ignored by git), the reference is relative.
    folder = ROOT / "test-results" / "new-bank"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "other.yaml").unlink(missing_ok=True)
    assert quiz("new", "other", cwd=folder).returncode == 0
    first = (folder / "other.yaml").read_text("utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schema/bank.schema.json"
    (folder / "other.yaml").unlink()


def test_new_refuses_to_overwrite(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text("keep me", encoding="utf-8")
    result = quiz("new", "mine", cwd=tmp_path)
    assert result.returncode == 2
    assert (
        result.stderr == "quiz: mine.yaml already exists: choose another name, or delete it first\n"
    )
    assert (tmp_path / "mine.yaml").read_text(encoding="utf-8") == "keep me"


def test_new_with_a_missing_source(tmp_path: Path) -> None:
    result = quiz("new", "mine", "--source", "nope.txt", cwd=tmp_path)
    assert result.returncode == 2 and "not found" in result.stderr
    assert not (tmp_path / "mine.yaml").exists()
