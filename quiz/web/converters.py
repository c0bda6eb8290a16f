"""URL converters: an `<int:...>` in any route is an id the database can hold, or a 404."""

from __future__ import annotations

from typing import Any

from werkzeug.routing import IntegerConverter, Map

# SQLite and PostgreSQL integers are 64-bit signed: a larger id in a URL made the driver
# raise OverflowError (a 500) instead of finding nothing.
LARGEST_ID = 2**63 - 1


class DatabaseIntConverter(IntegerConverter):
    """werkzeug's `int`, bounded to 0..2**63-1 (and to 19 digits, so no huge int is parsed)."""

    regex = r"\d{1,19}"

    def __init__(self, map: Map, *args: Any, **kwargs: Any) -> None:  # noqa: A002 - werkzeug's name
        kwargs.setdefault("max", LARGEST_ID)
        super().__init__(map, *args, **kwargs)
