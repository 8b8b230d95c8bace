from django.contrib import admin
from django.db.models import Exists, OuterRef

from journal.models import Entry
from journal.vocabulary import Region
from triage.models import Flag
from triage.services import AccessPage, entry_access_record


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
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
    )
    ordering = ("-date", "-id")
    fieldsets = (
        (None, {"fields": ("user", "date", "time", "season", "created_at", "updated_at")}),
        ("Where it hurts", {"fields": (*Region.values, "pain")}),
        ("Spasms, spreading pain, symptoms", {"fields": ("spasms", "spreads_to", "symptom_list")}),
        ("Painkillers and self-help", {"fields": ("painkillers", "painkiller_names", "self_help_list")}),
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

    # Entries belong to the person who wrote them: staff may look, only the person edits, so that
    # every change goes through the journal's services (season, triage).
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
