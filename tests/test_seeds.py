"""The source article ships byte for byte as it was given: quotes are checked against it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
SEED = ROOT / "seeds" / "000_42a00ded27f26e66.txt"
SHA256 = "2e7f7b7c3e20f0e92000ac00e72135d2e909670018248bc42a2ba5a4643a1e0f"


def test_the_seed_article_is_unchanged() -> None:
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == SHA256


def test_the_seed_matches_the_shared_original_when_present() -> None:
    original = ROOT.parent / "shared" / "seeds" / SEED.name
    if not original.exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    assert SEED.read_bytes() == original.read_bytes()
