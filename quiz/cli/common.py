"""What every command shares: exit codes, the usage-error line, pint's unit cache folder."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_UNEXPECTED = 0, 1, 2, 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as `yes | head` ends

# The `commands` object argparse hands to each group's `register`.
Subcommands = argparse._SubParsersAction  # noqa: SLF001 (argparse names no public type for it)


def run_guarded(
    command: Callable[[argparse.Namespace], int | None],
    args: argparse.Namespace,
    show_traceback: bool = False,
) -> int:
    """Run one command so that no traceback reaches a terminal unless asked for with --debug."""
    try:
        code = int(command(args) or EXIT_OK)
        sys.stdout.flush()  # a closed pipe shows up here, inside the guard, not at exit
        return code
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        print("\nquiz: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:
        if show_traceback:
            raise
        print(f"quiz: unexpected error: {type(error).__name__}: {error}", file=sys.stderr)
        print("quiz: run it again with --debug to see the traceback", file=sys.stderr)
        return EXIT_UNEXPECTED


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush can't raise again (the
    recipe in Python's signal docs, "Note on SIGPIPE")."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


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
