"""Cloze: a text with [[blanks]], each graded like a text answer; the score is the share right."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from quiz.core.errors import ResponseError
from quiz.core.grading.grader import Grader, Report, as_text_list
from quiz.core.grading.text import grade_text
from quiz.core.parsing.text import EmptyAnswerError, TextKey, prepare_answers
from quiz.core.verdict import Verdict
from quiz.core.wording import counted


@dataclass(frozen=True)
class ClozeKey:
    """The text around the blanks (safe to show) and each blank's accepted answers."""

    segments: tuple[str, ...]  # one more than there are blanks
    blanks: tuple[TextKey, ...]

    @property
    def expected(self) -> str:
        return "; ".join(blank.answers[0].answer for blank in self.blanks)


def prepare(fields: Mapping[str, Any], report: Report) -> ClozeKey:
    parts = split_blanks(fields["text"])
    segments = tuple(parts[0::2])
    if len(parts) == 1:
        report(
            "a cloze text needs at least one blank written [[answer]] or [[answer|alias]]", "text"
        )
    if any("[[" in s or "]]" in s for s in segments):
        report("a blank is not closed: write each as [[answer]]", "text")
    blanks = [_blank(raw, fields.get("typos"), report) for raw in parts[1::2]]
    return ClozeKey(segments, tuple(b for b in blanks if b is not None))


def split_blanks(text: str) -> list[str]:
    r"""What `re.split(r"\[\[(.*?)\]\]", text)` gives (text, blank, ..., text), in linear time.

    The regex retries its lazy scan from every "[[" (quadratic on "[[[[..."); here each "[["
    is paired with the first "]]" after it, and a blank never spans a line.
    """
    parts: list[str] = []
    kept = start = 0
    close = newline = -1
    # The next "]]" and the next newline are looked for again only once passed, so every
    # character is scanned a bounded number of times.
    while (opening := text.find("[[", start)) >= 0:
        if close < opening + 2:
            close = text.find("]]", opening + 2)
        if close < 0:
            break
        if newline < opening + 2:
            newline = text.find("\n", opening + 2) % (len(text) + 1)  # none: len(text)
        if newline < close:
            start = newline + 1
            continue
        parts += [text[kept:opening], text[opening + 2 : close]]
        kept = start = close + 2
    parts.append(text[kept:])
    return parts


def _blank(raw: str, typos: int | None, report: Report) -> TextKey | None:
    answers = [a.strip() for a in raw.split("|") if a.strip()]
    if not answers:
        report("a blank [[]] is empty: put its answer inside", "text")
        return None
    try:
        return prepare_answers(answers, typos)
    except EmptyAnswerError as error:
        report(str(error), "text")
        return None


def grade(key: ClozeKey, response: Any) -> Verdict:
    answers = as_text_list(response)
    if len(answers) != len(key.blanks):
        raise ResponseError(f"give one answer per blank ({len(key.blanks)})")
    verdicts = [grade_text(blank, given) for blank, given in zip(key.blanks, answers, strict=True)]
    right = sum(v.correct for v in verdicts)
    forgiven = tuple(sorted({f for v in verdicts for f in v.forgiven}))
    if right == len(verdicts):
        note = " (check the spelling)" if forgiven else ""
        return Verdict(True, 1.0, key.expected, f"Right: every blank is filled in{note}.", forgiven)
    lead = "Partly right" if right else "Wrong"
    return Verdict(
        False,
        right / len(verdicts),
        key.expected,
        f"{lead}: {right} of {counted(len(verdicts), 'blank')} right.",
        forgiven,
    )


GRADER = Grader(prepare, grade, lambda key: "list")
