from django.urls import path

from learn import views

app_name = "learn"

urlpatterns = [
    path("", views.article_list, name="article-list"),
    path("topics/when-to-see-a-doctor/", views.see_a_doctor, name="see-a-doctor"),
    path("<slug:slug>/", views.article_detail, name="article-detail"),
]
