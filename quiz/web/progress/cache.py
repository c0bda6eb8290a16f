"""Kept copies of the progress page's learner-specific part, per process, each stored with the
stamp it was drawn under and served only while the stamp is unchanged.

The stamp is read on every view: the learner's fingerprint from the database
(`quiz.storage.fingerprints`, so a write through any server is seen at once), today's UTC
date, the banks' version (a reload changes it), the default desired retention, and the URL
root. A kept page is only a saving: a miss draws the page again, and nothing another server
needs lives here. Nothing session-specific is kept: the CSRF token, the navigation and the
flashed messages come from the surrounding template on every request.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from typing import Any

from flask import current_app, request
from markupsafe import Markup

from quiz.storage.fingerprints import progress_fingerprint
from quiz.web.banks_registry import get_registry
from quiz.web.database import get_session

EXTENSION_KEY = "quiz.progress_pages"
Stamp = tuple[Any, ...]


class PageCache:
    """Learner id → (stamp, page), the least recently viewed dropped past `size` (a bound on
    memory: a page is some 50 KB)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._pages: OrderedDict[int, tuple[Stamp, Markup]] = OrderedDict()
        self._lock = threading.Lock()  # threaded servers share one cache per process

    def get(self, learner_id: int, stamp: Stamp) -> Markup | None:
        with self._lock:
            kept = self._pages.get(learner_id)
            if kept is None or kept[0] != stamp:
                return None
            self._pages.move_to_end(learner_id)
            return kept[1]

    def put(self, learner_id: int, stamp: Stamp, page: Markup) -> None:
        if self.size <= 0:
            return
        with self._lock:
            self._pages[learner_id] = (stamp, page)  # one per learner: an older stamp goes
            self._pages.move_to_end(learner_id)
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)


def kept_page(learner_id: int, today: date, draw: Callable[[], Markup]) -> Markup:
    """The learner's page part: the kept copy if its stamp still holds, else `draw()`n and kept.

    The stamp is read before `draw` reads anything: a write landing in between makes the next
    view's stamp differ (a redraw), never a stale page kept under a fresh stamp."""
    stamp = _stamp(learner_id, today)
    cache = _cache()
    page = cache.get(learner_id, stamp)
    if page is None:
        page = draw()
        cache.put(learner_id, stamp, page)
    return page


def _stamp(learner_id: int, today: date) -> Stamp:
    return (
        get_registry().version,
        today,
        current_app.config["DESIRED_RETENTION"],
        request.script_root,
        progress_fingerprint(get_session(), learner_id),
    )


def _cache() -> PageCache:
    extensions = current_app.extensions
    if EXTENSION_KEY not in extensions:  # made on first use: nothing runs at import
        extensions[EXTENSION_KEY] = PageCache(int(current_app.config["PROGRESS_PAGES_KEPT"]))
    cache: PageCache = extensions[EXTENSION_KEY]
    return cache
