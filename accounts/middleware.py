"""Request-wide account rules: times in the person's zone, sessions that end, sign-in posts
counted per address, and staff pages that need a second factor."""

import zoneinfo
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from accounts import selectors, sessions, throttle
from accounts.views import too_many_attempts
from lib.client_ip import client_ip


class PersonTimeZoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return self.get_response(request)


SESSION_ENDED = {
    sessions.Ending.IDLE: "You were logged out after a while without activity. Please log in again.",
    sessions.Ending.ABSOLUTE: "Your session reached its time limit. Please log in again.",
}


class SessionTimeoutMiddleware:
    """Signs the person out once the session was idle too long or is too old, whichever first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            ending = sessions.session_ending(request=request)
            if ending:
                logout(request)
                messages.info(request, SESSION_ENDED[ending])
        return self.get_response(request)


# The anonymous posts that make the server check a password or a code, or send mail.
THROTTLED_VIEWS = {
    "account_login",
    "account_signup",
    "account_reset_password",
    "mfa_authenticate",
    "mfa_login_webauthn",
}


class SignInThrottleMiddleware:
    """Counts sign-in, second-factor, reset and sign-up posts per client address, and refuses the
    sign-in form to an address with too many wrong passwords: before the view, so before any hash."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.resolver_match.url_name not in THROTTLED_VIEWS:
            return None
        if request.user.is_authenticated:
            return None
        address = client_ip(request)
        wait = throttle.spend(limit=throttle.sign_in_posts(), subject=address)
        if wait is None and request.resolver_match.url_name == "account_login":
            wait = throttle.wait_seconds(limit=throttle.failed_sign_ins(), subject=address)
        if wait is not None:
            return too_many_attempts(request, seconds=wait)
        return None


# URL namespaces of the staff pages: the review queue and the admin.
STAFF_NAMESPACES = {"review", "admin"}


class StaffSecondFactorMiddleware:
    """No staff page opens until this session used a passkey or an authenticator app: a staff member
    without one is sent to set one up, one with an unused one is asked for it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not STAFF_NAMESPACES.intersection(request.resolver_match.namespaces):
            return None
        if not request.user.is_authenticated or sessions.second_factor_used(request=request):
            return None
        query = urlencode({"next": request.get_full_path()})
        if selectors.user_has_second_factor(user=request.user):
            return redirect(f"{reverse('mfa_reauthenticate')}?{query}")
        messages.info(
            request,
            "Staff pages need a second factor. Add a passkey or an authenticator app, "
            "then open the page again.",
        )
        return redirect("mfa_index")
