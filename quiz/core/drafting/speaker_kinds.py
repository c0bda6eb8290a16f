"""Whether a speaker's name is a person, an organisation or no one: organisation words in a
name, and for a one-word name never given in full, what the article says around it."""

from __future__ import annotations

import re

from quiz.core.drafting.words import (
    CAPITALS,
    DEMONYMS,
    KNOWN_ORGANISATIONS,
    ORG_CUES,
    ORG_WORDS,
    PLACE_PREPOSITIONS,
    ROLE_NOUNS,
)

EDGE = "\"'“”‘’()[],.;:"
# Endings of plural group nouns ("Prosecutors", "Analysts", "Residents"): a capitalised one
# alone before "said" opens the sentence; it is no one's name.
_GROUP_ENDINGS = ("ers", "ors", "ists", "ians", "ents", "ants", "ives")


def is_organisation(name: str) -> bool:
    """A name with an organisation word in it, or in capitals ("Defense Ministry", "TASS")."""
    words = [w.strip(EDGE).lower() for w in name.split()]
    if any(word.removesuffix("’s").removesuffix("'s") in ORG_WORDS for word in words):
        return True
    return len(words) == 1 and name.isupper()


def one_word_kind(text: str, name: str) -> bool | None:
    """A one-word speaker never named in full: True (an organisation) if it is a well-known
    one or the article says so ("news agency, Khovar,", "the operator Nordvind", "Kyiv said"),
    None (no one) if it is a plural group or a nationality ("Prosecutors said", "the German
    told reporters"), else False: a person named by family name ("Karimov said")."""
    lowered = name.lower()
    if lowered in KNOWN_ORGANISATIONS | ORG_WORDS | CAPITALS:
        return True
    if _cued_organisation(text, name) or _is_place(text, name):
        return True
    if lowered in ROLE_NOUNS | DEMONYMS or lowered.endswith(_GROUP_ENDINGS):
        return None
    return False


def _is_place(text: str, name: str) -> bool:
    """A place the article puts something in, or its dateline ("KYIV – ..."): a speaker
    named by its place is its government or authorities ("Kyiv said")."""
    if text.lstrip().startswith(name.upper()):
        return True
    places = "|".join(PLACE_PREPOSITIONS)
    return bool(re.search(rf"\b(?:{places}) {re.escape(name)}\b(?![’']s)", text))


def _cued_organisation(text: str, name: str) -> bool:
    for match in re.finditer(rf"\b{re.escape(name)}\b", text):
        before = text[max(0, match.start() - 40) : match.start()].split()[-3:]
        cues = [word.strip(EDGE).lower() for word in before]
        # "chipmaker Veltrix", "carmaker", "drugmaker": a maker is a company.
        if any(cue in ORG_CUES or cue.endswith("maker") for cue in cues):
            return True
    return False
