"""`quiz import` and `quiz export --format gift` end to end, as authors run them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
GIFT = ROOT / "tests" / "data" / "interchange" / "every-construct.gift"
SAMPLE = ROOT / "tests" / "data" / "banks" / "sample.yaml"


def quiz(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quiz.cli", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_import_gift_writes_a_bank_that_validates(tmp_path: Path) -> None:
    out = tmp_path / "gift.yaml"
    result = quiz("import", GIFT, "-o", out)
    assert result.returncode == 0, result.stderr
    assert f"{GIFT}:87: not carried: right picks weighed 50%, 25%, 25%" in result.stderr
    assert f"{GIFT}:29: not carried: partly right answer '4' (50%)" in result.stderr
    assert result.stderr.endswith(f"wrote 32 questions to {out}\n")
    assert quiz("validate", out).returncode == 0
    text = out.read_text(encoding="utf-8")
    assert "source:" not in text and "  # Multiple choice, one right answer.\n" in text
    refused = quiz("import", GIFT, "-o", out)
    assert refused.returncode == 2 and "exists" in refused.stderr


def test_a_txt_file_needs_from_gift(tmp_path: Path) -> None:
    source = tmp_path / "questions.txt"
    source.write_text("Capital of France?{=Paris ~Lyon}\n", encoding="utf-8")
    refused = quiz("import", source)
    assert refused.returncode == 2 and "--from gift" in refused.stderr
    refused = quiz("import", source, "--from", "gift", "--as", "text")
    assert refused.returncode == 2 and "--as text is for CSV files" in refused.stderr
    assert quiz("import", source, "--from", "gift", "--title", "Capitals").returncode == 0
    assert "title: Capitals\n" in (tmp_path / "questions.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "content", "expected"),  # content None: no such file
    [
        ("bad.gift", b"Fine?{=a ~b}\n\nBroken?{=a ~b\n", "bad.gift:3: '{' is never closed"),
        ("binary.gift", b"\x89PNG\r\n\x1a\n\x00\xff", "binary.gift:1: byte 0x89 is not UTF-8"),
        ("bad.csv", b'front,back\n"a,b\n', "bad.csv:2: not valid CSV"),
        ("bad.apkg", b"PK not really", "bad.apkg:1: not an Anki package"),
        ("big.gift", b"x" * 5_000_001, "big.gift:1: the file is 5.0 MB; the limit is 5 MB"),
        ("missing.gift", None, "missing.gift:1: cannot read the file"),
        ("empty.gift", b"", "empty.gift gave no question"),
    ],
)
def test_malformed_input_gives_file_line_message(
    tmp_path: Path, name: str, content: bytes | None, expected: str
) -> None:
    source = tmp_path / name
    if content is not None:
        source.write_bytes(content)
    result = quiz("import", source)
    assert result.returncode == 1
    assert expected in result.stderr and "Traceback" not in result.stderr
    assert not source.with_suffix(".yaml").exists()


def test_export_gift_lists_what_it_skips_and_imports_back(tmp_path: Path) -> None:
    out = tmp_path / "sample.gift"
    result = quiz("export", SAMPLE, "--format", "gift", "-o", out)
    assert result.returncode == 0, result.stderr
    assert "skipped border-distance: a quantity" in result.stderr
    assert "skipped timeline: an ordering question" in result.stderr
    assert "wrote 9 questions" in result.stderr
    back = quiz("import", out)
    assert back.returncode == 0, back.stderr
    assert quiz("validate", tmp_path / "sample.yaml").returncode == 0


def test_our_anki_and_csv_exports_import_back(tmp_path: Path) -> None:
    for kind in ("apkg", "csv"):
        exported = tmp_path / f"sample.{kind}"
        assert quiz("export", SAMPLE, "--format", kind, "-o", exported).returncode == 0
        out = tmp_path / f"from-{kind}.yaml"
        result = quiz("import", exported, "-o", out, *(["--as", "text"] if kind == "csv" else []))
        assert result.returncode == 0, result.stderr
        assert quiz("validate", out).returncode == 0
    assert "title: Sample bank\n" in (tmp_path / "from-apkg.yaml").read_text(encoding="utf-8")
    assert "type: text\n" in (tmp_path / "from-csv.yaml").read_text(encoding="utf-8")
