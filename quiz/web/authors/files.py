"""The Banks page's records: each bank file's status and problems, with paths relative to the
questions folder (the server's own folders are nobody's business)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quiz.core.banks.excerpts import Excerpt, excerpt
from quiz.core.banks.loading import LoadedBank
from quiz.core.banks.problems import Problem

MAX_READ = 2_000_000  # bytes of a broken file read back for excerpts (a bank is far smaller)


@dataclass(frozen=True)
class ShownProblem:
    """One problem as an author sees it: place, message and the lines around it."""

    line: int
    column: int
    message: str
    warning: bool
    excerpt: Excerpt | None


@dataclass(frozen=True)
class BankFile:
    """One bank file: ok, warnings (served) or broken (not served)."""

    path: str
    bank_id: str
    title: str
    status: str
    questions: int | None
    problems: tuple[ShownProblem, ...]

    @property
    def served(self) -> bool:
        return self.status != "broken"


def bank_files(loaded: tuple[LoadedBank, ...], folder: Path) -> list[BankFile]:
    """Every file under `folder` the registry loaded, broken ones first, then by path."""
    files = [_bank_file(bank, folder) for bank in loaded]
    return sorted(files, key=lambda f: (f.served, f.path))


def relative(path: Path | str, folder: Path) -> str:
    """`path` relative to the questions folder; just its name if it lies elsewhere."""
    path = Path(path)
    for base in (folder, folder.resolve()):
        if path.is_relative_to(base):
            return path.relative_to(base).as_posix()
    return path.name


def _bank_file(loaded: LoadedBank, folder: Path) -> BankFile:
    status = "broken" if loaded.bank is None else "warnings" if loaded.warnings else "ok"
    text = _text(loaded.path) if loaded.problems or loaded.warnings else ""
    issues = sorted((*loaded.problems, *loaded.warnings), key=lambda p: (p.line, p.column))
    return BankFile(
        path=relative(loaded.path, folder),
        bank_id=loaded.bank_id,
        title=loaded.bank.title if loaded.bank else "",
        status=status,
        questions=len(loaded.bank.questions) if loaded.bank else None,
        problems=tuple(_shown(problem, text, folder) for problem in issues),
    )


def shown_problem(problem: Problem, folder: Path, file: str) -> str:
    """`file:line:column: message`, the file and any path in the message relative to `folder`."""
    return f"{file}:{problem.line}:{problem.column}: {_message(problem, folder)}"


def _message(problem: Problem, folder: Path) -> str:
    message = problem.message
    for base in {str(folder.resolve()), str(folder)}:  # a message may name a file by its path
        message = message.replace(base.rstrip("/") + "/", "")
    return message


def _shown(problem: Problem, text: str, folder: Path) -> ShownProblem:
    message = _message(problem, folder)
    place = excerpt(text, problem.line, problem.column) if text else None
    return ShownProblem(problem.line, problem.column, message, problem.warning, place)


def _text(path: Path) -> str:
    try:
        with path.open("rb") as file:
            return file.read(MAX_READ).decode("utf-8", errors="replace")
    except OSError:
        return ""  # unreadable: the problem itself says so, there is just no excerpt
