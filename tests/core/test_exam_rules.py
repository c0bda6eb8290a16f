"""The exam rules as plain values: what a practice bank and an exam allow."""

from __future__ import annotations

import pytest

from quiz.core.bank import Bank
from quiz.core.exams import (
    allows_practice,
    caps_runs,
    practice_refusal,
    refuse_new_run,
    reveals_key,
    seals_answers,
)

PRACTICE = Bank(id="drills", title="Drills", questions=())
EXAM = Bank(id="check", title="Checkpoint", questions=(), exam=True)
ONCE = Bank(id="final", title="Final", questions=(), exam=True, attempts=1)
THRICE = Bank(id="mock", title="Mock", questions=(), exam=True, attempts=3)


@pytest.mark.parametrize(
    ("bank", "practice", "sealed", "capped"),
    [(PRACTICE, True, False, False), (EXAM, False, True, False), (ONCE, False, True, True)],
)
def test_what_each_bank_allows(bank: Bank, practice: bool, sealed: bool, capped: bool) -> None:
    assert allows_practice(bank) is practice
    assert seals_answers(bank) is sealed
    assert caps_runs(bank) is capped


@pytest.mark.parametrize(
    ("bank", "finished", "revealed"),
    [(PRACTICE, False, True), (PRACTICE, True, True), (EXAM, False, False), (EXAM, True, True)],
)
def test_an_exam_reveals_its_key_when_the_run_ends(
    bank: Bank, finished: bool, revealed: bool
) -> None:
    assert reveals_key(bank, finished) is revealed


@pytest.mark.parametrize(
    ("bank", "started", "signed_in", "words"),
    [
        (PRACTICE, 50, False, None),
        (EXAM, 50, False, None),
        (ONCE, 0, False, "“Final” is an exam each learner may take once: sign in to take it."),
        (ONCE, 0, True, None),
        (ONCE, 1, True, "may take once, and you have already started it."),
        (THRICE, 2, True, None),
        (THRICE, 3, True, "may take 3 times, and you have started it 3 times already."),
    ],
)
def test_who_may_start_another_run(
    bank: Bank, started: int, signed_in: bool, words: str | None
) -> None:
    refusal = refuse_new_run(bank, started, signed_in)
    assert refusal is None if words is None else words in (refusal or "")


def test_the_api_refusal_names_the_bank() -> None:
    assert "Bank 'check' is an exam" in practice_refusal(EXAM)
