"""Who is answering: the signed-in account, or an anonymous learner made on first need.

Sessions name a learner as "id:token" (Flask-Login's user id, which also goes into the
remember cookie, and our anonymous key alike); the token is checked against the database on
every request, so replacing it (`revoke_sessions`) ends every session made before.
"""

from __future__ import annotations

from flask import abort, session
from flask_login import LoginManager, UserMixin, current_user

from quiz.storage import create_learner, get_learner
from quiz.storage.accounts import matches_token
from quiz.storage.models import Learner
from quiz.web.database import get_session

ANONYMOUS_KEY = "anonymous_learner"
MAX_ID_DIGITS = 18  # below 2**63: a longer "id" is garbage, not a learner

login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Please sign in to see that page."
login_manager.login_message_category = "info"


class Account(UserMixin):
    """What Flask-Login keeps for a signed-in learner; storage stays free of Flask-Login."""

    def __init__(self, learner: Learner) -> None:
        self.id = learner.id
        self.username = learner.username
        self.reference = session_reference(learner)
        self.is_author = learner.is_author

    def get_id(self) -> str:
        return self.reference


def session_reference(learner: Learner) -> str:
    """How a session names `learner`: valid until the learner's token changes."""
    return f"{learner.id}:{learner.session_token}"


def learner_from_reference(value: object) -> Learner | None:
    """The learner a session reference names, if its token is still theirs."""
    if not isinstance(value, str):
        return None
    id_text, _, token = value.partition(":")
    if not (id_text.isdecimal() and len(id_text) <= MAX_ID_DIGITS and token):
        return None
    learner = get_learner(get_session(), int(id_text))
    return learner if learner is not None and matches_token(learner, token) else None


@login_manager.user_loader
def load_account(user_id: str) -> Account | None:
    learner = learner_from_reference(user_id)
    return Account(learner) if learner is not None and learner.username else None


def current_learner() -> Learner:
    """The learner behind this request, an anonymous one created (and committed) on first need.

    Only requests that write call this: a page view uses `current_learner_or_none`, so that
    looking at a page never makes a learner."""
    learner = current_learner_or_none()
    if learner is not None:
        return learner
    if current_user.is_authenticated:  # the account was deleted since this request began
        abort(401)
    learner = create_learner(get_session())
    get_session().commit()
    session[ANONYMOUS_KEY] = session_reference(learner)
    return learner


def current_learner_or_none() -> Learner | None:
    """The learner behind this request, if there is one yet (signed in or anonymous)."""
    if current_user.is_authenticated:
        return get_learner(get_session(), current_user.id)
    return anonymous_learner()


def current_learner_id() -> int | None:
    """Who is answering, by id (for ownership checks), with the session's token checked."""
    if current_user.is_authenticated:
        return int(current_user.id)
    learner = anonymous_learner()
    return learner.id if learner is not None else None


def anonymous_learner() -> Learner | None:
    """The anonymous learner this browser has been answering as, if any."""
    learner = learner_from_reference(session.get(ANONYMOUS_KEY))
    return learner if learner is not None and learner.username is None else None
