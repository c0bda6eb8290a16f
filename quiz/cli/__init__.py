"""The `quiz` command: thin wrappers over the core and storage, one module per group of commands.

Each command imports only what it needs, so `quiz validate` starts without Flask or SQLAlchemy.
A module adds its commands with `register(commands)`; `main` only parses and dispatches, and
`run_guarded` keeps tracebacks off the terminal.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence

from quiz.cli import (
    authoring,
    bank_edits,
    banks,
    completion,
    drafting,
    flashcards,
    interchange,
    serving,
    users,
)
from quiz.cli.common import EXIT_USAGE, run_guarded

COMMAND_GROUPS = (
    banks,
    drafting,
    serving,
    flashcards,
    interchange,
    users,
    authoring,
    bank_edits,
    completion,
)

EPILOG = """\
exit status:
  0    done, nothing wrong
  1    problems found (a bank that does not validate, a learner or question not found)
  2    usage error (a bad argument or option)
  3    unexpected error (one line on stderr; add --debug for the traceback)
  130  interrupted (Ctrl-C)
  141  output pipe closed early (as in `quiz schema | head`)

The question format is described in docs/format.md."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    if "_ARGCOMPLETE" in os.environ:  # only when a shell asks for completions
        import argcomplete

        argcomplete.autocomplete(parser)
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return EXIT_USAGE
    return run_guarded(args.run, args, show_traceback=args.show_traceback)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quiz",
        description="Quizzes and flashcards from YAML question banks.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--debug",
        dest="show_traceback",
        action="store_true",
        help="print the full traceback of an unexpected error",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(commands)
    return parser
