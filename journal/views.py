"""Pages of a person's own journal: dashboard, list, entry, new, edit, delete."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from backpain_site.accounts.decorators import journal_view
from backpain_site.accounts.selectors import user_today
from journal import selectors, services
from journal.charts import HEIGHT, WIDTH, pain_bars
from journal.forms import EntryFilterForm, EntryForm


def home(request):
    if request.user.is_authenticated:
        return redirect("journal:dashboard")
    return render(request, "home.html")


@journal_view
def dashboard(request):
    today = user_today(user=request.user)
    days = selectors.daily_highest_pain(user=request.user, today=today)
    todays_entries = selectors.entries_on(user=request.user, day=today)
    return render(
        request,
        "journal/dashboard.html",
        {
            "today": today,
            "todays_entries": todays_entries,
            "todays_highest": max((entry.pain for entry in todays_entries), default=0),
            "latest_entries": selectors.latest_entries(user=request.user),
            "days": days,
            "bars": pain_bars(days),
            "chart_width": WIDTH,
            "chart_height": HEIGHT,
        },
    )


@journal_view
def entry_list(request):
    filters = EntryFilterForm(request.GET or None)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    entries = selectors.entry_list(user=request.user, **criteria)
    page = Paginator(entries, selectors.PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "journal/entry_list.html",
        {
            "filters": filters,
            "page": page,
            "query": query.urlencode(),
            "filtered": bool(criteria and any(criteria.values())),
        },
    )


@journal_view
def entry_detail(request, pk):
    entry = selectors.entry_get(user=request.user, pk=pk)
    return render(request, "journal/entry_detail.html", {"entry": entry})


def _save(request, form, save):
    """Validate, hand the values to a service, and keep everything typed when it refuses."""
    if request.method == "POST" and form.is_valid():
        try:
            return save(form.entry_data())
        except ValidationError as error:
            form.add_error(None, error)
    return None


@journal_view
@require_http_methods(["GET", "POST"])
def entry_create(request):
    form = EntryForm(request.POST or None, today=user_today(user=request.user))
    entry = _save(request, form, lambda data: services.entry_create(user=request.user, data=data))
    if entry:
        messages.success(request, "Entry saved.")
        return redirect(entry)
    return render(request, "journal/entry_form.html", {"form": form, "creating": True})


@journal_view
@require_http_methods(["GET", "POST"])
def entry_update(request, pk):
    entry = selectors.entry_get(user=request.user, pk=pk)
    form = EntryForm(request.POST or None, instance=entry, today=user_today(user=request.user))
    saved = _save(request, form, lambda data: services.entry_update(entry=entry, data=data))
    if saved:
        messages.success(request, "Entry updated.")
        return redirect(saved)
    return render(request, "journal/entry_form.html", {"form": form, "entry": entry, "creating": False})


@journal_view
@require_http_methods(["GET", "POST"])
def entry_delete(request, pk):
    entry = selectors.entry_get(user=request.user, pk=pk)
    if request.method == "POST":
        services.entry_delete(entry=entry)
        messages.success(request, "Entry deleted.")
        return redirect("journal:entry-list")
    return render(request, "journal/entry_confirm_delete.html", {"entry": entry})
