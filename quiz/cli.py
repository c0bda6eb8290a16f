"""The `quiz` command: thin wrappers over the core and storage.

Each command imports only what it needs, so `quiz validate` starts without Flask or SQLAlchemy.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return EXIT_USAGE
    return int(args.run(args) or EXIT_OK)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quiz",
        description="Quizzes and flashcards from YAML question banks.",
        epilog="The question format is described in docs/format.md.",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

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

    serve = commands.add_parser("serve", help="run the web app")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=5000)
    serve.add_argument(
        "--production",
        action="store_true",
        help="serve with gunicorn (sync workers) instead of the development server",
    )
    serve.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    serve.add_argument("--debug", action="store_true", help="development mode with reloading")
    serve.set_defaults(run=_serve)

    db = commands.add_parser("db", help="database maintenance")
    db.add_argument("action", choices=["upgrade"], help="upgrade: apply migrations")
    db.set_defaults(run=_db)

    optimize = commands.add_parser(
        "optimize",
        help="fit FSRS parameters to a learner's own reviews (needs the 'optimizer' extra)",
    )
    optimize.add_argument("--learner", required=True, metavar="USERNAME", help="whose reviews")
    optimize.set_defaults(run=_optimize)

    export = commands.add_parser("export", help="export a bank's cards as an Anki deck or CSV")
    export.add_argument("file", type=Path, help="the bank file")
    export.add_argument("--format", choices=["apkg", "csv"], default="apkg")
    export.add_argument("-o", "--output", type=Path, required=True, help="the file to write")
    export.set_defaults(run=_export)
    return parser


def _use_unit_cache() -> None:
    """Build pint's unit registry from a cache folder (~40 ms instead of ~250 ms cold).

    The core reads no environment, so the CLI, an edge, picks the folder."""
    import os

    from quiz.core.parsing import quantities

    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    folder = Path(base) / "quiz" / "pint"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return  # no cache then: slower, still right
    quantities.warm_up(cache_folder=folder)


def _validate(args: argparse.Namespace) -> int:
    from quiz.core.loading import bank_paths, load_bank

    _use_unit_cache()

    paths = bank_paths(args.paths or [Path("questions")])
    missing = [p for p in args.paths if not p.exists()]
    for path in missing:
        print(f"{path}:0:0: no such file or folder", file=sys.stdout)
    loaded = [load_bank(path) for path in paths if path.exists()]
    problems = sorted(p for bank in loaded for p in bank.problems)
    for problem in sorted([*problems, *(w for bank in loaded for w in bank.warnings)]):
        print(problem)
    sys.stdout.flush()  # keep the summary (on stderr) after the problems in a shared terminal
    _print_summary(loaded, len(problems) + len(missing))
    return EXIT_PROBLEMS if problems or missing or not loaded else EXIT_OK


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
    from quiz.core.errors import QuizError, SelfGradedError
    from quiz.core.grading import grade, response_shape
    from quiz.core.loading import load_bank

    _use_unit_cache()
    loaded = load_bank(args.file)
    if loaded.bank is None:
        for problem in loaded.problems:
            print(problem, file=sys.stderr)
        return EXIT_PROBLEMS
    question = loaded.bank.question(args.question_id)
    if question is None:
        ids = ", ".join(q.id for q in loaded.bank.questions)
        return _usage(f"no question '{args.question_id}' in {args.file}; its ids are: {ids}")
    try:
        response = _decode(
            args.response, response_shape(question) if question.type != "card" else "text"
        )
        verdict = grade(question, response)
    except SelfGradedError:
        return _usage(f"question '{question.id}' is a card: it is self-graded, not graded here")
    except (QuizError, ValueError) as error:
        return _usage(f"cannot grade that response: {error}")
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


def _usage(message: str) -> int:
    print(f"quiz: {message}", file=sys.stderr)
    return EXIT_USAGE


def _schema(args: argparse.Namespace) -> int:
    from quiz.core.schema import bank_schema

    print(json.dumps(bank_schema(), indent=2))
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from quiz.web.server import serve

    serve(
        host=args.host,
        port=args.port,
        production=args.production,
        workers=args.workers,
        debug=args.debug,
    )
    return EXIT_OK


def _db(args: argparse.Namespace) -> int:
    from quiz import create_app
    from quiz.storage.migrate import upgrade

    app = create_app()
    upgrade(app.config["DATABASE_URL"])
    print(f"database upgraded: {app.config['DATABASE_URL']}")
    return EXIT_OK


def _optimize(args: argparse.Namespace) -> int:
    from quiz.cli_flashcards import optimize

    return optimize(args.learner)


def _export(args: argparse.Namespace) -> int:
    from quiz.cli_flashcards import export

    return export(args.file, args.format, args.output)


if __name__ == "__main__":
    sys.exit(main())
