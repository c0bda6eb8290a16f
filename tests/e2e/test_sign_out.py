"""Signing out in a real browser: "keep me signed in" must not outlive the sign-out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

Screenshot = Callable[[Page, str], Path]


def test_sign_out_after_keep_me_signed_in_stays_signed_out(
    page: Page, screenshot: Screenshot
) -> None:
    page.goto("/auth/register")
    page.get_by_label("Username").fill("remy")
    page.get_by_label("Password", exact=True).fill("a long remembered phrase")
    page.get_by_label("Repeat password").fill("a long remembered phrase")
    page.get_by_role("button", name="Create account").click()
    page.get_by_role("button", name="Sign out").click()

    page.get_by_role("link", name="Sign in").click()
    page.get_by_label("Username").fill("remy")
    page.get_by_label("Password").fill("a long remembered phrase")
    page.get_by_label("Keep me signed in").check()
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Signed in as remy")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_text("You are signed out.")).to_be_visible()
    page.reload()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    expect(page.get_by_text("Signed in as")).to_have_count(0)
    assert not [c for c in page.context.cookies() if c["name"] == "remember_token"]
    screenshot(page, "signed-out-after-remember")
