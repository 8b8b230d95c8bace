"""The staff review of flagged entries: the queue, one entry's review page, and its actions.

Only holders of the review permission (the Reviewers group, and superusers) get here; every page
shows health data, so none is ever cached. Each action is a POST carrying the version of the
review the reviewer read; when someone else changed it meanwhile the page is shown again with the
current state and nothing is written.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from accounts.access import AccessPage
from accounts.selectors import user_today
from journal import selectors as journal_selectors
from lib.charts import day_chart
from lib.paging import page_of
from review import selectors, services
from review.forms import (
    CASES,
    ENTRIES,
    ReviewBulkResolveForm,
    ReviewNoteForm,
    ReviewQueueFilterForm,
    ReviewReopenForm,
    ReviewResolveForm,
    ReviewVersionForm,
)
from review.models import REVIEW_PERMISSION

PERMISSION = REVIEW_PERMISSION
CHANGED_MEANWHILE = (
    "This entry changed meanwhile: another reviewer acted on it after you opened the page. "
    "Nothing you sent was saved. Here is its current state; check it before acting again."
)
UNREADABLE_FORM = (
    "What was sent could not be read as this page's form (it may have been altered or sent by "
    "another program). Nothing was saved. Here is the entry's current state."
)
GLANCE_DAYS = 30


def reviewer_view(view):
    """Logged in (else the login page), holding the review permission (else 403), never cached."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return never_cache(login_required(wrapper))


@reviewer_view
@require_GET
def review_queue(request):
    filters = ReviewQueueFilterForm(request.GET or None)
    # A filter the form refuses is shown with its error and left out; the valid ones still apply
    # (after is_valid(), cleaned_data holds only the fields that passed).
    criteria = {}
    if filters.is_bound:
        filters.is_valid()
        criteria = {name: value for name, value in filters.cleaned_data.items() if value}
    show = criteria.pop("show", CASES)
    limits, now = selectors.waiting_limits(), timezone.now()
    context = {
        "filters": filters,
        "show": show,
        # Links to the other view of the queue, keeping the filters.
        "switch": {"cases": _query_with(request, show=CASES), "entries": _query_with(request, show=ENTRIES)},
        "now": now,
        "counts": selectors.review_queue_counts(limits=limits, now=now),
    }
    if show == ENTRIES:
        reviews = selectors.review_queue(limits=limits, **criteria)
        context["page"], context["query"] = page_of(request, reviews, per_page=selectors.QUEUE_PAGE_SIZE)
    else:
        cases = selectors.review_cases(limits=limits, now=now, **criteria)
        context["page"], context["query"] = page_of(request, cases, per_page=selectors.QUEUE_PAGE_SIZE)
        context["cases"] = selectors.review_cases_rows(cases=context["page"].object_list, **criteria)
    return render(request, "review/review_queue.html", context)


def _query_with(request, **changes):
    query = request.GET.copy()
    query.pop("page", None)
    for name, value in changes.items():
        query[name] = value
    return query.urlencode()


def _render_case(request, person, *, status=200, form=None, result=None, changed=()):
    """One person's waiting entries with the form to resolve several at once. ``form`` keeps what
    the reviewer sent (its message, and the entries still as they read them stay ticked);
    ``result`` says what came of a resolve that was not complete; ``changed``: chosen entries
    another reviewer acted on before a refused form came back."""
    limits = selectors.waiting_limits()
    reviews = selectors.review_queue(limits=limits, person_id=person.pk)
    page, query = page_of(request, reviews, per_page=selectors.CASE_PAGE_SIZE)
    form = form or ReviewBulkResolveForm()
    # A box stays ticked only for an entry still at the version the reviewer read.
    chosen = form.chosen() if form.is_bound else {}
    for review in page.object_list:
        review.ticked = chosen.get(review.entry_id) == review.version
    context = {
        "person": person,
        "page": page,
        "query": query,
        "now": timezone.now(),
        "form": form,
        "result": result,
        "changed": changed,
    }
    return render(request, "review/review_case.html", context, status=status)


@reviewer_view
@require_GET
def review_case(request, person_id):
    return _render_case(request, selectors.person_case_get(person_id=person_id))


@reviewer_view
@require_POST
def review_case_resolve(request, person_id):
    person = selectors.person_case_get(person_id=person_id)
    form = ReviewBulkResolveForm(request.POST)
    if not form.is_valid():
        # As on an entry's page: when a chosen entry changed since the page was read, say so, or
        # correcting the form would act on a state the reviewer never saw.
        changed = selectors.entries_changed(person_id=person.pk, chosen=form.chosen())
        return _render_case(request, person, status=409 if changed else 400, form=form, changed=changed)
    try:
        result = services.reviews_resolve(
            person_id=person.pk,
            chosen=form.cleaned_data["entries"],
            actor=request.user,
            outcome=form.cleaned_data["outcome"],
            message=form.cleaned_data["message"],
        )
    except services.ReviewChanged:
        # Only when the locked rows were not as read, which the lock rules out: nothing was saved.
        messages.error(request, "These entries changed meanwhile. Nothing was saved; check them again.")
        return _render_case(request, person, status=409, form=form)
    if result.changed or result.held or result.missing:
        # The entries lost are named on the page itself, with their current state below.
        kept = ReviewBulkResolveForm(
            initial={"outcome": form.cleaned_data["outcome"], "message": form.cleaned_data["message"]}
        )
        return _render_case(request, person, status=409, form=kept, result=result)
    count = len(result.resolved)
    messages.success(request, f"Resolved {count} entr{'y' if count == 1 else 'ies'}.")
    return redirect("review:case", person.pk)


