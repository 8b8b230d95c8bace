from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.models import User
from journal.models import Entry
from review.services import review_claim
from tests.factories import UserFactory

URL = reverse("accounts:account-delete")


def test_deleting_asks_for_confirmation_and_says_what_goes(person_client, person, entry_of):
    entry_of(person)
    html = person_client.get(URL).content.decode()
    assert "Delete your account?" in html and "(1 entry)" in html
    assert User.objects.filter(pk=person.pk).exists()


def test_a_wrong_password_deletes_nothing(person_client, person, entry_of):
    entry_of(person)
    page = person_client.post(URL, {"password": "not-it"})
    assert "That is not your password." in page.content.decode()
    assert Entry.objects.filter(user=person).exists()


def test_the_account_and_the_whole_journal_are_deleted(person_client, person, other_person, entry_of):
    entry_of(person, symptoms=["headache"])
    entry_of(other_person)
    response = person_client.post(URL, {"password": "a-long-test-password"})
    assert response["Location"] == reverse("home")
    assert not User.objects.filter(pk=person.pk).exists()
    assert not Entry.objects.filter(user_id=person.pk).exists()
    assert Entry.objects.filter(user=other_person).count() == 1
    assert person_client.get(reverse("journal:dashboard")).status_code == 302


def test_a_reviewer_with_review_history_is_asked_to_have_the_account_deactivated(client, person, entry_of):
    entry = entry_of(person, upper_back=6, symptoms=["headache"])
    reviewer = UserFactory(username="rowan", is_staff=True)
    reviewer.groups.add(Group.objects.get(name="Reviewers"))
    review_claim(review=entry.review, actor=reviewer, version=entry.review.version)
    client.force_login(reviewer)
    page = client.post(URL, {"password": "a-long-test-password"})
    assert "ask an administrator to deactivate it" in page.content.decode()
    assert User.objects.filter(pk=reviewer.pk).exists()
    assert client.get(reverse("accounts:profile")).status_code == 200  # still logged in
