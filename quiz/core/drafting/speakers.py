"""Who a sentence names as the speaker: the name before a speech verb, its full form from the
article's first full mention, and whether it is a person or an organisation (the rules for a
name on its own are in `speaker_kinds`).

Plain rules over words, no language model: capitalised runs are names, titles are dropped,
a word such as "Ministry" or "agency" makes an organisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quiz.core.drafting.speaker_kinds import EDGE, is_organisation, one_word_kind
from quiz.core.drafting.words import (
    ADVERBS,
    CONNECTORS,
    EXTRA_TITLES,
    NAME_PARTICLES,
    OPENERS,
    ORG_WORDS,
    PLACE_PREPOSITIONS,
    ROLE_NOUNS,
)
from quiz.core.parsing.names import TITLES

_WORD = re.compile(r"\S+")
_REFERENCES = frozenset({"report", "statement", "agency", "ministry", "news agency"})


@dataclass
class Speakers:
    """The article's names, and who spoke last (for "he said" and "according to the report")."""

    text: str
    last_person: str | None = None
    last_group: str | None = None
    last_organisation: str | None = None
    last_reporter: str | None = None
    _full: dict[str, str] = field(default_factory=dict)
    _kinds: dict[str, bool | None] = field(default_factory=dict)

    def full_name(self, name: str) -> str:
        """A family name as the article first gives it in full ("Shoigu" -> "Sergei Shoigu",
        "Stack Morgan" -> "Katie Stack Morgan")."""
        words = name.split()
        if len(words) > 2:
            return name
        if name not in self._full:
            full = _first_full_mention(self.text, name) or name
            # A two-word name is often a full name already ("Bill Nelson"): only given names
            # in front, one or two ("Maria Elena Garcia Lopez"), make a longer mention the
            # same person.
            if len(words) == 2 and not _given_names(full.split()[:-2]):
                full = name
            self._full[name] = full
        return self._full[name]

    def resolve(self, mention: str) -> tuple[str, bool] | None:
        """The speaker a mention stands for, and whether it is an organisation; None if unknown."""
        lowered = mention.lower().removeprefix("the ")
        if lowered in ("he", "she"):
            return (self.last_person, False) if self.last_person else None
        if lowered == "they":
            return (self.last_group, True) if self.last_group else None
        if lowered in _REFERENCES or lowered.endswith(" report"):
            source = self.last_reporter or self.last_organisation
            return (source, True) if source else None
        if lowered in ORG_WORDS and mention.split()[-1][:1].islower():
            return self._named_organisation(lowered)  # "the foundation", not "Taliban"
        name = _without_home(clean_name(mention))
        if not name or not _is_proper_name(name):
            return None
        if mention.split()[0] in ("the", "The"):
            return name, True
        if len(name.split()) <= 2 and not name.isupper():
            full = self.full_name(name)
            titled = name != mention.strip(EDGE)  # "Mr. Shoigu": a person, named in part
            if full != name or (titled and len(name.split()) == 1):
                return full, False
        if len(name.split()) == 1 and not name.isupper():
            return self._one_word(name)
        return name, is_organisation(name)

    def _one_word(self, name: str) -> tuple[str, bool] | None:
        if name not in self._kinds:  # reading the article once per name
            self._kinds[name] = one_word_kind(self.text, name)
        kind = self._kinds[name]
        return None if kind is None else (name, kind)

    def _named_organisation(self, word: str) -> tuple[str, bool] | None:
        """ "the foundation": the first name in the article that ends in that word."""
        for match in re.finditer(rf"\b{word.title()}\b", self.text):
            before = self.text[max(0, match.start() - 80) : match.start()].split()
            run = _name_run([*before, match.group()])
            if len(run.split()) > 1:
                return run.removeprefix("The ").removeprefix("the "), True
        return None

    def remember(self, speaker: str, organisation: bool, verb: str = "") -> None:
        if organisation and verb.startswith("report"):
            self.last_reporter = speaker
        if organisation:
            self.last_organisation = speaker
            self.last_group = speaker
        else:
            self.last_person = speaker


def _is_proper_name(name: str) -> bool:
    """Capitalised words, and lower-case ones only as connectors ("Office for the Environment")."""
    words = name.split()
    return words[0][:1].isupper() and all(
        w[:1].isupper() or w.lower() in CONNECTORS | {"the"} or w.lower() in ROLE_NOUNS
        for w in words
    )


def _without_home(name: str) -> str:
    """A person's name without where they are from: "Susan Collins of Maine" is Susan
    Collins; "Ministry of Defence" and "Duke of Edinburgh" stay whole."""
    person, of, _ = name.partition(" of ")
    if not of or is_organisation(name) or len(person.split()) < 2:
        return name
    return person


def _given_names(words: list[str]) -> bool:
    """One or two capitalised words that can be given names: no titles, roles or capitals."""
    return 1 <= len(words) <= 2 and all(
        word[:1].isupper()
        and not word.isupper()
        and word.replace("-", "").isalpha()
        and word.lower() not in EXTRA_TITLES | ORG_WORDS | ROLE_NOUNS | OPENERS
        for word in words
    )


