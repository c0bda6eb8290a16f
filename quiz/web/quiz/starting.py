"""Starting a run of a bank for the current learner: what the start page and the API share."""

from __future__ import annotations

import random

from quiz.core.bank import Bank
from quiz.storage import QuizRun, start_run
from quiz.storage.answering import missed_question_ids
from quiz.storage.runs import SeatTakenError
from quiz.web.auth import current_learner
from quiz.web.database import get_session
from quiz.web.quiz.seats import RunRefusedError, next_seat, run_refusal
from quiz.web.quiz.selection import RunOptions, choose_questions


def new_run(bank: Bank, options: RunOptions) -> QuizRun:
    """A new run of `bank` for the current learner, saved but not committed: the caller
    commits it with whatever else belongs to the same transaction (the API's Idempotency-Key).

    Raises NothingToAskError when the options leave no question, RunRefusedError when a
    racing start took the last seat of a capped exam.
    """
    learner = current_learner()
    missed = (
        missed_question_ids(get_session(), learner.id, bank.id) if options.only_wrong else set()
    )
    ids = choose_questions(bank, options, missed, random.Random())
    seat = next_seat(bank, learner.id)
    try:
        return start_run(get_session(), learner.id, bank.id, ids, options.to_dict(), seat)
    except SeatTakenError as error:  # another start of this learner's won the race
        raise RunRefusedError(run_refusal(bank) or "You have just started this exam.") from error
