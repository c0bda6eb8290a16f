"""A run as the pages see it: the learner's own run, and its items (position → question)."""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort

from quiz.core.bank import Bank, Question
from quiz.core.presentation import Presented, present
from quiz.storage import QuizRun, get_run
from quiz.storage.run_pages import RunPage, run_page
from quiz.web.auth.learner import current_learner_id, is_current_learner
from quiz.web.banks_registry import bank_or_404
from quiz.web.database import get_session
from quiz.web.quiz.selection import RunOptions

NO_RUN = "There is no quiz run at this address. Start a new quiz from the home page."


@dataclass(frozen=True)
class RunItem:
    """One question of a run: where it sits (1-based) and how it is shown."""

    position: int
    question: Question
    presented: Presented

    @property
    def prefix(self) -> str:
        """What the item's form fields are named after, so a page can hold many items."""
        return f"q{self.position}-"


def own_run_or_404(run_id: int) -> tuple[QuizRun, Bank]:
    """The run and its bank; 404 unless this learner started it (a run is private)."""
    run = get_run(get_session(), run_id)
    if run is None or run.learner_id != current_learner_id():
        abort(404, NO_RUN)
    return run, bank_or_404(run.bank_id)


def own_run_page_or_404(run_id: int, position: int) -> tuple[RunPage, Bank]:
    """`own_run_or_404` for a question page: the run, its owner and whether `position` is
    answered, read in one query."""
    run = run_page(get_session(), run_id, position)
    if run is None or not is_current_learner(run.learner_id, run.owner_token, run.owner_username):
        abort(404, NO_RUN)
    return run, bank_or_404(run.bank_id)


def run_items(run: QuizRun, bank: Bank) -> list[RunItem]:
    """Every item still in the bank (a question removed since the run began is skipped)."""
    shuffle = RunOptions.from_dict(run.options).shuffle_choices
    items = []
    for position, question_id in enumerate(run.question_ids, 1):
        question = bank.question(question_id)
        if question is not None:
            presented = present(question, seed=run.id, shuffle_choices=shuffle)
            items.append(RunItem(position, question, presented))
    return items


def run_item_or_404(run: QuizRun | RunPage, bank: Bank, position: int) -> RunItem:
    question_ids = run.question_ids
    question = (
        bank.question(question_ids[position - 1]) if 0 < position <= len(question_ids) else None
    )
    if question is None:
        abort(404, f"This quiz has no question {position}.")
    shuffle = RunOptions.from_dict(run.options).shuffle_choices
    return RunItem(position, question, present(question, seed=run.id, shuffle_choices=shuffle))
