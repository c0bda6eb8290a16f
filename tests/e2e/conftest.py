"""Browser tests: Debian's Chromium through pytest-playwright, against the app on a local thread."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask
from playwright.sync_api import Page
from sqlalchemy.orm import Session
from werkzeug.serving import make_server

from quiz import create_app
from quiz.storage import make_engine, make_sessionmaker

ROOT = Path(__file__).resolve().parents[2]
# Every run writes its screenshots to an ignored folder; `pytest --update-screenshots` (an
# explicit act) refreshes the committed ones in docs/screenshots/, so a plain run leaves the
# tree clean.
COMMITTED_SCREENSHOTS = ROOT / "docs" / "screenshots"
RUN_SCREENSHOTS = ROOT / "test-results" / "screenshots"
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-quic",
    "--disable-sync",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    # `playwright install` needs a CDN these machines can't reach: use the system Chromium.
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    return {**browser_type_launch_args, "executable_path": chromium, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def live_app(
    tmp_path_factory: pytest.TempPathFactory, app_settings: Callable[..., dict[str, object]]
) -> Flask:
    """The app the live server serves, CSRF on; its config says where its database is."""
    folder = tmp_path_factory.mktemp("live")
    return create_app(
        app_settings(folder, WTF_CSRF_ENABLED=True, TESTING=False),
        instance_path=str(folder / "instance"),
    )


@pytest.fixture(scope="session")
def live_server(live_app: Flask) -> Iterator[str]:
    """The live app served on a free port for the whole session; yields its base URL."""
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def base_url(live_server: str) -> str:
    return live_server


@pytest.fixture
def live_db(live_server: str, live_app: Flask) -> Iterator[Session]:
    """A session on the live server's own database, found from its app's config."""
    engine = make_engine(live_app.config["DATABASE_URL"])
    with make_sessionmaker(engine)() as session:
        yield session
    engine.dispose()


def save_screenshot(folder: Path, page: Page, name: str) -> Path:
    """Save the whole page to <folder>/<name>.png."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def check_accessible(page: Page) -> None:
    """Fail on any serious or critical axe-core violation, listing each with where it is."""
    results = Axe().run(page)
    violations = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    report = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in violations
    ]
    assert not report, "\n".join(report)


# Fixtures hand out the helpers: test modules can't import a conftest by name.
@pytest.fixture(scope="session")
def screenshot(pytestconfig: pytest.Config) -> Callable[[Page, str], Path]:
    update = pytestconfig.getoption("update_screenshots")
    folder = COMMITTED_SCREENSHOTS if update else RUN_SCREENSHOTS
    return lambda page, name: save_screenshot(folder, page, name)


@pytest.fixture(scope="session")
def assert_accessible() -> Callable[[Page], None]:
    return check_accessible
