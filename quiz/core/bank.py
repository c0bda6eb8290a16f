"""The records a loaded bank is made of: a Bank and its Questions, ready to grade."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class SourceSentence:
    """The article's sentence that backs a question, with the quoted part inside it marked."""

    sentence: str
    quote_start: int
    quote_end: int

    @property
    def before(self) -> str:
        return self.sentence[: self.quote_start]

    @property
    def quoted(self) -> str:
        return self.sentence[self.quote_start : self.quote_end]

    @property
    def after(self) -> str:
        return self.sentence[self.quote_end :]

    def to_dict(self) -> dict[str, object]:
        return {"before": self.before, "quoted": self.quoted, "after": self.after}


@dataclass(frozen=True)
class Question:
    """One question as the author wrote it, plus its reference answer parsed once at load.

    `fields` holds the type's own keys (choices, answer, items...) as typed values; `key` is
    what its grader compares a response against, prepared when the bank loads so grading a
    response never re-parses the reference.
    """

    id: str
    type: str
    prompt: str
    explanation: str = ""
    quote: str = ""
    tags: tuple[str, ...] = ()
    fields: Mapping[str, Any] = field(default_factory=dict, compare=False)
    key: Any = field(default=None, compare=False)
    source_sentence: SourceSentence | None = None
    line: int = 0

    @property
    def is_card_only(self) -> bool:
        return self.type == "card"


@dataclass(frozen=True)
class Bank:
    """A bank of questions, identified by its file's stem.

    An `exam` bank keeps its key until a run ends; `attempts` caps its runs per learner
    (None: no cap). What that allows and forbids is decided in quiz.core.exams.
    """

    id: str
    title: str
    questions: tuple[Question, ...]
    description: str = ""
    tags: tuple[str, ...] = ()
    exam: bool = False
    attempts: int | None = None
    decimal_comma: bool = False  # the bank's default for its number and quantity questions

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    @property
    def quiz_questions(self) -> tuple[Question, ...]:
        """The questions a quiz asks: all but the self-graded cards."""
        return tuple(q for q in self.questions if not q.is_card_only)
