"""Accepting a common wrong answer as an alias, then regrading or undoing it: the pages around
the core's edit (quiz.core.banks.editing) and the storage's regrade."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from flask import current_app, render_template
from flask_login import current_user

from quiz.core.banks.accepting import AcceptRefusedError
from quiz.core.banks.editing import EditResult, NothingToUndoError, accept_answer, undo_last_edit
from quiz.core.regrading import same_response
from quiz.storage.item_rows import attempt_rows
from quiz.storage.regrading import regrade_answers
from quiz.web.authors.files import relative, shown_problem
from quiz.web.authors.forms import AcceptForm, RegradeForm, UndoForm
from quiz.web.authors.routes import bank_path, bp, question_or_404, question_page
from quiz.web.banks_registry import get_registry
from quiz.web.database import get_session

Page = str | tuple[str, int]


@bp.post("/banks/<bank_id>/questions/<question_id>/accept")
def accept(bank_id: str, question_id: str) -> Page:
    bank, question = question_or_404(bank_id, question_id)
    form, path = AcceptForm(), bank_path(bank.id)
    if not form.validate_on_submit() or path is None:
        return question_page(bank, question, refusal="The form expired: try again."), 400
    response = form.response.data or ""
    try:
        result = accept_answer(path, question.id, response, expected_hash=form.file_hash.data)
    except AcceptRefusedError as refused:
        return question_page(bank, question, refusal=_refusal(refused, path)), 409
    get_registry().refresh(force=True)  # this process serves the new key from now on
    return _edited_page(bank_id, question_id, result, response, "accepted")


@bp.post("/banks/<bank_id>/questions/<question_id>/undo")
def undo(bank_id: str, question_id: str) -> Page:
    bank, question = question_or_404(bank_id, question_id)
    form, path = UndoForm(), bank_path(bank.id)
    if not form.validate_on_submit() or path is None:
        return question_page(bank, question, refusal="The form expired: try again."), 400
    try:
        result = undo_last_edit(path, expected_hash=form.file_hash.data)
    except (AcceptRefusedError, NothingToUndoError) as refused:
        return question_page(bank, question, refusal=str(refused)), 409
    get_registry().refresh(force=True)
    return _edited_page(bank_id, question_id, result, "", "undone")


@bp.post("/banks/<bank_id>/questions/<question_id>/regrade")
def regrade(bank_id: str, question_id: str) -> Page:
    bank, question = question_or_404(bank_id, question_id)
    form = RegradeForm()
    if not form.validate_on_submit():
        return question_page(bank, question, refusal="The form expired: try again."), 400
    db = get_session()
    done = regrade_answers(
        db, bank.id, question, form.response.data or "", author=current_user.username,
        author_id=current_user.id, now=datetime.now(UTC),
        default_retention=current_app.config["DESIRED_RETENTION"],
    )  # fmt: skip
    db.commit()
    return render_template("authors/regraded.html", bank=bank, question=question, regrade=done)


def _edited_page(
    bank_id: str, question_id: str, result: EditResult, response: str, what: str
) -> str:
    # The question as the file now reads: the key just written, or the one put back.
    bank, question = question_or_404(bank_id, question_id)
    pending = _regradable(bank.id, question.id, response) if response else 0
    return render_template(
        "authors/edited.html",
        bank=bank,
        question=question,
        what=what,
        response=response,
        diff=result.diff,
        file_path=relative(result.path, get_registry().directory),
        pending=pending,
        # formdata=None: in this POST, the request's own file_hash (the old one) would win.
        undo_form=UndoForm(formdata=None, file_hash=result.after_hash),
        regrade_form=RegradeForm(formdata=None, response=response),
    )


def _regradable(bank_id: str, question_id: str, response: str) -> int:
    """How many past wrong answers equal the accepted one (what a regrade would look at)."""
    rows = attempt_rows(get_session(), bank_id, question_id)
    return sum(1 for row in rows if not row.correct and same_response(row.response, response))


def _refusal(refused: AcceptRefusedError, path: Path) -> str:
    folder = get_registry().directory
    lines = [str(refused.args[0])]
    lines += [
        shown_problem(problem, folder, relative(path, folder)) for problem in refused.problems
    ]
    return "\n".join(lines)
