"""The review in the admin: the staff's look at people's entries (only flagged entries and their
flags, read only, every opening an access the person sees on their account page), the waiting
time of each urgency, and how precise each triage rule turned out, on the rule's own page."""

import datetime

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Exists, IntegerField, OuterRef, Value, When
from django.forms.models import BaseModelFormSet
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from accounts.access import AccessPage
from journal.models import Entry
from journal.vocabulary import Region
from lib.admin import ReadOnlyAdminMixin
from review import selectors
from review.models import WaitingTime
from review.precision import INTERVAL_NAME, rule_precision
from review.services import entry_access_record
from review.waiting import duration_words
from triage.admin import TriageRuleAdmin
from triage.models import Acknowledgement, Flag, TriageRule
from triage.rules import URGENCIES


# Entries belong to the person who wrote them and flags are the engine's to write: staff look
# here, and only the person (through the journal's pages) or the engine changes them.
@admin.register(Entry)
class EntryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("id", "user", "date", "time", "pain", "spasms", "painkillers", "season", "created_at")
    list_filter = ("season", "painkillers", "date")
    search_fields = ("user__username", "user__email")
    date_hierarchy = "date"
    list_select_related = ("user",)
    raw_id_fields = ("user",)
    readonly_fields = (
        "pain",
        "season",
        "created_at",
        "updated_at",
        "spreads_to",
        "symptom_list",
        "self_help_list",
        "medications_taken",
    )
    ordering = ("-date", "-id")
    fieldsets = (
        (None, {"fields": ("user", "date", "time", "season", "created_at", "updated_at")}),
        ("Where it hurts", {"fields": (*Region.values, "pain")}),
        ("Spasms, spreading pain, symptoms", {"fields": ("spasms", "spreads_to", "symptom_list")}),
        ("Painkillers and self-help", {"fields": ("painkillers", "medications_taken", "self_help_list")}),
        (
            "Habits",
            {
                "fields": (
                    "sitting_hours", "sitting_posture", "shoulder_load", "shoulders_raised_cold",
                    "running_minutes", "running_surface", "warmed_up", "stretched_after", "shoes_fit",
                    "strength_training", "other_movement_minutes",
                )
            },
        ),
        ("Notes", {"fields": ("notes",)}),
    )  # fmt: skip

    # The vocabulary lists in words, as the person ticked them, rather than as stored codes.
    @admin.display(description="pain spreads to")
    def spreads_to(self, entry):
        return ", ".join(entry.radiates_to_labels) or "nowhere"

    @admin.display(description="symptoms")
    def symptom_list(self, entry):
        return ", ".join(entry.symptom_labels) or "none"

    @admin.display(description="self-help tried")
    def self_help_list(self, entry):
        return ", ".join(entry.self_help_labels) or "none"

    @admin.display(description="medication taken")
    def medications_taken(self, entry):
        return "; ".join(str(intake) for intake in entry.intakes.all()) or "none recorded"

    # The person's entry page is the person's alone; staff read the entry here or on /review/.
    view_on_site = False

    # The consent people give says staff open entries that triage flagged, and nothing else: the
    # admin shows no other entry, not even in its list.
    def changelist_view(self, request, extra_context=None):
        extra_context = {"title": "Flagged entries (entries without a flag are not shown here)"} | (
            extra_context or {}
        )
        return super().changelist_view(request, extra_context)

    def get_queryset(self, request):
        flagged = Flag.objects.filter(entry=OuterRef("pk"))
        return super().get_queryset(request).filter(Exists(flagged))

    # Opening one person's entry, or its history, is an access the person can see on their account
    # page. Only a page actually shown (200) counts; the list of entries is not one entry opened.
    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        self._record_access(request, object_id, response, AccessPage.ADMIN)
        return response

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        self._record_access(request, object_id, response, AccessPage.ADMIN_HISTORY)
        return response

    def _record_access(self, request, object_id, response, page):
        if request.method != "GET" or response.status_code != 200:
            return
        owner = Entry.objects.filter(pk=object_id).values_list("user_id", flat=True).first()
        if owner is not None:
            entry_access_record(entry_id=int(object_id), person_id=owner, actor=request.user, page=page)


class AcknowledgementInline(ReadOnlyAdminMixin, admin.TabularInline):
    """The person's answers to the flag's advice on their dashboard."""

    model = Acknowledgement
    fields = readonly_fields = ("response", "urgency", "created_at")
    extra = 0
    verbose_name_plural = "the person's answers to this advice"


@admin.register(Flag)
class FlagAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    inlines = (AcknowledgementInline,)
    list_display = ("id", "rule", "urgency", "status", "entry", "created_at")
    list_filter = ("status", "urgency", "rule")
    list_select_related = ("entry", "rule")
    raw_id_fields = ("entry",)
    readonly_fields = [field.name for field in Flag._meta.fields]

    # A flag's page shows its reason and message, which speak of the entry: opening it is an
    # access the person sees, like opening the entry itself.
    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            flag = Flag.objects.filter(pk=object_id).values("entry_id", "entry__user_id").first()
            if flag:
                entry_access_record(
                    entry_id=flag["entry_id"],
                    person_id=flag["entry__user_id"],
                    actor=request.user,
                    page=AccessPage.ADMIN_FLAG,
                )
        return response


