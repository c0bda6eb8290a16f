"""What a bank lets learners do: practice banks allow everything, exam banks keep their key.

The web layer asks these questions instead of testing `bank.exam` itself, so the exam rules
live in one place: an exam is quiz only (no flashcards, no learner exports, no API answers
outside a run), its verdicts say only "answer recorded" until the run ends, and with
`attempts` each learner may start only that many runs.
"""

from __future__ import annotations

from quiz.core.bank import Bank

EXAM_PRACTICE_REFUSED = (
    "Bank '{bank}' is an exam: it can only be answered in a quiz run on the site, "
    "and its answers are shown when the run ends."
)


def allows_practice(bank: Bank) -> bool:
    """Whether learners may use the bank outside a quiz run: flashcards, exports, API answers.

    Each of those shows or checks the key one question at a time, which an exam must not.
    """
    return not bank.exam


def seals_answers(bank: Bank) -> bool:
    """Whether a run's answers stay sealed until it ends: out of progress figures (which
    would tell right from wrong) and no flashcard review (an exam has no flashcards)."""
    return bank.exam


def reveals_key(bank: Bank, run_finished: bool) -> bool:
    """Whether a run's verdicts may show right or wrong, the expected answer and the quote."""
    return run_finished or not bank.exam


def caps_runs(bank: Bank) -> bool:
    """Whether each learner's runs of `bank` are counted (and numbered) against a cap."""
    return bank.attempts is not None


def refuse_new_run(bank: Bank, runs_started: int, signed_in: bool) -> str | None:
    """Why this learner may not start another run of `bank` (None: they may).

    A cap on runs needs a learner who stays the same: an anonymous one becomes someone new
    by dropping a cookie, so a capped exam asks them to sign in first.
    """
    if bank.attempts is None:  # no cap
        return None
    times = "once" if bank.attempts == 1 else f"{bank.attempts} times"
    if not signed_in:
        return f"“{bank.title}” is an exam each learner may take {times}: sign in to take it."
    if runs_started < bank.attempts:
        return None
    already = "already started it" if bank.attempts == 1 else f"started it {times} already"
    return f"“{bank.title}” is an exam each learner may take {times}, and you have {already}."


def practice_refusal(bank: Bank) -> str:
    return EXAM_PRACTICE_REFUSED.format(bank=bank.id)
