"""The `quiz` command: thin wrappers over the core and storage, one module per group of commands.

Each command imports only what it needs, so `quiz validate` starts without Flask or SQLAlchemy.
A module adds its commands with `register(commands)`; `main` only parses and dispatches.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from quiz.cli import banks, drafting, flashcards, serving
from quiz.cli.common import EXIT_OK, EXIT_USAGE

COMMAND_GROUPS = (banks, drafting, serving, flashcards)


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
    for group in COMMAND_GROUPS:
        group.register(commands)
    return parser
