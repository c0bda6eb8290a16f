"""Who is answering: the signed-in account, or an anonymous learner made on first need."""

from __future__ import annotations

from flask import session
from flask_login import LoginManager, UserMixin, current_user

from quiz.storage import create_learner, get_learner
from quiz.storage.db import get_session
from quiz.storage.models import Learner

ANONYMOUS_KEY = "anonymous_learner_id"

login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Please sign in to see that page."
login_manager.login_message_category = "info"


class Account(UserMixin):
    """What Flask-Login keeps for a signed-in learner; storage stays free of Flask-Login."""

    def __init__(self, learner: Learner) -> None:
        self.id = learner.id
        self.username = learner.username
        self.is_author = learner.is_author


@login_manager.user_loader
def load_account(user_id: str) -> Account | None:
    learner = get_learner(get_session(), int(user_id)) if user_id.isdigit() else None
    return Account(learner) if learner is not None and learner.username else None


def current_learner(create: bool = True) -> Learner | None:
    """The learner behind this request; an anonymous one is created (and committed) if needed."""
    if current_user.is_authenticated:
        return get_learner(get_session(), current_user.id)
    learner = anonymous_learner()
    if learner is None and create:
        learner = create_learner(get_session())
        get_session().commit()
        session[ANONYMOUS_KEY] = learner.id
    return learner


def current_learner_id() -> int | None:
    """Who is answering, by id alone, without a database read (for ownership checks).

    The id comes from the signed session: Flask-Login's for an account (already loaded and
    checked by its user loader), ours for an anonymous learner, which is only ever set here
    and dropped on signing in.
    """
    if current_user.is_authenticated:
        return int(current_user.id)
    learner_id = session.get(ANONYMOUS_KEY)
    return learner_id if isinstance(learner_id, int) else None


def anonymous_learner() -> Learner | None:
    """The anonymous learner this browser has been answering as, if any."""
    learner_id = session.get(ANONYMOUS_KEY)
    learner = get_learner(get_session(), learner_id) if isinstance(learner_id, int) else None
    return learner if learner is not None and learner.username is None else None
