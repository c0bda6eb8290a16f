"""The account forms. They check shape and ask the core about new passwords; a taken name or a
wrong password is the view's job."""

from __future__ import annotations

from wtforms import BooleanField, PasswordField, RadioField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, EqualTo, Length, Regexp, ValidationError

from quiz.core.accounts import PASSWORD_MAX, password_problem
from quiz.resources import common_passwords
from quiz.storage.tokens import MAX_NAME_LENGTH
from quiz.web.page_forms import PageForm

USERNAME_RULE = Regexp(
    r"^[A-Za-z0-9_.-]+$", message="Use letters, digits, dots, dashes or underscores only."
)


class RegisterForm(PageForm):
    username = StringField(
        "Username",
        validators=[
            DataRequired("Choose a username."),
            Length(min=3, max=64, message="Use 3 to 64 characters."),
            USERNAME_RULE,
        ],
    )
    password = PasswordField("Password", validators=[DataRequired("Choose a password.")])
    confirm = PasswordField(
        "Repeat password",
        validators=[
            DataRequired("Type the password again."),
            EqualTo("password", message="The passwords differ."),
        ],
    )
    submit = SubmitField("Create account")

    def validate_password(self, field: PasswordField) -> None:
        refuse_weak_password(self.username.data or "", field.data or "")


class LoginForm(PageForm):
    username = StringField(
        "Username", validators=[DataRequired("Enter your username."), Length(max=64)]
    )
    password = PasswordField(
        "Password", validators=[DataRequired("Enter your password."), Length(max=PASSWORD_MAX)]
    )
    remember = BooleanField("Keep me signed in")
    submit = SubmitField("Sign in")


class LogoutForm(PageForm):
    """Empty but for the CSRF token: signing out is a POST, so a link elsewhere can't do it."""

    submit = SubmitField("Sign out")


class ChangePasswordForm(PageForm):
    current = PasswordField(
        "Current password",
        validators=[DataRequired("Enter your current password."), Length(max=PASSWORD_MAX)],
    )
    password = PasswordField("New password", validators=[DataRequired("Choose a new password.")])
    confirm = PasswordField(
        "Repeat new password",
        validators=[
            DataRequired("Type the new password again."),
            EqualTo("password", message="The passwords differ."),
        ],
    )
    submit = SubmitField("Change password")

    def __init__(self, username: str, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.account_username = username

    def validate_password(self, field: PasswordField) -> None:
        refuse_weak_password(self.account_username, field.data or "")


def refuse_weak_password(username: str, password: str) -> None:
    problem = password_problem(password, username, common_passwords())
    if problem is not None:
        raise ValidationError(problem)


class CreateTokenForm(PageForm):
    """A personal access token's name and scope; read-only unless asked, the safer default."""

    name = StringField(
        "Token name",
        validators=[
            DataRequired("Name the token after what will use it, e.g. “daily bot”."),
            Length(max=MAX_NAME_LENGTH, message=f"Use at most {MAX_NAME_LENGTH} characters."),
        ],
    )
    scope = RadioField(
        "Access",
        choices=[
            SelectChoice("read", "Read only"),
            SelectChoice("write", "Read and write (answer questions)"),
        ],
        default="read",
        validate_choice=True,
    )
    submit = SubmitField("Create token")


class RevokeTokenForm(PageForm):
    """Empty but for the CSRF token: one per listed token, so a link elsewhere can't revoke."""

    submit = SubmitField("Revoke")
