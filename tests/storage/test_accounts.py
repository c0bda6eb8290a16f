"""Accounts against both databases: authenticating, passwords, session tokens, the author role."""

from __future__ import annotations

from sqlalchemy.orm import Session
from werkzeug.security import generate_password_hash

from quiz.storage import create_learner
from quiz.storage.accounts import authenticate, is_author, list_accounts, set_author

PASSWORD = "correct horse"


def test_authenticate_takes_the_password_only_with_its_username(db: Session) -> None:
    ada = create_learner(db, "ada", PASSWORD)
    create_learner(db, "bob", "another phrase")
    assert authenticate(db, "ada", PASSWORD) is ada
    assert authenticate(db, "ada", "another phrase") is None
    assert authenticate(db, "nobody", PASSWORD) is None


def test_new_accounts_are_not_authors_until_granted(db: Session) -> None:
    ada = create_learner(db, "ada", "correct horse")
    create_learner(db)  # anonymous: not an account, not listed
    bob = create_learner(db, "bob", "correct horse")
    db.commit()
    assert [a.username for a in list_accounts(db)] == ["ada", "bob"]
    assert not is_author(db, ada.id)

    assert set_author(db, ada, True) is True
    assert set_author(db, ada, True) is False  # already an author: nothing changed
    db.commit()
    assert is_author(db, ada.id) and not is_author(db, bob.id)

    assert set_author(db, ada, False) is True
    db.commit()
    assert not is_author(db, ada.id)


def test_an_unknown_id_is_no_author(db: Session) -> None:
    assert not is_author(db, 12345)


def test_an_account_saved_with_a_werkzeug_hash_still_signs_in(db: Session) -> None:
    # Accounts made before the core hashed passwords itself hold werkzeug's hashes.
    ada = create_learner(db, "ada")
    ada.password_hash = generate_password_hash(PASSWORD)
    db.commit()
    assert authenticate(db, "ada", PASSWORD) is ada
    assert authenticate(db, "ada", "not the password") is None
