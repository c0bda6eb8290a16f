"""The lines of a bank file around a problem, so an author sees the place without an editor."""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT = 2  # lines shown before and after the problem's line
MAX_LINE = 300  # characters shown of one line: a minified file must not flood the page


@dataclass(frozen=True)
class ExcerptLine:
    """One line of the file: its 1-based number, its text, and whether the problem is on it."""

    number: int
    text: str
    marked: bool = False


@dataclass(frozen=True)
class Excerpt:
    """The problem's line with CONTEXT lines either side; `column` is 1-based (0: unknown)."""

    lines: tuple[ExcerptLine, ...]
    column: int

    @property
    def caret_padding(self) -> str:
        """Spaces that put a caret under the problem's column (tabs kept, so it lines up)."""
        marked = next((line.text for line in self.lines if line.marked), "")
        prefix = marked[: max(self.column - 1, 0)]
        return "".join("\t" if char == "\t" else " " for char in prefix)


def excerpt(text: str, line: int, column: int, context: int = CONTEXT) -> Excerpt | None:
    """The lines around `line` of `text`; None when the place is unknown or past the end."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    first, last = max(1, line - context), min(len(lines), line + context)
    shown = tuple(
        ExcerptLine(number, lines[number - 1][:MAX_LINE], number == line)
        for number in range(first, last + 1)
    )
    return Excerpt(shown, min(column, MAX_LINE + 1))
