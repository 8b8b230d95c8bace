"""A URL whose view fails, for the error-report tests."""

from django.urls import path

from backpain_site.urls import urlpatterns as site_urlpatterns


def failing_view(request, entry_id):
    raise RuntimeError("the view failed")


urlpatterns = [path("journal/<int:entry_id>/fail/", failing_view), *site_urlpatterns]
