"""Who said it: matching a typed person's (or organisation's) name, titles and typos aside.

A person's family name alone is right ("Shoigu" for "Sergei Shoigu"); the first name is not.

Written here rather than with python-nameparser, which was measured and rejected: it took
348 µs a call against 19 µs for this module (grading runs on every answer), and it misread
the forms learners type ("Lavrov S." as a first name "Lavrov"; particles as middle names).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quiz.core.parsing.text import TextKey, TextMatch, match_form, normalize, prepare_form

# Titles and honorifics dropped, with what precedes them, from a person's name, as normalised word
# sequences (periods are gone: "Gen." is "gen"). Deliberately short: a word here can never
# be part of a name. Longer phrases first, so "defense minister" goes before "minister".
TITLES: tuple[tuple[str, ...], ...] = tuple(
    tuple(title.split())
    for title in (
        "minister of foreign affairs",
        "minister for foreign affairs",
        "minister of defence",
        "minister of defense",
        "minister of finance",
        "secretary of defense",
        "prime minister",
        "foreign minister",
        "defense minister",
        "defence minister",
        "vice president",
        "president elect",
        "president",
        "secretary general",
        "secretary of state",
        "foreign secretary",
        "home secretary",
        "defence secretary",
        "defense secretary",
        "secretary",
        "chancellor",
        "senator",
        "sen",
        "pres",
        "gov",
        "amb",
        "rep",
        "hon",
        "honourable",
        "honorable",
        "excellency",
        "h e",
        "hrh",
        "field marshal",
        "marshal",
        "brigadier",
        "brig",
        "sergeant",
        "sgt",
        "maj",
        "adm",
        "cmdr",
        "governor",
        "mayor",
        "ambassador",
        "chairman",
        "chairwoman",
        "premier",
        "minister",
        "admiral",
        "lieutenant",
        "lt",
        "captain",
        "capt",
        "commander",
        "sheikh",
        "crown prince",
        "prince",
        "princess",
        "king",
        "queen",
        "sultan",
        "emir",
        "pope",
        "rev",
        "reverend",
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
# Generational suffixes and post-nominals are no part of the name: "King" is the surname of
# "Martin Luther King Jr.", "Starmer" of "Keir Starmer KC MP". Dropped at the end of a name.
_SUFFIXES = frozenset(
    {"jr", "jnr", "sr", "snr", "ii", "iii", "iv", "esq", "qc", "kc", "mp", "mep", "phd", "md"}
    | {"dphil", "obe", "mbe", "cbe", "kbe", "frs", "msc", "ma", "bsc"}
)
# Words that start a family name of several words ("van der Berg", "de la Cruz", "bin Salman",
# "al-Assad", "Ó Súilleabháin", "St. Clair", "Mac Donald"), and the conjunctions that join two
# family names ("Ortega y Gasset"). Normalised forms.
_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "del", "della", "di", "da", "das", "dos", "du", "la", "le"}
    | {"bin", "bint", "ibn", "al", "el", "abu", "o", "st", "mac", "mc", "ter", "ten", "zu"}
)
_CONJUNCTIONS = frozenset({"y", "e", "i"})
# East Slavic patronymics ("Vladimirovich", "Petrovna"): an author writing a Russian name
# usually leaves them out, and no patronymic is a given name a different person goes by.
_PATRONYMIC_ENDINGS = ("ovich", "evich", "ovna", "evna", "ichna")
_MAX_FAMILY_WORDS = 5


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
    # In a person's name a period ends a word, so "Mr.Shoigu" is "mr shoigu"; an
    # organisation's periods are an initialism's, joined as text.normalize does ("T.A.S.S.").
    words = normalize(text.replace(".", ". ") if person else text).split()
    if person:
        # Suffixes first: "King" is no title in "Martin Luther King Jr.".
        words = _without_titles(_without_suffixes(words))
    return " ".join(words)


def _without_suffixes(words: list[str]) -> list[str]:
    end = len(words)
    while end > 1 and words[end - 1] in _SUFFIXES:
        end -= 1
    return words[:end]


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


def family_names(form: str) -> list[str]:
    """The forms of a normalised person's name that are right alone (none for one word):
    the whole family name with its particles ("van der berg", "ortega y gasset"), the same
    without its leading particles ("berg"), its last word ("gasset"), and for two names
    joined by a conjunction, the first of them ("ortega")."""
    words = form.split()
    if len(words) < 2:
        return []
    start = len(words) - 1
    while start > 1 and (words[start - 1] in _PARTICLES or words[start - 1] in _CONJUNCTIONS):
        start -= 1
        if words[start] in _CONJUNCTIONS:
            start -= 1  # "ortega y gasset": the name before the conjunction too
    family = words[start:]
    core = family[next((i for i, w in enumerate(family) if w not in _PARTICLES), 0) :]
    forms = [" ".join(family), " ".join(core), family[-1]]
    joined = next((i for i, w in enumerate(core) if w in _CONJUNCTIONS and i), None)
    if joined is not None:
        forms.append(" ".join(core[:joined]))  # "Ortega" is how "Ortega y Gasset" is known
    return list(dict.fromkeys(forms))


def prepare_name(
    answer: str, accept: Sequence[str] = (), surname: bool = True, typos: int | None = None
) -> NameKey:
    """Parse a name once; `surname=False` is for organisations, which only match whole."""
    names = (answer, *accept)
    forms = [(name, name_form(name, surname)) for name in names]
    full = TextKey(tuple(prepare_form(name, form, typos) for name, form in forms))
    family = [(name, last) for name, form in forms for last in family_names(form)]
    surnames = TextKey(tuple(prepare_form(name, last, typos) for name, last in family))
    if not surname:
        surnames = TextKey(())
    return NameKey(full, surnames, surname)


def match_name(response: str, key: NameKey) -> NameMatch | None:
    """Match a typed name: the whole name first, then (for a person) the family name alone.

    For a person, "Shoigu Sergei" and "Shoigu S." (family name first) and "S. Shoigu"
    (initials whose letters fit the given names) are the whole name too.
    """
    form = name_form(_family_first(response) if key.person else response, key.person)
    variants = _orderings(form) if key.person else (form,)
    whole: NameMatch | None = None
    for variant in variants:
        if (typed := _match(variant, key.full)) is not None:
            whole = NameMatch(typed.answer, typed.distance, by_surname=False)
            break
    if not key.person or (whole is not None and not whole.distance):
        return whole
    # A whole name one typo away may be an exact family name after given names that fit
    # ("Anna M. van der Berg" for "Anna van der Berg": a middle initial, not a misspelling).
    found = [hit for variant in variants if (hit := _by_family_name(variant, key))]
    if whole is not None:
        found.insert(0, whole)  # on a tie the whole name wins
    return min(found, key=lambda match: match.distance) if found else None


def _by_family_name(form: str, key: NameKey) -> NameMatch | None:
    """The family name ends the response; before it, given names or initials that fit.

    Every split is tried and the closest kept, so "L. van Beethoven" is the exact "van
    Beethoven" after an initial, not "l van beethoven" two typos from it.
    """
    words = form.split()
    best: NameMatch | None = None
    for cut in range(max(0, len(words) - _MAX_FAMILY_WORDS), len(words)):
        family = " ".join(words[cut:])
        last = _match(family, key.surnames)
        if last is None or (best is not None and last.distance >= best.distance):
            continue
        if _given_fit(words[:cut], last.answer, key):
            best = NameMatch(last.answer, last.distance, by_surname=True)
            if not best.distance:
                break
    return best


def _match(form: str, key: TextKey) -> TextMatch | None:
    """`match_form`, except that a space inside a name is no typo: "MacDonald" is "Mac
    Donald" and "O'Faolain" is "Ó Faoláin" (normalised, the apostrophe is already gone)."""
    found = match_form(form, key)
    if found is not None and found.distance:
        joined = form.replace(" ", "")
        same = next((e for e in key.answers if e.form.replace(" ", "") == joined), None)
        if same is not None:
            return TextMatch(same.answer, 0)
    return found


