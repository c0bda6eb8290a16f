"""Finding who said what: quotations in quote marks with their speaker, and reported speech
(`X said (that) ...`, `according to X, ...`, `X told reporters ...`, `X's statement said ...`).

One pass over the article in order, so "he said" resolves to the last person who spoke.
"""

from __future__ import annotations

import re

from quiz.core.drafting.findings import QuoteFinding, Span
from quiz.core.drafting.speakers import (
    Speakers,
    is_title_abbreviation,
    sentence_subject,
    speaker_before,
)
from quiz.core.source import Sentence

_VERBS = (
    r"said|says|say|added|adds|noted|notes|stated|states|told|tells|reported|reports|warned|"
    r"warns|claimed|claims|claim|announced|announces|explained|explains|insisted|insists|"
    r"declared|declares|confirmed|confirms|asserted|asserts|asserting|argued|argues|wrote|"
    r"writes|emphasized|emphasised|stressed|acknowledged|admitted|revealed|observed|predicted|"
    r"denied|denies|saying|adding|noting|warning|explaining"
)
# Verbs whose object is what was said even without "that" ("Shoigu said the situation...").
_BARE_SPEECH = frozenset(
    {"said", "says", "say", "told", "tells", "wrote", "writes", "denied", "denies", "insisted"}
    | {"insists", "argued", "argues", "saying"}
)
_PARTICIPLES = frozenset({"asserting", "saying", "adding", "noting", "warning", "explaining"})
_QUOTE_MARK = re.compile(r"[“”‘’\"\n]")
_CLOSERS = {"“": "”", '"': '"', "‘": "’"}
_MIN_LENGTH, _MAX_LENGTH = 3, 2000
# Periods may sit in the name ("Gov. Roy Cooper told"); the lazy match takes the first verb.
_AFTER_WHO_VERB = re.compile(rf"^[,.!?]?\s*(?P<who>[^,;:“”\"\n]{{1,80}}?)\s+(?P<verb>{_VERBS})\b")
_AFTER_VERB_WHO = re.compile(
    rf"^[,.!?]?[ \t]*(?P<verb>{_VERBS})[ \t]+(?P<who>[^,;:“”\"\n]{{1,80}})"
)
_BEFORE = re.compile(
    rf"\b(?P<verb>{_VERBS}|called|calls|described)"
    rf"(?: (?:reporters|journalists|the press))?(?: that)?[,:]?\s*$"
)
# Whom a speaker told ("told reporters", "told the BBC"), and when ("said Tuesday"); any
# listener before "that" ("told the court that", "told a hearing that").
_WHOM = (
    r"(?:(?:(?<=told)|(?<=tells))"
    r" (?:reporters|journalists|the press|(?:the )?[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?"
    r"|(?:the |a |an )?[a-z]+(?= that\b)))?"
)
_WHEN = r"(?: (?:on |last |this )?(?:[A-Z][a-z]{2,6}day|yesterday|today|tonight))?"
# Where it was said ("in a statement", "on Twitter", "in a letter to parliament").
_WHERE = r"(?: (?:in|on) (?:a |an |the )?[\w’'-]+(?: (?:to|on|for|of) [\w’'-]+){0,2})?"
_REPORTED = re.compile(rf"\b(?P<verb>{_VERBS})\b{_WHOM}{_WHEN}{_WHERE}(?P<that>,? that\b)?,?\s*")
_INVERTED = re.compile(
    rf",\s*(?P<who>(?:he|she|they|(?:the |The )?[A-Za-z][^,.;:“”\"\n]{{0,60}}?))\s+(?:{_VERBS})"
    rf"{_WHEN}{_WHERE}[,.]?\s*$"
)
# After the verb of an attribution that follows what was said: "..., Huss said, compared".
_ENDS_CLAUSE = re.compile(rf"{_WHEN}{_WHERE}\s*(?:[,.!?;]|$)")
_ACCORDING_FIRST = re.compile(r"^(?P<intro>[Aa]ccording to (?P<who>[^,]{2,80}),\s*)")
_ACCORDING_LAST = re.compile(r",\s*according to (?P<who>[^,.;]{2,80})[.!?]?$")
_STATEMENT = re.compile(r"(?:’s|'s) (?:statement|spokesperson|spokesman|spokeswoman|report)$")
# "at least" and "about 200" open a number that was said ("said at least 20 people died").
_PLACE_OR_TIME = re.compile(
    r"(?!at (?:least|most)\b|about \d)(?:at|in|on|during|after|before|with|for|to|from|about|by)\b"
)
_MIN_WORDS = 5
_MIN_QUOTED_WORDS = 3  # words in quote marks are a quotation even when short
_TRIM = " ,.;:“”\"‘’'"
_WINDOW = 160


