"""Where the app's data folders live: the repository root in a checkout, the package in a wheel."""

from __future__ import annotations

from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """The folder `name` (templates, static, questions, seeds), wherever this install keeps it.

    A wheel ships the top-level folders inside the package (pyproject's hatch
    `force-include`), while a checkout or editable install keeps them next to `quiz/`;
    looking inside the package first makes an installed wheel win over a stray checkout.
    """
    for candidate in (PACKAGE_DIR / name, PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"cannot find the {name!r} folder in {PACKAGE_DIR} or {PACKAGE_DIR.parent}; "
        "reinstall the package or run from a complete checkout"
    )


def default_questions_dir(cwd: Path) -> Path:
    """`questions/` in the working directory if there is one, else the banks shipped with quiz."""
    local = cwd / "questions"
    return local if local.is_dir() else resource_dir("questions")


@cache
def common_passwords() -> frozenset[str]:
    """The most common passwords, lower-cased (quiz/data/common-passwords.txt), read once."""
    path = PACKAGE_DIR / "data" / "common-passwords.txt"
    return frozenset(path.read_text(encoding="utf-8").splitlines())
