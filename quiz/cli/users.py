"""`quiz user`: accounts and roles from the command line, so a fresh install can make its first
author without a browser (no page grants a role)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from quiz.cli.common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, Subcommands, usage

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from quiz.storage.models import Learner

ROLE_CHOICES = ("author",)


def register(commands: Subcommands) -> None:
    user = commands.add_parser(
        "user", help="accounts and roles: add, grant, revoke, list, reset-password"
    )
    actions = user.add_subparsers(title="actions", metavar="ACTION")
    user.set_defaults(
        run=lambda args: usage(
            "quiz user needs an action: add, grant, revoke, list, reset-password"
        )
    )

    add = actions.add_parser("add", help="create an account (asks for its password)")
    add.add_argument("username")
    add.add_argument("--author", action="store_true", help="give it the author role")
    add.add_argument(
        "--password-stdin", action="store_true", help="read the password from stdin's first line"
    )
    add.set_defaults(run=_add)

    for name, verb in (("grant", "give"), ("revoke", "take away")):
        change = actions.add_parser(name, help=f"{verb} a role")
        change.add_argument("username")
        change.add_argument("role", choices=ROLE_CHOICES)
        change.set_defaults(run=_change_role, grant=name == "grant")

    reset = actions.add_parser(
        "reset-password",
        help="set a new password (asks for it) and sign the account out everywhere",
    )
    reset.add_argument("username")
    reset.add_argument(
        "--password-stdin", action="store_true", help="read the password from stdin's first line"
    )
    reset.set_defaults(run=_reset_password)

    listing = actions.add_parser("list", help="every account and its roles")
    listing.add_argument("--json", action="store_true", help="print JSON (see docs)")
    listing.set_defaults(run=_list)


@contextmanager
def _database() -> Iterator[Session]:
    """The configured database (instance config and QUIZ_* variables), as `quiz serve` uses it."""
    from quiz.factory import create_app
    from quiz.web.database import get_session

    with create_app().app_context():
        yield get_session()


def _add(args: argparse.Namespace) -> int:
    from quiz.core.accounts import username_problem

    problem = username_problem(args.username)
    if problem:
        return usage(f"cannot use '{args.username}': {problem}")
    password = _read_password(args.password_stdin)
    if password is None:
        return EXIT_USAGE
    problem = _weak_password(password, args.username)
    if problem:
        return usage(problem)
    return _create(args.username, password, args.author)


def _weak_password(password: str, username: str) -> str | None:
    from quiz.core.accounts import password_problem
    from quiz.resources import common_passwords

    return password_problem(password, username, common_passwords())


def _reset_password(args: argparse.Namespace) -> int:
    from quiz.storage.accounts import change_password
    from quiz.storage.learners import find_learner_by_username

    with _database() as session:
        learner = find_learner_by_username(session, args.username)
        if learner is None:
            return usage(f"no account called '{args.username}' (see: quiz user list)")
        password = _read_password(args.password_stdin)
        if password is None:
            return EXIT_USAGE
        problem = _weak_password(password, args.username)
        if problem:
            return usage(f"{problem} Nothing was changed.")
        change_password(session, learner, password)
        session.commit()
    print(f"new password set for {args.username}; every session of theirs is signed out")
    return EXIT_OK


def _create(username: str, password: str, author: bool) -> int:
    from quiz.storage.learners import create_learner, find_learner_by_username

    with _database() as session:
        if find_learner_by_username(session, username) is not None:
            return _problem(f"there is already an account called '{username}'")
        learner = create_learner(session, username, password)
        learner.is_author = author
        session.commit()
    print(f"added {username}" + (" (author)" if author else ""))
    return EXIT_OK


def _problem(message: str) -> int:
    """Print `quiz: message` on stderr; exit 1, as for any other thing not found."""
    print(f"quiz: {message}", file=sys.stderr)
    return EXIT_PROBLEMS


def _read_password(from_stdin: bool) -> str | None:
    """The password from stdin's first line, or typed twice on the terminal; None if refused."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        usage("no terminal to ask for the password: pass it on stdin with --password-stdin")
        return None
    import getpass

    password = getpass.getpass("Password: ")
    if getpass.getpass("Repeat password: ") != password:
        usage("the passwords differ; nothing was changed")
        return None
    return password


def _change_role(args: argparse.Namespace) -> int:
    from quiz.storage.accounts import set_author
    from quiz.storage.learners import find_learner_by_username

    with _database() as session:
        learner = find_learner_by_username(session, args.username)
        if learner is None:
            return _problem(f"no account called '{args.username}' (see: quiz user list)")
        changed = set_author(session, learner, args.grant)
        session.commit()
    state = "is now" if changed else "already was"
    print(f"{args.username} {state} {'an' if args.grant else 'not an'} {args.role}")
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from quiz.storage.accounts import list_accounts

    with _database() as session:
        rows = [_account_row(learner) for learner in list_accounts(session)]
    if args.json:
        print(json.dumps({"users": rows}, indent=2))
    else:
        for row in rows:
            roles = ",".join(row["roles"]) or "-"
            print(f"{row['username']:<24} {roles:<10} {row['created_at'][:10]}")
    return EXIT_OK


def _account_row(learner: Learner) -> dict[str, Any]:
    """One account in `quiz user list --json`'s stable shape (documented in the README)."""
    return {
        "username": learner.username,
        "roles": ["author"] if learner.is_author else [],
        "created_at": learner.created_at.isoformat(),
    }
