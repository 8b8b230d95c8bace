"""Admin pieces that know no app."""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.http import Http404, HttpRequest, HttpResponseBase
from django.shortcuts import get_object_or_404


class ReadOnlyAdminMixin:
    """Staff may look, never add, change or delete: for rows that only the app's services write."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def view_on_site(request: HttpRequest, content_type_id: int, object_id: str) -> HttpResponseBase:
    """The admin's "View on site" redirect, for staff who may view that kind of object in the
    admin; anyone else gets 404 whether or not the object exists, so the redirect cannot tell
    which ids exist (Django's own shortcut answers any staff member)."""
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    model = content_type.model_class()
    if model is None:
        raise Http404
    opts = model._meta
    allowed = (f"{opts.app_label}.{action}_{opts.model_name}" for action in ("view", "change"))
    if not any(request.user.has_perm(permission) for permission in allowed):
        raise Http404
    return shortcut(request, content_type_id, object_id)
