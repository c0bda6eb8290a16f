"""`quiz validate`, `quiz grade` and `quiz schema`: the author's commands over bank files."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from quiz.cli.common import EXIT_OK, EXIT_PROBLEMS, Subcommands, usage, use_unit_cache


def register(commands: Subcommands) -> None:
    validate = commands.add_parser(
        "validate", help="check bank files; print FILE:LINE:COL: message"
    )
    validate.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="bank files or folders (default: questions/)",
    )
    validate.add_argument(
        "--json",
        action="store_true",
        help="print one JSON document instead of lines (its shape: docs/format.md)",
    )
    validate.set_defaults(run=_validate)

    grade = commands.add_parser("grade", help="grade one response and print the verdict as JSON")
    grade.add_argument("file", type=Path, help="the bank file")
    grade.add_argument("question_id", help="the question's id")
    grade.add_argument(
        "response",
        help="the learner's answer: raw text, or JSON for select-all, "
        "order (lists), match (an object) and cloze (a list, one per blank)",
    )
    grade.set_defaults(run=_grade)

    schema = commands.add_parser("schema", help="print the JSON Schema of a bank file")
    schema.set_defaults(run=_schema)


def _validate(args: argparse.Namespace) -> int:
    from quiz.core.banks.loading import bank_paths, load_bank

    use_unit_cache()

    paths = bank_paths(args.paths or [Path("questions")])
    missing = [p for p in args.paths if not p.exists()]
    loaded = [load_bank(path) for path in paths if path.exists()]
    problems = sorted(p for bank in loaded for p in bank.problems)
    if args.json:
        print(json.dumps(validation_report(loaded, missing), ensure_ascii=False, indent=2))
        return EXIT_PROBLEMS if problems or missing or not loaded else EXIT_OK
    for path in missing:
        print(f"{path}:0:0: no such file or folder", file=sys.stdout)
    for problem in sorted([*problems, *(w for bank in loaded for w in bank.warnings)]):
        print(problem)
    sys.stdout.flush()  # keep the summary (on stderr) after the problems in a shared terminal
    _print_summary(loaded, len(problems) + len(missing))
    return EXIT_PROBLEMS if problems or missing or not loaded else EXIT_OK


def validation_report(loaded: list[Any], missing: list[Path]) -> dict[str, Any]:
    """The stable shape of `quiz validate --json` (documented in docs/format.md)."""
    banks = [
        {
            "file": str(bank.path),
            "bank_id": bank.bank_id,
            "ok": bank.ok,
            "questions": len(bank.bank.questions) if bank.bank else 0,
            "problems": [_problem_dict(p) for p in sorted(bank.problems)],
            "warnings": [_problem_dict(w) for w in sorted(bank.warnings)],
        }
        for bank in loaded
    ]
    return {
        "ok": bool(loaded) and not missing and all(bank.ok for bank in loaded),
        "banks": banks,
        "missing": [str(path) for path in missing],
        "problem_count": sum(len(bank["problems"]) for bank in banks) + len(missing),
        "warning_count": sum(len(bank["warnings"]) for bank in banks),
    }


def _problem_dict(problem: Any) -> dict[str, Any]:
    return {**problem.to_dict(), "severity": "warning" if problem.warning else "error"}


def _print_summary(loaded: list[Any], problem_count: int) -> None:
    questions = sum(len(b.bank.questions) for b in loaded if b.bank)
    if not loaded:
        print("no bank files found (looked for *.yaml and *.yml)", file=sys.stderr)
    elif problem_count:
        broken = sum(1 for b in loaded if not b.ok)
        print(f"{problem_count} problem(s) in {broken} of {len(loaded)} bank(s)", file=sys.stderr)
    else:
        print(f"ok: {len(loaded)} bank(s), {questions} questions", file=sys.stderr)


def _grade(args: argparse.Namespace) -> int:
    from quiz.core.banks.loading import load_bank
    from quiz.core.errors import QuizError, SelfGradedError
    from quiz.core.grading import grade, response_shape

    use_unit_cache()
    loaded = load_bank(args.file)
    if loaded.bank is None:
        for problem in loaded.problems:
            print(problem, file=sys.stderr)
        return EXIT_PROBLEMS
    question = loaded.bank.question(args.question_id)
    if question is None:
        ids = ", ".join(q.id for q in loaded.bank.questions)
        return usage(f"no question '{args.question_id}' in {args.file}; its ids are: {ids}")
    try:
        response = _decode(
            args.response, response_shape(question) if question.type != "card" else "text"
        )
        verdict = grade(question, response)
    except SelfGradedError:
        return usage(f"question '{question.id}' is a card: it is self-graded, not graded here")
    except (QuizError, ValueError) as error:
        return usage(f"cannot grade that response: {error}")
    print(json.dumps(verdict.to_dict(), ensure_ascii=False, indent=2))
    return EXIT_OK


def _decode(raw: str, shape: str) -> Any:
    if shape == "text":
        return raw
    try:
        return json.loads(raw)
    except json.JSONDecodeError as error:
        example = '["first", "second"]' if shape == "list" else '{"left": "right"}'
        raise ValueError(f"this question takes JSON like {example} ({error.msg})") from error


def _schema(args: argparse.Namespace) -> int:
    from quiz.core.banks.schema import bank_schema

    print(json.dumps(bank_schema(), indent=2))
    return EXIT_OK
