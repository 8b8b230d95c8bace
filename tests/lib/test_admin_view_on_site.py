"""The admin's "View on site" redirect tells nothing to staff who may not view that kind of object:
an existing entry and a missing one answer the same 404."""

from django.contrib.contenttypes.models import ContentType

from journal.models import Entry
from learn.models import Article
from tests.factories import UserFactory, make_reviewer
from tests.learn.factories import ArticleFactory


def test_staff_without_the_permission_cannot_tell_which_entries_exist(client, person, entry_of):
    entry = entry_of(person, upper_back=4)
    client.force_login(make_reviewer())
    content_type = ContentType.objects.get_for_model(Entry).pk
    existing = client.get(f"/admin/r/{content_type}/{entry.pk}/")
    missing = client.get(f"/admin/r/{content_type}/{entry.pk + 1000}/")
    assert existing.status_code == missing.status_code == 404


def test_an_editor_still_views_an_article_on_the_site(client, db):
    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    article = ArticleFactory()
    client.force_login(admin)
    response = client.get(f"/admin/r/{ContentType.objects.get_for_model(Article).pk}/{article.pk}/")
    assert response.status_code == 302 and response["Location"].endswith(f"/learn/{article.slug}/")


def test_visitors_are_sent_to_log_in(client, db):
    response = client.get(f"/admin/r/{ContentType.objects.get_for_model(Entry).pk}/1/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