class WaitingTimeFormSet(BaseModelFormSet):
    """The waiting times edited together on their list: a higher urgency may not wait longer than
    a lower one, or the queue would put a calmer entry's deadline before a more urgent one's."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        limits = selectors.waiting_limits()
        for form in self.forms:
            if form.cleaned_data.get("amount") and form.cleaned_data.get("unit"):
                limits[form.instance.urgency] = datetime.timedelta(
                    **{form.cleaned_data["unit"]: form.cleaned_data["amount"]}
                )
        for higher, lower in zip(URGENCIES, URGENCIES[1:], strict=False):
            if limits[higher] > limits[lower]:
                raise forms.ValidationError(
                    f"{higher.capitalize()} entries may not wait longer than {lower} ones "
                    f"({duration_words(limits[higher])} against {duration_words(limits[lower])})."
                )


@admin.register(WaitingTime)
class WaitingTimeAdmin(admin.ModelAdmin):
    """One row per urgency, made by the migrations: changed on the list, never added or deleted."""

    list_display = ("urgency_name", "amount", "unit", "meaning")
    list_editable = ("amount", "unit")
    list_display_links = None  # edited on the list, where the formset checks them together

    def get_queryset(self, request):
        rank = Case(
            *(When(urgency=code, then=Value(n)) for n, code in enumerate(URGENCIES)),
            output_field=IntegerField(),
        )
        return super().get_queryset(request).order_by(rank)

    def get_changelist_formset(self, request, **kwargs):
        return super().get_changelist_formset(request, formset=WaitingTimeFormSet, **kwargs)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            "title": "Waiting times: how long an entry of each urgency may wait for a reviewer",
            "subtitle": "Counted from when the entry began to wait (its first flag, or its reopening).",
        } | (extra_context or {})
        return super().changelist_view(request, extra_context)

    @admin.display(description="urgency", ordering="urgency")
    def urgency_name(self, obj):
        return obj.urgency.capitalize()

    @admin.display(description="what the person is told")
    def meaning(self, obj):
        return obj.get_urgency_display()

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# The rule's own page gains how precise the rule turned out. The figures read the reviews, and
# triage (below the review) must know nothing of them, so the review extends triage's admin here
# rather than triage linking up to the review.
admin.site.unregister(TriageRule)

PRECISION_PERIOD_DAYS = 90  # the period the rule's page sums up; the figures page offers others


class PrecisionPeriodForm(forms.Form):
    since = forms.DateField(
        required=False,
        label="Flags raised since",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Leave empty for every flag ever raised.",
    )


@admin.register(TriageRule)
class TriageRuleWithPrecisionAdmin(TriageRuleAdmin):
    def get_list_display(self, request):
        return (*super().get_list_display(request), "precision_link")

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "precision")

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        return (*fieldsets, ("How precise it turned out in review", {"fields": ("precision",)}))

    def get_urls(self):
        figures = path(
            "precision/",
            self.admin_site.admin_view(self.precision_view),
            name="triage_triagerule_precision",
        )
        return [figures, *super().get_urls()]

    @admin.display(description="precision")
    def precision_link(self, obj):
        url = reverse("admin:triage_triagerule_precision")
        return format_html('<a href="{}#rule-{}">figures</a>', url, obj.code)

    @admin.display(description=f"last {PRECISION_PERIOD_DAYS} days")
    def precision(self, obj):
        since = timezone.localdate() - datetime.timedelta(days=PRECISION_PERIOD_DAYS - 1)
        (figures,) = rule_precision(
            since=since, now=timezone.now(), limits=selectors.waiting_limits(), rules=[obj.code]
        )
        url = reverse("admin:triage_triagerule_precision") + f"?since={since.isoformat()}#rule-{obj.code}"
        if not figures.reviewed:
            summary = f"{figures.raised} flag(s) raised, none reviewed yet."
        else:
            summary = (
                f"{figures.raised} flag(s) raised, {figures.reviewed} reviewed: warranted in "
                f"{figures.warranted} of the {figures.decided} whose outcome tells "
                f"({figures.share_text}, {INTERVAL_NAME} {figures.interval_text}); median time to "
                f"review {figures.median_text}; {figures.overdue} overdue."
            )
        return format_html('{} <a href="{}">All rules and periods</a>', summary, url)

    def precision_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = PrecisionPeriodForm(request.GET or None)
        since = form.cleaned_data.get("since") if form.is_valid() else None
        today = timezone.localdate()
        presets = [
            (label, (today - datetime.timedelta(days=days - 1)).isoformat())
            for label, days in (("Last 30 days", 30), ("Last 90 days", 90), ("Last 365 days", 365))
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "How precise each triage rule is",
            "form": form,
            "since": since,
            "presets": presets,
            "interval_name": INTERVAL_NAME,
            "figures": rule_precision(since=since, now=timezone.now(), limits=selectors.waiting_limits()),
        }
        return TemplateResponse(request, "admin/triage/triagerule/precision.html", context)
