"""Loading banks from disk: the one edge of the core that reads files (banks and their source)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quiz.core.bank import Bank
from quiz.core.banks.bank_cache import BankCache, CachedBank
from quiz.core.banks.problems import Problem
from quiz.core.banks.validation import BankValidator
from quiz.core.banks.yaml_reading import YamlMap, read_yaml
from quiz.core.collector import paused_collector
from quiz.core.source import Article, SourceError, read_article

BANK_SUFFIXES = (".yaml", ".yml")
MAX_BANK_BYTES = 5_000_000
"""The largest bank file read (as for GIFT and CSV imports): hundreds of times any real bank,
while reading one takes seconds and some hundred MB. Past it, or a file that never ends (a
link to /dev/zero), the bank is refused unread instead of stalling every server's start."""


@dataclass(frozen=True)
class LoadedBank:
    """A bank file after loading: its Bank when valid, else the problems that stop it."""

    bank_id: str
    path: Path
    bank: Bank | None
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...] = ()
    article: Path | None = None  # the source article its quotes were found in

    @property
    def ok(self) -> bool:
        return self.bank is not None and not self.problems


def load_bank(path: Path, cache: BankCache | None = None) -> LoadedBank:
    """Read, parse and validate one bank file, reporting every problem with its place.

    With a `cache`, a file validated before (same bytes, same article, same app version) is
    taken from it instead, and a newly valid one is added to it."""
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_BANK_BYTES + 1)
    except OSError as error:
        problem = Problem(str(path), 0, 0, f"cannot read the file: {error.strerror}")
        return LoadedBank(path.stem, path, None, (problem,))
    if len(raw) > MAX_BANK_BYTES:
        message = f"the file is over {MAX_BANK_BYTES // 1_000_000} MB: split it into several banks"
        return LoadedBank(path.stem, path, None, (Problem(str(path), 1, 1, message),))
    cached = cache.get(path, raw) if cache is not None else None
    if cached is not None:
        return LoadedBank(path.stem, path, cached.bank, (), cached.warnings, cached.article)
    loaded = _load_bytes(raw, path)
    if cache is not None and loaded.ok and loaded.bank is not None:
        cache.put(path, raw, CachedBank(loaded.bank, loaded.warnings, loaded.article))
    return loaded


def _load_bytes(raw: bytes, path: Path) -> LoadedBank:
    text, problem = _decode(raw, path)
    if problem is not None:
        return LoadedBank(path.stem, path, None, (problem,))
    return load_bank_text(text, path)


def load_bank_text(text: str, path: Path) -> LoadedBank:
    """Parse and validate a bank's text as if it were the file `path` (its source article is
    read beside it): how an edit is checked in memory before it is written."""
    with paused_collector():
        return _parse_and_validate(text, path)


def _parse_and_validate(text: str, path: Path) -> LoadedBank:
    name = str(path)
    data, issues = read_yaml(text)
    problems = [Problem(name, i.line, i.column, i.message) for i in issues]
    if data is None and not problems:
        problems.append(
            Problem(
                name, 1, 1, "the file is empty: a bank needs a 'title' and a list of 'questions'"
            )
        )
    article = _read_source(data, path, problems)
    validator = BankValidator(name)
    bank = validator.validate(data, path.stem, article) if data is not None else None
    problems.extend(validator.problems)
    return LoadedBank(
        path.stem,
        path,
        bank if not problems else None,
        tuple(problems),
        tuple(validator.warnings),
        Path(article.name) if article is not None else None,
    )


def bank_paths(paths: list[Path]) -> list[Path]:
    """The bank files named: files as given, folders searched (non-recursively) for YAML."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix in BANK_SUFFIXES))
        else:
            found.append(path)
    return found


def load_banks(directory: Path, cache: BankCache | None = None) -> list[LoadedBank]:
    return [load_bank(path, cache) for path in bank_paths([directory])]


def _decode(raw: bytes, path: Path) -> tuple[str, Problem | None]:
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return "", Problem(
            str(path),
            line,
            column,
            f"byte 0x{raw[error.start]:02x} is not UTF-8: save the file as UTF-8",
        )


def _read_source(data: object, path: Path, problems: list[Problem]) -> Article | None:
    if not isinstance(data, YamlMap) or not isinstance(data.get("source"), str):
        return None
    try:
        return read_article(path.parent / data["source"])
    except SourceError as error:
        line, column = data.where("source")
        problems.append(Problem(str(path), line, column, str(error)))
        return None
