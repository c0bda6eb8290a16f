"""Who is answering: the signed-in account, or an anonymous learner made on first need.

Sessions name a learner as "id:token" (Flask-Login's user id, which also goes into the
remember cookie, and our anonymous key alike); the token is checked against the database on
every request, so replacing it (`revoke_sessions`) ends every session made before. That check
reads a `LearnerIdentity` (one indexed query, no ORM object); pages that change a learner
load the ORM one.
"""

from __future__ import annotations

from flask import session
from flask_login import LoginManager, UserMixin, current_user

from quiz.storage import create_learner, get_learner
from quiz.storage.accounts import matches_token
from quiz.storage.identities import LearnerIdentity, identity_of, learner_identity
from quiz.storage.models import Learner
from quiz.web.database import get_session

ANONYMOUS_KEY = "anonymous_learner"
MAX_ID_DIGITS = 18  # below 2**63: a longer "id" is garbage, not a learner

login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Please sign in to see that page."
login_manager.login_message_category = "info"


class Account(UserMixin):
    """What Flask-Login keeps for a signed-in learner: their identity, read (and its token
    checked) once per request, so current_learner_or_none needs no second read. Storage stays
    free of Flask-Login."""

    def __init__(self, learner: Learner | LearnerIdentity) -> None:
        self.identity = learner if isinstance(learner, LearnerIdentity) else identity_of(learner)

    @property
    def id(self) -> int:
        return self.identity.id

    @property
    def username(self) -> str | None:
        return self.identity.username

    @property
    def is_author(self) -> bool:
        return self.identity.is_author

    def get_id(self) -> str:
        return session_reference(self.identity)


def session_reference(learner: Learner | LearnerIdentity) -> str:
    """How a session names `learner`: valid until the learner's token changes."""
    return f"{learner.id}:{learner.session_token}"


def parse_reference(value: object) -> tuple[int, str] | None:
    """The learner id and token a session reference holds, if it is well formed."""
    if not isinstance(value, str):
        return None
    id_text, _, token = value.partition(":")
    if not (id_text.isdecimal() and len(id_text) <= MAX_ID_DIGITS and token):
        return None
    return int(id_text), token


def identity_from_reference(value: object) -> LearnerIdentity | None:
    """The learner a session reference names, if its token is still theirs."""
    parsed = parse_reference(value)
    if parsed is None:
        return None
    identity = learner_identity(get_session(), parsed[0])
    return (
        identity
        if identity is not None and matches_token(identity.session_token, parsed[1])
        else None
    )


@login_manager.user_loader
def load_account(user_id: str) -> Account | None:
    identity = identity_from_reference(user_id)
    return Account(identity) if identity is not None and identity.username else None


def current_learner() -> LearnerIdentity:
    """The learner behind this request, an anonymous one created (and committed) on first need.

    Only requests that write call this: a page view uses `current_learner_or_none`, so that
    looking at a page never makes a learner."""
    identity = current_learner_or_none()
    if identity is not None:
        return identity
    learner = create_learner(get_session())
    get_session().commit()
    session[ANONYMOUS_KEY] = session_reference(learner)
    return identity_of(learner)


def current_learner_or_none() -> LearnerIdentity | None:
    """The learner behind this request, if there is one yet (signed in or anonymous)."""
    if current_user.is_authenticated:  # its identity was read (and checked) by load_account
        identity: LearnerIdentity = current_user.identity
        return identity
    return anonymous_identity()


def current_learner_id() -> int | None:
    """Who is answering, by id (for ownership checks), with the session's token checked."""
    if current_user.is_authenticated:
        return int(current_user.id)
    identity = anonymous_identity()
    return identity.id if identity is not None else None


def is_current_learner(owner_id: int, owner_token: str, owner_username: str | None) -> bool:
    """Whether this request is the learner's whose id, token and name were read along with
    something they own (a run): the ownership check without a query of its own."""
    if current_user.is_authenticated:
        return int(current_user.id) == owner_id
    parsed = parse_reference(session.get(ANONYMOUS_KEY))
    return (
        parsed is not None
        and owner_username is None
        and parsed[0] == owner_id
        and matches_token(owner_token, parsed[1])
    )


def anonymous_identity() -> LearnerIdentity | None:
    """The anonymous learner this browser has been answering as, if any."""
    identity = identity_from_reference(session.get(ANONYMOUS_KEY))
    return identity if identity is not None and identity.username is None else None


def anonymous_learner() -> Learner | None:
    """The anonymous learner this browser has been answering as, loaded to be changed
    (registering it, or merging it into the account signing in)."""
    identity = anonymous_identity()
    return get_learner(get_session(), identity.id) if identity is not None else None
