"""What a reader hands on: draft questions in bank-format keys, with notes on what was lost."""

from __future__ import annotations

from dataclasses import dataclass, field

from quiz.core.errors import QuizError

MAX_TEXT_BYTES = 5_000_000
"""The largest GIFT or CSV file read: far beyond any real question file, small enough to parse
in well under a second."""


class InterchangeError(QuizError):
    """An input that cannot be read at all; `where` is a line number (or 'note 3' for Anki)."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(message)
        self.where = where
        self.message = message


class MalformedError(QuizError, ValueError):
    """Something wrong inside one question; its reader adds the line."""


@dataclass
class Draft:
    """One question on its way into a bank: its keys in the order they are written.

    `name` is what its id is made from (a GIFT title, else the prompt); `where` locates it in
    the input for every message; `notes` say what of it could not be carried over.
    """

    where: str
    name: str
    fields: dict[str, object]
    notes: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)


@dataclass
class Imported:
    """Everything one input gave: a bank title, its drafts, and notes about the file itself."""

    title: str
    drafts: list[Draft]
    notes: list[tuple[str, str]] = field(default_factory=list)  # (where, message)
    errors: list[InterchangeError] = field(default_factory=list)


def read_input_text(raw: bytes) -> str:
    """The bytes of a GIFT or CSV file as text (UTF-8, with or without a BOM), size checked."""
    if len(raw) > MAX_TEXT_BYTES:
        raise InterchangeError(
            "1",
            f"the file is {len(raw) / 1e6:.1f} MB; files over {MAX_TEXT_BYTES // 1_000_000} MB "
            "are not read: split it",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise InterchangeError(
            str(line), f"byte 0x{raw[error.start]:02x} is not UTF-8: save the file as UTF-8"
        ) from error
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise InterchangeError(str(line), "a NUL byte: this is not a text file")
    return text.replace("\r\n", "\n").replace("\r", "\n")
