"""The seed article drafted by `quiz draft`, served as is and taken in a real browser."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from werkzeug.serving import make_server

from quiz import create_app
from quiz.core.drafting.drafting import draft_bank
from quiz.core.source import read_article

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_42a00ded27f26e66.txt"
Screenshot = Callable[[Page, str], Path]
Accessible = Callable[[Page], None]


@pytest.fixture(scope="module")
def drafted_server(
    tmp_path_factory: pytest.TempPathFactory, app_settings: Callable[..., dict[str, object]]
) -> Iterator[str]:
    """An app whose questions folder holds only the drafted seed bank, as `quiz draft` wrote it."""
    folder = tmp_path_factory.mktemp("drafted")
    (folder / "seeds").mkdir()
    (folder / "questions").mkdir()
    shutil.copy(SEED, folder / "seeds" / "article.txt")
    draft = draft_bank(
        read_article(SEED), "Drafted: the Kharb-Maidon drills", "../seeds/article.txt"
    )
    (folder / "questions" / "seed-draft.yaml").write_text(draft.yaml, encoding="utf-8")
    settings = app_settings(folder, QUESTIONS_DIR=str(folder / "questions"), TESTING=False)
    app = create_app(settings, instance_path=str(folder / "instance"))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


def test_the_drafted_seed_bank_in_the_browser(
    page: Page, drafted_server: str, screenshot: Screenshot, assert_accessible: Accessible
) -> None:
    page.goto(f"{drafted_server}/quiz/seed-draft")
    expect(page.get_by_role("heading", name="Drafted: the Kharb-Maidon drills")).to_be_visible()
    expect(page.locator(".bank-meta")).to_contain_text("20 questions")
    assert_accessible(page)
    screenshot(page, "draft-start")

    page.get_by_label("Shuffle the questions").uncheck()
    page.get_by_role("button", name="Start the quiz").click()
    expect(page.locator(".progress-text strong")).to_have_text("Question 1 of 20")
    expect(page.get_by_text("Fill in the blank with a duration")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "draft-question")
    page.get_by_label("Your answer").fill("96 hours")
    page.get_by_role("button", name="Check my answer").click()
    expect(page.locator(".verdict-badge").first).to_have_text("Right")
    screenshot(page, "draft-verdict")

    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("link", name="Next question").click()
    expect(page.locator(".progress-text strong")).to_have_text("Question 2 of 20")
    screenshot(page, "draft-question-phone")