def clean_name(mention: str) -> str:
    """A mention without titles, a leading "the" and stray punctuation."""
    words = [w.strip(EDGE) for w in mention.split()]
    words = [w for w in words if w]
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    lowered = [w.lower().rstrip(".") for w in words]
    start = _after_titles(lowered)
    return " ".join(words[start:])


def _after_titles(lowered: list[str]) -> int:
    """Index of the first word after the last title that still has a name after it."""
    start = 0
    for index in range(len(lowered) - 1):
        if lowered[index] in EXTRA_TITLES:
            start = index + 1
        for title in TITLES:
            end = index + len(title)
            if end < len(lowered) and tuple(lowered[index:end]) == title:
                start = max(start, end)
    return start


def _first_full_mention(text: str, family_name: str) -> str | None:
    """The first run of capitalised words that ends in `family_name`, titles dropped."""
    for match in re.finditer(rf"\b{re.escape(family_name)}\b", text):
        before = text[max(0, match.start() - 80) : match.start()].split()
        run: list[str] = []
        for index in range(len(before) - 1, -1, -1):
            word = before[index]
            # A particle between given and family names: "Guillermo de Anda".
            particle = word in NAME_PARTICLES and index > 0 and before[index - 1][:1].isupper()
            if not (word[:1].isupper() or particle) or word[-1] in ",.;:":
                break
            run.insert(0, word)
        while run and run[0] in NAME_PARTICLES:
            run.pop(0)
        name = clean_name(" ".join([*run, family_name]))
        if len(name.split()) > len(family_name.split()) and not is_organisation(name):
            return name
    return None


def speaker_before(text: str) -> str:
    """The speaker at the end of `text` (the words before a speech verb), or ""."""
    words = _without_adverbs(split_words(text))
    if words and not words[-1].endswith(","):
        return _name_run(words)  # the name is right before the verb: "Brennan called"
    chunks = [chunk.split() for chunk in " ".join(words).split(",")]
    chunks = [chunk for chunk in chunks if chunk]
    if not chunks:
        return ""
    last = chunks[-1]
    # "Dr. Jane Smith, a geologist at Leeds, said": the last chunk only describes the speaker.
    describes = not last[0][:1].isupper() and last[0].lower() not in ROLE_NOUNS | {"the"}
    if len(chunks) > 1 and describes:
        return _name_run(chunks[-2])
    return _name_run(last)


def _without_adverbs(words: list[str]) -> list[str]:
    while words and words[-1].lower().strip(",") in ADVERBS:
        words = words[:-1]
    return words


def _name_run(words: list[str]) -> str:
    """The run of capitalised words (and connectors, a trailing role noun) ending `words`."""
    run: list[str] = []
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        bare = word.strip(EDGE)
        if run and word.endswith((",", ";", ":", ".")) and not is_title_abbreviation(word):
            break
        if not bare:
            break
        if (
            bare[0].isupper()
            or (bare.lower() in ROLE_NOUNS and not run)
            or bare.lower() in CONNECTORS
            and run
            and index > 0
        ):
            run.insert(0, bare)
        else:
            break
    if _after_place_preposition(words[: len(words) - len(run)], run):
        return ""
    while run and run[0].lower() != "the" and run[0].lower() in CONNECTORS | OPENERS:
        run.pop(0)
    if run and run[0].lower() == "the":
        # Kept, lower-cased: a name that takes "the" is a group, not a person ("the Taliban").
        run[0] = "the"
        if len(run) == 1:
            return ""
    if run and run[-1].lower() in ROLE_NOUNS and len(run) == 1:
        return ""
    return " ".join(run)


def _after_place_preposition(before: list[str], run: list[str]) -> bool:
    """Whether the run names places the speaker is in, not the speaker: "Officials in
    Dushanbe, Khorog and Kulob said", "Police in Kabul said"."""
    if "and" in run:
        # The run is the end of a list ("Khorog and Kulob"): go back over its other items.
        while before and before[-1].endswith(",") and before[-1][:1].isupper():
            before = before[:-1]
    return bool(before) and before[-1].lower() in PLACE_PREPOSITIONS


def is_title_abbreviation(word: str) -> bool:
    return word.lower().rstrip(".") in {"mr", "mrs", "ms", "dr", "prof", "gen", "col", "st", "jr"}


def sentence_subject(words: list[str]) -> str:
    """The speaker who opens a sentence ("Furthermore, Tajik officials have ... and warned")."""
    if words and words[0].endswith(","):
        words = words[1:]  # an opening "However," or "In 2019,"
    run: list[str] = []
    for word in words:
        bare = word.strip(EDGE)
        if bare and (bare[0].isupper() or bare.lower() in ROLE_NOUNS | CONNECTORS):
            run.append(bare)
            if word.endswith(","):
                break
        else:
            break
    return _name_run(run) if run else ""


def split_words(text: str) -> list[str]:
    return _WORD.findall(text)
