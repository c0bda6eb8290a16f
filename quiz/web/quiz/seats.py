"""Whether the current learner may start a run of a bank: the exam rules, asked for them."""

from __future__ import annotations

from quiz.core.bank import Bank
from quiz.core.exams import caps_runs, refuse_new_run
from quiz.storage.models import QuizRun
from quiz.storage.runs import latest_run, runs_started
from quiz.web.auth import current_learner_or_none
from quiz.web.auth.learner import current_learner_id
from quiz.web.database import get_session


class RunRefusedError(ValueError):
    """This learner may not start another run of the bank; the message says why."""


def run_refusal(bank: Bank) -> str | None:
    """Why the current learner may not start a run of `bank` (None: they may).

    Looking creates no learner: someone who never answered has started nothing.
    """
    if not caps_runs(bank):
        return None
    learner = current_learner_or_none()
    signed_in = learner is not None and not learner.is_anonymous_learner
    started = runs_started(get_session(), learner.id, bank.id) if learner else 0
    return refuse_new_run(bank, started, signed_in)


def latest_run_of(bank: Bank) -> QuizRun | None:
    """The current learner's last run of `bank`: where a refused learner can go back to."""
    learner_id = current_learner_id()
    return latest_run(get_session(), learner_id, bank.id) if learner_id is not None else None


def next_seat(bank: Bank, learner_id: int) -> int | None:
    """The number the learner's next run of a capped exam takes (None: runs aren't counted)."""
    if not caps_runs(bank):
        return None
    return runs_started(get_session(), learner_id, bank.id) + 1
