from django.contrib.auth.models import Group
from django.urls import reverse

from tests.factories import UserFactory

PASSWORD = "a-long-test-password"


def test_a_person_logs_in_and_out(client, person):
    response = client.post(reverse("login"), {"username": person.username, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("journal:dashboard")).status_code == 200
    response = client.post(reverse("logout"))
    assert response["Location"] == reverse("home")
    assert client.get(reverse("journal:dashboard")).status_code == 302


def test_a_wrong_password_says_so_without_telling_which_part_was_wrong(client, person):
    page = client.post(reverse("login"), {"username": person.username, "password": "nope"})
    assert "Please enter a correct username and password." in page.content.decode()


def test_repeated_wrong_passwords_lock_the_account_out(client, person, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": person.username, "password": "wrong"})
    page = client.post(reverse("login"), {"username": person.username, "password": PASSWORD})
    assert page.status_code == 429
    assert "Too many failed attempts" in page.content.decode()
    assert client.get(reverse("journal:dashboard")).status_code == 302


def test_a_reviewer_starts_at_the_review_queue(client, db):
    reviewer = UserFactory(username="rowan", is_staff=True)
    reviewer.groups.add(Group.objects.get(name="Reviewers"))
    response = client.post(reverse("login"), {"username": "rowan", "password": PASSWORD})
    assert response["Location"] == reverse("review:queue")


def test_a_next_address_still_wins_over_the_start_page(client, person):
    response = client.post(
        reverse("login") + "?next=/journal/new/", {"username": person.username, "password": PASSWORD}
    )
    assert response["Location"] == "/journal/new/"
