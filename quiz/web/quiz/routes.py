"""Taking a quiz: start a run, answer one question per page (or all at once), see the score."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response
from wtforms.fields.choices import SelectChoice

from quiz.core.bank import Bank
from quiz.core.errors import ResponseError
from quiz.core.exams import allows_practice, reveals_key
from quiz.storage import QuizRun, start_run
from quiz.storage.answering import attempt_at
from quiz.storage.run_pages import RunPage
from quiz.web.banks_registry import bank_or_404
from quiz.web.database import get_session
from quiz.web.quiz.display import OUTCOME_LABELS, Result, run_score, time_text
from quiz.web.quiz.finishing import answer_item, finish_if_answered, run_results
from quiz.web.quiz.forms import ALL_ON_ONE_PAGE, AnswerForm, RetryForm, StartForm
from quiz.web.quiz.items import RunItem, own_run_or_404, own_run_page_or_404, run_item_or_404
from quiz.web.quiz.responses import FieldError, input_kind, options, read_response
from quiz.web.quiz.seats import RunRefusedError, latest_run_of, run_refusal
from quiz.web.quiz.selection import NothingToAskError, RunOptions, question_tags
from quiz.web.quiz.starting import new_run
from quiz.web.quiz.timing import shown_token, time_taken_ms

bp = Blueprint("quiz", __name__, url_prefix="/quiz")


@bp.context_processor
def template_helpers() -> dict[str, object]:
    return {"input_kind": input_kind, "choice_options": options}


@bp.route("/<bank_id>", methods=("GET", "POST"))
def start(bank_id: str) -> str | Response:
    bank = bank_or_404(bank_id)
    form = StartForm()
    form.tags.choices = [SelectChoice(tag) for tag in question_tags(bank)]
    refusal = run_refusal(bank)
    if refusal is None and form.validate_on_submit():
        try:
            run = new_run(bank, _options(form))
            get_session().commit()
        except (NothingToAskError, RunRefusedError) as error:
            flash(str(error), "error")
        else:
            return redirect(_first_url(run))
    last = latest_run_of(bank) if refusal else None
    return render_template("quiz/start.html", bank=bank, form=form, refusal=refusal, last=last)


@bp.route("/run/<int:run_id>/<int:position>", methods=("GET", "POST"))
def question(run_id: int, position: int) -> str | tuple[str, int] | Response:
    run, bank = own_run_page_or_404(run_id, position)
    item = run_item_or_404(run, bank, position)
    if run.answered:
        return _verdict_page(run, bank, item)
    if request.method == "GET":  # the most viewed page: no form is built to draw two fields
        return _question_page(item, len(run.question_ids), shown_token(run.id, position))
    # No form is built on the answer path either: the app-wide CSRF check has passed by now
    # (a POST without a good token never reaches a view), and `shown` is the only other field.
    shown = request.form.get("shown")
    try:
        _answer(run, bank, item, time_taken_ms(shown, run.id, position))
    except (FieldError, ResponseError) as problem:
        # 422: the answer was read, but refused
        return _question_page(item, len(run.question_ids), shown, str(problem)), 422
    return redirect(url_for(".question", run_id=run.id, position=position))


def _question_page(item: RunItem, total: int, shown: str | None, error: str | None = None) -> str:
    return render_template("quiz/question.html", item=item, total=total, shown=shown, error=error)


@bp.route("/run/<int:run_id>/all", methods=("GET", "POST"))
def all_questions(run_id: int) -> tuple[str, int] | Response:
    run, bank = own_run_or_404(run_id)
    results = run_results(run, bank)
    open_items = [r.item for r in results if r.attempt is None]
    form, errors = AnswerForm(), {}
    if not open_items:
        return redirect(url_for(".done", run_id=run.id))
    if form.validate_on_submit():
        errors = _answer_all(run, bank, open_items, time_taken_ms(form.shown.data, run.id, 0))
        if not errors:
            return redirect(url_for(".done", run_id=run.id))
    if request.method == "GET":
        form.shown.data = shown_token(run.id, 0)
    page = render_template(
        "quiz/all.html",
        run=run,
        bank=bank,
        results=results,
        form=form,
        errors=errors,
        labels=OUTCOME_LABELS,
        sealed=not reveals_key(bank, run.finished_at is not None),
    )
    return page, 422 if errors else 200


@bp.get("/run/<int:run_id>/done")
def done(run_id: int) -> str:
    run, bank = own_run_or_404(run_id)
    results = run_results(run, bank)
    unanswered = [r for r in results if r.attempt is None]
    if finish_if_answered(run, results):
        get_session().commit()
    return render_template(
        "quiz/done.html",
        run=run,
        bank=bank,
        results=results,
        unanswered=unanswered,
        score=run_score(results),
        time_text=time_text(run, results),
        labels=OUTCOME_LABELS,
        retry_form=RetryForm(),
        missed=[r for r in results if r.outcome in ("wrong", "partly")]
        if allows_practice(bank)
        else [],
        sealed=not reveals_key(bank, run.finished_at is not None),
    )


@bp.post("/run/<int:run_id>/retry")
def retry(run_id: int) -> Response:
    run, bank = own_run_or_404(run_id)
    results = run_results(run, bank)
    missed = list(dict.fromkeys(r.item.question.id for r in results if r.outcome != "right"))
    if not allows_practice(bank):  # a retry of the missed ones is practice, not an exam
        flash("An exam has no retries of the questions you missed.", "info")
        return redirect(url_for(".done", run_id=run.id))
    if not RetryForm().validate_on_submit() or not missed:
        flash("Nothing to retry: you got every question right.", "info")
        return redirect(url_for(".done", run_id=run.id))
    options = RunOptions.from_dict(run.options)
    new = start_run(get_session(), run.learner_id, bank.id, missed, options.to_dict())
    get_session().commit()
    return redirect(_first_url(new))


def _verdict_page(run: RunPage, bank: Bank, item: RunItem) -> str | Response:
    if request.method == "POST":  # a re-post of an answered item: the first answer stands
        return redirect(url_for(".question", run_id=run.id, position=item.position))
    result = Result(item, attempt_at(get_session(), run.id, item.position))
    last = item.position >= len(run.question_ids)
    next_url = (
        url_for(".done", run_id=run.id)
        if last
        else url_for(".question", run_id=run.id, position=item.position + 1)
    )
    return render_template(
        "quiz/verdict.html",
        run=run,
        result=result,
        labels=OUTCOME_LABELS,
        next_url=next_url,
        last=last,
        total=len(run.question_ids),
        sealed=not reveals_key(bank, run.finished_at is not None),
    )


def _answer(run: RunPage, bank: Bank, item: RunItem, time_ms: int | None) -> None:
    answer_item(run, bank, item, read_response(item.presented, request.form, item.prefix), time_ms)
    get_session().commit()


def _answer_all(
    run: QuizRun, bank: Bank, items: list[RunItem], time_ms: int | None
) -> dict[int, str]:
    """Answer every item, or none: a position → message for each ill-formed answer."""
    responses, errors = {}, {}
    for item in items:
        try:
            responses[item.position] = read_response(item.presented, request.form, item.prefix)
        except FieldError as problem:
            errors[item.position] = str(problem)
    if errors:
        return errors
    share = time_ms // len(items) if time_ms is not None else None  # the page's time, split
    for item in items:
        answer_item(run, bank, item, responses[item.position], share)
    get_session().commit()
    return {}


def _options(form: StartForm) -> RunOptions:
    return RunOptions(
        shuffle_questions=form.shuffle_questions.data,
        shuffle_choices=form.shuffle_choices.data,
        count=form.count.data,
        only_wrong=form.only_wrong.data,
        tags=tuple(form.tags.data or ()),
        layout=form.layout.data or "one",
    )


def _first_url(run: QuizRun) -> str:
    if RunOptions.from_dict(run.options).layout == ALL_ON_ONE_PAGE:
        return url_for(".all_questions", run_id=run.id)
    return url_for(".question", run_id=run.id, position=1)
