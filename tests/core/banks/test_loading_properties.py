"""Property-based: the bank loader, given any bytes, gives a bank or problems, never an exception.

A hang detector deadline and a modest example count keep it fast; no example database is
kept (database=None).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.core.banks.loading import load_bank

SETTINGS = settings(
    max_examples=200,
    deadline=timedelta(seconds=1),
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
SAMPLE = (Path(__file__).parents[2] / "data" / "banks" / "sample.yaml").read_bytes()
# Pieces of YAML and of a bank, so examples get past the parser into validation.
FRAGMENTS = st.sampled_from(
    [b"title: T\n", b"questions:\n", b"  - id: q1\n", b"    type: number\n",
     b"    type: cloze\n", b"    type: quantity\n", b"    type: date\n", b"    answer: ",
     b"    prompt: P\n", b"    text: a [[b]] c\n", b"    choices: [a, b]\n", b"&a ", b"*a\n",
     b"<<: *a\n", b"- ", b": ", b"[", b"]", b"{", b"}", b"\n", b"  ", b"'", b'"',
     b"!!python/object ", b"!!binary ", b"2023-04-18", b"1e400", b"\xff", b"\xef\xbb\xbf",
     b"\t", b"? ", b"|\n", b"#"]
)  # fmt: skip


@pytest.fixture(scope="module")
def bank_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("banks") / "fuzzed.yaml"
    # Loading once first pays the one-off costs (pint's registry, dateparser's first call),
    # which are not what the deadline is there to catch.
    assert_bank_or_problems(path, SAMPLE)
    return path


def assert_bank_or_problems(path: Path, content: bytes) -> None:
    path.write_bytes(content)
    loaded = load_bank(path)
    assert (loaded.bank is not None) or loaded.problems
    assert all(problem.message for problem in loaded.problems)


@SETTINGS
@given(content=st.binary(max_size=2_000))
def test_any_bytes_give_a_bank_or_problems(bank_file: Path, content: bytes) -> None:
    assert_bank_or_problems(bank_file, content)


@SETTINGS
@given(pieces=st.lists(FRAGMENTS, max_size=60))
def test_any_yaml_like_text_gives_a_bank_or_problems(bank_file: Path, pieces: list[bytes]) -> None:
    assert_bank_or_problems(bank_file, b"".join(pieces))


@SETTINGS
@given(cut=st.integers(0, len(SAMPLE)), insert=st.binary(max_size=20))
def test_a_damaged_real_bank_gives_a_bank_or_problems(
    bank_file: Path, cut: int, insert: bytes
) -> None:
    assert_bank_or_problems(bank_file, SAMPLE[:cut] + insert + SAMPLE[cut:])
