"""A bank written as Moodle GIFT: every type GIFT can hold; the others listed as skipped.

Each question gets its id as the GIFT title, so importing the file back gives the same ids.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from quiz.core.bank import Bank, Question
from quiz.core.interchange.gift_answers import BLANK
from quiz.core.interchange.gift_reading import NO_BACK
from quiz.core.interchange.html_text import looks_like_html

_SPECIAL = "\\~=#{}:"
_ESCAPE = str.maketrans({**{char: f"\\{char}" for char in _SPECIAL}, "\n": "\\n"})


class SkippedError(Exception):
    """A question GIFT cannot hold, with the reason."""


@dataclass
class GiftExport:
    """The GIFT text, the questions left out (id, why) and what was lost (id, what)."""

    text: str
    skipped: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)


def escape(text: str) -> str:
    return text.translate(_ESCAPE)


def write_gift(bank: Bank) -> GiftExport:
    export = GiftExport(f"// {escape(bank.title)}\n// Exported by `quiz export`.\n\n")
    tags: tuple[str, ...] = ()
    for question in bank.questions:
        notes: list[str] = []
        try:
            body = _WRITERS[question.type](question, notes)
        except SkippedError as error:
            export.skipped.append((question.id, str(error)))
            continue
        if question.tags != tags:
            export.text += _category(question.tags, notes)
            tags = question.tags
        export.text += _question(question, body, notes) + "\n\n"
        export.notes.extend((question.id, note) for note in notes)
    return export


def _category(tags: tuple[str, ...], notes: list[str]) -> str:
    if any("/" in tag for tag in tags):
        notes.append("a tag with '/' is split into two categories")
    return f"$CATEGORY: {'/'.join(tags) if tags else '$course$/top'}\n\n"


def _question(question: Question, body: str, notes: list[str]) -> str:
    prompt = _prompt(question)
    marker = "[plain]" if looks_like_html(prompt) else ""
    explanation = question.explanation if question.type != "card" else ""
    if question.type == "card" and question.explanation:
        notes.append("the card's explanation (GIFT keeps one text for an essay's back)")
    general = f"####{escape(explanation)}" if explanation else ""
    # A blank in the prompt is where a missing word's answers go; a short answer's braces stay
    # at the end, or it would read back as a cloze.
    before, blank, after = prompt.partition(BLANK) if question.type != "text" else (prompt, "", "")
    answers = f"{{{body}{general}}}"
    text = f"{escape(before)}{answers}{escape(after)}" if blank else f"{escape(prompt)} {answers}"
    return f"::{escape(question.id)}::{marker}{text}"


def _prompt(question: Question) -> str:
    if question.type == "card":
        return str(question.fields["front"])
    if question.type == "cloze":
        segments = question.key.segments
        return f"{segments[0]}{BLANK}{segments[1]}"
    if question.type == "who":
        return f"{question.prompt} “{question.fields['quote']}”"
    return question.prompt


def _choice(question: Question, notes: list[str]) -> str:
    answers = question.key.answers
    if not question.key.select_all:
        return " ".join(f"{'=' if c in answers else '~'}{escape(c)}" for c in question.key.choices)
    share = _percent(100 / len(answers))
    return " ".join(
        f"~%{share if c in answers else '-' + share}%{escape(c)}" for c in question.key.choices
    )


def _percent(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def _truefalse(question: Question, notes: list[str]) -> str:
    return "TRUE" if question.fields["answer"] else "FALSE"


def _text(question: Question, notes: list[str]) -> str:
    if "typos" in question.fields:
        notes.append("'typos' (GIFT short answers are matched exactly)")
    answers = [question.fields["answer"], *question.fields.get("accept", [])]
    return " ".join(f"={escape(str(answer))}" for answer in answers)


def _number(question: Question, notes: list[str]) -> str:
    key = question.key
    tolerance = abs(key.value) * key.tolerance if key.relative else key.tolerance
    value = _decimal(key.value)
    return f"#{value}:{_decimal(tolerance)}" if tolerance else f"#{value}"


def _decimal(value: float) -> str:
    return format(Decimal(repr(value)).normalize(), "f")


def _match(question: Question, notes: list[str]) -> str:
    return " ".join(f"={escape(left)} -> {escape(right)}" for left, right in question.key.pairs)


def _cloze(question: Question, notes: list[str]) -> str:
    blanks = question.key.blanks
    if len(blanks) != 1:
        raise SkippedError(f"a cloze with {len(blanks)} blanks (GIFT's missing word has one)")
    if "typos" in question.fields:
        notes.append("'typos' (GIFT short answers are matched exactly)")
    if not question.key.segments[1].strip():
        notes.append("a cloze ending in its blank: GIFT reads it back as a short answer")
    return " ".join(f"={escape(entry.answer)}" for entry in blanks[0].answers)


def _card(question: Question, notes: list[str]) -> str:
    back = str(question.fields["back"])
    return "" if back == NO_BACK else f"####{escape(back)}"


def _who(question: Question, notes: list[str]) -> str:
    answer = str(question.fields["answer"])
    choices = question.fields.get("choices")
    if choices:
        others = [c for c in choices if c != answer]
        return " ".join([f"={escape(answer)}", *(f"~{escape(c)}" for c in others)])
    notes.append("written as a short answer: GIFT does not forgive titles or typos in names")
    names = [answer, *question.fields.get("accept", [])]
    if question.fields.get("surname", True) and len(answer.split()) > 1:
        names.append(answer.split()[-1])
    return " ".join(f"={escape(name)}" for name in dict.fromkeys(names))


def _skip(reason: str) -> Callable[[Question, list[str]], str]:
    def skip(question: Question, notes: list[str]) -> str:
        raise SkippedError(reason)

    return skip


_WRITERS: dict[str, Callable[[Question, list[str]], str]] = {
    "choice": _choice,
    "truefalse": _truefalse,
    "text": _text,
    "number": _number,
    "match": _match,
    "cloze": _cloze,
    "card": _card,
    "who": _who,
    "quantity": _skip("a quantity (GIFT's numerical questions have no units)"),
    "date": _skip("a date (GIFT has no date question)"),
    "order": _skip("an ordering question (GIFT has none)"),
}
