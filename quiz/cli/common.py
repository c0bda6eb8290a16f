"""What every command shares: exit codes, the usage-error line, pint's unit cache folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

# The `commands` object argparse hands to each group's `register`.
Subcommands = argparse._SubParsersAction  # noqa: SLF001 (argparse names no public type for it)


def usage(message: str) -> int:
    """Print `quiz: message` on stderr and return the usage exit code."""
    print(f"quiz: {message}", file=sys.stderr)
    return EXIT_USAGE


def use_unit_cache() -> None:
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


def print_problems(problems: Any) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
