"""`quiz optimize` and `quiz export`: the flashcard commands, kept apart so `quiz validate`
never imports the database or genanki."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


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
    from quiz.core.exporting import export_apkg, export_csv
    from quiz.core.loading import load_bank

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
