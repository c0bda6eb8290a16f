"""`quiz accept` and `quiz undo`: an author's edits to bank files from the terminal, the same
edits the authors' pages make. (Apart from `quiz stats` in authoring.py, which reads the
database only: the two were written side by side.)"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from quiz.cli.common import EXIT_OK, EXIT_PROBLEMS, Subcommands, usage, use_unit_cache


def register(commands: Subcommands) -> None:
    accept = commands.add_parser(
        "accept",
        help="accept a response as right: add it to a question's aliases and check.right "
        "examples, print the diff",
    )
    accept.add_argument("file", type=Path, help="the bank file")
    accept.add_argument("question_id", help="the question's id")
    accept.add_argument("response", help="the response to accept, as the learner typed it")
    accept.add_argument(
        "--regrade",
        action="store_true",
        help="also grade again the past wrong answers equal to it, in the configured database",
    )
    accept.add_argument(
        "--author", default=None, help="who to name in the regrade's record (default: you)"
    )
    accept.set_defaults(run=_accept)

    undo = commands.add_parser(
        "undo", help="take back the last `quiz accept` on a bank file (if unchanged since)"
    )
    undo.add_argument("file", type=Path, help="the bank file")
    undo.set_defaults(run=_undo)


def _accept(args: argparse.Namespace) -> int:
    from quiz.core.banks.accepting import AcceptRefusedError
    from quiz.core.banks.editing import accept_answer, file_hash

    use_unit_cache()
    if not args.file.is_file():
        return usage(f"{args.file}: no such bank file")
    try:
        result = accept_answer(
            args.file, args.question_id, args.response, expected_hash=file_hash(args.file)
        )
    except AcceptRefusedError as error:
        print(f"quiz: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    sys.stdout.write(result.diff)
    sys.stdout.flush()
    print(f"accepted {args.response.strip()!r} for '{args.question_id}'", file=sys.stderr)
    if args.regrade:
        return _regrade(args.file, args.question_id, args.response.strip(), args.author)
    return EXIT_OK


def _regrade(path: Path, question_id: str, response: str, author: str | None) -> int:
    from datetime import UTC, datetime

    from quiz.core.banks.loading import load_bank
    from quiz.factory import create_app
    from quiz.storage.regrading import regrade_answers
    from quiz.web.database import get_session

    bank = load_bank(path).bank
    question = bank.question(question_id) if bank else None
    if bank is None or question is None:  # just written and validated: only a race gets here
        print(f"quiz: {path} no longer loads: not regraded", file=sys.stderr)
        return EXIT_PROBLEMS
    app = create_app()
    with app.app_context():
        session = get_session()
        regrade = regrade_answers(
            session, bank.id, question, response,
            author=author or f"{getpass.getuser()} (cli)", now=datetime.now(UTC),
            default_retention=app.config["DESIRED_RETENTION"],
        )  # fmt: skip
        session.commit()
        print(
            f"regraded {regrade.attempts_changed} past answer(s) of "
            f"{regrade.learners_changed} learner(s) in {app.config['DATABASE_URL']}",
            file=sys.stderr,
        )
    return EXIT_OK


def _undo(args: argparse.Namespace) -> int:
    from quiz.core.banks.editing import undo_last_edit
    from quiz.core.errors import QuizError

    if not args.file.is_file():
        return usage(f"{args.file}: no such bank file")
    try:
        result = undo_last_edit(args.file)
    except QuizError as error:
        print(f"quiz: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    sys.stdout.write(result.diff)
    print(
        f"undone: {args.file} is back as it was (answers already regraded stay regraded)",
        file=sys.stderr,
    )
    return EXIT_OK
