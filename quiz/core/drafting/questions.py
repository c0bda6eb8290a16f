"""Turning findings into question candidates: the fields of each question, a comment saying
what it was drawn from, and a score that ranks the candidates when `--max` cuts the list."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from quiz.core.drafting.examples import (
    count_examples,
    date_examples,
    quantity_examples,
    who_examples,
)
from quiz.core.drafting.findings import DateFinding, MeasureFinding, QuoteFinding, Span
from quiz.core.drafting.passages import blanked, keyword, passage, sentence_at
from quiz.core.parsing.numbers import format_number
from quiz.core.parsing.quantities import Quantity, dimension_name, format_quantity
from quiz.core.source import Sentence

_PRECISION = {"day": "a day and month", "month": "a month", "year": "a year"}
_WITH_YEAR = {"day": "a full date", "month": "a month and year", "year": "a year"}
_PAST = {
    "saying": "said",
    "asserting": "asserted",
    "adding": "added",
    "noting": "noted",
    "warning": "warned",
    "explaining": "explained",
    "claim": "claimed",
    "claims": "claimed",
    "say": "said",
    "says": "said",
    # "Who told this?" and "Who called this?" ask about the listener or a phone call.
    "told": "said",
    "tells": "said",
    "called": "said",
    "calls": "said",
    "described": "said",
    "reports": "reported",
    "according to": "said",
}
_CHOICES = 4


@dataclass
class Candidate:
    """One drafted question: its fields in writing order, why it was drafted, how good it is."""

    fields: dict[str, Any]
    comment: str
    score: float
    position: int
    right: list[Any] = field(default_factory=list)
    wrong: list[Any] = field(default_factory=list)


@dataclass(frozen=True)
class Context:
    """What every builder needs: the article's text and sentences."""

    text: str
    sentences: tuple[Sentence, ...]

    def paragraph(self, at: int) -> int:
        return self.text.count("\n", 0, at) + 1

    def stub(self, span: Span) -> str:
        """An explanation to replace: true as it stands, so a forgotten one misleads no one."""
        return (
            f"Paragraph {self.paragraph(span.start)} of the article. (Draft: say why it matters.)"
        )

    def framed(self, span: Span) -> tuple[str, str] | None:
        """The quote for a fact at `span`, and the prompt's passage with the fact blanked."""
        sentence = sentence_at(self.sentences, span)
        if sentence is None:
            return None
        start, end = passage(sentence, span)
        return self.text[start:end], blanked(self.text, start, end, span)


def date_candidate(
    context: Context, finding: DateFinding, others: list[DateFinding]
) -> Candidate | None:
    framed = context.framed(finding.span)
    if framed is None:
        return None
    quote, shown = framed
    right, wrong = date_examples(finding, others)
    fields = {
        "id": f"date-{keyword(quote, finding.answer)}",
        "type": "date",
        "prompt": f"Fill in the blank with {_precision(finding)}: “{shown}”",
        "answer": finding.answer,
        "quote": quote,
        "explanation": context.stub(finding.span),
    }
    comment = f"a date, “{finding.text}”, paragraph {context.paragraph(finding.span.start)}"
    score = {"day": 0.9, "month": 0.75, "year": 0.7}[finding.precision]
    return Candidate(fields, comment, score, finding.span.start, right, wrong)


def _precision(finding: DateFinding) -> str:
    table = _WITH_YEAR if finding.date.year is not None else _PRECISION
    return table[finding.precision]


def measure_candidate(
    context: Context, finding: MeasureFinding, others: list[MeasureFinding], as_choice: bool
) -> Candidate | None:
    framed = context.framed(finding.span)
    if framed is None or finding.quantity is None:
        return None
    quote, shown = framed
    kind = dimension_name(finding.quantity.unit)
    answer = format_quantity(finding.quantity)
    fields: dict[str, Any] = {
        "id": f"measure-{keyword(quote, finding.text)}",
        "type": "quantity",
        "prompt": f"Fill in the blank with {kind}: “{shown}”",
        "answer": answer,
        "quote": quote,
        "explanation": context.stub(finding.span),
    }
    right, wrong = quantity_examples(finding, others)
    comment = f"a measure ({kind[2:] if kind.startswith('a ') else kind}), “{finding.text}”"
    candidate = Candidate(fields, comment, 0.85, finding.span.start, right, wrong)
    if as_choice:
        hidden = _not_shown(others, shown)
        _as_choice(candidate, answer, _closest(finding, hidden, format_quantity))
    return _located(context, candidate, finding.span)


