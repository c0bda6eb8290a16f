"""Fixed URLs are built once per script root and stay what url_for gives."""

from __future__ import annotations

from flask import url_for

from quiz.web.links import EXTENSION_KEY, MOST_KEPT, fixed_url


def test_a_fixed_url_is_what_url_for_gives_under_each_script_root(make_app):
    app = make_app()
    for root in ("", "/quiz", "/other"):
        with app.test_request_context("/", base_url=f"http://localhost{root}"):
            assert fixed_url("static", filename="css/app.css") == url_for(
                "static", filename="css/app.css"
            )
            assert fixed_url("home.index") == url_for("home.index") == f"{root}/"


def test_pages_draw_their_links_under_the_script_root(make_app):
    client = make_app().test_client()
    page = client.get("/", base_url="http://localhost/mounted").get_data(as_text=True)
    assert 'href="/mounted/static/css/app.css"' in page
    assert 'href="/mounted/progress"' in page


def test_the_store_stops_growing_at_its_bound(make_app):
    app = make_app()
    for n in range(MOST_KEPT + 50):
        with app.test_request_context("/", base_url=f"http://localhost/p{n}"):
            assert fixed_url("home.index") == f"/p{n}/"
    assert len(app.extensions[EXTENSION_KEY]) == MOST_KEPT
