from django.urls import path

from triage import views

app_name = "triage"

urlpatterns = [
    path("", views.review_queue, name="review-queue"),
    path("entries/<int:pk>/", views.review_detail, name="review-detail"),
    path("entries/<int:pk>/claim/", views.review_claim, name="review-claim"),
    path("entries/<int:pk>/release/", views.review_release, name="review-release"),
    path("entries/<int:pk>/note/", views.review_note, name="review-note"),
    path("entries/<int:pk>/resolve/", views.review_resolve, name="review-resolve"),
    path("entries/<int:pk>/reopen/", views.review_reopen, name="review-reopen"),
]
