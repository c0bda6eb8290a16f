"""Who a session names: a learner's id, name, session token and role, read by primary key in
one statement built once, with no ORM object (every request that knows its learner reads this).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, select
from sqlalchemy.orm import Session

from quiz.storage.models import Learner

LEARNERS = cast(Table, Learner.__table__)


@dataclass(frozen=True)
class LearnerIdentity:
    """A learner as a request sees them: enough to check a session and to act as them."""

    id: int
    username: str | None
    session_token: str
    is_author: bool

    @property
    def is_anonymous_learner(self) -> bool:
        return self.username is None


def learner_identity(session: Session, learner_id: int) -> LearnerIdentity | None:
    row = session.connection().execute(_identity_query(), {"id": learner_id}).first()
    return LearnerIdentity(*row) if row is not None else None


def identity_of(learner: Learner) -> LearnerIdentity:
    """The identity of a learner already loaded (one just created, or signing in)."""
    return LearnerIdentity(learner.id, learner.username, learner.session_token, learner.is_author)


@functools.cache
def _identity_query() -> Any:
    columns = (LEARNERS.c.id, LEARNERS.c.username, LEARNERS.c.session_token, LEARNERS.c.is_author)
    return select(*columns).where(LEARNERS.c.id == bindparam("id"))
