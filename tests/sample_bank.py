"""A copy of the test sample bank in a folder of its own, for tests that edit banks or serve a
folder with other files beside it (pytest puts tests/ on the path)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "banks" / "sample.yaml"


def sample_bank_text() -> str:
    """The sample bank with its `source:` made absolute: a copy moves away from the article."""
    return SAMPLE.read_text().replace("source: ../../../seeds", f"source: {ROOT / 'seeds'}")


def copy_sample_bank(folder: Path) -> Path:
    """`folder`, made, holding `sample.yaml`; returned for the caller to add more."""
    folder.mkdir()
    (folder / "sample.yaml").write_text(sample_bank_text())
    return folder
