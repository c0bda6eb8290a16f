"""The authors' forms: each is a POST with its CSRF token; the pages' query strings (mode,
sort) are read by analysis.TableView instead, as they change nothing."""

from __future__ import annotations

from wtforms import HiddenField, SubmitField
from wtforms.validators import DataRequired, Length

from quiz.core.banks.accepting import MAX_RESPONSE_CHARS
from quiz.web.page_forms import PageForm

MAX_RESPONSE = 500  # characters of an alias: longer is no answer anyone types


class TryForm(PageForm):
    """Grade a trial answer; the answer's own fields are the quiz's (read by read_response)."""

    submit = SubmitField("Grade this answer")


class AcceptForm(PageForm):
    """Accept one common wrong answer as an alias, if the file is still the one shown."""

    response = HiddenField(validators=[DataRequired(), Length(max=MAX_RESPONSE)])
    file_hash = HiddenField(validators=[DataRequired(), Length(min=64, max=64)])
    submit = SubmitField("Accept as an alias")


class RegradeForm(PageForm):
    """Grade again the past wrong answers equal to a just-accepted alias."""

    # At most what accepting takes: the regrade's record keeps the response in a column of
    # 400 characters, and a longer one failed the insert on PostgreSQL (a 500).
    response = HiddenField(validators=[DataRequired(), Length(max=MAX_RESPONSE_CHARS)])
    submit = SubmitField("Regrade past answers")


class UndoForm(PageForm):
    """Take back the last edit of a bank file."""

    file_hash = HiddenField(validators=[DataRequired(), Length(min=64, max=64)])
    submit = SubmitField("Undo this edit")
