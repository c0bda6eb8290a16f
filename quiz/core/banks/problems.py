"""Problems found in a bank: what went wrong and exactly where, for authors to fix."""

from __future__ import annotations

from dataclasses import dataclass


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
