"""URL converters: an `<int:...>` in any route is an id the database can hold, or a 404."""

from __future__ import annotations

from typing import Any

from werkzeug.routing import IntegerConverter, Map

# The id columns are INTEGER: 32-bit signed on PostgreSQL, where a larger id in a URL (even
# 2**31) made the query fail with "integer out of range" (a 500) instead of finding nothing;
# past 2**63 SQLite's driver raised OverflowError. No id of ours gets near 2**31.
LARGEST_ID = 2**31 - 1


class DatabaseIntConverter(IntegerConverter):
    """werkzeug's `int`, bounded to 0..2**31-1 (and to 10 digits, so no huge int is parsed)."""

    regex = r"\d{1,10}"

    def __init__(self, map: Map, *args: Any, **kwargs: Any) -> None:  # noqa: A002 - werkzeug's name
        kwargs.setdefault("max", LARGEST_ID)
        super().__init__(map, *args, **kwargs)