def _render_detail(request, review, *, status=200, **forms):
    """The review page with its current state; ``forms`` keeps a form the reviewer sent (with its
    text or errors) in place of the blank one. Every showing of it is an access to the entry (the
    service folds the showings of one visit into one record)."""
    entry = review.entry
    services.entry_access_record(
        entry_id=entry.pk, person_id=entry.user_id, actor=request.user, page=AccessPage.REVIEW
    )
    # The 30 days that led up to the entry: for a fresh entry these are the person's last 30 days,
    # and an older one still comes with the days around it rather than with an empty chart.
    last_day = min(entry.date, user_today(user=entry.user))
    days = journal_selectors.daily_highest_pain(user=entry.user, today=last_day, days=GLANCE_DAYS)
    version = {"version": review.version}
    # A form kept after a conflict still holds its text, but now carries the current version.
    for form in forms.values():
        form.data = form.data.copy()
        form.data["version"] = review.version
    context = {
        "review": review,
        "entry": entry,
        "flags": selectors.review_flags(entry=entry),
        "events": selectors.review_events(review=review),
        "other_flags": selectors.person_flags_around(
            user=entry.user, today=last_day, days=GLANCE_DAYS, exclude_entry=entry
        ),
        "days": days,
        "chart": day_chart(days),
        "glance_days": GLANCE_DAYS,
        "version_form": ReviewVersionForm(initial=version),
        "note_form": forms.get("note_form") or ReviewNoteForm(initial=version),
        "resolve_form": forms.get("resolve_form") or ReviewResolveForm(initial=version),
        "reopen_form": forms.get("reopen_form") or ReviewReopenForm(initial=version),
    }
    return render(request, "review/review_detail.html", context, status=status)


@reviewer_view
@require_GET
def review_detail(request, pk):
    return _render_detail(request, selectors.review_get(entry_id=pk))


def _act(request, pk, form_class, form_name, action, done):
    """Validate the posted form, run the service, and redirect; or show the page again, with the
    form's errors or with the current state after a conflict, and save nothing."""
    review = selectors.review_get(entry_id=pk)
    form = form_class(request.POST)
    if not form.is_valid():
        # The page comes back carrying the current version: when the reviewer's was older, say so,
        # or correcting the form would act on a state they never saw.
        sent = form.cleaned_data.get("version")
        if sent is not None and sent != review.version:
            messages.error(request, CHANGED_MEANWHILE)
            return _render_detail(request, review, status=409, **{form_name: form})
        if "version" in form.errors:
            # The version rides in a hidden field, so its error would show nowhere on the page.
            messages.error(request, UNREADABLE_FORM)
        return _render_detail(request, review, status=400, **{form_name: form})
    fields = {name: value for name, value in form.cleaned_data.items() if name != "version"}
    try:
        action(review=review, actor=request.user, version=form.cleaned_data["version"], **fields)
    except services.ReviewChanged:
        messages.error(request, CHANGED_MEANWHILE)
        return _render_detail(request, selectors.review_get(entry_id=pk), status=409, **{form_name: form})
    except services.ReviewRefused as refusal:
        messages.error(request, f"{refusal} Nothing was saved.")
        return _render_detail(request, selectors.review_get(entry_id=pk), status=409, **{form_name: form})
    messages.success(request, done)
    return redirect("review:detail", pk)


@reviewer_view
@require_POST
def review_claim(request, pk):
    return _act(
        request, pk, ReviewVersionForm, "version_form", services.review_claim, "You hold this entry now."
    )


@reviewer_view
@require_POST
def review_release(request, pk):
    return _act(request, pk, ReviewVersionForm, "version_form", services.review_release, "Entry released.")


@reviewer_view
@require_POST
def review_note(request, pk):
    return _act(request, pk, ReviewNoteForm, "note_form", services.review_note_add, "Note added.")


@reviewer_view
@require_POST
def review_resolve(request, pk):
    return _act(request, pk, ReviewResolveForm, "resolve_form", services.review_resolve, "Entry resolved.")


@reviewer_view
@require_POST
def review_reopen(request, pk):
    return _act(request, pk, ReviewReopenForm, "reopen_form", services.review_reopen, "Entry reopened.")
