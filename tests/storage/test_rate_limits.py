"""The rate-limit storage on both databases: counts shared between instances, windows that end."""

from __future__ import annotations

import time

from limits import parse
from limits.strategies import FixedWindowRateLimiter
from sqlalchemy import Engine

from quiz.storage.rate_limits import DatabaseStorage


def test_counts_are_shared_by_every_storage_on_the_same_database(engine: Engine) -> None:
    # Two app servers are two storages on one database: a limit counts both servers' hits.
    first, second = DatabaseStorage(engine=engine), DatabaseStorage(engine=engine)
    first.reset()
    limit = parse("3 per minute")
    limiters = [FixedWindowRateLimiter(first), FixedWindowRateLimiter(second)]
    results = [limiters[n % 2].hit(limit, "login", "ada") for n in range(4)]
    assert results == [True, True, True, False]
    assert FixedWindowRateLimiter(second).hit(limit, "login", "bob")  # other keys are apart
    assert first.get(limit.key_for("login", "ada")) == 4
    assert time.time() < first.get_expiry(limit.key_for("login", "ada")) <= time.time() + 60


def test_a_lapsed_window_starts_again(engine: Engine) -> None:
    storage = DatabaseStorage(engine=engine)
    storage.reset()
    assert storage.incr("k", expiry=0.2) == 1
    assert storage.incr("k", expiry=0.2) == 2
    time.sleep(0.3)
    assert storage.get("k") == 0
    assert storage.incr("k", expiry=60) == 1
    storage.clear("k")
    assert storage.get("k") == 0 and storage.check()
