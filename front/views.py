"""The person's pages, which combine the apps below: the landing page, the dashboard (with "No pain
today" and the answers to advice), the insights and their data, the journal's list, entry, new,
edit, delete and download, the medication list. Where staff land after signing in is
front.adapter."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import dateformat
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.decorators import journal_view
from accounts.selectors import user_today
from front import selectors as front_selectors
from front import services
from front.forms import ALL, DEFAULT_DAYS, AdviceAnswerForm, InsightsDataForm, InsightsForm
from journal import insights as journal_insights
from journal import selectors
from journal import services as journal_services
from journal.export import write_csv
from journal.forms import SCALE, EntryFilterForm, EntryForm, MedicationForm, ReliefForm
from journal.vocabulary import Region
from learn import selectors as learn_selectors
from lib.charts import day_chart, period_chart, row_chart, shade
from lib.paging import page_of
from review import selectors as review_selectors
from triage import selectors as triage_selectors
from triage import services as triage_services
from triage.models import AdviceResponse

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
            "pain_free_today": any(entry.pain == 0 for entry in todays_entries),
            "latest_entries": latest_entries,
            "tips": tips,
            "tips_day": tips_day,
            "advice": triage_selectors.open_advice(user=request.user, today=today),
            "review_messages": review_selectors.recent_messages_for_person(user=request.user, today=today),
            "days": days,
            "chart": day_chart(days),
        },
    )


@journal_view
@require_POST
def no_pain_today(request):
    entry = services.no_pain_today(user=request.user)
    if entry is None:
        messages.info(request, "You had already noted a pain-free entry today, so nothing new was added.")
    else:
        messages.success(
            request,
            f"Noted: no pain today. A pain-free entry for {dateformat.format(entry.date, 'l j F')} "
            "is in your journal.",
        )
    return redirect("journal:dashboard")


@journal_view
@require_POST
def advice_answer(request):
    form = AdviceAnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, "That answer could not be read; nothing was changed. Please try again.")
        return redirect("journal:dashboard")
    response = form.cleaned_data["response"]
    try:
        triage_services.advice_acknowledge(
            user=request.user, flag_ids=form.cleaned_data["flags"], response=response
        )
    except triage_services.AdviceStays:
        messages.error(
            request,
            "Emergency advice stays on your dashboard for its first day, so it was not hidden. "
            "If a doctor has seen you about it, choose \u201cI have seen a doctor about this\u201d.",
        )
        return redirect("journal:dashboard")
    if response == AdviceResponse.SEEN_DOCTOR:
        messages.success(request, "Thank you: we noted that you have seen a doctor about this advice.")
    else:
        messages.success(request, "The advice is hidden. It comes back if a later entry raises it again.")
    return redirect("journal:dashboard")


@journal_view
@require_GET
def insights(request):
    form = InsightsForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return render(request, "journal/insights.html", {"form": form, "figures": None}, status=400)
    choices = form.cleaned_data if form.is_bound else {"days": DEFAULT_DAYS, "region": ""}
    figures = front_selectors.person_insights(
        user=request.user, days=choices["days"], today=user_today(user=request.user)
    )
    region = choices["region"] or journal_insights.WHOLE_BACK
    series = journal_insights.series(figures.pain_over_time, region)
    return render(
        request,
        "journal/insights.html",
        {
            "form": form,
            "figures": figures,
            "period": ALL if choices["days"] is None else str(choices["days"]),
            "region": region,
            "region_choice": choices["region"],
            "region_label": Region.label_of(region) or "The whole back",
            "series": series,
            "chart": period_chart(
                series,
                [day.average_7_days for day in series],
                marked={day.date for day in series if day.flagged},
            ),
            "regions": [(figure, shade(figure.average_pain)) for figure in figures.regions],
            "season_chart": row_chart(
                [(figure.label, figure.average_pain, f"({figure.days} days)") for figure in figures.seasons]
            ),
        },
    )


@journal_view
@require_GET
def insights_data(request):
    form = InsightsDataForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"error": " ".join(form.errors["days"])}, status=400)
    figures = front_selectors.person_insights(
        user=request.user, days=form.cleaned_data["days"], today=user_today(user=request.user)
    )
    return JsonResponse(journal_insights.as_data(figures))


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
