from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from accounts.models import HealthDataConsent, User


class ConsentInline(admin.TabularInline):
    model = HealthDataConsent
    extra = 0
    can_delete = False
    readonly_fields = ("version", "given_at")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(User)
class PersonAdmin(UserAdmin):
    list_display = ("username", "email", "is_staff", "is_active", "hemisphere", "time_zone", "date_joined")
    list_filter = ("is_staff", "is_superuser", "is_active", "hemisphere", "groups")
    fieldsets = (*(UserAdmin.fieldsets or ()), ("Journal settings", {"fields": ("hemisphere", "time_zone")}))
    inlines = [ConsentInline]
    date_hierarchy = "date_joined"


@admin.register(HealthDataConsent)
class HealthDataConsentAdmin(admin.ModelAdmin):
    list_display = ("user", "version", "given_at")
    list_filter = ("version",)
    search_fields = ("user__username",)
    date_hierarchy = "given_at"
    readonly_fields = ("user", "version", "given_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
