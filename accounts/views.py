"""Account pages: sign up, consent, profile, deletion. Logout and passwords are Django's own views;
login is front.views.LoginView, which knows where staff start their day."""

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.db.models import ProtectedError
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from accounts import selectors, services
from accounts.consent import CONSENT_POINTS, CONSENT_VERSION
from accounts.forms import AccountDeleteForm, ConsentForm, ProfileForm, SignupForm
from reminders import selectors as reminder_selectors


def _safe_next(request, default):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@never_cache
@sensitive_post_parameters("password1", "password2")
def signup(request):
    if request.user.is_authenticated:
        return redirect("journal:dashboard")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = services.user_signup(
            username=form.cleaned_data["username"],
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password1"],
            hemisphere=form.cleaned_data["hemisphere"],
            time_zone=form.cleaned_data["time_zone"],
            consent_given=form.cleaned_data["consent"],
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Welcome! Your account is ready.")
        return redirect("journal:dashboard")
    return render(request, "registration/signup.html", {"form": form, "consent_points": CONSENT_POINTS})


@never_cache
@login_required
def consent(request):
    already = selectors.user_has_consented(user=request.user)
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.consent_give(user=request.user)
        messages.success(request, "Thank you. Your journal is open.")
        return redirect(_safe_next(request, "journal:dashboard"))
    return render(
        request,
        "accounts/consent.html",
        {
            "form": form,
            "already": already,
            "consent_points": CONSENT_POINTS,
            "consent_version": CONSENT_VERSION,
            "next": _safe_next(request, ""),
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
