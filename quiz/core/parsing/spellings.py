"""British and American spellings of one word, read as one: "organisation" is "organization".

A learner who writes "colour" for an author's "color" is right, not one typo away from it (and
not told to check the spelling). Both the answer and the response are normalised the same way,
so a spelling is only ever compared with the same word spelt the other way.

Written here rather than with a spelling-variants package: the families are few and regular,
and a table of 20,000 word pairs would be loaded into every process for them.
"""

from __future__ import annotations

import re

# Whole normalised tokens (lower case, ASCII). Each group is one family; the American form
# is what both become. "-ise" needs two letters before the "i", so "rise" and "wise" stay.
_FAMILIES = re.compile(
    r"(?P<ise>[a-z]{2,}[iy])s(?P<ise_end>e|es|ed|ing|ation|ations|ational|er|ers)"
    r"|(?P<our>colo|favo|hono|labo|neighbo|behavio|harbo|humo|rumo|armo|vapo|odo|flavo|savo"
    r"|endeavo|vigo|rigo|tumo|valo|splendo|parlo|clamo|cando|fervo)u(?P<our_end>r[a-z]*)"
    r"|(?P<re>cent|met|kilomet|centimet|millimet|lit|millilit|theat|fib|calib|sab|spect|lust"
    r"|meag|somb)re(?P<re_end>s|d)?"
    r"|(?P<ence>defen|offen|preten|licen)c(?P<ence_end>e|es)"
    r"|(?P<ogue>catalog|dialog|analog|monolog|prolog|epilog)ue(?P<ogue_end>s)?"
)
_SHORTEST = 5  # no family member is shorter ("fibre"); most tokens skip the regex


def one_spelling(token: str) -> str:
    """The American spelling of a normalised token of one of the families, else the token."""
    if len(token) < _SHORTEST:
        return token
    match = _FAMILIES.fullmatch(token)
    if match is None:
        return token
    if match["ise"]:
        return f"{match['ise']}z{match['ise_end']}"
    if match["our"]:
        return f"{match['our']}{match['our_end']}"
    if match["re"]:
        return f"{match['re']}er{match['re_end'] or ''}"
    if match["ence"]:
        return f"{match['ence']}s{match['ence_end']}"
    return f"{match['ogue']}{match['ogue_end'] or ''}"
