from django.contrib import admin

from journal.models import Entry
from journal.vocabulary import Region


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    list_display = ("id", "user", "date", "time", "pain", "spasms", "painkillers", "season", "created_at")
    list_filter = ("season", "painkillers", "date")
    search_fields = ("user__username", "user__email")
    date_hierarchy = "date"
    list_select_related = ("user",)
    raw_id_fields = ("user",)
    readonly_fields = ("pain", "season", "created_at", "updated_at")
    ordering = ("-date", "-id")
    fieldsets = (
        (None, {"fields": ("user", "date", "time", "season", "created_at", "updated_at")}),
        ("Where it hurts", {"fields": (*Region.values, "pain")}),
        ("Spasms, spreading pain, symptoms", {"fields": ("spasms", "radiates_to", "symptoms")}),
        ("Painkillers and self-help", {"fields": ("painkillers", "painkiller_names", "self_help")}),
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

    # Entries belong to the person who wrote them: staff may look, only the person edits, so that
    # every change goes through the journal's services (season, triage).
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
