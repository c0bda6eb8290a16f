"""Who said it: a person (titles ignored, the family name alone is right) or an organisation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from quiz.core.grading.choice import closest
from quiz.core.grading.grader import Grader, Report, as_text, no_answer
from quiz.core.parsing.names import NameKey, match_name, prepare_name
from quiz.core.parsing.text import EmptyAnswerError
from quiz.core.verdict import Verdict


def prepare(fields: Mapping[str, Any], report: Report) -> NameKey | None:
    try:
        key = prepare_name(
            fields["answer"],
            fields.get("accept", []),
            fields.get("surname", True),
            fields.get("typos"),
        )
    except EmptyAnswerError as error:
        report(str(error), "answer")
        return None
    if "choices" in fields and fields["answer"] not in fields["choices"]:
        report(
            f"answer {fields['answer']!r} is not one of the choices"
            + closest(fields["answer"], fields["choices"]),
            "answer",
        )
    return key


def grade(key: NameKey, response: Any) -> Verdict:
    text = as_text(response)
    expected = key.full.answers[0].answer
    if no_answer(text):
        return Verdict(False, 0.0, expected, f"No answer given: it was {expected}.")
    found = match_name(text, key)
    if found is None:
        return Verdict(False, 0.0, expected, f"Not quite: it was {expected}.")
    forgiven = ("a typo",) if found.distance else ()
    if found.distance:
        return Verdict(True, 1.0, expected, f"Close: check the spelling — {expected}.", forgiven)
    return Verdict(True, 1.0, expected, f"Right: {expected}.")


GRADER = Grader(prepare, grade)
