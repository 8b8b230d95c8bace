from django.contrib import admin
from django.urls import include, path

from front.views import LoginView, home

admin.site.site_header = "Back pain journal administration"
admin.site.site_title = "Back pain journal admin"

urlpatterns = [
    path("", home, name="home"),
    path("accounts/login/", LoginView.as_view(), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("accounts/", include("accounts.urls")),
    path("", include("front.urls")),
    path("learn/", include("learn.urls")),
    path("review/", include("review.urls")),
    path("reminders/", include("reminders.urls")),
    path("admin/", admin.site.urls),
]
