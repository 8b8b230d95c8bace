from django.contrib import admin
from django.urls import include, path

from backpain_site.accounts.views import LoginView
from journal.views import home

admin.site.site_header = "Back pain journal administration"
admin.site.site_title = "Back pain journal admin"

urlpatterns = [
    path("", home, name="home"),
    path("accounts/login/", LoginView.as_view(), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("accounts/", include("backpain_site.accounts.urls")),
    path("", include("journal.urls")),
    path("learn/", include("backpain_site.learn.urls")),
    path("review/", include("triage.urls")),
    path("admin/", admin.site.urls),
]
