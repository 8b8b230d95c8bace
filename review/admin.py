"""The staff's look at people's entries in the admin: only flagged entries and their flags, read
only, and every opening an access the person sees on their account page."""

from django.contrib import admin
from django.db.models import Exists, OuterRef

from accounts.access import AccessPage
from journal.models import Entry
from journal.vocabulary import Region
from lib.admin import ReadOnlyAdminMixin
from review.services import entry_access_record
from triage.models import Flag


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


@admin.register(Flag)
class FlagAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
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
