from django.urls import path

from front import views

app_name = "journal"

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/no-pain-today/", views.no_pain_today, name="no-pain-today"),
    path("dashboard/advice/", views.advice_answer, name="advice-answer"),
    path("journal/insights/", views.insights, name="insights"),
    path("journal/insights/data.json", views.insights_data, name="insights-data"),
    path("journal/", views.entry_list, name="entry-list"),
    path("journal/new/", views.entry_create, name="entry-create"),
    path("journal/export/", views.entry_export, name="entry-export"),
    path("journal/<int:pk>/", views.entry_detail, name="entry-detail"),
    path("journal/<int:pk>/edit/", views.entry_update, name="entry-update"),
    path("journal/<int:pk>/delete/", views.entry_delete, name="entry-delete"),
    path("journal/intakes/<int:pk>/relief/", views.intake_relief, name="intake-relief"),
    path("medications/", views.medication_list, name="medication-list"),
    path("medications/<int:pk>/edit/", views.medication_update, name="medication-update"),
    path("medications/<int:pk>/delete/", views.medication_delete, name="medication-delete"),
]
