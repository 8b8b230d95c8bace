"""The reminder pages: settings and the calendar feed for the signed-in person; the feed itself and
the unsubscribe link, which work without a login because their address holds a secret."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from reminders import feed as calendar_feed
from reminders import selectors, services
from reminders.forms import ReminderForm
from reminders.mail import site_url, user_id_from_unsubscribe_token


@never_cache
@login_required
def reminder_settings(request):
    plan = selectors.plan_of(user=request.user)
    form = ReminderForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        services.plan_update(
            user=request.user, enabled=form.cleaned_data["enabled"], at=form.cleaned_data["at"]
        )
        if form.cleaned_data["enabled"]:
            messages.success(request, f"Daily reminder on, at {form.cleaned_data['at']:%H:%M} your time.")
        else:
            messages.success(request, "Daily e-mail reminder off.")
        return redirect("reminders:settings")
    feed_url = site_url(reverse("reminders:feed", args=[plan.feed_token])) if plan.feed_token else None
    return render(
        request,
        "reminders/reminder_settings.html",
        {"form": form, "plan": plan, "feed_url": feed_url, "has_email": bool(request.user.email)},
    )


@never_cache
@login_required
@require_http_methods(["POST"])
def feed_create(request):
    services.feed_create(user=request.user)
    messages.success(request, "Your calendar feed is ready: copy its address into your calendar app.")
    return redirect("reminders:settings")


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def feed_revoke(request):
    if request.method == "POST":
        services.feed_revoke(user=request.user)
        messages.success(request, "The calendar feed's address no longer works.")
        return redirect("reminders:settings")
    return render(request, "reminders/feed_confirm_revoke.html")


@never_cache
@require_GET
def feed(request, token):
    plan = selectors.plan_by_feed_token(token=token)
    if plan is None:
        raise Http404("No such calendar.")
    response = HttpResponse(
        calendar_feed.feed_calendar(plan=plan, time_zone=plan.user.time_zone),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="journal-reminder.ics"'
    response["X-Robots-Tag"] = "noindex"
    return response


# Mail programs send RFC 8058's one-click POST without any cookie or form token; the signed token
# in the address is what is checked. A GET only asks (link checkers open every link in a mail).
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    if user_id_from_unsubscribe_token(token) is None:
        return render(request, "reminders/unsubscribe_invalid.html", status=400)
    if request.method == "POST":
        services.unsubscribe(token=token)
        return render(request, "reminders/unsubscribe_done.html")
    return render(request, "reminders/unsubscribe_confirm.html")
