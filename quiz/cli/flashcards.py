"""`quiz optimize`: the flashcard command, kept apart so `quiz validate` never imports the
database or the optimizer."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime

from quiz.cli.common import EXIT_OK, EXIT_USAGE, Subcommands


def register(commands: Subcommands) -> None:
    optimize_command = commands.add_parser(
        "optimize",
        help="fit FSRS parameters to a learner's own reviews (needs the 'optimizer' extra)",
    )
    optimize_command.add_argument(
        "--learner", required=True, metavar="USERNAME", help="whose reviews"
    )
    optimize_command.set_defaults(run=lambda args: optimize(args.learner))


def optimize(username: str) -> int:
    """Fit parameters to the learner's review logs, save them as theirs and print them."""
    from quiz.core.optimizing import OptimizerMissingError
    from quiz.core.optimizing import optimize as fit

    try:
        import fsrs_rs_python  # noqa: F401  (fail before touching the database)
    except ImportError:
        print(f"quiz: {OptimizerMissingError.__doc__} Install it with: {_hint()}", file=sys.stderr)
        return EXIT_USAGE
    from quiz.factory import create_app
    from quiz.storage.card_stats import review_history
    from quiz.storage.cards import settings_for
    from quiz.storage.learners import find_learner_by_username
    from quiz.web.database import get_session

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
