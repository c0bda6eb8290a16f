"""Free-text answers: normalising typed text and matching it to an answer and its aliases.

Typos are forgiven by edit distance (rapidfuzz), but digits never: `Mi-28` is not `Mi-24`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from anyascii import anyascii
from rapidfuzz.distance import Levenshtein
from text_to_num import alpha2digit

from quiz.core.errors import QuizError
from quiz.core.parsing.spellings import one_spelling

# Typographic apostrophes; NFKD leaves them alone. Apostrophes vanish: "Russia’s" == "Russias".
_APOSTROPHES = str.maketrans("", "", "’‘ʼ´`")
_DIGIT = re.compile(r"\d")
# With digits about: a period is kept only as a decimal point, a comma not at all
# between digits ("1,000" == "1000"), and an ordinal suffix goes ("201st" == "201th" == "201"),
# since the digits carry the meaning and are compared exactly.
_NUMBER_NOISE = re.compile(r"(?<!\d)\.|\.(?!\d)|(?<=\d),(?=\d)|(?<=\d)-?(?:st|nd|rd|th)\b")
# Words and numbers; everything else (dashes, slashes, brackets, spaces) only separates them,
# so "Kharb-Maidon" == "Kharb Maidon" and "Mi24" == "Mi-24" == "mi 24".
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+")
_ARTICLES = frozenset({"the", "a", "an"})
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# "Collective Security Treaty Organisation (CSTO)": the answer followed by its own initials.
_INITIALS_ASIDE = re.compile(r"(?P<name>[^()]*[^()\s])\s*\(\s*(?P<initials>[A-Za-z.]+)\s*\)\s*")
# Short words an initialism may leave out: ISIS is the Islamic State of Iraq and Syria.
_SMALL_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "de", "du", "la", "al"})


@functools.lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """Fold case, accents, punctuation and spacing away, read British and American spellings
    as one ("colour" is "color"), and drop a leading "the"/"a"/"an".

    Cached: validating a bank normalises every answer, alias and example several times (for
    matching and for the give-away checks), and learners type the same few responses."""
    # The fast paths (ASCII, no digits) matter: this runs on every typed response.
    if not text.isascii():
        text = _fold_unicode(text)
    text = text.casefold().replace("'", "")
    text = _NUMBER_NOISE.sub("", text) if _DIGIT.search(text) else text.replace(".", "")
    tokens = [one_spelling(token) for token in _TOKEN.findall(text)]
    if len(tokens) > 1 and tokens[0] in _ARTICLES:
        del tokens[0]
    return " ".join(tokens)


def _fold_unicode(text: str) -> str:
    """Drop curly apostrophes, then fold every letter to ASCII: accents (é→e) and the letters
    Unicode does not decompose (ø→o, æ→ae, ß→ss, ł→l, þ→th, ı→i), by anyascii's tables."""
    # The curly apostrophe is by far the most common non-ASCII character typed or pasted.
    text = text.replace("’", "")
    if text.isascii():
        return text
    return anyascii(text.translate(_APOSTROPHES))


def warm_up() -> None:
    """Load anyascii's tables for the common blocks now (each loads on its first letter)."""
    normalize("Malmø Straße Łódź Þór İı Œuvre Ærø Душанбе Ελλάδα")


def typos_for(form: str) -> int:
    """Edits allowed for an already normalised answer: short answers must be exact."""
    letters = sum(char.isalpha() for char in form)
    if letters <= 4:
        return 0
    return 1 if letters <= 8 else 2


@dataclass(frozen=True)
class TextMatch:
    """Which answer the response matched (as the author wrote it) and by how many edits."""

    answer: str
    distance: int


@dataclass(frozen=True)
class PreparedAnswer:
    """One answer parsed once at load: its normal form, its digits and its typo budget."""

    answer: str
    form: str
    digits: tuple[str, ...]
    typos: int