def _family_first(response: str) -> str:
    """ "Berg, Dr. Anna M." as "Dr. Anna M. Berg"; "Smith, John, Jr." as "John Smith Jr."."""
    if "," not in response:
        return response
    family, *rest = (part.strip() for part in response.split(","))
    given = [part for part in rest if normalize(part) not in _SUFFIXES]
    suffixes = [part for part in rest if normalize(part) in _SUFFIXES]
    return " ".join([*given, family, *suffixes])


def _orderings(form: str) -> tuple[str, ...]:
    """The name as typed, and with a leading family name moved to the end."""
    words = form.split()
    return (form, " ".join([*words[1:], words[0]])) if len(words) > 1 else (form,)


def _given_fit(given: list[str], answer: str, key: NameKey) -> bool:
    """Each given name typed is one of the answer's, or its initial, in order: "S. Shoigu",
    "Anna M. Berg" and "Anna Berg" fit "Anna Maria Berg"; "Dmitri Shoigu" does not.

    A middle initial or a patronymic the author did not write is let go once a given name
    has fitted ("Anna M. Berg" for "Anna Berg", "Vladimir Vladimirovich Putin" for "Vladimir
    Putin"): the author may simply have left it out. A middle name is not ("John Quincy
    Adams" is not "John Adams"). A first
    initial that fits nothing ("M. Berg" for "Anna Berg") is still wrong."""
    if not given:
        return True
    entry = next(e for e in key.full.answers if e.answer == answer)
    whole_family = family_names(entry.form)  # the given names end where the particles start
    reference = entry.form.split()[: -len(whole_family[0].split())] if whole_family else []
    position, fitted = 0, False
    for word in given:
        found = position
        while found < len(reference) and not _same_given(word, reference[found]):
            found += 1
        if found < len(reference):
            position, fitted = found + 1, True
        elif not (fitted and (len(word) == 1 or word.endswith(_PATRONYMIC_ENDINGS))):
            return False
    return True


def _same_given(typed: str, reference: str) -> bool:
    return typed == reference or (len(typed) == 1 and reference.startswith(typed))
