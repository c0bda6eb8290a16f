"""The account forms. They check shape; a taken name or a wrong password is the view's job."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, EqualTo, Length, Regexp

USERNAME_RULE = Regexp(
    r"^[A-Za-z0-9_.-]+$", message="Use letters, digits, dots, dashes or underscores only."
)


class RegisterForm(FlaskForm):
    username = StringField(
        "Username",
        validators=[
            DataRequired("Choose a username."),
            Length(min=3, max=64, message="Use 3 to 64 characters."),
            USERNAME_RULE,
        ],
    )
    password = PasswordField(
        "Password",
        validators=[
            DataRequired("Choose a password."),
            Length(min=8, max=200, message="Use at least 8 characters (at most 200)."),
        ],
    )
    confirm = PasswordField(
        "Repeat password",
        validators=[
            DataRequired("Type the password again."),
            EqualTo("password", message="The passwords differ."),
        ],
    )
    submit = SubmitField("Create account")


class LoginForm(FlaskForm):
    username = StringField(
        "Username", validators=[DataRequired("Enter your username."), Length(max=64)]
    )
    password = PasswordField("Password", validators=[DataRequired("Enter your password.")])
    remember = BooleanField("Keep me signed in")
    submit = SubmitField("Sign in")


class LogoutForm(FlaskForm):
    """Empty but for the CSRF token: signing out is a POST, so a link elsewhere can't do it."""

    submit = SubmitField("Sign out")
