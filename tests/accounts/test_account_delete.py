from auditlog.models import LogEntry
from django.apps import apps
from django.contrib.admin.models import CHANGE
from django.contrib.admin.models import LogEntry as AdminLogEntry
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from accounts.models import User
from accounts.services import second_factor_add_totp
from journal.models import Entry
from review.services import entry_access_record, review_claim
from tests.factories import EntryFactory, UserFactory, make_reviewer
from tests.totp import totp_code

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


def row_counts():
    return {
        model._meta.db_table: model.objects.count() for model in apps.get_models(include_auto_created=True)
    }


def with_everything(username, reviewer):
    """A person with a row in every table that can name them: journal, advice, review, consent,
    address, second factor, sessions, sign-ins, failed sign-ins, the admin's history, staff access."""
    person = UserFactory(username=username)
    entry = EntryFactory(user=person, upper_back=6, symptoms=["headache"])
    second_factor_add_totp(user=person, secret="JBSWY3DPEHPK3PXP")
    Client().post(reverse("account_login"), {"login": username, "password": "wrong"}, REMOTE_ADDR="192.0.2.1")
    phone = Client()
    phone.post(reverse("account_login"), {"login": username, "password": "a-long-test-password"})
    phone.post(reverse("mfa_authenticate"), {"code": totp_code("JBSWY3DPEHPK3PXP")})
    assert phone.get(reverse("journal:dashboard")).status_code == 200
    AdminLogEntry.objects.log_actions(
        user_id=reviewer.pk, queryset=[person], action_flag=CHANGE, change_message="Changed the time zone."
    )
    entry_access_record(entry_id=entry.pk, person_id=person.pk, actor=reviewer, page="review")
    return person, phone


def test_erasure_leaves_no_row_that_names_the_person(db):
    reviewer = make_reviewer("rowan")
    other, _ = with_everything("sam", reviewer)
    before = row_counts()
    person, client = with_everything("alex", reviewer)
    named = (
        "accounts_user",
        "journal_entry",
        "account_emailaddress",
        "mfa_authenticator",
        "usersessions_usersession",
        "django_session",
        "axes_accesslog",
        "axes_accessattempt",
        "django_admin_log",
    )
    during = row_counts()
    assert [table for table in named if during[table] <= before[table]] == []
    response = client.post(reverse("accounts:account-delete"), {"password": "a-long-test-password"})
    assert response["Location"] == reverse("home")

    after = row_counts()
    audit = LogEntry._meta.db_table
    assert {table: after[table] for table in after if table != audit} == {
        table: before[table] for table in before if table != audit
    }
    # The staff access record stays for the audit of who opened health data, linked to nobody.
    assert after[audit] == before[audit] + 1
    names = {"alex", person.email}
    for record in LogEntry.objects.all():
        text = f"{record.object_repr} {record.additional_data} {record.changes}"
        assert not any(name in text for name in names)
        assert (record.additional_data or {}).get("person") in (None, other.pk)
