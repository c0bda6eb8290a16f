"""The sample bank's `order` question in Chromium: its events in time order, and putting its
list in that order one place up at a time, by button or by keyboard."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Locator, Page, expect

ORDER = [
    "Khovar reports an attack from Badakhshan",
    "Shoigu speaks about Central Asia",
    "The drills end",
]


def click_up(item: Locator) -> None:
    item.get_by_role("button", name="up").click()


def arrow_up(item: Locator) -> None:
    item.focus()
    item.page.keyboard.press("ArrowUp")


def put_in_order(page: Page, move_up: Callable[[Locator], None] = click_up) -> None:
    """Move each event up until the list reads in ORDER."""
    for index, text in enumerate(ORDER):
        item = page.locator("[data-order-item]", has_text=text)
        for _ in ORDER:  # one place up per move: a broken control fails below, never hangs
            if text in page.locator("[data-order-item]").nth(index).inner_text():
                break
            move_up(item)
        expect(page.locator("[data-order-item]").nth(index)).to_contain_text(text)
