"""A bank imported from Moodle GIFT, served and answered in a real browser: no article box."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from werkzeug.serving import make_server

from quiz import create_app
from quiz.core.interchange.bank_building import build_bank
from quiz.core.interchange.gift_reading import read_gift

ROOT = Path(__file__).resolve().parents[2]
GIFT = ROOT / "tests" / "data" / "interchange" / "every-construct.gift"
Screenshot = Callable[[Page, str], Path]
Accessible = Callable[[Page], None]
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def imported_server(
    tmp_path_factory: pytest.TempPathFactory, app_settings: Callable[..., dict[str, object]]
) -> Iterator[str]:
    """The app serving only the bank `quiz import` makes of the GIFT sample."""
    folder = tmp_path_factory.mktemp("imported")
    banks = folder / "banks"
    banks.mkdir()
    built = build_bank(read_gift(GIFT.read_bytes(), "Every GIFT construct"), GIFT.name)
    (banks / "gift.yaml").write_text(built.text, encoding="utf-8")
    settings = app_settings(folder, WTF_CSRF_ENABLED=True, TESTING=False)
    app = create_app({**settings, "QUESTIONS_DIR": str(banks)}, instance_path=str(folder / "i"))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


def test_an_imported_bank_is_taken_like_any_other(
    page: Page, imported_server: str, screenshot: Screenshot, assert_accessible: Accessible
) -> None:
    page.goto(f"{imported_server}/quiz/gift")
    expect(page.get_by_role("heading", name="Every GIFT construct")).to_be_visible()
    page.get_by_role("button", name="Start the quiz").click()
    page.get_by_label("no one").check()
    page.get_by_role("button", name="Check my answer").click()
    expect(page.locator(".verdict-badge").first).to_have_text("Right")
    expect(page.locator("figure.source")).to_have_count(0)
    assert "From the article" not in page.content()
    assert_accessible(page)
    screenshot(page, "imported-verdict")
    page.get_by_role("link", name="Next question").click()
    expect(page.get_by_text("Grant is _____ in Grant's tomb.")).to_be_visible()
    page.get_by_label("entombed").check()
    page.get_by_role("button", name="Check my answer").click()
    expect(page.locator(".verdict-badge").first).to_have_text("Right")
    page.set_viewport_size(PHONE)
    assert_accessible(page)
    screenshot(page, "imported-verdict-phone")


def test_an_imported_essay_is_a_flashcard(
    page: Page, imported_server: str, screenshot: Screenshot, assert_accessible: Accessible
) -> None:
    page.goto(f"{imported_server}/flashcards/card/gift/hammarskjold")
    expect(page.get_by_text("A Swedish diplomat")).to_be_visible()
    expect(page.locator("figure.fc-source")).to_have_count(0)
    assert_accessible(page)
    screenshot(page, "imported-card-back")