def find_quotations(text: str, sentences: tuple[Sentence, ...]) -> list[QuoteFinding]:
    """Attributed quotations in order of appearance, at most one per quoted passage."""
    speakers = Speakers(text)
    direct = _direct_quotes(text)
    found: list[QuoteFinding] = []
    previous: QuoteFinding | None = None
    for sentence in sentences:
        for span, after, before in _inside(direct, sentence):
            finding = _attributed(text, span, after, before, speakers)
            if finding is None and _mentions_around(after, before):
                # Said by someone we do not name ("the German told reporters"): not the last
                # speaker going on.
                previous = None
                continue
            previous = finding or _continued(text, span, previous)
            if previous is not None:
                found.append(previous)
                speakers.remember(previous.speaker, previous.organisation, previous.verb)
        if any(sentence.start <= f.span.start < sentence.end for f in found):
            continue
        reported = _reported(sentence, speakers, direct)
        if reported is not None:
            found.append(reported)
            speakers.remember(reported.speaker, reported.organisation, reported.verb)
    return found


def _inside(direct: list[tuple[Span, str, str]], sentence: Sentence) -> list[tuple[Span, str, str]]:
    return [d for d in direct if sentence.start <= d[0].start < sentence.end]


def _continued(text: str, span: Span, previous: QuoteFinding | None) -> QuoteFinding | None:
    """A quotation right after another in the same paragraph, unattributed: the same speaker
    goes on ("“I dreamed of this,” Okafor said. “The fans carried us.”")."""
    if previous is None or not previous.direct or "\n" in text[previous.span.end : span.start]:
        return None
    if span.start - previous.span.end > _WINDOW:
        return None
    quote = text[span.start : span.end]
    if len(quote.split()) < _MIN_QUOTED_WORDS:
        return None
    return QuoteFinding(
        span, quote, previous.speaker, previous.organisation, previous.verb, True, previous.mention
    )


def _direct_quotes(text: str) -> list[tuple[Span, str, str]]:
    quotes = []
    for open_at, close_at in _quote_pairs(text):
        start, end = _trimmed(text, open_at + 1, close_at)
        line_start = text.rfind("\n", 0, open_at) + 1
        before = text[max(line_start, open_at - _WINDOW) : open_at]
        after = text[close_at + 1 : close_at + 1 + _WINDOW].split("\n", 1)[0]
        quotes.append((Span(start, end), after, before))
    return quotes


def _quote_pairs(text: str) -> list[tuple[int, int]]:
    """Opening and closing quote marks paired in one pass (a regex per mark would rescan)."""
    pairs = []
    opened: tuple[int, str] | None = None
    for match in _QUOTE_MARK.finditer(text):
        mark, at = match.group(), match.start()
        if mark == "\n":
            opened = None  # a quotation never runs across a paragraph here
        elif opened is None:
            opened = (at, _CLOSERS[mark]) if mark in _CLOSERS else None
        elif mark == opened[1] and not (mark == "’" and text[at + 1 : at + 2].isalpha()):
            # ’ followed by a letter is an apostrophe ("didn’t"), not the end of a ‘quote’
            if _MIN_LENGTH <= at - opened[0] - 1 <= _MAX_LENGTH:
                pairs.append((opened[0], at))
            opened = None
    return pairs


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _attributed(
    text: str, span: Span, after: str, before: str, speakers: Speakers
) -> QuoteFinding | None:
    quote = text[span.start : span.end]
    if len(quote.split()) < _MIN_QUOTED_WORDS:
        return None
    for mention, verb in _mentions_around(after, before):
        resolved = speakers.resolve(mention)
        if resolved is not None:
            return QuoteFinding(span, quote, resolved[0], resolved[1], verb, True, mention)
    return None


