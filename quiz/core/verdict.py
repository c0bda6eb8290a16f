"""The verdict a grader returns for one response to one question."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Outcome = Literal["right", "partly", "wrong"]


@dataclass(frozen=True)
class Verdict:
    """How a response fared: right or not, a score in 0..1, and one human sentence of feedback.

    `expected` is the canonical answer, for display; `forgiven` lists what was let pass
    (a typo, a unit conversion, a missing year), so the learner knows what to tighten up.
    """

    correct: bool
    score: float
    expected: str
    feedback: str
    forgiven: tuple[str, ...] = field(default=())

    @property
    def outcome(self) -> Outcome:
        """The one three-way reading of a verdict every page and the API show: right, partly
        right (some credit, 0 < score < 1) or wrong (no credit)."""
        if self.correct:
            return "right"
        return "partly" if self.score > 0 else "wrong"

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["forgiven"] = list(self.forgiven)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Verdict:
        return cls(
            correct=bool(data["correct"]),
            score=float(data["score"]),  # type: ignore[arg-type]
            expected=str(data["expected"]),
            feedback=str(data["feedback"]),
            forgiven=tuple(data.get("forgiven") or ()),  # type: ignore[arg-type]
        )
