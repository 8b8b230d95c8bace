from django.urls import path

from reminders import views

app_name = "reminders"

# The feed's and the unsubscribe link's addresses hold a secret: lib.redaction keeps it out of
# every log, under the prefixes named in settings.SECRET_PATH_PREFIXES.
urlpatterns = [
    path("", views.reminder_settings, name="settings"),
    path("calendar/new/", views.feed_create, name="feed-create"),
    path("calendar/revoke/", views.feed_revoke, name="feed-revoke"),
    path("calendar/<str:token>.ics", views.feed, name="feed"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
