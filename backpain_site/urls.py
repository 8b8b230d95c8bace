from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from front.views import home
from lib.admin import view_on_site
from lib.health import healthz, readyz

admin.site.site_header = "Back pain journal administration"
admin.site.site_title = "Back pain journal admin"
# The admin signs in through the site's own sign-in, with its lockout, throttles and second factor.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

# A database that cannot be reached answers 503 with Retry-After; any other error, the 500 page.
handler500 = "lib.health.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("", home, name="home"),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("front.urls")),
    path("learn/", include("learn.urls")),
    path("review/", include("review.urls")),
    path("reminders/", include("reminders.urls")),
    # In place of the admin's own, which tells any staff member which ids exist.
    path(
        "admin/r/<int:content_type_id>/<path:object_id>/",
        admin.site.admin_view(view_on_site),
        name="admin-view-on-site",
    ),
    path("admin/", admin.site.urls),
]

# allauth's own rate limits answer with this page (accounts.views.too_many_attempts).
handler429 = "accounts.views.rate_limited"
