"""How much a response may hold, checked before any parsing so no answer can be costly to grade.

A typed answer is at most MAX_TEXT_CHARS characters; a list or mapping (picks, blanks, an
order, pairs) at most MAX_ITEMS items of at most MAX_ITEM_CHARS characters each. Every grader
reads its response through these checks (`grader.as_text` and friends), so the quiz pages,
flashcards, the API and `quiz grade` all refuse the same way.
"""

from __future__ import annotations

from quiz.core.errors import ResponseError, ResponseTooLongError

MAX_TEXT_CHARS = 1_000
MAX_ITEMS = 100
MAX_ITEM_CHARS = 1_000
# A number of more digits than this cannot be shown in MAX_TEXT_CHARS characters anyway, and
# str() of a huge int is itself costly (Python refuses past 4,300 digits).
_MAX_INT_BITS = 3_400


def check_text(text: str, what: str = "your answer", limit: int = MAX_TEXT_CHARS) -> str:
    """`text` unchanged, or ResponseTooLongError / ResponseError (not valid Unicode text)."""
    if len(text) > limit:
        raise ResponseTooLongError(
            f"{what} is too long: {len(text):,} characters, at most {limit:,}; shorten it"
        )
    if not text.isascii():
        _check_encodable(text, what)
    return text


def check_int(number: int) -> int:
    if number.bit_length() > _MAX_INT_BITS:
        raise ResponseTooLongError(
            f"your answer is too long: a number of more than {MAX_TEXT_CHARS:,} digits"
        )
    return number


def check_items(count: int) -> None:
    if count > MAX_ITEMS:
        raise ResponseTooLongError(
            f"your answer has too many items: {count:,}, at most {MAX_ITEMS:,}"
        )


def check_item(text: str, index: int) -> str:
    return check_text(text, f"item {index + 1}", MAX_ITEM_CHARS)


def _check_encodable(text: str, what: str) -> None:
    # A lone surrogate (JSON allows "\ud800") is not text: no parser, database or page takes it.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ResponseError(
            f"{what} is not valid text: character {error.start + 1} is a lone surrogate "
            f"(U+{ord(text[error.start]):04X}); type it again"
        ) from error
