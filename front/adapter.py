"""How django-allauth fits this site: where each person lands after signing in (staff at their
queue), the client address behind the proxies, usernames that reveal nothing, sign-up settings,
failed passwords counted per address, and password-reset mail limited per address."""

import logging

from allauth.account.adapter import DefaultAccountAdapter
from django.shortcuts import resolve_url

from accounts import services, throttle
from lib.client_ip import client_ip
from review.models import REVIEW_PERMISSION

logger = logging.getLogger(__name__)


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        if request.user.has_perm(REVIEW_PERMISSION):
            return resolve_url("review:queue")
        return super().get_login_redirect_url(request)

    def get_client_ip(self, request):
        return client_ip(request)

    def populate_username(self, request, user):
        if not user.username:
            user.username = services.username_for(email=user.email)

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        data = form.cleaned_data
        return services.user_signup(
            user=user,
            hemisphere=data["hemisphere"],
            time_zone=data["time_zone"],
            consent_given=data["consent"],
        )

    def pre_authenticate(self, request, **credentials):
        # allauth's own count of failed sign-ins is keyed on the username alone, which would let
        # anyone lock a person out from anywhere. django-axes locks the pair of username and address
        # instead, and accounts.middleware refuses an address with too many failures before this.
        pass

    def authentication_failed(self, request, **credentials):
        throttle.spend(limit=throttle.failed_sign_ins(), subject=client_ip(request))

    def send_password_reset_mail(self, user, email, context):
        # The page answers the same whether or not a mail goes out, so the limit tells nothing.
        if throttle.spend(limit=throttle.reset_mails(), subject=email.lower()) is not None:
            logger.info("Password-reset mail not sent: the hourly limit for the address is reached.")
            return
        super().send_password_reset_mail(user, email, context)
