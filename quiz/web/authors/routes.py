"""The authors' pages. Every one answers 404 to anyone but an author, before anything else."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, render_template, request

from quiz.core.bank import Bank, Question
from quiz.core.banks.accepting import ALIAS_KEYS
from quiz.core.banks.editing import file_hash
from quiz.core.errors import QuizError
from quiz.core.grading import grade
from quiz.core.item_analysis import FLAG_LABELS, MIN_LEARNERS, select_attempts
from quiz.core.wrong_answers import common_wrong_answers, response_text
from quiz.storage.item_rows import attempt_rows
from quiz.web import banks_registry
from quiz.web.auth.roles import require_author
from quiz.web.authors import analysis
from quiz.web.authors.charts import facility_scatter, score_histogram
from quiz.web.authors.files import bank_files, relative
from quiz.web.authors.forms import AcceptForm, TryForm
from quiz.web.authors.preview import Trial, answer_key, examples_of, preview_item
from quiz.web.banks_registry import bank_or_404, get_registry
from quiz.web.database import get_session
from quiz.web.quiz.display import OUTCOME_LABELS
from quiz.web.quiz.responses import FieldError, input_kind, options, read_response

MAX_TRIAL = 1000  # characters of a trial answer: no learner types more into one field

BANKS_PAGE_LISTS_BANKS = "see the Banks page"
bp = Blueprint("authors", __name__, url_prefix="/authors")
bp.before_request(require_author)


@bp.context_processor
def template_helpers() -> dict[str, object]:
    # The quiz's own input macros need these: the preview renders with the very same parts.
    return {
        "input_kind": input_kind,
        "choice_options": options,
        "flag_labels": FLAG_LABELS,
        "percent": analysis.percent,
        "seconds": analysis.seconds,
        "correlation": analysis.correlation,
    }


@bp.get("/")
def banks() -> str:
    registry = get_registry()
    stale = {lb.bank_id for lb in registry.broken if registry.serves_older_version(lb.bank_id)}
    files = bank_files(registry.loaded, registry.directory, stale)
    return render_template("authors/banks.html", files=files)


@bp.get("/banks/<bank_id>")
def bank(bank_id: str) -> str:
    bank = bank_or_404(bank_id, listed=BANKS_PAGE_LISTS_BANKS)
    view = analysis.TableView.from_args(request.args)
    stats = analysis.bank_analysis(bank, attempt_rows(get_session(), bank.id), view)
    return render_template(
        "authors/bank.html",
        bank=bank,
        view=view,
        stats=stats,
        rows=analysis.sorted_rows(stats, view),
        columns=analysis.COLUMNS,
        prompts={q.id: q.prompt for q in bank.questions},
        cards=[q for q in bank.questions if q.is_card_only],
        histogram=score_histogram(stats.learner_scores),
        scatter=facility_scatter(stats.questions),
        min_learners=MIN_LEARNERS,
    )


@bp.get("/banks/<bank_id>/questions/<question_id>")
def question(bank_id: str, question_id: str) -> str:
    bank, question = question_or_404(bank_id, question_id)
    return question_page(bank, question)


@bp.post("/banks/<bank_id>/questions/<question_id>/try")
def try_answer(bank_id: str, question_id: str) -> str | tuple[str, int]:
    bank, question = question_or_404(bank_id, question_id)
    item = preview_item(question)
    if not TryForm().validate_on_submit():
        return question_page(bank, question, error="The form expired: try again."), 400
    try:
        response = read_response(item.presented, request.form, item.prefix)
        if len(response_text(response)) > MAX_TRIAL:
            raise FieldError(f"Try an answer of at most {MAX_TRIAL} characters.")
        trial = Trial(item, response, grade(question, response))
    except (FieldError, QuizError) as problem:
        return question_page(bank, question, error=str(problem)), 422
    return question_page(bank, question, trial=trial)


def question_page(
    bank: Bank,
    question: Question,
    *,
    trial: Trial | None = None,
    error: str | None = None,
    refusal: str | None = None,
) -> str:
    """The preview page: the quiz's item, key, examples, figures and wrong answers."""
    view = analysis.TableView.from_args(request.args)
    rows = attempt_rows(get_session(), bank.id)
    stats = {q.question_id: q for q in analysis.bank_analysis(bank, rows, view).questions}
    wrong = [
        r
        for r in select_attempts(rows, view.mode)
        if r.question_id == question.id and not r.correct
    ]
    path = bank_path(bank.id)
    return render_template(
        "authors/question.html",
        bank=bank, question=question, item=preview_item(question), key=answer_key(question),
        examples=examples_of(path, question) if path else [], form=TryForm(), trial=trial,
        error=error, refusal=refusal, labels=OUTCOME_LABELS, view=view,
        stats=stats.get(question.id), wrong_answers=common_wrong_answers(wrong),
        accept_form=AcceptForm(), accept_ready=question.type in ALIAS_KEYS and path is not None,
        file_hash=file_hash(path) if path else "",
        file_path=relative(path, get_registry().directory) if path else "",
    )  # fmt: skip


def question_or_404(bank_id: str, question_id: str) -> tuple[Bank, Question]:
    return banks_registry.question_or_404(bank_id, question_id, listed=BANKS_PAGE_LISTS_BANKS)


def bank_path(bank_id: str) -> Path | None:
    """The file a served bank was read from."""
    return get_registry().path_of(bank_id)
