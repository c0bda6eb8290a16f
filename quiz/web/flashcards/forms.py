"""The flashcard forms: they check shape; scheduling and grading check meaning."""

from __future__ import annotations

from wtforms import DecimalField, HiddenField, IntegerField, SubmitField
from wtforms.validators import DataRequired, InputRequired, NumberRange

from quiz.web.page_forms import PageForm, finite


class RateForm(PageForm):
    """The four rating buttons: each submits `rating` with its own value."""

    rating = IntegerField("Rating", validators=[InputRequired(), NumberRange(1, 4)])
    preview_at = HiddenField(validators=[DataRequired()])


class AnswerForm(PageForm):
    """A typed answer; its fields (one text, choices, or one per blank) are read by the view."""

    submit = SubmitField("Check")


class UndoForm(PageForm):
    submit = SubmitField("Undo last rating")


class SettingsForm(PageForm):
    retention = DecimalField(
        "Desired retention (%)",
        places=0,
        validators=[
            InputRequired("Give a percentage."),
            finite,
            NumberRange(70, 99, "Choose between 70 and 99%%."),
        ],
    )
    submit = SubmitField("Save")