def count_candidate(
    context: Context, finding: MeasureFinding, others: list[MeasureFinding], as_choice: bool
) -> Candidate | None:
    framed = context.framed(finding.span)
    if framed is None:
        return None
    quote, shown = framed
    noun = f" ({finding.noun})" if finding.noun else ""
    fields: dict[str, Any] = {
        "id": f"count-{keyword(quote, finding.text)}",
        "type": "number",
        "prompt": f"Fill in the blank with a number{noun}: “{shown}”",
        "answer": int(finding.value) if finding.value == round(finding.value) else finding.value,
        "quote": quote,
        "explanation": context.stub(finding.span),
    }
    right, wrong = count_examples(finding, others)
    comment = f"a count, “{finding.text}”"
    candidate = Candidate(
        fields, comment, 0.6 + 0.1 * bool(finding.noun), finding.span.start, right, wrong
    )
    if as_choice:
        hidden = _not_shown(others, shown)
        _as_choice(candidate, format_number(finding.value), _closest(finding, hidden, None))
    return _located(context, candidate, finding.span)


def _closest(
    finding: MeasureFinding,
    others: list[MeasureFinding],
    shown: Callable[[Quantity], str] | None,
) -> list[str]:
    """The article's other values of the same kind, nearest in size first (no 3 beside 52,400
    when 19 and 31 are there)."""
    ranked = sorted(
        others, key=lambda o: abs(math.log((abs(o.value) + 1) / (abs(finding.value) + 1)))
    )
    texts = [shown(o.quantity) if shown and o.quantity else format_number(o.value) for o in ranked]
    mine = shown(finding.quantity) if shown and finding.quantity else format_number(finding.value)
    return [t for t in dict.fromkeys(texts) if t != mine]


def _not_shown(others: list[MeasureFinding], shown: str) -> list[MeasureFinding]:
    """The other values that the prompt's passage does not show: a choice the learner can
    read in the prompt ("per ____ of bread, down from 1.5 grams") is no distractor."""
    return [o for o in others if o.text not in shown]


def _as_choice(candidate: Candidate, answer: str, distractors: list[str]) -> None:
    """Make a typed question multiple choice, its distractors the article's other values;
    with fewer than two it stays a typed question."""
    if len(distractors) < 2:
        return
    choices = sorted({answer, *distractors[: _CHOICES - 1]}, key=_numeric_order)
    candidate.fields["type"] = "choice"
    candidate.fields["id"] = (
        candidate.fields["id"].replace("measure-", "choice-").replace("count-", "choice-")
    )
    candidate.fields["prompt"] = candidate.fields["prompt"].replace(
        "Fill in the blank with", "Pick"
    )
    candidate.fields["choices"] = choices
    candidate.fields["answer"] = answer
    candidate.right = [answer]
    candidate.wrong = [c for c in choices if c != answer]
    candidate.comment += "; choices are the article's other values of the same kind"


def _numeric_order(text: str) -> tuple[float, str]:
    digits = "".join(c for c in text.split()[0] if c.isdigit() or c == ".")
    try:
        return float(digits), text
    except ValueError:
        return 0.0, text


def _located(context: Context, candidate: Candidate, span: Span) -> Candidate:
    candidate.comment += f", paragraph {context.paragraph(span.start)}"
    return candidate


def who_candidate(
    context: Context, finding: QuoteFinding, speakers: list[str], with_choices: bool
) -> Candidate:
    verb = _PAST.get(finding.verb, finding.verb)
    fields: dict[str, Any] = {
        "id": f"who-{keyword(finding.quote, finding.speaker)}",
        "type": "who",
        "prompt": f"Who {verb} this?",
        "quote": finding.quote,
        "answer": finding.speaker,
        "explanation": context.stub(finding.span),
    }
    if finding.organisation:
        fields["surname"] = False
    right, wrong = who_examples(finding, speakers)
    if with_choices:
        others = [s for s in wrong if s in speakers][: _CHOICES - 1]
        if len(others) >= 2:
            fields["choices"] = sorted({finding.speaker, *others})
    how = "a quotation" if finding.direct else "reported speech"
    paragraph = context.paragraph(finding.span.start)
    comment = f"{how}, “{finding.mention} {finding.verb}”, paragraph {paragraph}"
    score = 1.0 if finding.direct else 0.8
    return Candidate(fields, comment, score, finding.span.start, right, wrong)
