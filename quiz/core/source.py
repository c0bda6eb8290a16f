"""The source article a bank is drawn from: reading it, its sentences, and finding quotes in it.

Quotes must be verbatim, up to whitespace and the style of quote marks (’ vs ', “ vs ").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pysbd
from rapidfuzz import fuzz, process, utils

from quiz.core.errors import QuizError

# Curly and straight quote marks are the same mark typed on different keyboards.
_QUOTE_MARKS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "„": '"'})
_PARAGRAPH = re.compile(r"[^\n]+")
_WHITESPACE = re.compile(r"\s+")
# Longer paragraphs are cut before pysbd sees them (see `_pieces`).
_MAX_PIECE = 2000
# Below this partial_ratio a "closest" sentence would mislead more than help.
_CLOSEST_CUTOFF = 50.0


class SourceError(QuizError):
    """The source article cannot be read."""


@dataclass(frozen=True)
class Sentence:
    """One sentence and where it sits in the article's text (`end` exclusive)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class _Canonical:
    """The article with whitespace runs as one space and quote marks straight.

    `offsets[i]` is where canonical character i came from, to map matches back.
    """

    text: str
    offsets: tuple[int, ...]


@dataclass(frozen=True)
class Article:
    """A source article: its name (for messages), text and sentences."""

    name: str
    text: str
    sentences: tuple[Sentence, ...]
    canonical: _Canonical = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Derived from `text`, built once per article so every quote lookup is a str.find.
        object.__setattr__(self, "canonical", _canonicalize(self.text))

    @classmethod
    def from_text(cls, name: str, text: str) -> Article:
        return cls(name, text, split_sentences(text))


@dataclass(frozen=True)
class QuoteMatch:
    """Where a quote is in the article, and the sentence(s) around it for display."""

    start: int
    end: int
    sentence: str
    sentence_start: int

    @property
    def quote_start(self) -> int:
        """Where the quote begins inside `sentence`."""
        return self.start - self.sentence_start

    @property
    def quote_end(self) -> int:
        """Where the quote ends (exclusive) inside `sentence`."""
        return self.end - self.sentence_start

    def parts(self) -> tuple[str, str, str]:
        """The sentence as (before, quote, after), ready to highlight the middle."""
        text, start, end = self.sentence, self.quote_start, self.quote_end
        return text[:start], text[start:end], text[end:]


def read_article(path: Path) -> Article:
    """Read a UTF-8 article; the one place the core reads one from disk."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as e:
        raise SourceError(f"source article {path} not found: check the bank's `source`") from e
    except UnicodeDecodeError as e:
        raise SourceError(
            f"source article {path} is not UTF-8 (bad byte at offset {e.start}): "
            "re-save it as UTF-8"
        ) from e
    except OSError as e:
        raise SourceError(f"source article {path} cannot be read: {e.strerror}") from e
    return Article.from_text(str(path), text)


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences of each paragraph (one per line), with their spans in `text`."""
    # pysbd knows abbreviations ("Mr.") without a downloaded model; splitting paragraphs
    # first keeps a sentence from running across a line break (headings, datelines).
    segmenter = pysbd.Segmenter(language="en", clean=False)
    sentences: list[Sentence] = []
    for paragraph in _PARAGRAPH.finditer(text):
        for start, end in _pieces(text, paragraph.start(), paragraph.end()):
            cursor = start
            for piece in segmenter.segment(text[start:end]):
                sentence = _locate(text, piece.strip(), cursor, end)
                if sentence is not None:
                    sentences.append(sentence)
                    cursor = sentence.end
    return tuple(sentences)


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A paragraph cut into pieces pysbd splits in reasonable time.

    pysbd's time grows with the square of a paragraph's length (a 70 kB paragraph takes
    ~20 s), so a long one is cut first at the last sentence end (". ") before each limit.
    """
    pieces = []
    while end - start > _MAX_PIECE:
        cut = max(text.rfind(mark, start, start + _MAX_PIECE) for mark in (". ", "? ", "! "))
        if cut <= start:
            cut = text.rfind(" ", start, start + _MAX_PIECE)
        cut = cut + 1 if cut > start else start + _MAX_PIECE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _locate(text: str, piece: str, cursor: int, limit: int) -> Sentence | None:
    """Find pysbd's piece in the text ourselves: its own char spans mis-place repeats."""
    start = text.find(piece, cursor, limit) if piece else -1
    return None if start < 0 else Sentence(piece, start, start + len(piece))


def _canonicalize(text: str) -> _Canonical:
    """Collapse whitespace and straighten quote marks, remembering each character's origin."""
    chars: list[str] = []
    offsets: list[int] = []
    position = 0
    for match in _WHITESPACE.finditer(text):
        _append(chars, offsets, text, position, match.start())
        chars.append(" ")
        offsets.append(match.start())
        position = match.end()
    _append(chars, offsets, text, position, len(text))
    return _Canonical("".join(chars).translate(_QUOTE_MARKS), tuple(offsets))


def _append(chars: list[str], offsets: list[int], text: str, start: int, end: int) -> None:
    chars.append(text[start:end])
    offsets.extend(range(start, end))


def _canonical_quote(quote: str) -> str:
    return _WHITESPACE.sub(" ", quote.strip()).translate(_QUOTE_MARKS)


def find_quote(article: Article, quote: str) -> QuoteMatch | None:
    """Find `quote` in the article: case-sensitive except its first letter; first occurrence."""
    needle = _canonical_quote(quote)
    if not needle:
        return None
    index = _find_first(article.canonical.text, (needle, needle[0].swapcase() + needle[1:]))
    if index < 0:
        return None
    offsets = article.canonical.offsets
    start, end = offsets[index], offsets[index + len(needle) - 1] + 1
    return _with_sentence(article, start, end)


def _find_first(haystack: str, needles: tuple[str, ...]) -> int:
    found = [index for needle in needles if (index := haystack.find(needle)) >= 0]
    return min(found, default=-1)


def _with_sentence(article: Article, start: int, end: int) -> QuoteMatch:
    """Widen a match to the whole sentence(s) it touches."""
    touched = [s for s in article.sentences if s.end > start and s.start < end]
    first = min([start, *(s.start for s in touched)])
    last = max([end, *(s.end for s in touched)])
    if len(touched) == 1 and (touched[0].start, touched[0].end) == (first, last):
        # The sentence's own string, not a fresh copy: questions quoting one sentence then
        # share it, in memory and in the bank cache.
        return QuoteMatch(start, end, touched[0].text, first)
    return QuoteMatch(start, end, article.text[first:last], first)


def closest_passage(article: Article, quote: str) -> str | None:
    """The sentence most like a quote that was not found, to suggest in an error message."""
    best = process.extractOne(
        quote,
        [sentence.text for sentence in article.sentences],
        scorer=fuzz.partial_ratio,
        processor=utils.default_process,
        score_cutoff=_CLOSEST_CUTOFF,
    )
    return None if best is None else article.sentences[best[2]].text
