from auditlog.mixins import AuditlogHistoryAdminMixin
from django.contrib import admin, messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html

from triage import rules
from triage.forms import TriageRuleForm
from triage.models import TriageRule


@admin.register(TriageRule)
class TriageRuleAdmin(AuditlogHistoryAdminMixin, admin.ModelAdmin):
    form = TriageRuleForm
    list_display = ("code", "enabled", "urgency", "thresholds", "source", "updated_at")
    list_filter = ("enabled", "urgency", "source")
    readonly_fields = ("code", "criterion", "source", "change_history", "updated_at")
    # Every change (who, when, old and new values) is kept by django-auditlog.
    show_auditlog_history_link = True
    auditlog_history_template = "triage/triagerule_history.html"

    def get_fieldsets(self, request, obj=None):
        thresholds = [param.name for param in rules.RULES_BY_CODE[obj.code].params] if obj else []
        return (
            (None, {"fields": ("code", "criterion", "source", "change_history")}),
            ("What fires and how urgent", {"fields": ("enabled", "urgency", *thresholds)}),
            ("What the person reads", {"fields": ("message",)}),
            (None, {"fields": ("updated_at",)}),
        )

    @admin.display(description="fires when")
    def criterion(self, obj):
        return obj.definition.criterion

    @admin.display(description="thresholds")
    def thresholds(self, obj):
        return ", ".join(f"{name} = {value}" for name, value in sorted((obj.params or {}).items())) or "none"

    @admin.display(description="history of changes")
    def change_history(self, obj):
        url = reverse("admin:triage_triagerule_auditlog", args=[obj.pk])
        return format_html('<a href="{}">Who changed this rule, when, and what</a>', url)

    # One history for a rule: django-auditlog's, with the old and new values, not the admin's own log.
    def history_view(self, request, object_id, extra_context=None):
        return redirect("admin:triage_triagerule_auditlog", object_id)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        messages.info(
            request,
            "New and edited entries are judged with this setting from now on. To bring the advice "
            "already given in line with it, run: python manage.py retriage",
        )

    # The rows are the rules in the code: created by a migration, switched off rather than deleted.
    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
