from django.urls import path

from review import views

app_name = "review"

urlpatterns = [
    path("", views.review_queue, name="queue"),
    path("entries/<int:pk>/", views.review_detail, name="detail"),
    path("entries/<int:pk>/claim/", views.review_claim, name="claim"),
    path("entries/<int:pk>/release/", views.review_release, name="release"),
    path("entries/<int:pk>/note/", views.review_note, name="note"),
    path("entries/<int:pk>/resolve/", views.review_resolve, name="resolve"),
    path("entries/<int:pk>/reopen/", views.review_reopen, name="reopen"),
    path("people/<int:person_id>/", views.review_case, name="case"),
    path("people/<int:person_id>/resolve/", views.review_case_resolve, name="case-resolve"),
]
