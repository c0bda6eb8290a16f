"""The source article ships byte for byte as it was given: quotes are checked against it."""

from __future__ import annotations

import hashlib
from pathlib import Path

ROOT = Path(__file__).parents[1]
SEED = ROOT / "seeds" / "000_42a00ded27f26e66.txt"
# The hash of the article as it was given: no copy outside the repository is needed to check it.
SHA256 = "2e7f7b7c3e20f0e92000ac00e72135d2e909670018248bc42a2ba5a4643a1e0f"


def test_the_seed_article_is_unchanged() -> None:
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == SHA256
