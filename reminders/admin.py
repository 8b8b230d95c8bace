"""Operators can see whether a day's reminder went out (no health data here), never change it."""

from django.contrib import admin

from lib.admin import ReadOnlyAdminMixin
from reminders.models import ReminderDelivery


@admin.register(ReminderDelivery)
class ReminderDeliveryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("day", "user", "status", "attempts", "claimed_at", "sent_at", "retry_at", "error")
    list_filter = ("status", "day")
    search_fields = ("user__username",)
    date_hierarchy = "day"
    list_select_related = ("user",)