def _mentions_around(after: str, before: str) -> list[tuple[str, str]]:
    mentions = []
    if match := _AFTER_WHO_VERB.match(after):
        mentions.append((_mention(match["who"]), match["verb"]))
    if match := _AFTER_VERB_WHO.match(after):
        mentions.append((_leading_name(match["who"]), match["verb"]))
    if match := _BEFORE.search(before):
        mentions.append((_mention(before[: match.start()]), match["verb"]))
    return [(mention, verb) for mention, verb in mentions if mention]


def _mention(words: str) -> str:
    words = words.strip()
    last = words.split()[-1] if words.split() else ""
    if last.lower() in ("he", "she", "they"):
        return last
    if owner := _STATEMENT.search(words):
        # "The League's statement said"; "The foundation's statement" names it only by kind.
        owners = words[: owner.start()].split()
        return speaker_before(" ".join(owners)) or (owners[-1] if owners else "")
    return speaker_before(words)


def _leading_name(words: str) -> str:
    """The name right after a verb ("said Dr. Anna Keller, a glaciologist")."""
    run = []
    for word in words.split():
        if not word[:1].isupper():
            break
        run.append(word)
        if word.endswith(".") and not is_title_abbreviation(word):
            break
    return " ".join(run)


def _reported(
    sentence: Sentence, speakers: Speakers, direct: list[tuple[Span, str, str]]
) -> QuoteFinding | None:
    return _according_to(sentence, speakers) or _speech_verb(sentence, speakers, direct)


def _according_to(sentence: Sentence, speakers: Speakers) -> QuoteFinding | None:
    text = sentence.text
    if match := _ACCORDING_FIRST.match(text):
        start, end = sentence.start + match.end(), sentence.end
    elif match := _ACCORDING_LAST.search(text):
        start, end = sentence.start, sentence.start + match.start()
    else:
        return None
    return _finding(sentence, start, end, match["who"], "according to", speakers)


def _speech_verb(
    sentence: Sentence, speakers: Speakers, direct: list[tuple[Span, str, str]]
) -> QuoteFinding | None:
    text = sentence.text
    for match in _REPORTED.finditer(text):
        at = sentence.start + match.start()
        if any(span.start <= at < span.end for span, _, _ in direct):
            continue  # a speech verb inside someone's quoted words
        if _ENDS_CLAUSE.match(text, match.end("verb")) and (
            inverted := _INVERTED.search(text[: match.end()])
        ):
            # "The meltwater flows at 25 m³/s, Huss said, compared with...": what was said
            # comes before the speaker.
            start, end = sentence.start, sentence.start + inverted.start()
            mention = _mention(inverted["who"])
        elif not match["that"] and (
            match["verb"] not in _BARE_SPEECH or _PLACE_OR_TIME.match(text, match.end())
        ):
            # "added a third goal", "told reporters at a news conference": without "that",
            # what follows is a thing or a circumstance, not the words said.
            continue
        else:
            mention = _subject(text[: match.start()], match["verb"])
            start, end = sentence.start + match.end(), sentence.end
        finding = _finding(sentence, start, end, mention, match["verb"], speakers)
        if finding is not None:
            return finding
    return None


def _subject(before: str, verb: str) -> str:
    words = before.split()
    if words and words[-1].lower() in ("he", "she", "they"):
        return words[-1]
    if verb in _PARTICIPLES or (words and words[-1].lower() in ("and", "but")):
        return sentence_subject(words)
    return _mention(before)


def _finding(
    sentence: Sentence, start: int, end: int, mention: str, verb: str, speakers: Speakers
) -> QuoteFinding | None:
    offset = sentence.start
    start, end = _trimmed(sentence.text, start - offset, end - offset)
    quote = sentence.text[start:end]
    if not mention or len(quote.split()) < _MIN_WORDS:
        return None
    resolved = speakers.resolve(mention)
    if resolved is None:
        return None
    span = Span(offset + start, offset + end)
    return QuoteFinding(span, quote, resolved[0], resolved[1], verb, False, mention)
