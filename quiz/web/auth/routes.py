"""Register, sign in and sign out; an anonymous learner's progress follows them into the account."""

from __future__ import annotations

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy.exc import IntegrityError
from werkzeug.wrappers import Response

from quiz.storage import (
    create_learner,
    find_learner_by_username,
    get_learner,
    merge_learner,
    register_learner,
)
from quiz.storage.accounts import authenticate, change_password, revoke_sessions
from quiz.storage.models import Learner
from quiz.web.auth.account_page import render_account
from quiz.web.auth.forms import ChangePasswordForm, LoginForm, LogoutForm, RegisterForm
from quiz.web.auth.learner import ANONYMOUS_KEY, Account, anonymous_learner
from quiz.web.auth.redirects import safe_next
from quiz.web.database import get_session

bp = Blueprint("auth", __name__, url_prefix="/auth")

TAKEN = "That username is taken; please choose another."
WRONG = "Wrong username or password."
NOT_CURRENT = "That is not your current password."
PASSWORD_CHANGED = (
    "Your password is changed. Any other browser signed in to your account is now signed out."
)


@bp.route("/register", methods=("GET", "POST"))
def register() -> str | Response:
    form = RegisterForm()
    if form.validate_on_submit():
        learner = _create_account(form.username.data or "", form.password.data or "")
        if learner is not None:
            _sign_in(learner, remember=False)
            flash(f"Welcome, {learner.username}! Your account is ready.", "success")
            return redirect(url_for("home.index"))
        form.username.errors.append(TAKEN)
    return render_template("auth/register.html", form=form)


@bp.route("/login", methods=("GET", "POST"))
def login() -> str | Response:
    form = LoginForm()
    if form.validate_on_submit():
        learner = authenticate(get_session(), form.username.data or "", form.password.data or "")
        if learner is not None:
            _adopt_anonymous_progress(learner)
            _sign_in(learner, remember=form.remember.data)
            flash(f"Welcome back, {learner.username}.", "success")
            return redirect(safe_next(request.args.get("next")) or url_for("home.index"))
        form.password.errors.append(WRONG)
    return render_template("auth/login.html", form=form)


@bp.route("/account", methods=("GET", "POST"))
@login_required
def account() -> Response:
    form = ChangePasswordForm(current_user.username)
    if form.validate_on_submit():
        db = get_session()
        learner = authenticate(db, current_user.username, form.current.data or "")
        if learner is not None:
            change_password(db, learner, form.password.data or "")
            db.commit()
            _sign_in(learner, remember=_has_remember_cookie())  # this browser stays signed in
            flash(PASSWORD_CHANGED, "success")
            return redirect(url_for(".account"))
        form.current.errors.append(NOT_CURRENT)
    return render_account(password_form=form)


@bp.post("/logout")
def logout() -> Response:
    if LogoutForm().validate_on_submit():
        # Clear first: logout_user() leaves the flag that makes Flask-Login delete the remember
        # cookie in the session, and clearing after it would wipe that flag.
        _revoke_current_sessions()
        session.clear()  # forget the anonymous learner too: a shared computer starts afresh
        logout_user()
        flash("You are signed out.", "info")
    return redirect(url_for("home.index"))


def _revoke_current_sessions() -> None:
    """End this account's sessions everywhere: a copied session or remember cookie dies too."""
    if current_user.is_authenticated:
        learner = get_learner(get_session(), current_user.id)
        if learner is not None:
            revoke_sessions(get_session(), learner)
            get_session().commit()


def _create_account(username: str, password: str) -> Learner | None:
    """The new account, reusing this browser's anonymous learner (progress stays); None if taken."""
    db = get_session()
    if find_learner_by_username(db, username) is not None:
        return None
    anonymous = anonymous_learner()
    try:
        if anonymous is not None:
            learner = register_learner(db, anonymous, username, password)
        else:
            learner = create_learner(db, username, password)
        db.commit()
    except IntegrityError:  # someone took the name between our check and the insert
        db.rollback()
        return None
    return learner


def _adopt_anonymous_progress(learner: Learner) -> None:
    anonymous = anonymous_learner()
    if anonymous is not None:
        merge_learner(get_session(), anonymous, learner)
        get_session().commit()


def _has_remember_cookie() -> bool:
    return current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token") in request.cookies


def _sign_in(learner: Learner, remember: bool) -> None:
    session.pop(ANONYMOUS_KEY, None)
    login_user(Account(learner), remember=remember)
