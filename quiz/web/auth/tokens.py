"""Personal access tokens on the account page: create (shown once, then redirect) and revoke."""

from __future__ import annotations

from flask import flash, redirect, session, url_for
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from quiz.storage import get_learner
from quiz.storage.models import utcnow
from quiz.storage.tokens import TokenError, create_token, revoke_token
from quiz.web.auth.account_page import NEW_TOKEN_KEY, render_account
from quiz.web.auth.forms import CreateTokenForm, RevokeTokenForm
from quiz.web.auth.routes import bp
from quiz.web.database import get_session


@bp.post("/account/tokens")
@login_required
def create_api_token() -> Response:
    form = CreateTokenForm()
    if not form.validate_on_submit():
        return render_account(token_form=form)
    db = get_session()
    learner = get_learner(db, current_user.id)
    assert learner is not None  # login_required: the account was just loaded
    try:
        made = create_token(db, learner, form.name.data or "", form.scope.data == "read", utcnow())
    except TokenError as error:
        form.name.errors.append(str(error))
        return render_account(token_form=form)
    db.commit()
    session[NEW_TOKEN_KEY] = {"name": made.token.name, "secret": made.secret}
    return redirect(url_for(".account", _anchor="new-token"))


@bp.post("/account/tokens/<int:token_id>/revoke")
@login_required
def revoke_api_token(token_id: int) -> Response:
    if RevokeTokenForm().validate_on_submit():
        name = revoke_token(get_session(), current_user.id, token_id)
        get_session().commit()
        if name is None:
            flash("That token was already revoked.", "info")
        else:
            flash(f"Token “{name}” revoked: it is refused from now on, everywhere.", "success")
    return redirect(url_for(".account", _anchor="tokens"))
