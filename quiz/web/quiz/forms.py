"""The quiz forms: start a run, answer (the inputs themselves are read in `responses`), retry."""

from __future__ import annotations

from wtforms import (
    BooleanField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectMultipleField,
    SubmitField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from quiz.web.page_forms import PageForm

ONE_PER_PAGE = "one"
ALL_ON_ONE_PAGE = "all"


class CheckboxesField(SelectMultipleField):
    """A list of checkboxes: WTForms' select-multiple, drawn the way people expect to tick."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class StartForm(PageForm):
    shuffle_questions = BooleanField("Shuffle the questions")
    shuffle_choices = BooleanField("Shuffle the choices")
    count = IntegerField(
        "Number of questions",
        validators=[Optional(), NumberRange(min=1, message="Ask for at least one question.")],
    )
    only_wrong = BooleanField("Only the ones I got wrong last time")
    tags = CheckboxesField("Only questions tagged", choices=[], validate_choice=True)
    layout = RadioField(
        "Show",
        choices=[
            SelectChoice(ONE_PER_PAGE, "One question per page"),
            SelectChoice(ALL_ON_ONE_PAGE, "All on one page"),
        ],
        default=ONE_PER_PAGE,
    )
    submit = SubmitField("Start the quiz")


class AnswerForm(PageForm):
    """The CSRF token and when the question was shown; the answer inputs vary by type."""

    shown = HiddenField()
    submit = SubmitField("Check my answer")


class RetryForm(PageForm):
    submit = SubmitField("Retry the ones I missed")
