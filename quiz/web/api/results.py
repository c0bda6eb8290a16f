"""Results for authors: a bank's item analysis and its attempts, as JSON or CSV, paged, from
the same queries and statistics as the authors' pages (quiz.web.authors)."""

from __future__ import annotations

from flask import Blueprint, abort, jsonify, request
from werkzeug.wrappers import Response

from quiz.core.item_analysis import MIN_LEARNERS, MODES
from quiz.core.tables import csv_text
from quiz.storage.item_rows import attempt_rows, attempts_after
from quiz.web.api import result_rows
from quiz.web.api.paging import conditional, next_url, page_request, slice_page
from quiz.web.api.routes import API_LISTS_BANKS
from quiz.web.auth.roles import require_author
from quiz.web.authors import analysis
from quiz.web.banks_registry import bank_or_404
from quiz.web.database import get_session

bp = Blueprint("results", __name__, url_prefix="/authors")
# 404, not 403, to anyone but an author, before anything else, exactly as the authors' pages
# answer: a learner or a stranger learns nothing, not even that these results exist.
bp.before_request(require_author)

FORMATS = ("json", "csv")


@bp.get("/banks/<bank_id>/item-analysis")
def item_analysis(bank_id: str) -> Response:
    bank = bank_or_404(bank_id, listed=API_LISTS_BANKS)  # exams too: authors need them
    view = _table_view()
    stats = analysis.bank_analysis(bank, attempt_rows(get_session(), bank.id), view)
    chosen, after = slice_page(analysis.sorted_rows(stats, view), page_request())
    rows = [result_rows.question_row(bank, question) for question in chosen]
    link = next_url(after)
    if _wants_csv():
        return conditional(_csv(result_rows.QUESTION_COLUMNS, rows), link)
    body = {
        "bank_id": bank.id,
        "mode": stats.mode,
        "learners": stats.learners,
        "attempts": stats.attempts,
        "min_learners": MIN_LEARNERS,
        "questions": rows,
        "next": link,
    }
    return conditional(jsonify(body), link)


@bp.get("/banks/<bank_id>/attempts")
def attempts(bank_id: str) -> Response:
    bank = bank_or_404(bank_id, listed=API_LISTS_BANKS)  # exams too: authors need them
    page = page_request()
    found = attempts_after(get_session(), bank.id, page.after, page.limit + 1)
    rows = [result_rows.attempt_row(attempt) for attempt in found[: page.limit]]
    link = next_url(found[page.limit - 1].id if len(found) > page.limit else None)
    if _wants_csv():
        return conditional(_csv(result_rows.ATTEMPT_COLUMNS, rows), link)
    return conditional(jsonify({"bank_id": bank.id, "attempts": rows, "next": link}), link)


def _table_view() -> analysis.TableView:
    """The pages' view (`mode`, `sort`, `order`), but an unknown value is a 400, not ignored:
    a script should hear about its typo."""
    if request.args.get("mode", "first") not in MODES:
        abort(400, f"mode must be one of: {', '.join(MODES)} (default first).")
    if request.args.get("sort", "question") not in analysis.COLUMNS:
        abort(400, f"sort must be one of: {', '.join(analysis.COLUMNS)} (default question).")
    if request.args.get("order", "asc") not in ("asc", "desc"):
        abort(400, "order must be asc or desc (default asc).")
    return analysis.TableView.from_args(request.args)


def _wants_csv() -> bool:
    """`?format=csv`, or without `format` an Accept header preferring text/csv to JSON."""
    chosen = request.args.get("format")
    if chosen is not None and chosen not in FORMATS:
        abort(400, "format must be json or csv (or send Accept: text/csv).")
    if chosen is not None:
        return chosen == "csv"
    best = request.accept_mimetypes.best_match(["application/json", "text/csv"])
    return best == "text/csv"


def _csv(columns: tuple[str, ...], rows: list[dict[str, object]]) -> Response:
    text = csv_text(columns, (result_rows.csv_cells(row, columns) for row in rows))
    return Response(text, mimetype="text/csv")


@bp.after_request
def _vary_on_accept(response: Response) -> Response:
    """The same URL answers JSON or CSV by the Accept header: caches must key on it."""
    response.vary.add("Accept")
    return response
