"""What a learner may see of a question before answering it: never the answer key.

Pages and the JSON API both render from this record, so no view can leak an answer by
reaching into `Question.fields` itself. Shuffling takes a seed from the caller, so a page
shows the same order on reload and the core never touches a global random state.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, field
from typing import Any

from quiz.core.bank import Question
from quiz.core.grading.cloze import ClozeKey
from quiz.core.grading.matching import MatchKey
from quiz.core.grading.quantity import QuantityKey
from quiz.core.parsing.dates import PartialDate
from quiz.core.parsing.names import NameKey
from quiz.core.parsing.quantities import dimension_name


@dataclass(frozen=True)
class Presented:
    """A question as shown: its prompt, the options to pick from, and a hint on the form."""

    id: str
    type: str
    prompt: str
    quote: str = ""  # only for `who`, where the quote *is* the question
    choices: tuple[str, ...] = ()  # choice / who-with-choices / order items / match rights
    multiple: bool = False  # select-all
    lefts: tuple[str, ...] = ()  # match
    segments: tuple[str, ...] = ()  # cloze: the text around the blanks
    hint: str = ""
    tags: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def present(question: Question, seed: int | str = 0, shuffle_choices: bool = False) -> Presented:
    """The answer-free view of `question`; `seed` fixes any shuffling."""
    rng = random.Random(f"{seed}:{question.id}")
    base: dict[str, Any] = {
        "id": question.id,
        "type": question.type,
        "prompt": question.prompt,
        "tags": question.tags,
    }
    return Presented(**base, **_type_parts(question, rng, shuffle_choices))


def _type_parts(question: Question, rng: random.Random, shuffle: bool) -> dict[str, Any]:
    key, fields = question.key, question.fields
    match question.type:
        case "choice":
            choices = _maybe_shuffled(fields["choices"], rng, shuffle)
            return {"choices": choices, "multiple": isinstance(fields["answer"], list)}
        case "who":
            choices = _maybe_shuffled(fields.get("choices", []), rng, shuffle)
            return {"quote": fields["quote"], "choices": choices, "hint": _who_hint(key, choices)}
        case "order":
            hint = "Put the items in order, first on top."
            return {"choices": _unlike_key(key.items, rng), "hint": hint}
        case "match":
            return _match_parts(key, rng)
        case "cloze":
            return _cloze_parts(key)
        case _:
            return {"hint": _hint(question)}


def _who_hint(key: NameKey, choices: tuple[str, ...]) -> str:
    if choices:
        return ""
    # An organisation (surname: false) is named whole: "a family name" would mislead.
    if key.person:
        return "Type the speaker's name; a family name is enough."
    return "Type the speaker's name in full."


def _match_parts(key: MatchKey, rng: random.Random) -> dict[str, Any]:
    rights = _unlike_key(key.rights, rng)
    return {"lefts": key.lefts, "choices": rights, "hint": "Match each item on the left."}


def _cloze_parts(key: ClozeKey) -> dict[str, Any]:
    return {"segments": key.segments, "hint": "Small typos are forgiven, never a wrong digit."}


def _unlike_key(key: tuple[str, ...], rng: random.Random) -> tuple[str, ...]:
    """The items shuffled into an order other than the key's, so the order gives nothing away.

    A shuffle that lands on the key is turned by one place: with distinct items (the loader
    insists on them) that is always another order, and it stays fixed by the seed.
    """
    items = list(key)
    rng.shuffle(items)
    if len(items) > 1 and items == list(key):
        items = items[1:] + items[:1]
    return tuple(items)


def _maybe_shuffled(items: list[str], rng: random.Random, shuffle: bool) -> tuple[str, ...]:
    items = list(items)
    if shuffle:
        rng.shuffle(items)
    return tuple(items)


def _hint(question: Question) -> str:
    match question.type:
        case "quantity":
            return _quantity_hint(question.key)
        case "date":
            return _date_hint(question.key)
        case "number":
            return "Answer with a number, in digits or words."
        case "truefalse":
            return "True or false?"
        case "text":
            return "Type your answer; small typos are forgiven."
    return ""


def _quantity_hint(key: QuantityKey) -> str:
    return f"Answer with {dimension_name(key.reference.unit)}, with its unit."


def _date_hint(key: PartialDate) -> str:
    parts = [name for name in ("day", "month", "year") if getattr(key, name) is not None]
    wanted = " and ".join(parts) if len(parts) < 3 else "day, month and year"
    article = "an" if wanted[0] in "aeiou" else "a"
    return f"Answer with {article} {wanted}; write the month in words (like 3 March)."
