"""Garbage in, a message out: random GIFT-like and CSV-like text never raises anything but
InterchangeError, and whatever is read builds a bank that validates."""

from __future__ import annotations

import random

from quiz.core.interchange.bank_building import build_bank
from quiz.core.interchange.csv_reading import read_csv
from quiz.core.interchange.gift_reading import read_gift
from quiz.core.interchange.records import Imported, InterchangeError

PIECES = [*"{}=~#%:->\\/$ \n\tabcT1.,\"", "::", "->", "####", "\n\n", "//", "$CATEGORY:", "[html]",
          "<b>", "&amp;", "..", "%50%", "%-100%", "{{c1::", "}}"]  # fmt: skip


def test_random_text_gives_drafts_or_a_located_message() -> None:
    rng = random.Random(20261201)
    for _ in range(1500):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 40))).encode()
        for reader in (read_gift, read_csv):
            try:
                imported: Imported = reader(text, "T")
            except InterchangeError as error:
                assert error.where.isdigit() and error.message
                continue
            assert all(e.where.isdigit() for e in imported.errors)
            built = build_bank(imported, "f")
            assert built.problems == [] or built.question_count == 0  # the CLI refuses those
