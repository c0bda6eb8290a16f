"""The web layer: extensions, blueprints, and what every page shares (navigation, headers)."""

from __future__ import annotations

from flask import Blueprint, Flask, current_app
from flask_login import current_user
from werkzeug.wrappers import Response

from quiz.core.grading.limits import MAX_TEXT_CHARS
from quiz.web import banks_registry, deployment, figures, links
from quiz.web.api import bp as api_bp
from quiz.web.api.bearer import CSRFUnlessBearer, authenticate_bearer
from quiz.web.auth import bp as auth_bp
from quiz.web.auth import login_manager, throttle
from quiz.web.auth.forms import LogoutForm
from quiz.web.auth.roles import is_author
from quiz.web.authors import bp as authors_bp
from quiz.web.converters import DatabaseIntConverter
from quiz.web.errors import bp as errors_bp
from quiz.web.flashcards import bp as flashcards_bp
from quiz.web.help import bp as help_bp
from quiz.web.home import bp as home_bp
from quiz.web.links import fixed_url
from quiz.web.progress import bp as progress_bp
from quiz.web.quiz import bp as quiz_bp

csrf = CSRFUnlessBearer()

# Add each feature's blueprint here.
BLUEPRINTS: tuple[Blueprint, ...] = (
    errors_bp,
    home_bp,
    auth_bp,
    quiz_bp,
    api_bp,
    flashcards_bp,
    progress_bp,
    help_bp,
    authors_bp,
)

# (label, endpoint): a link shows only once its endpoint exists, so unbuilt features stay hidden.
NAVIGATION: tuple[tuple[str, str], ...] = (
    ("Quizzes", "home.index"),
    ("Flashcards", "flashcards.index"),
    ("Progress", "progress.index"),
    ("Help", "help.index"),
    ("Authors", "authors.banks"),
)
# Links only an author sees: the pages behind them answer 404 to everyone else.
AUTHOR_LINKS = frozenset({"authors.banks"})

# No inline scripts or styles anywhere, so the policy can be this strict.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


def init_app(app: Flask) -> None:
    # Before any blueprint: a rule takes its converters when it is added.
    app.url_map.converters["int"] = DatabaseIntConverter
    deployment.init_app(app)
    # Before the CSRF check, which a request authenticated by its bearer token skips.
    app.before_request(authenticate_bearer)
    csrf.init_app(app)
    # The authors' forms check their CSRF token in the view, after the role: an app-wide check
    # would answer a stranger's POST with 400 before the 404, telling them the page exists.
    csrf.exempt(authors_bp)
    login_manager.init_app(app)
    banks_registry.init_app(app)
    figures.init_app(app)
    links.init_app(app)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    throttle.init_app(app)  # wraps views, so after the blueprints
    app.context_processor(layout_context)
    # Text inputs stop at the core's cap, so a browser never sends an answer it would refuse.
    app.jinja_env.globals["max_answer_length"] = MAX_TEXT_CHARS
    app.after_request(security_headers)


def layout_context() -> dict[str, object]:
    links = [
        (label, endpoint, fixed_url(endpoint))
        for label, endpoint in NAVIGATION
        if endpoint in current_app.view_functions and (endpoint not in AUTHOR_LINKS or is_author())
    ]
    # formdata=None: drawing the button must not read the request's body, which an error page
    # (413: too large) cannot read. Only a signed-in page draws it: building a form on every
    # page view costs more than the rest of this function.
    signed_in = current_user.is_authenticated
    return {"nav_links": links, "logout_form": LogoutForm(formdata=None) if signed_in else None}


def security_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    # A page holds one learner's answers and a CSRF token: never kept by a shared cache, and
    # checked again before a browser reuses it. (Static files set their own.)
    response.headers.setdefault("Cache-Control", "private, no-cache")
    return response