@dataclass(frozen=True)
class TextKey:
    """The answers a question accepts, in the author's order (ties go to the first)."""

    answers: tuple[PreparedAnswer, ...]
    # The answers with number words in digits ("Group of Seven" as "group of 7"): matched
    # like the answers, never shown or exported as the author's own.
    in_digits: tuple[PreparedAnswer, ...] = ()


class EmptyAnswerError(QuizError, ValueError):
    """An answer that has nothing left to compare once normalised (only punctuation)."""


def prepare_form(answer: str, form: str, typos: int | None = None) -> PreparedAnswer:
    """Prepare `answer` to be compared as `form`, an already normalised text.

    Callers that normalise further (names drop titles) pass their own form; the rest use
    `prepare_answers`.
    """
    if not form:
        raise EmptyAnswerError(f"answer {answer!r} has no letters or digits to match against")
    budget = typos_for(form) if typos is None else typos
    return PreparedAnswer(answer, form, tuple(_NUMBER.findall(form)), budget)


def prepare_answers(answers: Sequence[str], typos: int | None = None) -> TextKey:
    """Parse the canonical answer and its aliases once; `typos` overrides every default.

    An answer with numbers in words ("Group of Seven") is also kept in digits ("group of 7"),
    so a learner may type either."""
    prepared = [prepare_form(answer, normalize(answer), typos) for answer in answers]
    in_digits = [
        prepare_form(entry.answer, form, typos)
        for entry in prepared
        if (form := _digit_form(entry.answer)) not in (None, entry.form)
    ]
    return TextKey(tuple(prepared), tuple(in_digits))


def typo_distance(form: str, entry: PreparedAnswer, cutoff: int) -> int | None:
    """Edits from a normalised response to an answer (at most cutoff + 1: "farther"), or
    None when their numbers differ, which no typo forgives."""
    if entry.digits != tuple(_NUMBER.findall(form)):
        return None
    return Levenshtein.distance(form, entry.form, score_cutoff=cutoff)


def match_form(form: str, key: TextKey) -> TextMatch | None:
    """Best match of an already normalised response, or None if none is within tolerance."""
    digits = tuple(_NUMBER.findall(form))
    best: TextMatch | None = None
    for entry in key.answers + key.in_digits:
        if entry.digits != digits:
            continue
        distance = Levenshtein.distance(form, entry.form, score_cutoff=entry.typos)
        if distance <= entry.typos and (best is None or distance < best.distance):
            best = TextMatch(entry.answer, distance)
    return best


def match_prepared(response: str, key: TextKey) -> TextMatch | None:
    """Best match of a typed response against answers prepared at load; numbers typed in
    words are read as digits when the words alone match nothing ("two hundred and first
    military base" for "201st military base"), and the digits must then be exact."""
    found = match_form(normalize(response), key)
    if found is None and (aside := _INITIALS_ASIDE.fullmatch(response)):
        found = _with_its_initials(aside["name"], aside["initials"], key)
    if found is None and any(entry.digits for entry in key.answers + key.in_digits):
        in_digits = _digit_form(response)
        found = None if in_digits is None else match_form(in_digits, key)
    return found


def _with_its_initials(name: str, initials: str, key: TextKey) -> TextMatch | None:
    """The name, when the bracket after it holds only its initials (with or without the
    small words): an initialism restates the name, so the name alone is graded."""
    words = normalize(name).split()
    typed = initials.replace(".", "").casefold()
    whole = "".join(word[0] for word in words)
    content = "".join(word[0] for word in words if word not in _SMALL_WORDS)
    if len(typed) < 2 or typed not in (whole, content):
        return None
    return match_form(" ".join(words), key)


def _digit_form(text: str) -> str | None:
    """`text` normalised with its number words as digits, or None when it has none."""
    if not any(char.isalpha() for char in text):
        return None
    converted = alpha2digit(text, "en", threshold=0)
    return normalize(converted) if converted != text else None
