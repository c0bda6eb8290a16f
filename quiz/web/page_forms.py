"""The base of every page's form: it reads HTML form bodies only, numbers must be finite, and
no text may hold a NUL character.

Flask-WTF would also read a JSON body into a form, handing fields values no browser sends
(floats such as 1e400, lists, objects) that make wtforms' number fields raise instead of
refusing. The pages take forms; JSON belongs to the API. PostgreSQL cannot store or even
compare a text with NUL in it ("text fields cannot contain NUL"): signing in as "a%00" was a
500 there, so every field refuses it before any query sees it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from flask import request
from flask_wtf import FlaskForm
from flask_wtf.form import _Auto, _is_submitted
from werkzeug.datastructures import CombinedMultiDict
from wtforms import Field, Form
from wtforms.validators import StopValidation

NUL_MESSAGE = "This holds a NUL character, which is not text: type it again."


class PageForm(FlaskForm):
    def validate(self, extra_validators: Any = None) -> bool:
        valid = bool(super().validate(extra_validators))
        for field in self:
            if isinstance(field.data, str) and "\x00" in field.data:
                field.errors = [*field.errors, NUL_MESSAGE]
                valid = False
        return valid

    class Meta(FlaskForm.Meta):
        def wrap_formdata(self, form: Form, formdata: Any) -> Any:
            if formdata is not _Auto:
                return formdata
            if not _is_submitted():
                return None
            if request.files:
                return CombinedMultiDict((request.files, request.form))
            return request.form


def finite(_form: Form, field: Field) -> None:
    """Stop at NaN and infinities (`sNaN` makes wtforms' NumberRange raise, not refuse)."""
    data = field.data
    if isinstance(data, Decimal) and not data.is_finite():
        raise StopValidation("Give a number.")
