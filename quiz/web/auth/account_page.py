"""The account page, drawn for a visit and for a form sent back with its errors: the password
form and the API tokens section, where a token just made is shown once."""

from __future__ import annotations

from flask import make_response, render_template, session
from flask_login import current_user
from werkzeug.wrappers import Response

from quiz.storage.tokens import MAX_NAME_LENGTH, MAX_TOKENS, list_tokens
from quiz.web.auth.forms import ChangePasswordForm, CreateTokenForm, RevokeTokenForm
from quiz.web.database import get_session

# The session holds a new token's secret for the one redirect after it is made; the page
# that shows it pops it, so a reload shows it no more.
NEW_TOKEN_KEY = "new_api_token"


def render_account(
    password_form: ChangePasswordForm | None = None, token_form: CreateTokenForm | None = None
) -> Response:
    """The page; a form not given is drawn empty (formdata=None: the other form's POST is not
    its to read)."""
    page = render_template(
        "auth/account.html",
        form=password_form or ChangePasswordForm(current_user.username, formdata=None),
        token_form=token_form or CreateTokenForm(formdata=None),
        revoke_form=RevokeTokenForm(formdata=None),
        tokens=list_tokens(get_session(), current_user.id),
        new_token=session.pop(NEW_TOKEN_KEY, None),
        max_tokens=MAX_TOKENS,
        max_name_length=MAX_NAME_LENGTH,
    )
    response = make_response(page)
    # A token shown once must not come back from the browser's cache or history either.
    response.headers["Cache-Control"] = "no-store"
    return response
