"""The person's pages, which combine the apps below: the landing page, the dashboard, the journal's
list, entry, new, edit, delete and download, the medication list. Where staff land after signing in
is front.adapter."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from accounts.decorators import journal_view
from accounts.selectors import user_today
from front import services
from journal import selectors
from journal import services as journal_services
from journal.export import write_csv
from journal.forms import SCALE, EntryFilterForm, EntryForm, MedicationForm, ReliefForm
from learn import selectors as learn_selectors
from lib.charts import HEIGHT, WIDTH, pain_bars
from lib.paging import page_of
from review import selectors as review_selectors
from triage import selectors as triage_selectors

# The id of the entry whose triage result the next entry page shows: kept in the session, so the
# redirect after saving carries nothing about the entry in its URL.
JUST_SAVED = "triage_result_entry"


# The landing page reads nothing from the database (for a visitor without a session): no transaction.
@transaction.non_atomic_requests
def home(request):
    if request.user.is_authenticated:
        return redirect("journal:dashboard")
    return render(request, "home.html")


@journal_view
def dashboard(request):
    today = user_today(user=request.user)
    days = selectors.daily_highest_pain(user=request.user, today=today)
    todays_entries = selectors.entries_on(user=request.user, day=today)
    latest_entries = list(triage_selectors.with_open_flags(selectors.latest_entries(user=request.user)))
    tips, tips_day = learn_selectors.tips_for_dashboard(
        user=request.user, today=today, todays_entries=todays_entries, latest_entries=latest_entries
    )
    return render(
        request,
        "journal/dashboard.html",
        {
            "today": today,
            "todays_entries": todays_entries,
            "todays_highest": max((entry.pain for entry in todays_entries), default=0),
            "latest_entries": latest_entries,
            "tips": tips,
            "tips_day": tips_day,
            "advice": triage_selectors.open_advice(user=request.user, today=today),
            "review_messages": review_selectors.recent_messages_for_person(user=request.user, today=today),
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
    entries = triage_selectors.with_open_flags(selectors.entry_list(user=request.user, **criteria))
    page, query = page_of(request, entries, per_page=selectors.PAGE_SIZE)
    return render(
        request,
        "journal/entry_list.html",
        {
            "filters": filters,
            "page": page,
            "query": query,
            "filtered": bool(criteria and any(criteria.values())),
        },
    )


@journal_view
def entry_detail(request, pk):
    entry = selectors.entry_get(user=request.user, pk=pk)
    just_saved = request.session.pop(JUST_SAVED, None) == entry.pk
    flags = triage_selectors.entry_open_flags(entry=entry)
    tips = learn_selectors.tips_for_entry(user=request.user, entry=entry)
    review = review_selectors.entry_review_for_person(entry=entry)
    return render(
        request,
        "journal/entry_detail.html",
        {
            "entry": entry,
            "flags": flags,
            "just_saved": just_saved,
            "tips": tips,
            "review": review,
            "relief_scale": SCALE,
        },
    )


def _save(request, form, save):
    """Validate, call ``save`` (which hands the form's values to a service), and keep everything
    typed when the service refuses."""
    if request.method == "POST" and form.is_valid():
        try:
            return save()
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                form.add_error(field if field in form.fields else None, problems)
    return None


@journal_view
@require_http_methods(["GET", "POST"])
def entry_create(request):
    last = selectors.entry_starting_point(user=request.user)
    # "Start from my last entry" is a plain link (?start=last): it works without JavaScript and
    # puts nothing about the entry in the address.
    started = bool(last and request.method == "GET" and request.GET.get("start") == "last")
    form = EntryForm(
        request.POST or None,
        today=user_today(user=request.user),
        medications=selectors.medication_list(user=request.user),
        initial=last.values if started else None,
    )
    entry = _save(request, form, lambda: services.entry_create(user=request.user, data=form.entry_data()))
    if entry:
        messages.success(request, "Entry saved.")
        request.session[JUST_SAVED] = entry.pk
        return redirect(entry)
    return render(
        request,
        "journal/entry_form.html",
        {"form": form, "creating": True, "last": last, "started": started},
    )


@journal_view
@require_http_methods(["GET", "POST"])
def entry_update(request, pk):
    entry = selectors.entry_get(user=request.user, pk=pk)
    form = EntryForm(
        request.POST or None,
        instance=entry,
        today=user_today(user=request.user),
        medications=selectors.medication_list(user=request.user),
    )
    saved = _save(request, form, lambda: services.entry_update(entry=entry, data=form.entry_data()))
    if saved:
        messages.success(request, "Entry updated.")
        request.session[JUST_SAVED] = saved.pk
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


@journal_view
@require_http_methods(["GET"])
def entry_export(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="back-pain-journal.csv"'
    entries = triage_selectors.with_open_flags(selectors.entries_for_export(user=request.user))
    write_csv(((entry, [flag.rule_id for flag in entry.open_flags]) for entry in entries), response)
    return response


@journal_view
@require_http_methods(["POST"])
def intake_relief(request, pk):
    """How much a medicine helped, recorded later from the entry's page in one tap."""
    intake = selectors.intake_get(user=request.user, pk=pk)
    form = ReliefForm(request.POST)
    if form.is_valid():
        journal_services.intake_relief_set(intake=intake, relief=form.cleaned_data["relief"])
        messages.success(request, "Saved how much it helped.")
    else:
        messages.error(request, "Please choose how much it helped, from 0 to 10.")
    return redirect(intake.entry)


@journal_view
@require_http_methods(["GET", "POST"])
def medication_list(request):
    form = MedicationForm(request.POST or None)
    medication = _save(
        request, form, lambda: journal_services.medication_create(user=request.user, **form.cleaned_data)
    )
    if medication:
        messages.success(request, f"{medication.name} is on your list.")
        return redirect("journal:medication-list")
    return render(
        request,
        "journal/medication_list.html",
        {"form": form, "medications": selectors.medication_list_with_use(user=request.user)},
    )


@journal_view
@require_http_methods(["GET", "POST"])
def medication_update(request, pk):
    medication = selectors.medication_get(user=request.user, pk=pk)
    form = MedicationForm(request.POST or None, instance=medication)
    saved = _save(
        request,
        form,
        lambda: journal_services.medication_update(medication=medication, **form.cleaned_data),
    )
    if saved:
        messages.success(request, "Medication saved.")
        return redirect("journal:medication-list")
    return render(request, "journal/medication_form.html", {"form": form, "medication": medication})


@journal_view
@require_http_methods(["GET", "POST"])
def medication_delete(request, pk):
    medication = selectors.medication_get(user=request.user, pk=pk)
    if request.method == "POST":
        journal_services.medication_delete(medication=medication)
        messages.success(request, "Medication taken off your list.")
        return redirect("journal:medication-list")
    return render(request, "journal/medication_confirm_delete.html", {"medication": medication})
