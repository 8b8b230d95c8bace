from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in

from accounts.sessions import second_factor_record, session_begin


class AccountsConfig(AppConfig):
    name = "accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        # Signing in, and using or adding a second factor (allauth's events), are noted in the
        # session for accounts.middleware; the receivers only write a time into the session.
        from allauth.mfa.signals import authenticator_added, authenticator_used

        user_logged_in.connect(_session_begin, dispatch_uid="accounts.session_begin")
        authenticator_used.connect(_second_factor_used, dispatch_uid="accounts.second_factor_used")
        authenticator_added.connect(_second_factor_used, dispatch_uid="accounts.second_factor_added")


def _session_begin(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        session_begin(request=request)


def _second_factor_used(sender, request, **kwargs):
    if request is not None and hasattr(request, "session"):
        second_factor_record(request=request)
