"""What a question shows as a flashcard: its front, and on the back the answer, the
explanation and the article's sentence. Shared by the review page and the exports."""

from __future__ import annotations

from dataclasses import dataclass

from quiz.core.bank import Question
from quiz.core.grading import grade, response_shape

BLANK = "_____"
_EMPTY_RESPONSES: dict[str, object] = {"text": "", "list": [], "mapping": {}}


@dataclass(frozen=True)
class CardFaces:
    """The two sides of one card, as plain text (templates and exports escape it)."""

    front: str
    answer: str
    explanation: str = ""
    source_sentence: str = ""
    options: tuple[str, ...] = ()  # what the front lists to choose from, in a neutral order

    @property
    def back(self) -> str:
        """The back as one text: answer, explanation and sentence, one per paragraph."""
        return "\n\n".join(
            part for part in (self.answer, self.explanation, self.source_sentence) if part
        )


def card_faces(question: Question) -> CardFaces:
    sentence = question.source_sentence.sentence if question.source_sentence else ""
    return CardFaces(
        front=front_text(question),
        answer=answer_text(question),
        explanation=question.explanation,
        source_sentence=sentence,
        options=_options(question),
    )


def front_text(question: Question) -> str:
    """The prompt; for `who` the quote, for `card` its front, for `cloze` the text with blanks."""
    match question.type:
        case "card":
            return str(question.fields["front"])
        case "who":
            return f"“{question.fields['quote']}”"
        case "cloze":
            return BLANK.join(question.key.segments)
    return question.prompt


def answer_text(question: Question) -> str:
    """The reference answer as the graders word it (`Verdict.expected`)."""
    match question.type:
        case "card":
            return str(question.fields["back"])
        case "cloze":
            return str(question.key.expected)
        case "order":
            return " → ".join(question.key.items)
    # Every other grader states the expected answer whatever the response, even an empty one.
    return grade(question, _EMPTY_RESPONSES[response_shape(question)]).expected


def _options(question: Question) -> tuple[str, ...]:
    match question.type:
        case "choice" | "who":
            return tuple(question.fields.get("choices") or ())
        case "order":
            return tuple(sorted(question.key.items, key=str.casefold))
        case "match":
            return tuple(question.key.lefts)
    return ()
