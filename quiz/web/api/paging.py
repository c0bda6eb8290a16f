"""Paging and ETags for the API's lists: `limit`, an opaque `cursor`, and a `next` link.

A cursor names a position (an offset into an in-memory list, or the last id of a keyset
page); clients pass it back as given. It is encoded so clients don't build their own, and a
tampered one can only name another position, never reach other data.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from flask import abort, request, url_for
from werkzeug.wrappers import Response

from quiz.web.converters import LARGEST_ID

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
MAX_CURSOR_CHARS = 40  # "p1:" and up to 10 digits, base64-encoded, with room to spare
_PREFIX = "p1:"

T = TypeVar("T")


@dataclass(frozen=True)
class PageRequest:
    """What the client asked for: at most `limit` items after position `after` (0: the start)."""

    limit: int
    after: int


def page_request() -> PageRequest:
    """The request's `limit` and `cursor`, checked; 400 saying what to send otherwise."""
    return PageRequest(_limit(request.args.get("limit")), _position(request.args.get("cursor")))


def _limit(raw: str | None) -> int:
    if raw is None:
        return DEFAULT_LIMIT
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 3 and 1 <= int(raw) <= MAX_LIMIT):
        abort(400, f"limit must be a whole number from 1 to {MAX_LIMIT} (default {DEFAULT_LIMIT}).")
    return int(raw)


def _position(cursor: str | None) -> int:
    if cursor is None:
        return 0
    refusal = "cursor is not one this API gave out: pass the `next` link's cursor unchanged."
    if len(cursor) > MAX_CURSOR_CHARS:
        abort(400, refusal)
    try:
        text = base64.urlsafe_b64decode(cursor.encode("ascii")).decode("ascii")
    except (binascii.Error, UnicodeError, ValueError):
        abort(400, refusal)
    digits = text.removeprefix(_PREFIX)
    # A keyset cursor is compared with an id column: past LARGEST_ID, PostgreSQL fails the query.
    if not text.startswith(_PREFIX) or not digits.isdigit() or len(digits) > 10:
        abort(400, refusal)
    if int(digits) > LARGEST_ID:
        abort(400, refusal)
    return int(digits)


def encode_cursor(position: int) -> str:
    return base64.urlsafe_b64encode(f"{_PREFIX}{position}".encode("ascii")).decode("ascii")


def next_url(position: int | None) -> str | None:
    """This request's URL (its other arguments kept) for the page after `position`; None at
    the end."""
    if position is None:
        return None
    # A list value builds a repeated argument (`bank=a&bank=b`), as the request had it.
    args: dict[str, Any] = {k: v for k, v in request.args.lists() if k != "cursor"}
    return url_for(
        request.endpoint or "", **(request.view_args or {}), **args, cursor=encode_cursor(position)
    )


def slice_page(items: Sequence[T], page: PageRequest) -> tuple[list[T], int | None]:
    """One page of an in-memory list (the position is an offset), and the next page's start."""
    chosen = list(items[page.after : page.after + page.limit])
    end = page.after + len(chosen)
    return chosen, end if end < len(items) else None


def conditional(
    response: Response, next_link: str | None = None, *, personal: bool = True
) -> Response:
    """The list response with an ETag (304 when If-None-Match matches) and a Link to the next
    page. A personal list (one learner's, or an author's) must not sit in a shared cache, and
    a client must revalidate it before reuse."""
    if next_link is not None:
        response.headers["Link"] = f'<{next_link}>; rel="next"'
    if personal:
        response.headers.setdefault("Cache-Control", "private, no-cache")
        response.vary.update(("Cookie", "Authorization"))
    response.add_etag()
    return response.make_conditional(request)
