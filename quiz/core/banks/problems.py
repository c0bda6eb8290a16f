"""Problems found in a bank: what went wrong and exactly where, for authors to fix."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A message quotes what the author wrote; a 5,000-digit answer quoted whole would bury the fix.
_LONG_WORD = re.compile(r"\S{61,}")


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one file, at a 1-based line and column (0 when unknown).

    A warning does not stop the bank from loading; an error does.
    """

    file: str
    line: int
    column: int
    message: str
    warning: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", _LONG_WORD.sub(_elided, self.message))

    def __str__(self) -> str:
        label = "warning: " if self.warning else ""
        return f"{self.file}:{self.line}:{self.column}: {label}{self.message}"

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


def _elided(match: re.Match[str]) -> str:
    word = match.group()
    return f"{word[:40]}…{word[-12:]}"
