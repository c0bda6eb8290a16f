"""The question preview's parts: the item as a quiz shows it, its key, its examples, and a
trial answer graded for the author alone (nothing of it is saved)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quiz.core.bank import Question, SourceSentence
from quiz.core.banks.example_verdicts import GradedExample, graded_examples
from quiz.core.presentation import present
from quiz.core.verdict import Verdict
from quiz.core.wrong_answers import response_text
from quiz.web.quiz.items import RunItem

PREVIEW_SEED = "preview"  # choices in a fixed order, the same on every reload
MAX_BANK_BYTES = 2_000_000  # read back for the examples; a bank is far smaller


@dataclass(frozen=True)
class Trial:
    """An author's trial answer with its verdict: shaped like the quiz's Result, so the quiz's
    own verdict card renders it."""

    item: RunItem
    response: Any
    verdict: Verdict

    @property
    def outcome(self) -> str:
        if self.verdict.correct:
            return "right"
        return "partly" if self.verdict.score > 0 else "wrong"

    @property
    def answer_text(self) -> str:
        return response_text(self.response)

    @property
    def source(self) -> SourceSentence | None:
        return self.item.question.source_sentence


def preview_item(question: Question) -> RunItem:
    """The question as a quiz would show it, as item 1 (its fields are named `q1-...`)."""
    return RunItem(1, question, present(question, seed=PREVIEW_SEED))


def answer_key(question: Question) -> list[tuple[str, str]]:
    """The question's own fields (answer, accepted aliases, choices...) in words."""
    return [(name, _in_words(value)) for name, value in question.fields.items()]


def examples_of(path: Path, question: Question) -> list[GradedExample]:
    """The question's `check` examples, graded now (read from the file as it is on disk)."""
    try:
        with path.open("rb") as file:
            text = file.read(MAX_BANK_BYTES).decode("utf-8-sig", errors="replace")
    except OSError:
        return []
    return graded_examples(text, question)


def _in_words(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "; ".join(_in_words(part) for part in value)
    if isinstance(value, dict):
        return "; ".join(f"{k} → {_in_words(v)}" for k, v in value.items())
    return str(value)
