from auditlog.mixins import AuditlogHistoryAdminMixin
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from lib.admin import ReadOnlyAdminMixin
from lib.tasks import enqueue
from triage import rules, services, tasks
from triage.forms import TriageRuleForm
from triage.models import RetriageRun, TriageRule


@admin.register(TriageRule)
class TriageRuleAdmin(AuditlogHistoryAdminMixin, admin.ModelAdmin):
    form = TriageRuleForm
    list_display = ("code", "enabled", "urgency", "thresholds", "source", "updated_at")
    list_filter = ("enabled", "urgency", "source")
    readonly_fields = ("code", "criterion", "source", "change_history", "updated_at")
    # Every change (who, when, old and new values) is kept by django-auditlog.
    show_auditlog_history_link = True
    auditlog_history_template = "triage/triagerule_history.html"
    actions = ["apply_to_past_entries"]

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
            'already given in line with it, select rules in the list and choose "Apply the rules to '
            'past entries" (or run: python manage.py retriage).',
        )

    @admin.action(description="Apply the rules to past entries", permissions=["change"])
    def apply_to_past_entries(self, request, queryset):
        """Re-evaluate every stored entry with every rule as configured now (what `retriage`
        does), as a background task. Asks first; then shows the run and its progress."""
        if request.POST.get("confirmed") != "yes":
            return TemplateResponse(
                request,
                "admin/triage/triagerule/apply_to_past_entries.html",
                {
                    **self.admin_site.each_context(request),
                    "title": "Apply the rules to past entries?",
                    "opts": self.model._meta,
                    "rules": queryset,
                    "selected": request.POST.getlist(ACTION_CHECKBOX_NAME),
                    "action_checkbox_name": ACTION_CHECKBOX_NAME,
                },
            )
        try:
            run = services.retriage_run_create(requested_by=request.user)
        except services.RetriageAlreadyRunning as running:
            url = reverse("admin:triage_retriagerun_change", args=[running.run.pk])
            self.message_user(
                request,
                format_html('The rules are being applied already: <a href="{}">follow that run</a>.', url),
                messages.WARNING,
            )
            return redirect(url)
        enqueue(tasks.retriage_run, run_id=run.pk)
        self.message_user(
            request,
            "Applying the rules to every past entry in the background. This page shows how far it got.",
            messages.SUCCESS,
        )
        return redirect("admin:triage_retriagerun_change", run.pk)

    # The rows are the rules in the code: created by a migration, switched off rather than deleted.
    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RetriageRun)
class RetriageRunAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The runs of "Apply the rules to past entries": their progress while they run (the page
    reloads itself), then what they changed."""

    list_display = ("__str__", "status", "progress", "result", "requested_by", "created_at", "finished_at")
    list_filter = ("status",)
    list_select_related = ("requested_by",)
    fields = (
        "status", "progress", "result", "error", "requested_by", "created_at", "started_at", "finished_at",
    )  # fmt: skip
    readonly_fields = fields
    change_form_template = "admin/triage/retriagerun/change_form.html"
    change_list_template = "admin/triage/retriagerun/change_list.html"

    # Read only, but staff who may change the rules may follow what applying them did.
    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) or request.user.has_perm("triage.change_triagerule")

    @admin.display(description="progress")
    def progress(self, obj):
        if obj.total is None:
            return "waiting for a worker" if obj.status == "queued" else "–"
        return format_html(
            '<progress value="{}" max="{}">{}%</progress> {} of {} entries ({}%)',
            obj.done, obj.total or 1, obj.percent, obj.done, obj.total, obj.percent,
        )  # fmt: skip

    @admin.display(description="flags")
    def result(self, obj):
        return (
            f"{obj.added} added, {obj.updated} updated, {obj.withdrawn} withdrawn, {obj.unchanged} unchanged"
        )

    def changelist_view(self, request, extra_context=None):
        refresh = RetriageRun.objects.filter(active=True).exists()
        return super().changelist_view(
            request, {**(extra_context or {}), "refresh_seconds": 3 if refresh else 0}
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        refresh = RetriageRun.objects.filter(pk=object_id, active=True).exists()
        return super().change_view(
            request, object_id, form_url, {**(extra_context or {}), "refresh_seconds": 3 if refresh else 0}
        )
