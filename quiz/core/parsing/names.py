"""Who said it: matching a typed person's (or organisation's) name, titles and typos aside.

A person's family name alone is right ("Shoigu" for "Sergei Shoigu"); the first name is not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quiz.core.parsing.text import TextKey, match_form, normalize, prepare_form

# Titles and honorifics dropped, with what precedes them, from a person's name, as normalised word
# sequences (periods are gone: "Gen." is "gen"). Deliberately short: a word here can never
# be part of a name. Longer phrases first, so "defense minister" goes before "minister".
TITLES: tuple[tuple[str, ...], ...] = tuple(
    tuple(title.split())
    for title in (
        "prime minister",
        "foreign minister",
        "defense minister",
        "defence minister",
        "vice president",
        "president",
        "minister",
        "general",
        "gen",
        "colonel",
        "col",
        "mister",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
    )
)
_TITLES_BY_FIRST_WORD: dict[str, tuple[tuple[str, ...], ...]] = {
    first: tuple(title for title in TITLES if title[0] == first) for first, *_ in TITLES
}
# Generational suffixes are not the family name: "King" is the surname of "Martin Luther King Jr."
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@dataclass(frozen=True)
class NameMatch:
    """The author's name that matched, by how many edits, and whether by family name alone."""

    answer: str
    distance: int
    by_surname: bool


@dataclass(frozen=True)
class NameKey:
    """A name and its accepted variants, parsed once at load."""

    full: TextKey
    surnames: TextKey
    person: bool


def name_form(text: str, person: bool = True) -> str:
    """Normalise a name; for a person, also drop leading titles ("Defense Minister", "Mr.")."""
    # A period ends a word here, so "Mr.Shoigu" is "mr shoigu" (text.normalize joins "U.S.").
    words = normalize(text.replace(".", ". ")).split()
    if person:
        words = _without_titles(words)
    return " ".join(words)


def _without_titles(words: list[str]) -> list[str]:
    """Drop everything up to the last title that still has a name after it.

    Whatever precedes a title only describes the person ("Russian Defense Minister Sergei
    Shoigu"), so it goes with the title.
    """
    start = 0
    for index, word in enumerate(words):
        for title in _TITLES_BY_FIRST_WORD.get(word, ()):  # one lookup a word: linear
            end = index + len(title)
            if end < len(words) and tuple(words[index:end]) == title:
                start = max(start, end)
    return words[start:]


def _surname(form: str) -> str | None:
    """The family name of a normalised person's name, or None for a single word."""
    words = [word for word in form.split() if word not in _SUFFIXES]
    return words[-1] if len(words) > 1 else None


def prepare_name(
    answer: str, accept: Sequence[str] = (), surname: bool = True, typos: int | None = None
) -> NameKey:
    """Parse a name once; `surname=False` is for organisations, which only match whole."""
    names = (answer, *accept)
    forms = [(name, name_form(name, surname)) for name in names]
    full = TextKey(tuple(prepare_form(name, form, typos) for name, form in forms))
    family = [(name, _surname(form)) for name, form in forms] if surname else []
    surnames = TextKey(tuple(prepare_form(name, last, typos) for name, last in family if last))
    return NameKey(full, surnames, surname)


def match_name(response: str, key: NameKey) -> NameMatch | None:
    """Match a typed name: the whole name first, then (for a person) the family name alone.

    For a person, "Shoigu Sergei" (family name first) and "S. Shoigu" (initials whose letters
    fit the given names) are the whole name too.
    """
    form = name_form(response, key.person)
    for variant in _orderings(form) if key.person else (form,):
        whole = match_form(variant, key.full)
        if whole is not None:
            return NameMatch(whole.answer, whole.distance, by_surname=False)
    initials, rest = _split_initials(form) if key.person else ("", form)
    last = match_form(rest, key.surnames)
    if last is None or not _initials_fit(initials, last.answer, key):
        return None
    return NameMatch(last.answer, last.distance, by_surname=True)


def _orderings(form: str) -> tuple[str, ...]:
    """The name as typed, and with a leading family name moved to the end."""
    words = form.split()
    return (form, " ".join([*words[1:], words[0]])) if len(words) > 1 else (form,)


def _split_initials(form: str) -> tuple[str, str]:
    """Leading one-letter words ("s" of "S. Shoigu") and the rest."""
    words = form.split()
    count = next((i for i, word in enumerate(words) if len(word) > 1), len(words))
    return "".join(words[:count]), " ".join(words[count:])


def _initials_fit(initials: str, answer: str, key: NameKey) -> bool:
    if not initials:
        return True
    entry = next(e for e in key.full.answers if e.answer == answer)
    given = entry.form.split()[:-1]
    return initials == "".join(word[0] for word in given)[: len(initials)]
