"""`quiz optimize` and `quiz export`: the flashcard commands, kept apart so `quiz validate`
never imports the database or genanki."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from quiz.cli.common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, Subcommands


def register(commands: Subcommands) -> None:
    optimize_command = commands.add_parser(
        "optimize",
        help="fit FSRS parameters to a learner's own reviews (needs the 'optimizer' extra)",
    )
    optimize_command.add_argument(
        "--learner", required=True, metavar="USERNAME", help="whose reviews"
    )
    optimize_command.set_defaults(run=lambda args: optimize(args.learner))

    export_command = commands.add_parser(
        "export", help="export a bank's cards as an Anki deck or CSV"
    )
    export_command.add_argument("file", type=Path, help="the bank file")
    export_command.add_argument("--format", choices=["apkg", "csv"], default="apkg")
    export_command.add_argument(
        "-o", "--output", type=Path, required=True, help="the file to write"
    )
    export_command.set_defaults(run=_export)


def _export(args: argparse.Namespace) -> int:
    return export(args.file, args.format, args.output)


def optimize(username: str) -> int:
    """Fit parameters to the learner's review logs, save them as theirs and print them."""
    from quiz.core.optimizing import OptimizerMissingError
    from quiz.core.optimizing import optimize as fit

    try:
        import fsrs_rs_python  # noqa: F401  (fail before touching the database)
    except ImportError:
        print(f"quiz: {OptimizerMissingError.__doc__} Install it with: {_hint()}", file=sys.stderr)
        return EXIT_USAGE
    from quiz import create_app
    from quiz.storage.card_stats import review_history
    from quiz.storage.cards import settings_for
    from quiz.storage.db import get_session
    from quiz.storage.learners import find_learner_by_username

    with create_app().app_context():
        session = get_session()
        learner = find_learner_by_username(session, username)
        if learner is None:
            print(f"quiz: no learner called '{username}'", file=sys.stderr)
            return EXIT_USAGE
        reviews = review_history(session, learner.id)
        try:
            parameters = fit(reviews)
        except OptimizerMissingError as error:
            print(f"quiz: {error}", file=sys.stderr)
            return EXIT_USAGE
        settings = settings_for(session, learner.id)
        settings.parameters, settings.optimized_at = list(parameters), datetime.now(UTC)
        session.commit()
    print(json.dumps({"learner": username, "reviews": len(reviews), "parameters": parameters}))
    return EXIT_OK


def _hint() -> str:
    from quiz.core.optimizing import INSTALL_HINT

    return INSTALL_HINT


def export(path: Path, kind: str, output: Path) -> int:
    from quiz.core.banks.loading import load_bank
    from quiz.core.exporting import export_apkg, export_csv

    loaded = load_bank(path)
    if loaded.bank is None:
        for problem in loaded.problems:
            print(problem, file=sys.stderr)
        return EXIT_PROBLEMS
    if kind == "csv":
        output.write_text(export_csv(loaded.bank), encoding="utf-8")
    else:
        export_apkg(loaded.bank, str(output), datetime.now(UTC).timestamp())
    print(f"wrote {len(loaded.bank.questions)} cards to {output}", file=sys.stderr)
    return EXIT_OK
