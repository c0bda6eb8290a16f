"""The passage a drafted question quotes, and its prompt with the answer blanked out."""

from __future__ import annotations

import re

from quiz.core.drafting.findings import Span
from quiz.core.drafting.words import DULL
from quiz.core.source import Sentence

_MAX_WORDS = 25
_MIN_WORDS = 14
_DATELINE = re.compile(r"[A-Z][A-Z .,'’()-]{1,60} [–—-] ")  # "WASHINGTON (AP) — "
_HANGING = '“”"‘ '
_CLAUSE_BREAK = re.compile(r"[,;:]\s")
_BLANK = "____"
_KEYWORD = re.compile(r"[A-Za-z]{5,20}")


def sentence_at(sentences: tuple[Sentence, ...], span: Span) -> Sentence | None:
    return next((s for s in sentences if s.start <= span.start < s.end), None)


def passage(sentence: Sentence, span: Span) -> tuple[int, int]:
    """The sentence, or for a long one the clauses around `span`: what the quote covers."""
    sentence = _without_dateline(sentence, span)
    words = sentence.text.split()
    if len(words) <= _MAX_WORDS:
        return _unquoted(sentence, sentence.start, sentence.end)
    breaks = [sentence.start + m.start() for m in _CLAUSE_BREAK.finditer(sentence.text)]
    start = max([b + 2 for b in breaks if b + 2 <= span.start], default=sentence.start)
    end = min([b for b in breaks if b >= span.end], default=sentence.end)
    while len(sentence.text[start - sentence.start : end - sentence.start].split()) < _MIN_WORDS:
        wider = _widen(breaks, start, end, sentence)
        if wider == (start, end):
            break
        start, end = wider
    return _unquoted(sentence, start, end)


def _unquoted(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """Without a quote mark left hanging at either end of a clause cut from a quotation."""
    text, offset = sentence.text, sentence.start
    while start < end and text[start - offset] in _HANGING:
        start += 1
    while end > start and text[end - offset - 1] in _HANGING:
        end -= 1
    return start, end


def _without_dateline(sentence: Sentence, span: Span) -> Sentence:
    """The sentence without its dateline ("KABUL, AFGHANISTAN – ") unless the fact is in it."""
    match = _DATELINE.match(sentence.text)
    if match is None or sentence.start + match.end() > span.start:
        return sentence
    return Sentence(sentence.text[match.end() :], sentence.start + match.end(), sentence.end)


def _widen(breaks: list[int], start: int, end: int, sentence: Sentence) -> tuple[int, int]:
    later = [b for b in breaks if b > end]
    if later or end < sentence.end:
        return start, later[0] if later else sentence.end
    earlier = [b + 2 for b in breaks if b + 2 < start]
    return (earlier[-1] if earlier else sentence.start), end


def blanked(text: str, start: int, end: int, span: Span) -> str:
    """The passage text[start:end] with the fact at `span` replaced by a blank."""
    return f"{text[start : span.start]}{_BLANK}{text[span.end : end]}".strip()


def keyword(text: str, avoid: str) -> str:
    """A word of the passage to name the question by, never a word of its answer."""
    avoided = {w.lower() for w in re.findall(r"\w+", avoid)}
    words = [w.lower() for w in _KEYWORD.findall(text)]
    candidates = [w for w in words if w not in avoided and w not in DULL]
    return max(candidates, key=len, default="fact")
