"""Moodle GIFT, first pass: blocks of lines, escapes, and the parts of one question.

One linear pass over the text. Escaped characters (\\~ \\= \\# \\{ \\} \\: \\\\) are swapped for
private-use placeholders before anything is split, so every later `find` sees only the
characters that mean something, and `restore` puts them back as plain text at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quiz.core.interchange.records import InterchangeError, MalformedError

_ESCAPES = {
    "\\": "\ue000",
    "~": "\ue001",
    "=": "\ue002",
    "#": "\ue003",
    "{": "\ue004",
    "}": "\ue005",
    ":": "\ue006",
}
_RESTORE = str.maketrans({hidden: shown for shown, hidden in _ESCAPES.items()})
_FORMAT = re.compile(r"\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
CATEGORY = "$CATEGORY:"


def protect(text: str) -> str:
    """Escapes made placeholders and `\\n` a line break, in one pass from left to right."""
    out: list[str] = []
    index, end = 0, len(text)
    while index < end:
        char = text[index]
        following = text[index + 1] if index + 1 < end else ""
        if char == "\\" and following in _ESCAPES:
            out.append(_ESCAPES[following])
            index += 2
        elif char == "\\" and following == "n":
            out.append("\n")
            index += 2
        else:
            out.append(char)
            index += 1
    return "".join(out)


def restore(text: str) -> str:
    return text.translate(_RESTORE)


@dataclass
class Block:
    """The lines of one question (comments set apart), with their numbers in the file."""

    lines: list[str] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def line_at(self, offset: int) -> int:
        """The file line of a character offset into `text`."""
        return self.numbers[min(self.text.count("\n", 0, offset), len(self.numbers) - 1)]


def blocks(text: str) -> list[Block]:
    """Questions are separated by blank lines; `//` lines are comments, kept for the next one."""
    found: list[Block] = []
    current = Block()
    for number, line in enumerate(text.split("\n"), 1):
        if line.lstrip().startswith("//"):
            current.comments.append(line.lstrip()[2:].strip())
        elif line.strip():
            current.lines.append(line)
            current.numbers.append(number)
        elif current.lines:
            found.append(current)
            current = Block()
    if current.lines:
        found.append(current)
    return found


@dataclass
class Parts:
    """One question split at its answer block; `body` is None for a description."""

    title: str
    text_format: str
    before: str
    body: str | None
    after: str
    body_offset: int


def split_question(block: Block) -> Parts:
    """Title, format marker, text before and after the braces, and what is inside them."""
    text = protect(block.text)
    start = len(text) - len(text.lstrip())
    title = ""
    if text.startswith("::", start):
        end = text.find("::", start + 2)
        if end < 0:
            raise _error(block, start, "the title's '::' is never closed: write ::title::")
        title, start = restore(text[start + 2 : end]).strip(), end + 2
    marker = _FORMAT.match(text, start)
    text_format = marker.group(1).lower() if marker else "moodle"
    start = marker.end() if marker else start
    opening = text.find("{", start)
    if opening < 0:
        _refuse_stray(block, text, start, len(text))
        return Parts(title, text_format, text[start:], None, "", 0)
    closing = text.find("}", opening)
    if closing < 0:
        raise _error(block, opening, "'{' is never closed by '}' (write a literal brace as \\{)")
    _refuse_stray(block, text, start, opening)
    _refuse_stray(block, text, closing + 1, len(text))
    return Parts(
        title, text_format, text[start:opening], text[opening + 1 : closing],
        text[closing + 1 :], opening + 1,
    )  # fmt: skip


def _refuse_stray(block: Block, text: str, start: int, end: int) -> None:
    for char in "{}":
        offset = text.find(char, start, end)
        if offset >= 0:
            raise _error(
                block,
                offset,
                f"a stray '{char}': a question has one answer block {{...}} "
                f"(write a literal brace as \\{char})",
            )


def _error(block: Block, offset: int, message: str) -> InterchangeError:
    return InterchangeError(str(block.line_at(offset)), message)


@dataclass
class Answer:
    """One `=` or `~` item of an answer block (marker '' for a bare numerical answer)."""

    marker: str
    weight: float | None
    text: str
    feedback: str | None


def split_answers(body: str) -> list[Answer]:
    """The items of an answer block, each cut at `=` or `~`, with its %weight% and #feedback."""
    cuts = [index for index, char in enumerate(body) if char in "=~"]
    answers = []
    if body[: cuts[0] if cuts else len(body)].strip():
        answers.append(_answer("", body[: cuts[0] if cuts else len(body)]))
    for start, end in zip(cuts, [*cuts[1:], len(body)][: len(cuts)], strict=True):
        answers.append(_answer(body[start], body[start + 1 : end]))
    return answers


def _answer(marker: str, raw: str) -> Answer:
    text, weight = raw.strip(), None
    if text.startswith("%"):
        end = text.find("%", 1)
        weight = _weight(text[1:end] if end > 0 else text[1:])
        text = text[end + 1 :] if end > 0 else ""
    feedback = None
    if "#" in text:
        text, feedback = text.split("#", 1)
        feedback = feedback.strip()
    return Answer(marker, weight, text.strip(), feedback)


def _weight(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise MalformedError(f"the weight '%{value}%' must be a percentage like %50%") from None
