from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("consent/", views.consent, name="consent"),
    path("profile/", views.profile, name="profile"),
    path("delete/", views.account_delete, name="account-delete"),
]
