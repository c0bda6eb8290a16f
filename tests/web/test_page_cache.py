"""The kept progress pages: one per learner, served only under the stamp they were drawn
under, the least recently viewed dropped past the bound."""

from __future__ import annotations

from markupsafe import Markup

from quiz.web.progress.cache import PageCache


def test_a_page_is_served_only_under_its_stamp() -> None:
    cache = PageCache(4)
    cache.put(1, ("a",), Markup("one"))
    assert cache.get(1, ("a",)) == "one"
    assert cache.get(1, ("b",)) is None
    assert cache.get(2, ("a",)) is None
    cache.put(1, ("b",), Markup("newer"))  # replaces the learner's older page
    assert cache.get(1, ("a",)) is None and cache.get(1, ("b",)) == "newer"


def test_the_least_recently_viewed_page_goes_first() -> None:
    cache = PageCache(2)
    cache.put(1, (), Markup("one"))
    cache.put(2, (), Markup("two"))
    assert cache.get(1, ()) == "one"  # 2 is now the least recently viewed
    cache.put(3, (), Markup("three"))
    assert [cache.get(n, ()) for n in (1, 2, 3)] == ["one", None, "three"]


def test_a_size_of_zero_keeps_nothing() -> None:
    cache = PageCache(0)
    cache.put(1, (), Markup("one"))
    assert cache.get(1, ()) is None
