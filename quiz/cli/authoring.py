"""`quiz stats`: the item analysis and the top wrong answers of a bank, from the configured
database, for authors who live in their editor."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz.cli.common import EXIT_OK, EXIT_PROBLEMS, Subcommands, print_problems

if TYPE_CHECKING:
    from quiz.core.item_analysis import AttemptRow, BankStats, QuestionStats
    from quiz.core.wrong_answers import WrongAnswer

TOP_WRONG = 5  # wrong answers printed per question (all of them with --question)


def register(commands: Subcommands) -> None:
    stats = commands.add_parser(
        "stats", help="item analysis and common wrong answers of a bank, from the database"
    )
    stats.add_argument("file", type=Path, help="the bank file (its name is the bank's id)")
    stats.add_argument("--question", metavar="ID", help="only this question")
    stats.add_argument(
        "--mode",
        choices=["first", "all"],
        default="first",
        help="count each learner's first attempt at a question (default) or every attempt",
    )
    stats.add_argument("--json", action="store_true", help="print JSON (shape in the README)")
    stats.set_defaults(run=_stats)


def _stats(args: argparse.Namespace) -> int:
    from quiz.cli.common import use_unit_cache
    from quiz.core.banks.loading import load_bank

    use_unit_cache()
    loaded = load_bank(args.file)
    if loaded.bank is None:
        print_problems(loaded.problems)
        return EXIT_PROBLEMS
    ids = [q.id for q in loaded.bank.quiz_questions]
    if args.question is not None and args.question not in ids:
        print(f"quiz: no quiz question '{args.question}' in {args.file}; its ids are: "
              f"{', '.join(ids)}", file=sys.stderr)  # fmt: skip
        return EXIT_PROBLEMS
    rows = _rows(loaded.bank.id)
    report = _report(loaded.bank.id, rows, ids, args.mode, args.question)
    print(json.dumps(report, indent=2, ensure_ascii=False) if args.json else _text(report))
    return EXIT_OK


def _rows(bank_id: str) -> list[AttemptRow]:
    from quiz.factory import create_app
    from quiz.storage.item_rows import attempt_rows
    from quiz.web.database import get_session

    with create_app().app_context():
        return attempt_rows(get_session(), bank_id)


def _report(
    bank_id: str, rows: list[AttemptRow], ids: list[str], mode: str, only: str | None
) -> dict[str, Any]:
    """The figures as `--json` prints them (documented, stable keys)."""
    from quiz.core.item_analysis import analyse, select_attempts
    from quiz.core.wrong_answers import common_wrong_answers

    stats: BankStats = analyse(rows, ids, mode)
    chosen = select_attempts(rows, mode)
    questions = []
    for question in stats.questions:
        if only is not None and question.question_id != only:
            continue
        wrong = [r for r in chosen if r.question_id == question.question_id and not r.correct]
        top = common_wrong_answers(wrong, limit=1000 if only else TOP_WRONG)
        questions.append(_question(question, top))
    return {
        "bank": bank_id,
        "mode": mode,
        "learners": stats.learners,
        "attempts": stats.attempts,
        "questions": questions,
    }


def _question(stats: QuestionStats, wrong: list[WrongAnswer]) -> dict[str, Any]:
    return {
        "id": stats.question_id,
        "learners": stats.learners,
        "attempts": stats.attempts,
        "right": stats.right,
        "facility": stats.facility,
        "median_time_ms": stats.median_time_ms,
        "discrimination": stats.discrimination,
        "close_wrong": stats.close,
        "flags": list(stats.flags),
        "wrong_answers": [
            {
                "response": answer.response,
                "count": answer.count,
                "learners": answer.learners,
                "close": answer.close,
                "feedback": [{"text": text, "count": n} for text, n in answer.feedback],
            }
            for answer in wrong
        ],
    }


def _text(report: dict[str, Any]) -> str:
    header = (
        f"{report['bank']}: {report['learners']} learner(s), {report['attempts']} attempt(s)"
        f" ({report['mode']} attempts)"
    )
    table = [f"{'question':<28} {'learners':>8} {'attempts':>8} {'right':>6} "
             f"{'time':>7} {'discr.':>6}  flags"]  # fmt: skip
    lines = []
    for q in report["questions"]:
        table.append(_row(q))
        for answer in q["wrong_answers"]:
            feedback = answer["feedback"][0]["text"] if answer["feedback"] else ""
            shown = json.dumps(answer["response"], ensure_ascii=False)
            lines.append(f"  {q['id']}: {answer['count']}x {shown} — {feedback}")
    wrong = ["", "common wrong answers:", *lines] if lines else []
    return "\n".join([header, "", *table, *wrong])


def _row(q: dict[str, Any]) -> str:
    def fmt(value: float | None, pattern: str) -> str:
        return "—" if value is None else pattern.format(value)

    return (
        f"{q['id'][:28]:<28} {q['learners']:>8} {q['attempts']:>8}"
        f" {fmt(q['facility'] and q['facility'] * 100, '{:.0f}%'):>6}"
        f" {fmt(q['median_time_ms'] and q['median_time_ms'] / 1000, '{:.1f}s'):>7}"
        f" {fmt(q['discrimination'], '{:+.2f}'):>6}  {','.join(q['flags']) or '-'}"
    )
