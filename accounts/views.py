"""Account pages: consent, profile, deletion, and the answers to too many attempts. Signing up,
in and out, passwords, e-mail addresses, second factors and sessions are django-allauth's pages
(templates in templates/account, templates/mfa); front.adapter sends staff to their queue."""

import datetime
import math

from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db.models import ProtectedError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from accounts import selectors, services
from accounts.consent import CONSENT_POINTS, CONSENT_VERSION
from accounts.forms import AccountDeleteForm, ConsentForm, ProfileForm
from reminders import selectors as reminder_selectors


def _safe_next(request):
    """The page to go back to: a path on this site, or None (a bare word is no address)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


def too_many_attempts(request, *, seconds):
    """429 with Retry-After, and a page that says when to try again (in the person's time zone)."""
    response = render(
        request,
        "429.html",
        {
            "retry_at": timezone.now() + datetime.timedelta(seconds=seconds),
            "minutes": max(1, math.ceil(seconds / 60)),
        },
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer once a username and client address pair is locked: the lock ends a cool-off
    after the pair's latest wrong password."""
    latest = (
        AccessAttempt.objects.filter(
            username=get_client_username(request, credentials), ip_address=request.axes_ip_address
        )
        .order_by("-attempt_time")
        .values_list("attempt_time", flat=True)
        .first()
    )
    cool_off = get_cool_off(request) or datetime.timedelta(hours=1)
    ends = (latest or timezone.now()) + cool_off
    return too_many_attempts(request, seconds=max(1, math.ceil((ends - timezone.now()).total_seconds())))


def rate_limited(request, exception=None):
    """allauth's own limits (per account, per minute: password changes, e-mail changes, codes)."""
    return too_many_attempts(request, seconds=60)


@never_cache
@login_required
def consent(request):
    already = selectors.user_has_consented(user=request.user)
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.consent_give(user=request.user)
        messages.success(request, "Thank you. Your journal is open.")
        return HttpResponseRedirect(_safe_next(request) or reverse("journal:dashboard"))
    return render(
        request,
        "accounts/consent.html",
        {
            "form": form,
            "already": already,
            "consent_points": CONSENT_POINTS,
            "consent_version": CONSENT_VERSION,
            "next": _safe_next(request) or "",
        },
    )


@never_cache
@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.profile_update(
            user=request.user,
            hemisphere=form.cleaned_data["hemisphere"],
            time_zone=form.cleaned_data["time_zone"],
        )
        messages.success(request, "Profile saved.")
        return redirect("accounts:profile")
    accesses, accesses_total = selectors.staff_accesses(user=request.user)
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "consents": request.user.consents.all(),
            "accesses": accesses,
            "accesses_total": accesses_total,
            "reminder_plan": reminder_selectors.plan_of(user=request.user),
        },
    )


@never_cache
@login_required
@sensitive_post_parameters("password")
def account_delete(request):
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.account_delete(user=request.user)
        except ProtectedError:
            # A reviewer's steps in other people's review histories must keep their author.
            form.add_error(
                None,
                "Your account has taken part in reviews, which must keep their history. "
                "Please ask an administrator to deactivate it instead.",
            )
        else:
            logout(request)
            messages.success(request, "Your account and your whole journal have been deleted.")
            return redirect("home")
    return render(
        request,
        "accounts/account_delete.html",
        {"form": form, "entry_count": selectors.entry_count(user=request.user)},
    )
