import pytest
from django.urls import reverse

from accounts.models import HealthDataConsent
from tests.factories import UserFactory


def test_giving_consent_opens_the_journal_and_returns_where_the_person_was_going(client, db):
    person = UserFactory(consented=False)
    client.force_login(person)
    target = reverse("journal:entry-create")
    assert client.get(target)["Location"] == f"{reverse('accounts:consent')}?next=%2Fjournal%2Fnew%2F"
    response = client.post(reverse("accounts:consent"), {"consent": "on", "next": target})
    assert response["Location"] == target
    assert HealthDataConsent.objects.filter(user=person).count() == 1
    assert client.get(target).status_code == 200


def test_consent_is_not_given_without_ticking_the_box(client, db):
    person = UserFactory(consented=False)
    client.force_login(person)
    page = client.post(reverse("accounts:consent"), {})
    assert page.status_code == 200
    assert not HealthDataConsent.objects.exists()


def test_the_consent_page_refuses_an_outside_next_address(client, db):
    person = UserFactory(consented=False)
    client.force_login(person)
    response = client.post(reverse("accounts:consent"), {"consent": "on", "next": "https://evil.example/"})
    assert response["Location"] == reverse("journal:dashboard")


@pytest.mark.parametrize(
    "target",
    ["dashboard", "journal:dashboard", "not a url", "javascript:alert(1)", "//evil.example/", "\\\\evil"],
)
def test_a_next_that_is_not_an_address_on_this_site_lands_on_the_dashboard(client, db, target):
    person = UserFactory(consented=False)
    client.force_login(person)
    assert client.get(reverse("accounts:consent"), {"next": target}).status_code == 200
    response = client.post(reverse("accounts:consent"), {"consent": "on", "next": target})
    assert response.status_code == 302
    assert response["Location"] == reverse("journal:dashboard")
